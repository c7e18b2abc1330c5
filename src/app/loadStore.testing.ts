import { vi } from 'vitest';
import { STORAGE_KEY } from './storageKey';

/**
 * For tests: the store module as a fresh page load would create it, with `saved` in storage (hydrated at once) and
 * any other keys of `others` there too.
 */
export async function loadStoreWith(saved: string | null, others: Record<string, string> = {}) {
  vi.resetModules();
  localStorage.clear();
  if (saved !== null) localStorage.setItem(STORAGE_KEY, saved);
  for (const [key, value] of Object.entries(others)) localStorage.setItem(key, value);
  return import('./store');
}
