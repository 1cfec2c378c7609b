'use client';

import { KEY_MOMENTS_BEFORE_A_RUN } from '@/lib/lesson/content';
import { loadAfterHydration } from '../ui/load-after-hydration';
import './lesson-text.css';

/** The Key Moments sit below the stage and wait for a run: their code loads after hydration. */
export const LazyKeyMoments = loadAfterHydration(
  () => import('./key-moments').then((module) => module.KeyMoments),
  <p className="muted">{KEY_MOMENTS_BEFORE_A_RUN}</p>,
);
