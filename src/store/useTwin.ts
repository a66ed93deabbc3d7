import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { TwinActions, TwinState, TwinStore } from './twinStore';

export const TwinStoreContext = createContext<TwinStore | undefined>(undefined);

/** The store given by the nearest provider (one per app; tests may make their own). */
export function useTwinStore(): TwinStore {
  const store = useContext(TwinStoreContext);
  if (!store) throw new Error('useTwin must be used inside <TwinStoreContext.Provider>');
  return store;
}

/** Reads a slice of the store and re-renders only when that slice changes. */
export function useTwin<T>(selector: (s: TwinState & TwinActions) => T): T {
  return useStore(useTwinStore(), selector);
}
