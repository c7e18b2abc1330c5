import { useSyncExternalStore } from 'react';
import type { ProcedureId } from '../../core/model/ids';
import { procedureFor } from '../../core/engine/run';
import { jsonPath, parseScenarioValue, type Scenario } from '../../core/model/scenario';
import { useApp } from '../store';
import { parseOptions } from '../xmlSupport';
import { runOf } from '../useRun';
import { setIn, type Path } from './paths';

/**
 * Every write of the editor goes through here: the scenario is replaced (undoably) and the player's step is kept
 * where it still exists in the new run, else moved to the run's last step.
 */
export function commitScenario(next: Scenario, procedure?: ProcedureId, step?: number): void {
  const state = useApp.getState();
  state.setScenario(next);
  settlePlayback(procedure ?? state.procedure, step);
}

function settlePlayback(procedure: ProcedureId, step?: number): void {
  const state = useApp.getState();
  const total = runOf(state.scenario, procedure).run.steps.length;
  const wanted = Math.min(step ?? state.step, total);
  if (procedure !== state.procedure) state.setProcedure(procedure, wanted);
  else if (wanted !== state.step) state.goTo(wanted);
}

// Bumped when a whole scenario replaces the one being edited (preset, import): the form starts afresh, its drafts
// (typed over the old scenario) dropped.
let generation = 0;
const listeners = new Set<() => void>();

export function useGeneration(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => generation,
  );
}

/** A whole new scenario (a preset, an imported file), with the procedure and step to show it at. */
export function replaceScenario(next: Scenario, procedure: ProcedureId, step: number): void {
  commitScenario(next, procedure, step);
  generation++;
  for (const listener of listeners) listener();
}

export function undo(): void {
  useApp.getState().undo();
  settlePlayback(useApp.getState().procedure);
}

export function redo(): void {
  useApp.getState().redo();
  settlePlayback(useApp.getState().procedure);
}

export { procedureFor };

export type EditResult = { ok: true } | { ok: false; message: string };

/**
 * Puts `value` at `path` (undefined: absent) if the scenario stays valid by the core's schema, and says why not
 * otherwise, naming the problem as the schema does. Nothing is changed when the value is refused.
 */
export function tryEdit(path: Path, value: unknown): EditResult {
  const { scenario, procedure } = useApp.getState();
  const parsed = parseScenarioValue(setIn(scenario, path, value), parseOptions());
  if (!parsed.ok) {
    const here = jsonPath(path);
    const issue =
      parsed.issues.find((i) => i.path === here) ??
      parsed.issues.find((i) => i.path.startsWith(`${here}.`) || i.path.startsWith(`${here}[`)) ??
      parsed.issues[0];
    if (!issue) return { ok: false, message: 'invalid value' };
    return { ok: false, message: issue.path === here ? issue.message : `${issue.path}: ${issue.message}` };
  }
  commitScenario(parsed.scenario, procedureFor(parsed.scenario, procedure));
  return { ok: true };
}
