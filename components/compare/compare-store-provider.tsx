'use client';

import { createCompareStore } from '@/lib/store/compare/compare-store';
import { createStoreContext } from '../ui/create-store-context';

const compare = createStoreContext('CompareStore', createCompareStore);

/** Holds /compare's store: the form, the run and each lane's counters. */
export const CompareStoreProvider = compare.Provider;
/** Reads /compare's store; re-renders only when the selected value changes. */
export const useCompareStore = compare.useSelected;
export const useCompareActions = () => compare.useSelected((state) => state.actions);
export const useCompareStoreApi = compare.useStoreApi;
