'use client';

import { useEffect } from 'react';

/** The `type` of the message `/embed` posts to the page framing it (docs/lesson.md, "Embed"). */
export const EMBED_HEIGHT_MESSAGE = 'stepstream:height';

/**
 * Tells the page framing `/embed` how tall the lesson is, `{ type: 'stepstream:height', height }`
 * in whole CSS pixels, so the host can size its iframe to fit instead of guessing a height.
 * Posts once on load and again whenever the height changes, at most once per animation frame.
 *
 * It measures the root element's own box, which is as tall as its content, not the frame's
 * viewport: the host resizing the frame changes nothing measured here, so the two cannot loop.
 * WARNING: that holds only while nothing in the page's flow is sized by the viewport's height
 * (`vh`, `dvh`, `height: 100%` on html or body); such a block would grow with every resize.
 */
export function EmbedHeight() {
  useEffect(() => {
    if (window.parent === window) return; // opened on its own: there is no host to tell
    const root = document.documentElement;
    let pendingFrame = 0;
    let sentHeight = -1;

    function postHeight() {
      pendingFrame = 0;
      const height = Math.ceil(root.getBoundingClientRect().height);
      if (height === sentHeight) return;
      sentHeight = height;
      // targetOrigin '*': any site may frame /embed (frame-ancestors *), so there is no origin to
      // name, and the message says only how tall the page is, which is no secret.
      window.parent.postMessage({ type: EMBED_HEIGHT_MESSAGE, height }, '*');
    }

    const observer = new ResizeObserver(() => {
      if (!pendingFrame) pendingFrame = requestAnimationFrame(postHeight);
    });
    observer.observe(root); // reports the first size at once, so the host hears on load
    return () => {
      observer.disconnect();
      cancelAnimationFrame(pendingFrame);
    };
  }, []);
  return null;
}
