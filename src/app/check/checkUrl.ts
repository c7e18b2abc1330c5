/**
 * The checker page's address (CONTRACT.md §11): `?mode=check&faults=<n>&procedures=<id>,…`, the scenario as
 * everywhere; and the player's address of a counterexample, with `&property=<id>` so that the player shows the
 * property's statement beside it. Pure functions: reading never throws.
 */
import { scenarioFor } from '../../core/engine/run';
import { CHECK_PROCEDURES } from '../../core/explore/check';
import { isProcedureId, PROCEDURE_IDS, type ProcedureId } from '../../core/model/ids';
import { encodeScenario, writeUrl } from '../url';
import { queryOf, quote } from '../viewUrl';
import type { CheckRow } from './checkRows';

export const CHECK_PARAM = { faults: 'faults', procedures: 'procedures', property: 'property' } as const;

/** The page offers up to this many faults (the command line takes any number; three is already a long search). */
export const MAX_FAULTS = 3;

export interface CheckState {
  faults: number;
  procedures: ProcedureId[];
}

export function readCheckUrl(search: string): CheckState & { problems: string[] } {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  let faults = 0;
  const rawFaults = params.get(CHECK_PARAM.faults);
  if (rawFaults !== null) {
    const n = Number(rawFaults);
    if (/^\d+$/.test(rawFaults.trim()) && n <= MAX_FAULTS) faults = n;
    else
      problems.push(
        `faults=${quote(rawFaults)} in the address is not a whole number from 0 to ${MAX_FAULTS}; checking with 0.`,
      );
  }
  let procedures = [...CHECK_PROCEDURES];
  const rawProcedures = params.get(CHECK_PARAM.procedures);
  if (rawProcedures !== null) {
    const ids = rawProcedures.split(',').map((id) => id.trim());
    const unknown = ids.filter((id) => !isProcedureId(id));
    if (unknown.length || ids.length === 0)
      problems.push(
        `procedures=${quote(rawProcedures)} in the address names ${unknown.map(quote).join(' and ') || 'nothing'} ` +
          `(expected some of ${PROCEDURE_IDS.join(', ')}); checking ${CHECK_PROCEDURES.join(' and ')}.`,
      );
    else procedures = PROCEDURE_IDS.filter((id) => ids.includes(id));
  }
  return { faults, procedures, problems };
}

/** The search string with the check's parameters set (the default procedures left out), every other one kept. */
export function writeCheckUrl(search: string, state: CheckState): string {
  const params = new URLSearchParams(search);
  params.set('mode', 'check');
  params.set(CHECK_PARAM.faults, String(state.faults));
  const defaults = state.procedures.join(',') === CHECK_PROCEDURES.join(',');
  if (defaults) params.delete(CHECK_PARAM.procedures);
  else params.set(CHECK_PARAM.procedures, state.procedures.join(','));
  return queryOf(params);
}

/** The search string without the check mode and its parameters. */
export function withoutCheck(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('mode');
  params.delete(CHECK_PARAM.faults);
  params.delete(CHECK_PARAM.procedures);
  return queryOf(params);
}

/** The player's step at which a counterexample breaks: the step at `brokenAt` shown, or the last one for the end. */
export const breakingStep = (cx: { steps: readonly unknown[]; brokenAt: number }) =>
  Math.min(cx.brokenAt + 1, cx.steps.length);

/**
 * The player's address of a failing cell (`?procedure=<id>&step=<n>&property=<id>#scenario=…`): the
 * counterexample's own scenario (so the link can be shared), at the step where the property breaks. Null when the
 * counterexample has no scenario (it does not replay).
 */
export function counterexampleAddress(search: string, row: CheckRow): string | null {
  const cx = row.counterexample;
  if (!cx?.scenario) return null;
  const params = new URLSearchParams(withoutCheck(search));
  params.set(CHECK_PARAM.property, row.property);
  const next = writeUrl(
    { search: queryOf(params), hash: '' },
    {
      procedure: row.procedure,
      step: breakingStep(cx),
      // `ue.configuredBy` as the procedure says: the player opens the procedure the scenario names (and checks the
      // scenario with it); the procedure's run does not read it.
      scenario: encodeScenario(scenarioFor(cx.scenario, row.procedure)),
    },
  );
  return `${next.search}${next.hash}`;
}
