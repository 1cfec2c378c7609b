import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './styles/palette.css';
import './globals.css';

export const metadata: Metadata = {
  title: 'Stepstream · Server-Sent Events, step by step',
  description: 'Watch a real Server-Sent Events stream fill in the execution table, one frame at a time.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
};

/**
 * Rendered per request, never prerendered: the CSP nonce is new on every request, and Next.js can
 * only stamp it on its scripts while rendering.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
