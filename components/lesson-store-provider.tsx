'use client';

import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createLessonStore, type LessonState, type LessonStore, type LessonStoreOptions } from '@/lib/store/lesson-store';

const LessonStoreContext = createContext<LessonStore | null>(null);

/** Holds one lesson store for the page below it (a new one per mount, never shared between requests). */
export function LessonStoreProvider({ children, options, store }: { children: ReactNode; options?: LessonStoreOptions; store?: LessonStore }) {
  const [ownStore] = useState(() => store ?? createLessonStore(options));
  return <LessonStoreContext.Provider value={ownStore}>{children}</LessonStoreContext.Provider>;
}

/** Reads the lesson store; re-renders only when the selected value changes. */
export function useLessonStore<T>(selector: (state: LessonState) => T): T {
  const store = useContext(LessonStoreContext);
  if (!store) throw new Error('useLessonStore must be used inside <LessonStoreProvider>');
  return useStore(store, selector);
}

/** The store's actions; stable for the store's life. */
export const useLessonActions = () => useLessonStore((state) => state.actions);
