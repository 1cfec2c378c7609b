'use client';

import { loadWhenNear } from '../ui/load-when-near';
import './quiz.css';

/**
 * The quiz sits below the fold, so its code (the question generator, the progress store and zod
 * for the saved progress) loads when a student scrolls or tabs near it, never with the page.
 */
export const LazyQuizSection = loadWhenNear(
  () => import('./quiz-section').then((module) => module.QuizSection),
  <p className="muted">Loading the quiz…</p>,
);
