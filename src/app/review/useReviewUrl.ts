import { useEffect, useLayoutEffect } from 'react';
import { useApp, type AppState } from '../store';
import { readReviewUrl, writeReviewUrl, type ComparePair, type ReviewReading } from '../url';

const samePair = (a: ComparePair | null, b: ComparePair | null) =>
  a === b || (a !== null && b !== null && a[0] === b[0] && a[1] === b[1]);

function apply(reading: ReviewReading): void {
  const s = useApp.getState();
  if (s.mode !== reading.mode) s.setMode(reading.mode);
  if (!samePair(s.compare, reading.compare)) s.setCompare(reading.compare);
}

function write(state: Pick<AppState, 'mode' | 'compare'>, push: boolean): void {
  const search = writeReviewUrl(window.location.search, state);
  if (search === window.location.search) return;
  const url = `${window.location.pathname}${search}${window.location.hash}`;
  if (push) window.history.pushState(window.history.state, '', url);
  else window.history.replaceState(window.history.state, '', url);
}

// Read once per page load (not again when React re-mounts in development).
let read = false;

/**
 * Opens the view the address names, once per page load; called before React's first render (mount.tsx) so that the
 * first frame is already that view's layout (see openAddress in ../player/useUrlSync.ts).
 */
export function openReviewAddress(): void {
  if (read) return;
  read = true;
  const reading = readReviewUrl(window.location.search);
  apply(reading);
  const s = useApp.getState();
  for (const problem of reading.problems) s.notify(problem);
  // A bad value leaves the address.
  write(s, false);
}

/**
 * CONTRACT.md §4: `?mode=quiz|present` and `?compare=<id>,<id>` open those views (a bad value: a notice, and the
 * player). Changing view adds a history entry, so Back returns to the view before.
 */
export function useReviewUrl(): void {
  useLayoutEffect(() => {
    openReviewAddress();
    const onPop = () => apply(readReviewUrl(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    let last = useApp.getState();
    return useApp.subscribe((state) => {
      if (state.mode === last.mode && state.compare === last.compare) return;
      last = state;
      write(state, true);
    });
  }, []);
}
