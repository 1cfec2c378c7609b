import { createStore } from 'zustand/vanilla';
import { checkAnswer, type CheckKind, type QuizAnswer } from '@/lib/quiz/check';
import type { OptionLetter } from '@/lib/quiz/types';

/** The seed's own three questions, as opposed to a generated set. */
export const CLASSIC_QUIZ = 'classic';
/** Questions per set, as in the seed's quiz; More questions adds another set. */
export const QUIZ_SET_SIZE = 3;

export interface QuizState {
  /** `classic`, or the seed of a generated set (shareable as `?quiz=SEED`). */
  quiz: typeof CLASSIC_QUIZ | number;
  count: number;
  /** Keyed by `answerKey(question)`: id and prompt, so answers fall away when the questions change. */
  answers: Record<string, QuizAnswer>;
  actions: {
    select: (key: string, letter: OptionLetter) => void;
    /** Checks the selected option; says whether that check was the scored one or practice. */
    check: (key: string) => CheckKind;
    markHinted: (key: string) => void;
    /** Starts a new set: the seed's questions, or generated ones from `seed`. */
    startQuiz: (quiz: QuizState['quiz']) => void;
    moreQuestions: () => void;
  };
}

export interface QuizStoreOptions {
  quiz?: QuizState['quiz'];
}

export function createQuizStore(options: QuizStoreOptions = {}) {
  return createStore<QuizState>()((set, get) => {
    const update = (key: string, change: (answer: QuizAnswer) => QuizAnswer) =>
      set((state) => ({ answers: { ...state.answers, [key]: change(state.answers[key] ?? {}) } }));
    return {
      quiz: options.quiz ?? CLASSIC_QUIZ,
      count: QUIZ_SET_SIZE,
      answers: {},
      actions: {
        select: (key, letter) => update(key, (answer) => ({ ...answer, selected: letter })),
        check: (key) => {
          const checked = checkAnswer(get().answers[key] ?? {});
          if (checked.kind !== 'none') update(key, () => checked.answer);
          return checked.kind;
        },
        markHinted: (key) => update(key, (answer) => ({ ...answer, hinted: true })),
        startQuiz: (quiz) => set({ quiz, count: QUIZ_SET_SIZE, answers: {} }),
        moreQuestions: () => set((state) => ({ count: state.count + QUIZ_SET_SIZE })),
      },
    };
  });
}
