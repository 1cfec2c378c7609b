import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProductionHandOver } from '@/lib/server/hand-over';
import { HAND_OVER_KEY } from '@/lib/server/hand-over-key.mjs';
import { register } from './instrumentation';

const handedOver = () => (globalThis as Record<symbol, unknown>)[Symbol.for(HAND_OVER_KEY)] as ProductionHandOver | undefined;

describe('instrumentation register()', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    delete (globalThis as Record<symbol, unknown>)[Symbol.for(HAND_OVER_KEY)];
  });

  it('installs the production hand-over on the Node runtime: the direct stream route and the shutdown hook', async () => {
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
    await register();
    const handOver = handedOver();
    for (const name of ['clientOf', 'isStreamRequest', 'serveStreamOnNode', 'shutdownStreams', 'activeStreams'] as const) {
      expect(typeof handOver?.[name], name).toBe('function');
    }
    expect(handOver!.activeStreams()).toBe(0);
  });

  it('hands over nothing on the edge runtime', async () => {
    vi.stubEnv('NEXT_RUNTIME', 'edge');
    await register();
    expect(handedOver()).toBeUndefined();
  });

  it('counts clients behind as many proxies as STEPSTREAM_TRUST_PROXY says', async () => {
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
    vi.stubEnv('STEPSTREAM_TRUST_PROXY', '1');
    await register();
    const request = { socket: { remoteAddress: '127.0.0.1' }, headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' } };
    expect(handedOver()!.clientOf(request as never)).toBe('203.0.113.7');
  });

  it('is read by server.mjs under the key it imports from the one module that defines it', () => {
    const server = readFileSync(path.join(__dirname, 'server.mjs'), 'utf8');
    expect(server).toContain("import { HAND_OVER_KEY } from './lib/server/hand-over-key.mjs';");
    expect(server).toContain('Symbol.for(HAND_OVER_KEY)');
    expect(server).not.toContain(HAND_OVER_KEY);
  });
});
