'use client';

import dynamic from 'next/dynamic';
import './quiz.css';

/**
 * The quiz sits below the fold, so its code (the question generator, the progress store) loads
 * after the page is interactive instead of in its first-load JavaScript.
 */
export const LazyQuizSection = dynamic(() => import('./quiz-section').then((module) => module.QuizSection), {
  ssr: false,
  loading: () => <p className="muted">Loading the quiz…</p>,
});
