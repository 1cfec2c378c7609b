// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The header names no framework in responses; nothing for a scanner to fingerprint.
  poweredByHeader: false,
  // Shiki runs only on the server (code highlighting is rendered there); keep it out of the bundle.
  serverExternalPackages: ['shiki'],
};

module.exports = nextConfig;
