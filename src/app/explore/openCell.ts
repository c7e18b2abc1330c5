/** Opening a cell in the player: exactly that cell's scenario and procedure, at the step that decided the outcome. */
import { scenarioFor, simulate } from '../../core/engine/run';
import type { Scenario } from '../../core/model/scenario';
import { cellScenario, type SweepCell, type Vary } from '../../core/explore/sweep';
import { encodeScenario, writeUrl } from '../url';
import { decidingStep } from './cells';
import { withoutExplore } from './exploreUrl';

/**
 * The player's address of a cell (`?procedure=<id>&step=<n>#scenario=…`): its scenario as the procedure runs it
 * (`ue.configuredBy` as the procedure says, so the player opens that procedure), at the error's step for a refusal,
 * else the run's last step. Every other parameter of `search` except the explore mode's is kept.
 */
export function cellAddress(
  search: string,
  scenario: Scenario,
  vary: readonly Vary[],
  cell: SweepCell,
): string {
  const opened = scenarioFor(cellScenario(scenario, vary, cell.values), cell.procedure);
  const step = decidingStep(cell, () => simulate(opened, cell.procedure).steps.length);
  const next = writeUrl(
    { search: withoutExplore(search), hash: '' },
    { procedure: cell.procedure, step, scenario: encodeScenario(opened) },
  );
  return `${next.search}${next.hash}`;
}
