/**
 * A run as the page shows it, from the core alone (no store, no DOM): the scenario's faults that this procedure cannot
 * take set aside, the run, and its diagram. `useRun.ts` caches it per scenario; the build computes the first visit's
 * diagram texts with it (vite.config.ts, `firstTexts.ts`).
 */
import { simulate, type RunResult } from '../core/engine/run';
import { fittingScenario } from '../core/engine/faultEdit';
import { toMermaid, type Diagram } from '../core/formats/diagram';
import type { ProcedureId } from '../core/model/ids';
import type { Scenario } from '../core/model/scenario';

export interface RunView {
  run: RunResult;
  diagram: Diagram;
  /** The scenario's faults this procedure cannot take (a step it lacks or gives to an own action), left out of its run. */
  ignoredFaults: string[];
  /** The scenario the procedure ran (its faults that fit). */
  ran: Scenario;
}

export function runView(scenario: Scenario, procedure: ProcedureId, referencePoints = false): RunView {
  const fitted = fittingScenario(scenario, procedure);
  const run = simulate(fitted.scenario, procedure);
  return {
    run,
    diagram: toMermaid(run, fitted.scenario, { referencePoints }),
    ignoredFaults: fitted.ignored,
    ran: fitted.scenario,
  };
}
