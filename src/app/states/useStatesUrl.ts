import { useEffect, useLayoutEffect } from 'react';
import { useApp } from '../store';
import { readStatesUrl, writeStatesUrl } from '../viewUrl';

function write(states: boolean): void {
  const search = writeStatesUrl(window.location.search, states);
  if (search === window.location.search) return;
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${search}${window.location.hash}`,
  );
}

// Read once per page load (not again when React re-mounts in development).
let read = false;

/**
 * CONTRACT.md §12: `&states=1` opens the page with the States view shown (a bad value: a notice, and hidden), and the
 * address follows the toggle (replaced, not pushed: a toggle is not a place to go back to). Here, not in the view's
 * chunk, so that an address without it loads nothing of the view.
 */
export function useStatesUrl(): void {
  useLayoutEffect(() => {
    if (read) return;
    read = true;
    const reading = readStatesUrl(window.location.search);
    const s = useApp.getState();
    if (reading.states !== s.states) s.setStates(reading.states);
    for (const problem of reading.problems) s.notify(problem);
    if (reading.problems.length) write(reading.states);
  }, []);

  useEffect(() => {
    let last = useApp.getState().states;
    return useApp.subscribe((state) => {
      if (state.states === last) return;
      last = state.states;
      write(state.states);
    });
  }, []);
}
