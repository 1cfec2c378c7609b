import http, { type IncomingHttpHeaders } from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * Plain HTTP from Node for the e2e specs: `node:http` hands over the body as it comes off the
 * socket, so every frame gets its own arrival time (fetch could buffer and hide it).
 */

/** One complete event-stream frame (ended by its blank line) and when its last byte arrived. */
export interface Frame {
  text: string;
  /** `performance.now()` when the chunk completing this frame was read. */
  at: number;
}

export interface StreamResult {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as sent: no decompression is ever done here. */
  body: string;
  frames: Frame[];
  /** `performance.now()` when the status line and headers arrived. */
  headersAt: number;
  /** `performance.now()` when the body ended, or when the client hung up (see `stopAfterFrames`). */
  endedAt: number;
  /** True when this client closed the connection before the body ended. */
  disconnected: boolean;
  /** True when the server dropped the connection before the body ended (a chunked body without its last chunk). */
  cut: boolean;
}

export interface StreamOptions {
  headers?: Record<string, string>;
  /** Hang up (destroy the socket) as soon as this many frames have arrived. */
  stopAfterFrames?: number;
}

/** Requests `pathAndQuery` and records the raw body chunk by chunk, splitting it into frames as they complete. */
export function readStream(baseURL: string | undefined, pathAndQuery: string, options: StreamOptions = {}): Promise<StreamResult> {
  if (!baseURL) throw new Error('baseURL is not configured (playwright.config.ts `use.baseURL`)');
  const url = new URL(pathAndQuery, baseURL);

  return new Promise((resolve, reject) => {
    // A connection of its own per request (`agent: false`), so a hung-up stream never shares a socket.
    const request = http.get(url, { agent: false, headers: options.headers }, (response) => {
      const headersAt = performance.now();
      const decoder = new TextDecoder('utf-8');
      const frames: Frame[] = [];
      let text = '';
      let consumed = 0;
      let settled = false;

      const finish = (disconnected: boolean, cut = false) => {
        if (settled) return;
        settled = true;
        text += decoder.decode();
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: text,
          frames,
          headersAt,
          endedAt: performance.now(),
          disconnected,
          cut,
        });
      };

      response.on('data', (chunk: Buffer) => {
        const at = performance.now();
        text += decoder.decode(chunk, { stream: true });
        for (let end = text.indexOf('\n\n', consumed); end !== -1; end = text.indexOf('\n\n', consumed)) {
          frames.push({ text: text.slice(consumed, end + 2), at });
          consumed = end + 2;
        }
        if (options.stopAfterFrames !== undefined && frames.length >= options.stopAfterFrames) {
          finish(true);
          request.destroy();
        }
      });
      response.on('end', () => finish(false));
      // Node reports a body cut short by the server ("aborted", ECONNRESET) as an error on the response.
      response.on('error', () => finish(false, true));
    });
    request.on('error', reject); // a no-op once the response has settled the promise
  });
}
