import { vi } from 'vitest';
import { STORAGE_KEY } from './storageKey';

/** For tests: the store module as a fresh page load would create it, with `saved` in storage (hydrated at once). */
export async function loadStoreWith(saved: string | null) {
  vi.resetModules();
  localStorage.clear();
  if (saved !== null) localStorage.setItem(STORAGE_KEY, saved);
  return import('./store');
}
