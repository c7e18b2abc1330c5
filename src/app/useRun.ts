import { useApp } from './store';
import { toMermaid } from '../core/formats/diagram';
import type { ProcedureId } from '../core/model/ids';
import { simulate, type RunResult } from '../core/engine/run';
import type { Scenario } from '../core/model/scenario';
import { runView, type RunView } from './runView';

export type { RunView };

// One simulation per (scenario, procedure), shared by every component that asks for it; one diagram text per
// (run, reference-point toggle).
const cache = new WeakMap<Scenario, Map<string, RunView>>();
// What each run was run on, so that the statecharts can ask the core for the same run with its transitions.
const origins = new WeakMap<RunResult, { scenario: Scenario; procedure: ProcedureId }>();
const recorded = new WeakMap<RunResult, RunResult>();

export function runOf(scenario: Scenario, procedure: ProcedureId, referencePoints = false): RunView {
  let byProcedure = cache.get(scenario);
  if (!byProcedure) cache.set(scenario, (byProcedure = new Map<string, RunView>()));
  const key = `${procedure}${referencePoints ? '+rp' : ''}`;
  let view = byProcedure.get(key);
  if (!view) {
    if (referencePoints) {
      // The same run, drawn with the reference points.
      const plain = runOf(scenario, procedure);
      view = { ...plain, diagram: toMermaid(plain.run, plain.ran, { referencePoints }) };
    } else {
      view = runView(scenario, procedure);
      origins.set(view.run, { scenario: view.ran, procedure });
    }
    byProcedure.set(key, view);
  }
  return view;
}

/**
 * The same run with the transitions each machine took (`RunOptions.transitions`), for the States view: recorded on
 * request only, as recording them slows every run by a third. A run that has them, or that this module did not make,
 * is returned as it is.
 */
export function recordedRun(run: RunResult): RunResult {
  if (run.transitions.length) return run;
  let out = recorded.get(run);
  if (!out) {
    const origin = origins.get(run);
    out = origin ? simulate(origin.scenario, origin.procedure, { transitions: true }) : run;
    recorded.set(run, out);
  }
  return out;
}

/** The run of the current scenario and procedure, drawn with the reference points when they are toggled on. */
export function useRun(): RunView {
  const scenario = useApp((s) => s.scenario);
  const procedure = useApp((s) => s.procedure);
  const referencePoints = useApp((s) => s.referencePoints);
  return runOf(scenario, procedure, referencePoints);
}
