import { createStore } from 'zustand/vanilla';
import type { OptionLetter } from '@/lib/quiz/types';

/** The seed's own three questions, as opposed to a generated set. */
export const CLASSIC_QUIZ = 'classic';
/** Questions per set, as in the seed's quiz; More questions adds another set. */
export const QUIZ_SET_SIZE = 3;

export interface AnswerState {
  selected?: OptionLetter;
  /** The letter that was checked; answers are judged against the question at the time. */
  checked?: OptionLetter;
  hinted?: boolean;
}

export interface QuizState {
  /** `classic`, or the seed of a generated set (shareable as `?quiz=SEED`). */
  quiz: typeof CLASSIC_QUIZ | number;
  count: number;
  /** Keyed by question id and prompt, so answers fall away when the questions change. */
  answers: Record<string, AnswerState>;
  actions: {
    select: (key: string, letter: OptionLetter) => void;
    check: (key: string) => void;
    markHinted: (key: string) => void;
    /** Starts a new set: the seed's questions, or generated ones from `seed`. */
    startQuiz: (quiz: QuizState['quiz']) => void;
    moreQuestions: () => void;
  };
}

export interface QuizStoreOptions {
  quiz?: QuizState['quiz'];
}

/** The key an answer is kept under. */
export const answerKey = (question: { id: string; prompt: string }) => `${question.id}:${question.prompt}`;

export function createQuizStore(options: QuizStoreOptions = {}) {
  return createStore<QuizState>()((set) => {
    const update = (key: string, change: (answer: AnswerState) => AnswerState) =>
      set((state) => ({ answers: { ...state.answers, [key]: change(state.answers[key] ?? {}) } }));
    return {
      quiz: options.quiz ?? CLASSIC_QUIZ,
      count: QUIZ_SET_SIZE,
      answers: {},
      actions: {
        select: (key, letter) => update(key, (answer) => ({ ...answer, selected: letter })),
        check: (key) => update(key, (answer) => (answer.selected ? { ...answer, checked: answer.selected } : answer)),
        markHinted: (key) => update(key, (answer) => ({ ...answer, hinted: true })),
        startQuiz: (quiz) => set({ quiz, count: QUIZ_SET_SIZE, answers: {} }),
        moreQuestions: () => set((state) => ({ count: state.count + QUIZ_SET_SIZE })),
      },
    };
  });
}
