/**
 * Nothing lost: a link's scenario replaces the one on screen through `setScenario` (so Undo brings the old
 * one back), and when the old one was the user's own (not the untouched default), a notice offers it back with
 * Restore, across reloads too (the store persists it as `replaced`).
 */
import type { ProcedureId } from '../core/model/ids';
import { sameValue } from '../core/model/profile';
import { scenarioFor } from '../core/engine/run';
import type { Scenario } from '../core/model/scenario';
import { procedureFor, replaceScenario } from './editor/actions';
import { replacedNotice } from './savedSession';
import { DEFAULT_SCENARIO, useApp, type Notice } from './store';

const isRestoreNotice = (n: Notice) => n.actions?.some((a) => a.kind === 'restore') ?? false;

/**
 * Shows a link's scenario at that procedure and step. A link that names a procedure whose UE configuration differs
 * from its scenario's `ue.configuredBy` opens with the procedure's (one edit, one Undo): they never disagree.
 */
export function openLinked(linked: Scenario, procedure: ProcedureId, step: number): void {
  const scenario = scenarioFor(linked, procedure);
  const previous = useApp.getState().scenario;
  if (sameValue(scenario, previous)) {
    useApp.getState().setProcedure(procedure, step);
    return;
  }
  replaceScenario(scenario, procedure, step);
  if (sameValue(previous, DEFAULT_SCENARIO)) return;
  const title = scenario.title ?? '';
  useApp.setState((s) => ({
    replaced: { scenario: previous, title },
    notices: [...s.notices.filter((n) => !isRestoreNotice(n)), replacedNotice(title)],
  }));
}

/** Brings back the scenario the last link replaced (itself undoable), and lets the notice go. */
export function restoreReplaced(): void {
  const { replaced, procedure } = useApp.getState();
  if (!replaced) return;
  replaceScenario(replaced.scenario, procedureFor(replaced.scenario, procedure), 0);
  useApp.setState((s) => ({ replaced: null, notices: s.notices.filter((n) => !isRestoreNotice(n)) }));
}
