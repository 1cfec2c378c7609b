'use client';

import { createLessonStore } from '@/lib/store/lesson-store';
import { createQuizStore } from '@/lib/store/quiz-store';
import { createStoreContext } from '../ui/create-store-context';

const lesson = createStoreContext('LessonStore', createLessonStore);
const quiz = createStoreContext('QuizStore', createQuizStore);

/** Holds the page's lesson store: the form, the connection and the observed events. */
export const LessonStoreProvider = lesson.Provider;
/** Reads the lesson store; re-renders only when the selected value changes. */
export const useLessonStore = lesson.useSelected;
/** The lesson store's actions; stable for the store's life. */
export const useLessonActions = () => lesson.useSelected((state) => state.actions);
export const useLessonStoreApi = lesson.useStoreApi;

/** Holds the quiz in progress: its seed, length and the answers given. */
export const QuizStoreProvider = quiz.Provider;
export const useQuizStore = quiz.useSelected;
export const useQuizActions = () => quiz.useSelected((state) => state.actions);

export const useQuizStoreApi = quiz.useStoreApi;
