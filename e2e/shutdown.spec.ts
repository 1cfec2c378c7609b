import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { LessonPage } from './lesson-page';
import { readStream } from './raw-http';

/**
 * These tests start their own production server (`server.mjs`, on the build the main server
 * uses) so they can stop it, or give it a short stream lifetime.
 */
/** Ports beside the suite's own (`E2E_PORT`), so two checkouts' suites never meet. */
const PORT = Number(process.env.E2E_PORT ?? 3100);

async function startServer(port: number, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['server.mjs'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  await expect.poll(() => output, { timeout: 30_000 }).toContain('Stepstream ready');
  return { child, baseURL: `http://127.0.0.1:${port}`, output: () => output };
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

test.describe('shutdown and mid-stream errors', () => {
  test('on SIGTERM every open stream gets a final comment and ends, and the server exits within 5 s', async () => {
    const server = await startServer(PORT + 11);
    // What follows runs on the direct GET /api/stream (lib/server/serve-on-node.ts), not Next's route.
    expect(server.output()).toContain('GET /api/stream: served directly (node:http)');
    const streams = [0, 1, 2].map(() => readStream(server.baseURL, '/api/stream?n=1000&delay=200'));
    await expect.poll(async () => JSON.parse((await readStream(server.baseURL, '/api/health')).body).activeStreams).toBe(3);

    const exit = exited(server.child);
    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    const results = await Promise.all(streams);
    for (const result of results) {
      expect(result.disconnected).toBe(false);
      expect(result.body.endsWith('\n\n: server shutting down\n\n')).toBe(true);
      expect(result.body).toMatch(/^(data: Message \d+\n\n)+: server shutting down\n\n$/);
    }
    expect(await exit).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(5_000);
    expect(server.output()).toContain('sent the shutdown comment to 3 open stream(s)');
  });

  test('a failure after the stream started arrives as an event: error frame; the page shows Error and Run works again', async ({
    page,
  }) => {
    const server = await startServer(PORT + 12, { STEPSTREAM_MAX_STREAM_SECONDS: '1' });
    try {
      const lesson = new LessonPage(page);
      await lesson.goto(`${server.baseURL}/`);
      await lesson.range.fill('5');
      await lesson.run.click();
      await expect(lesson.connectionState).toHaveText('Error', { timeout: 10_000 });
      await expect(lesson.executionRows().last()).toContainText('Error: This stream reached its time limit (1 s) and was closed.');
      await expect(lesson.executionRows().last()).toHaveClass(/row-error/);
      await expect(page.getByText('Error: This stream reached its time limit').first()).toBeVisible();

      await lesson.range.fill('1');
      await lesson.sleep.fill('0');
      await expect(lesson.run).toBeEnabled();
      await lesson.run.click();
      await expect(lesson.connectionState).toHaveText('Closed');
    } finally {
      server.child.kill('SIGTERM');
      await exited(server.child);
    }
  });

  test('refuses to start, saying why, when the hand-over from the compiled app is missing, unless told to use the Next route', async () => {
    const blocked = ['--import', './e2e/support/block-hand-over.mjs', 'server.mjs'];
    const env = { ...process.env, PORT: String(PORT + 13), HOST: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1' };
    const refused = spawn(process.execPath, blocked, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let said = '';
    refused.stderr!.on('data', (chunk) => (said += chunk));
    expect(await exited(refused)).toBe(1);
    expect(said).toContain('the production hand-over is missing');

    const viaNext = spawn(process.execPath, blocked, {
      env: { ...env, STEPSTREAM_STREAM_VIA_NEXT: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    viaNext.stdout!.on('data', (chunk) => (output += chunk));
    try {
      await expect.poll(() => output, { timeout: 30_000 }).toContain('GET /api/stream: served by the Next.js route handler');
      const stream = await readStream(`http://127.0.0.1:${PORT + 13}`, '/api/stream?n=1&delay=0');
      expect(stream.body).toBe('data: Message 0\n\n');
    } finally {
      viaNext.kill('SIGKILL');
    }
  });
});
