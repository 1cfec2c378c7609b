'use client';

import { loadAfterHydration } from '../ui/load-after-hydration';
import './quiz.css';

/**
 * The quiz sits below the fold, so its code (the question generator, the progress store) loads
 * after the page is interactive instead of in its first-load JavaScript.
 */
export const LazyQuizSection = loadAfterHydration(
  () => import('./quiz-section').then((module) => module.QuizSection),
  <p className="muted">Loading the quiz…</p>,
);
