'use client';

import { loadAfterHydration } from '../ui/load-after-hydration';
import './run-export.css';
import './print.css';

/**
 * "Take the run away" sits at the end of the lesson: its code (the exporters, the importer and
 * zod) loads after the page is interactive, never in its first-load JavaScript. The print
 * stylesheet comes with the page, so printing works before that code has loaded.
 */
export const LazyRunExport = loadAfterHydration(
  () => import('./run-export').then((module) => module.RunExport),
  <p className="muted">Loading the downloads…</p>,
);
