'use client';

import { useEffect, useRef, useState } from 'react';

/** Copies the address bar, which is always a share link to this exact state. */
export function CopyLinkButton() {
  const [message, setMessage] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => clearTimeout(timer.current ?? undefined), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setMessage('Link copied');
    } catch {
      setMessage('Copy the address bar: it links to this step');
    }
    clearTimeout(timer.current ?? undefined);
    timer.current = setTimeout(() => setMessage(null), 2500);
  }
  return (
    <span className="copy-link">
      <button type="button" className="button button-small" onClick={copy} aria-label="Copy link to this step">
        <span className="label-wide">Copy link to this step</span>
        <span className="label-narrow">Copy link</span>
      </button>
      <span className="copy-status" role="status">
        {message}
      </span>
    </span>
  );
}
