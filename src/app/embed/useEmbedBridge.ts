import { useEffect } from 'react';
import type { ProcedureId } from '../../core/model/ids';
import { scenarioFor } from '../../core/engine/run';
import type { Scenario } from '../../core/model/scenario';
import { useApp, type AppState } from '../store';
import { runOf } from '../useRun';
import { parseGoto, resolveGoto, stepMessage } from './embedMessages';

const countSteps = (scenario: Scenario, procedure: ProcedureId) =>
  runOf(scenario, procedure).run.steps.length;

/** What was last posted (`procedure/step/total`): one message per change, also when React runs effects twice. */
let lastPosted: string | null = null;

function post(state: AppState): void {
  const total = countSteps(state.scenario, state.procedure);
  const step = Math.min(state.step, total);
  const key = `${state.procedure}/${step}/${total}`;
  if (key === lastPosted) return;
  lastPosted = key;
  window.parent.postMessage(stepMessage(state.procedure, step, total), '*');
}

function onMessage(event: MessageEvent): void {
  // Only the page the frame is in drives it; what it sends is checked field by field and never shown.
  if (event.source !== window.parent) return;
  const goto = parseGoto(event.data);
  if (!goto) return;
  const s = useApp.getState();
  const target = resolveGoto(goto, s.procedure, (p) => countSteps(scenarioFor(s.scenario, p), p));
  if (!target) return;
  if (target.procedure === s.procedure) s.goTo(target.step);
  else s.setProcedure(target.procedure, target.step);
}

/**
 * CONTRACT.md §8, when the page is in a frame: the parent drives it with `mcx:goto` and hears `mcx:step` once as
 * the frame opens (the address's step) and after every change of step or procedure.
 */
export function useEmbedBridge(): void {
  useEffect(() => {
    if (window.parent === window) return;
    window.addEventListener('message', onMessage);
    post(useApp.getState());
    const stop = useApp.subscribe(post);
    return () => {
      window.removeEventListener('message', onMessage);
      stop();
    };
  }, []);
}
