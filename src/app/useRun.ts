import { useApp } from './store';
import { toMermaid, type Diagram } from '../core/diagram';
import type { ProcedureId } from '../core/ids';
import { simulate, type RunResult } from '../core/run';
import type { Scenario } from '../core/scenario';

export interface RunView {
  run: RunResult;
  diagram: Diagram;
}

// One simulation per (scenario, procedure), shared by every component that asks for it.
const cache = new WeakMap<Scenario, Map<ProcedureId, RunView>>();

export function runOf(scenario: Scenario, procedure: ProcedureId): RunView {
  let byProcedure = cache.get(scenario);
  if (!byProcedure) cache.set(scenario, (byProcedure = new Map<ProcedureId, RunView>()));
  let view = byProcedure.get(procedure);
  if (!view) {
    const run = simulate(scenario, procedure);
    view = { run, diagram: toMermaid(run, scenario) };
    byProcedure.set(procedure, view);
  }
  return view;
}

/** The run of the current scenario and procedure. */
export function useRun(): RunView {
  const scenario = useApp((s) => s.scenario);
  const procedure = useApp((s) => s.procedure);
  return runOf(scenario, procedure);
}
