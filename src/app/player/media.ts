import { useSyncExternalStore } from 'react';
import type { DiagramTheme } from './mermaid';

function useMedia(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', notify);
      return () => list.removeEventListener('change', notify);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

export const useReducedMotion = () => useMedia('(prefers-reduced-motion: reduce)');

/** Mermaid's theme for the page's colour scheme. */
export function useDiagramTheme(): DiagramTheme {
  return useMedia('(prefers-color-scheme: dark)') ? 'dark' : 'default';
}
