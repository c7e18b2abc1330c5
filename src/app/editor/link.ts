import type { ProcedureId } from '../../core/model/ids';
import type { Scenario } from '../../core/model/scenario';
import { PARAM, encodeScenario } from '../url';

/**
 * The address that opens this scenario at this procedure and step (CONTRACT.md §4, §8) on the page at `base` (its
 * origin and path; the page's own query and fragment are replaced): `?procedure=<id>&step=<n>#scenario=<lz-string>`.
 * The scenario is in the fragment, which the browser never sends to a server (so no scenario makes the address too
 * long for one), as lz-string's URI-safe output as it is, `+` included; `readUrl` in ../url.ts takes it back.
 */
export function buildLink(base: string, procedure: ProcedureId, step: number, scenario: Scenario): string {
  const url = new URL(base);
  const query = `${PARAM.procedure}=${encodeURIComponent(procedure)}&${PARAM.step}=${step}`;
  return `${url.origin}${url.pathname}?${query}#${PARAM.scenario}=${encodeScenario(scenario)}`;
}
