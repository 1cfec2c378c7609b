// @ts-check

/**
 * Security headers for everything the proxy does not handle (API routes, static files), from
 * lib/http/response-headers.json (which server.mjs's direct stream route sends too).
 * Framing: only `/embed` may be put in an iframe by other sites; every other page and route
 * refuses, by CSP `frame-ancestors` and, for old browsers, `X-Frame-Options`.
 */
const RESPONSE_HEADERS = require('./lib/http/response-headers.json');

/**
 * `{name: value}` as Next's `[{key, value}]`.
 * @param {Record<string, string>} headers
 */
const asList = (headers) => Object.entries(headers).map(([key, value]) => ({ key, value }));

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The header names no framework in responses; nothing for a scanner to fingerprint.
  poweredByHeader: false,
  // Shiki runs only on the server (code highlighting is rendered there); keep it out of the bundle.
  serverExternalPackages: ['shiki'],
  async headers() {
    return [
      { source: '/:path*', headers: asList(RESPONSE_HEADERS.everyResponse) },
      // Everything but /embed refuses framing; pages also get frame-ancestors in the proxy's CSP.
      { source: '/((?!embed$).*)', headers: asList(RESPONSE_HEADERS.notEmbeddable) },
      // API routes load nothing and may not be framed.
      { source: '/api/:path*', headers: asList(RESPONSE_HEADERS.api) },
    ];
  },
};

module.exports = nextConfig;
