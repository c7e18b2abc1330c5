import { useSyncExternalStore } from 'react';
import type { DiagramTheme } from './mermaid';

// One MediaQueryList per query: reading `.matches` on it is cheap, calling matchMedia on every render is not.
const lists = new Map<string, MediaQueryList>();
const listOf = (query: string): MediaQueryList => {
  let list = lists.get(query);
  if (!list) lists.set(query, (list = window.matchMedia(query)));
  return list;
};

function useMedia(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      const list = listOf(query);
      list.addEventListener('change', notify);
      return () => list.removeEventListener('change', notify);
    },
    () => listOf(query).matches,
    () => false,
  );
}

export const useReducedMotion = () => useMedia('(prefers-reduced-motion: reduce)');

/** Mermaid's theme for the page's colour scheme. */
export function useDiagramTheme(): DiagramTheme {
  return useMedia('(prefers-color-scheme: dark)') ? 'dark' : 'default';
}
