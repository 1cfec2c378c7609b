'use client';

import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { ExtractState } from 'zustand/vanilla';

/**
 * A React context holding one zustand store per mounted provider (never shared between requests),
 * and hooks that read it by selector, or hand out the store itself, and throw outside the provider.
 */
export function createStoreContext<Store extends StoreApi<unknown>, Options>(name: string, createStore: (options?: Options) => Store) {
  const Context = createContext<Store | null>(null);

  function Provider({ children, options, store }: { children: ReactNode; options?: Options; store?: Store }) {
    const [ownStore] = useState(() => store ?? createStore(options));
    return <Context.Provider value={ownStore}>{children}</Context.Provider>;
  }

  function useStoreApi(): Store {
    const store = useContext(Context);
    if (!store) throw new Error(`${name} hooks must be used inside <${name}Provider>`);
    return store;
  }

  function useSelected<T>(selector: (state: ExtractState<Store>) => T): T {
    return useStore(useStoreApi(), selector);
  }

  return { Provider, useSelected, useStoreApi };
}
