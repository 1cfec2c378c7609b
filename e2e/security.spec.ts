import http from 'node:http';
import { expect, test } from '@playwright/test';
import { readStream } from './raw-http';

const PAGES = ['/', '/?present=1&n=5', '/embed', '/no-such-page'];
const ROUTES = ['/api/stream?n=1&delay=0', '/api/stream?n=abc', '/api/health', '/api/no-such-route'];

test.describe('security headers', () => {
  for (const path of PAGES) {
    test(`${path} sends the security headers and runs without a CSP violation`, async ({ page }) => {
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to (load|execute|apply)/i.test(message.text())) violations.push(message.text());
      });
      const response = await page.goto(path);
      const headers = response!.headers();
      const csp = headers['content-security-policy']!;
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain(path === '/embed' ? 'frame-ancestors *' : "frame-ancestors 'none'");
      expect(headers['x-frame-options']).toBe(path === '/embed' ? undefined : 'DENY');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['permissions-policy']).toContain('camera=()');
      await expect(page.locator('h1')).toBeAttached(); // hidden in presenter mode, present everywhere
      if (path !== '/no-such-page') {
        // Hydrated despite the strict CSP: the nonce reached Next's scripts, so the keyboard runs the stream.
        await expect(page.getByRole('button', { name: 'Keyboard shortcuts (?)' })).toBeVisible();
        await expect(async () => {
          await page.keyboard.press('ArrowRight');
          await expect(page.getByTestId('connection-state')).not.toHaveText('Idle', { timeout: 1000 });
        }).toPass();
      }
      await page.waitForTimeout(300);
      expect(violations).toEqual([]);
    });
  }

  test('a nonce is new on every request', async ({ request }) => {
    const nonce = async () => /'nonce-([^']+)'/.exec((await request.get('/')).headers()['content-security-policy']!)![1];
    expect(await nonce()).not.toBe(await nonce());
  });

  for (const path of ROUTES) {
    test(`${path} sends the API's headers, and no error body carries a stack trace`, async ({ request }) => {
      const response = await request.get(path);
      const headers = response.headers();
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['x-frame-options']).toBe('DENY');
      if (path.startsWith('/api/stream?n=1') || path.startsWith('/api/health') || path.includes('abc')) {
        expect(headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
      }
      const body = await response.text();
      expect(body).not.toMatch(/\n\s+at |node_modules|\.next\//);
    });
  }
});

// @serial: these fill the per-client cap and count the server's open streams, which another worker's streams would change.
test.describe('hostile requests against the running server', { tag: '@serial' }, () => {
  /** A raw request line, sent as is (fetch would normalise it). */
  function rawGet(baseURL: string, target: string, headers: Record<string, string> = {}) {
    const url = new URL(baseURL);
    return new Promise<{ status: number; contentType: string; body: string; ms: number }>((resolve, reject) => {
      const started = Date.now();
      const request = http.request(
        { host: url.hostname, port: url.port, path: target, method: 'GET', headers, agent: false },
        (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk) => (body += chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode!,
              contentType: String(response.headers['content-type']),
              body,
              ms: Date.now() - started,
            }),
          );
        },
      );
      request.on('error', reject);
      request.end();
    });
  }

  const HOSTILE = [
    '/api/stream?n=%',
    '/api/stream?n=%zz',
    '/api/stream?n=1e3',
    '/api/stream?n=0x10',
    '/api/stream?n=%E2%80%8B3',
    '/api/stream?delay=-5',
    '/api/stream?delay=%00',
    '/api/stream?n=3&n=4',
    '/api/stream?template=',
    '/api/stream?template=%F0%9F%98%80' + '%F0%9F%98%80'.repeat(200),
    '/api/stream?mode=STEP',
    '/api/stream?template=' + 'a'.repeat(5000),
  ];

  for (const target of HOSTILE) {
    test(`${target.slice(0, 60)} gets a quick 4xx JSON answer`, async ({ baseURL }) => {
      const answer = await rawGet(baseURL!, target);
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(answer.contentType).toMatch(/^application\/json/);
      expect(JSON.parse(answer.body)).toEqual({ error: expect.any(String), field: expect.anything() });
      expect(answer.ms).toBeLessThan(5_000);
    });
  }

  test('an oversize POST body to advance is refused unread with 413', async ({ request }) => {
    const response = await request.post('/api/stream/00000000-0000-4000-8000-000000000000/advance', { data: 'x'.repeat(50_000) });
    expect(response.status()).toBe(413);
    expect(await response.json()).toEqual({
      error: 'The request body is too large (this endpoint takes at most 1024 bytes).',
      field: 'body',
    });
  });

  test('a spoofed X-Forwarded-For does not dodge the per-client cap of 50', async ({ baseURL }) => {
    const sockets: http.ClientRequest[] = [];
    const open = (forwardedFor: string) =>
      new Promise<number>((resolve, reject) => {
        const url = new URL('/api/stream?n=1000&delay=1000', baseURL);
        const request = http.get(url, { agent: false, headers: { 'X-Forwarded-For': forwardedFor } }, (response) => {
          resolve(response.statusCode!);
          if (response.statusCode !== 200) response.resume();
        });
        request.on('error', reject);
        sockets.push(request);
      });
    try {
      const statuses = [];
      for (let k = 0; k < 51; k++) statuses.push(await open(`203.0.113.${k}`));
      expect(statuses.slice(0, 50).every((status) => status === 200)).toBe(true);
      expect(statuses[50]).toBe(429);
    } finally {
      for (const socket of sockets) socket.destroy();
    }
    await expect.poll(async () => (await readStream(baseURL, '/api/health')).body).toContain('"activeStreams":0');
  });

  test('40 clients that vanish mid-stream leave no stream open', async ({ baseURL }) => {
    // 40, not more: they all come from this one address, which may hold 50 streams at once.
    const streams = Array.from({ length: 40 }, (_, k) =>
      readStream(baseURL, `/api/stream?n=100&delay=${20 + (k % 5) * 10}`, { stopAfterFrames: 1 + (k % 7) }),
    );
    const results = await Promise.all(streams);
    expect(results.every((result) => result.disconnected)).toBe(true);
    await expect.poll(async () => JSON.parse((await readStream(baseURL, '/api/health')).body).activeStreams, { timeout: 10_000 }).toBe(0);
  });
});
