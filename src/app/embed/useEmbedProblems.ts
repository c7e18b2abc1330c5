import { useLayoutEffect } from 'react';
import { useApp } from '../store';
import { EMBED } from './embedMode';

let reported = false;

/** A bad `embed` value in the address: one notice, once per page load (the whole page is shown). */
export function useEmbedProblems(): void {
  useLayoutEffect(() => {
    if (reported) return;
    reported = true;
    for (const problem of EMBED.problems) useApp.getState().notify(problem);
  }, []);
}
