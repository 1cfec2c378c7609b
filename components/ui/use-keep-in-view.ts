'use client';

import { useLayoutEffect, type RefObject } from 'react';

export interface KeepInViewOptions {
  /** Pixels at the container's top covered by something sticky (a table's header row). */
  coveredTop?: number;
  /** Extra room to leave around the target, in pixels. */
  margin?: number;
  /** Which way to scroll: rows and code lines are as wide as their box, so only `y`. */
  axis?: 'x' | 'y' | 'both';
}

/**
 * Scrolls `container` (only it: never the page, unlike `scrollIntoView`) just enough for
 * `target` to be fully visible, on both axes.
 */
export function keepInView(
  container: HTMLElement,
  target: HTMLElement,
  { coveredTop = 0, margin = 4, axis = 'y' }: KeepInViewOptions = {},
) {
  const box = container.getBoundingClientRect();
  const item = target.getBoundingClientRect();
  if (axis !== 'x') {
    const top = item.top - box.top + container.scrollTop;
    const bottom = top + item.height;
    if (top < container.scrollTop + coveredTop) container.scrollTop = Math.max(0, top - coveredTop - margin);
    else if (bottom > container.scrollTop + container.clientHeight) container.scrollTop = bottom - container.clientHeight + margin;
  }
  if (axis === 'y') return;
  const left = item.left - box.left + container.scrollLeft;
  const right = left + item.width;
  if (right > container.scrollLeft + container.clientWidth) container.scrollLeft = right - container.clientWidth + margin;
  if (left < container.scrollLeft) container.scrollLeft = Math.max(0, left - margin);
}

/**
 * After every render where `key` changed, keeps the element matching `selector` inside
 * `container` in view: the executing code line, the current table row or column.
 */
export function useKeepInView(container: RefObject<HTMLElement | null>, selector: string, key: unknown, options?: KeepInViewOptions) {
  const { coveredTop, margin, axis } = options ?? {};
  useLayoutEffect(() => {
    const element = container.current;
    const target = element?.querySelector<HTMLElement>(selector);
    if (element && target) keepInView(element, target, { coveredTop, margin, axis });
  }, [container, selector, key, coveredTop, margin, axis]);
}
