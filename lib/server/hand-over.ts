import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientAddress, trustedProxiesFrom } from './client-address';
import { HAND_OVER_KEY } from './hand-over-key.mjs';
import { activeStreams, shutdownStreams } from './registry';
import { isStreamRequest, serveStreamOnNode } from './serve-on-node';

/**
 * What the production server (`server.mjs`) needs from the app that Next compiles: the one
 * hand-over between the two. `instrumentation.ts` installs it when Next prepares; `server.mjs`
 * reads it after `app.prepare()`, checks its type against this interface (`// @ts-check`), and
 * refuses to start without it unless told to serve the stream through Next.
 */
export interface ProductionHandOver {
  /** The client's address, as the per-client cap counts it (`client-address.ts`). */
  clientOf(request: IncomingMessage): string;
  /** Whether this request is `GET` or `HEAD /api/stream`, which the server answers directly. */
  isStreamRequest(request: IncomingMessage): boolean;
  /** Answers `GET`/`HEAD /api/stream` on the Node response: the route's own `openStream`. */
  serveStreamOnNode(request: IncomingMessage, response: ServerResponse, client: string): void;
  /** On SIGTERM: admit nothing more, send every open stream a final comment and end it. */
  shutdownStreams(): number;
  /** How many streams are still open (the server waits for 0 before it exits). */
  activeStreams(): number;
}

/** Installs the hand-over. Called once, by `instrumentation.ts`; importing this module does nothing. */
export function installHandOver(env: Record<string, string | undefined> = process.env): ProductionHandOver {
  const trustedProxies = trustedProxiesFrom(env);
  const handOver: ProductionHandOver = {
    clientOf: (request) => clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], trustedProxies),
    isStreamRequest,
    serveStreamOnNode,
    shutdownStreams,
    activeStreams,
  };
  (globalThis as Record<symbol, unknown>)[Symbol.for(HAND_OVER_KEY)] = handOver;
  return handOver;
}
