// @ts-check

/**
 * Framing: only `/embed` may be put in an iframe by other sites (course pages); every other page
 * and route refuses framing, by CSP `frame-ancestors` and, for old browsers, `X-Frame-Options`.
 */
const EMBEDDABLE = '/embed';

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The header names no framework in responses; nothing for a scanner to fingerprint.
  poweredByHeader: false,
  // Shiki runs only on the server (code highlighting is rendered there); keep it out of the bundle.
  serverExternalPackages: ['shiki'],
  async headers() {
    return [
      {
        // Everything but /embed.
        source: '/((?!embed$).*)',
        headers: [
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
      {
        source: EMBEDDABLE,
        headers: [{ key: 'Content-Security-Policy', value: 'frame-ancestors *' }],
      },
    ];
  },
};

module.exports = nextConfig;
