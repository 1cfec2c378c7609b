import type { CodePosition } from '@/lib/lesson/flask-code';

/**
 * The parts of this project's TypeScript the code panel shows, beside the Flask: the generator
 * both servers of `GET /api/stream` run, and where production answers the request. Each is a
 * marked region of its file (`lib/code/excerpt.ts`); the panel lights the marked lines.
 */
export const TYPESCRIPT_EXCERPTS = [
  {
    file: 'lib/server/event-stream.ts',
    region: 'generator',
    caption: 'the generator, run by both servers of GET /api/stream',
    positions: ['start', 'yield', 'sleep', 'end'],
  },
  {
    file: 'lib/server/serve-on-node.ts',
    region: 'direct-route',
    caption:
      'how production answers the request (server.mjs → serveStreamOnNode); under next dev, app/api/stream/route.ts does the same through openStream',
    positions: ['request'],
  },
] as const satisfies ReadonlyArray<{ file: string; region: string; caption: string; positions: readonly CodePosition[] }>;
