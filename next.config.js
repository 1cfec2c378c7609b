// @ts-check

/**
 * Security headers for everything the proxy does not handle (API routes, static files): see
 * lib/http/security-headers.ts, mirrored here because next.config.js is plain JavaScript.
 * Framing: only `/embed` may be put in an iframe by other sites; every other page and route
 * refuses, by CSP `frame-ancestors` and, for old browsers, `X-Frame-Options`.
 */
const COMMON = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=(), clipboard-write=(self)' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The header names no framework in responses; nothing for a scanner to fingerprint.
  poweredByHeader: false,
  // Shiki runs only on the server (code highlighting is rendered there); keep it out of the bundle.
  serverExternalPackages: ['shiki'],
  async headers() {
    return [
      { source: '/:path*', headers: COMMON },
      // Everything but /embed refuses framing; pages also get frame-ancestors in the proxy's CSP.
      { source: '/((?!embed$).*)', headers: [{ key: 'X-Frame-Options', value: 'DENY' }] },
      // API routes load nothing and may not be framed.
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

module.exports = nextConfig;
