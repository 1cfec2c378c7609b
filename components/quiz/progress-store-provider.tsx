'use client';

import { createProgressStore } from '@/lib/store/progress-store';
import { createStoreContext } from '../ui/create-store-context';

const progress = createStoreContext('ProgressStore', createProgressStore);

/** Holds saved progress (score history, mastery per kind), persisted in localStorage; only the quiz needs it. */
export const ProgressStoreProvider = progress.Provider;
export const useProgressStore = progress.useSelected;
export const useProgressStoreApi = progress.useStoreApi;
