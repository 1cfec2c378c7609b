import { afterEach, describe, expect, it, vi } from 'vitest';
import { register } from './instrumentation';

const HANDOVER = Symbol.for('stepstream.serve-stream');
const handedOver = () => (globalThis as Record<symbol, unknown>)[HANDOVER] as { isStreamRequest?: unknown; serveStreamOnNode?: unknown } | undefined;

describe('instrumentation register()', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    delete (globalThis as Record<symbol, unknown>)[HANDOVER];
  });

  it('hands server.mjs the direct GET /api/stream on the Node runtime', async () => {
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
    await register();
    expect(typeof handedOver()?.isStreamRequest).toBe('function');
    expect(typeof handedOver()?.serveStreamOnNode).toBe('function');
  });

  it('hands over nothing on the edge runtime', async () => {
    vi.stubEnv('NEXT_RUNTIME', 'edge');
    await register();
    expect(handedOver()).toBeUndefined();
  });
});
