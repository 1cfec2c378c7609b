import type { StreamEnd } from '@/lib/contract/params';
import type { CodePosition } from '@/lib/code/flask-slots';

/**
 * The parts of this project's TypeScript the code panel shows, beside the Flask: the generator
 * both servers of `GET /api/stream` run, where production answers the request, and the lines
 * each of the stream lab's endings adds. Each is a
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
  {
    file: 'lib/server/event-stream.ts',
    region: 'end-event',
    caption:
      "end=event: once the generator is done, its last sleep included, the stream ends with endFrame, END_FRAME's 'event: end\\ndata: done\\n\\n'",
    positions: ['endEvent'],
    end: 'event',
  },
  {
    file: 'lib/contract/event-id.ts',
    region: 'no-content',
    caption: 'end=204: a request whose Last-Event-ID is the last frame gets 204 No Content, and EventSource stops',
    positions: ['noContent'],
    end: '204',
  },
] as const satisfies ReadonlyArray<{
  file: string;
  region: string;
  caption: string;
  positions: readonly CodePosition[];
  /** Shown only for this ending: the lines it adds. */
  end?: StreamEnd;
}>;
