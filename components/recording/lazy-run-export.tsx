'use client';

import { loadWhenNear } from '../ui/load-when-near';
import './run-export.css';
import './print.css';

/**
 * "Take the run away" sits at the end of the lesson: its code (the exporters, the importer and
 * zod) loads when a student scrolls or tabs near it, never with the page. The print stylesheet
 * comes with the page, so printing works before that code has loaded.
 */
export const LazyRunExport = loadWhenNear(
  () => import('./run-export').then((module) => module.RunExport),
  <p className="muted">Loading the downloads…</p>,
);
