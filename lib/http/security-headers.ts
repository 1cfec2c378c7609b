import RESPONSE_HEADERS from './response-headers.json';

/**
 * The pages' Content-Security-Policy, made per request by `proxy.ts`. The headers every response
 * carries (nosniff, Referrer-Policy, Permissions-Policy, X-Frame-Options, the API's CSP) are in
 * `response-headers.json`, set by `next.config.js` for Next's responses.
 */

/** What every API response carries, as `next.config.js` has Next send it; for responses sent without Next. */
export const API_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  ...RESPONSE_HEADERS.everyResponse,
  ...RESPONSE_HEADERS.notEmbeddable,
  ...RESPONSE_HEADERS.api,
};

/** Only this path may be framed by other sites (course pages embed the lesson). */
export const EMBEDDABLE_PATH = '/embed';

/**
 * The page CSP: scripts only from this origin or carrying this request's nonce (`'strict-dynamic'`
 * lets those load the chunks they need); no `unsafe-eval` outside development. Inline style
 * *attributes* are allowed (`style-src-attr`): the server-highlighted code colours its tokens
 * with them, and a style attribute cannot run script.
 */
export function pageCsp(nonce: string, { embeddable, dev }: { embeddable: boolean; dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${embeddable ? '*' : "'none'"}`,
  ].join('; ');
}
