'use client';

import { useState } from 'react';

/** Copies the address bar, which is always a share link to this exact state. */
export function CopyLinkButton() {
  const [message, setMessage] = useState<string | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setMessage('Link copied');
    } catch {
      setMessage('Copy the address bar: it links to this step');
    }
    setTimeout(() => setMessage(null), 2500);
  }
  return (
    <>
      <button type="button" className="button button-small" onClick={copy}>
        Copy link to this step
      </button>
      <span className="copy-status" role="status">
        {message}
      </span>
    </>
  );
}
