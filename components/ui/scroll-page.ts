'use client';

/**
 * Scrolls this document (never the page around an embed: unlike `scrollIntoView`, `scrollTo`
 * moves only the window it is called on) so that `element` sits just under the sticky stage bar.
 */
export function scrollPageTo(element: Element) {
  const bar = document.querySelector('.run-bar')?.getBoundingClientRect().height ?? 0;
  const top = element.getBoundingClientRect().top + window.scrollY - bar - 12;
  const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  window.scrollTo({ top: Math.max(0, top), behavior: smooth ? 'smooth' : 'auto' });
}
