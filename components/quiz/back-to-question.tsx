'use client';

import { useEffect } from 'react';
import { scrollPageTo } from '../ui/scroll-page';

/**
 * After "Show me in the table", one tap back to the question that asked: a button pinned to the
 * bottom of the screen until the question is in view again.
 */
export function BackToQuestion({ number, onDone }: { number: number; onDone: () => void }) {
  useEffect(() => {
    const question = document.getElementById(`question-${number}`);
    if (!question) return;
    let scrolledAway = false;
    // Gone once the reader is back at the question, however they got there.
    const observer = new IntersectionObserver(([entry]) => {
      if (!entry?.isIntersecting) scrolledAway = true;
      else if (scrolledAway) onDone();
    });
    observer.observe(question);
    return () => observer.disconnect();
  }, [number, onDone]);

  return (
    <button
      type="button"
      className="button button-primary back-to-question"
      onClick={() => {
        const question = document.getElementById(`question-${number}`);
        if (question) {
          scrollPageTo(question);
          question.querySelector<HTMLElement>('input[type="radio"]:checked, input[type="radio"]')?.focus({ preventScroll: true });
        }
        onDone();
      }}
    >
      Back to question {number}
    </button>
  );
}
