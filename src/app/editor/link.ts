import type { ProcedureId } from '../../core/ids';
import type { Scenario } from '../../core/scenario';
import { PARAM, encodeScenario } from '../url';

/**
 * The address that opens this scenario at this procedure and step (CONTRACT.md §4) on the page at `base` (its
 * origin and path; the page's own query is replaced). The scenario is lz-string's URI-safe output as it is, `+`
 * included; the reading side (`readUrl` in ../url.ts) takes it back, and a `+` read as a space too.
 */
export function buildLink(base: string, procedure: ProcedureId, step: number, scenario: Scenario): string {
  const url = new URL(base);
  const query = [
    `${PARAM.procedure}=${encodeURIComponent(procedure)}`,
    `${PARAM.step}=${step}`,
    `${PARAM.scenario}=${encodeScenario(scenario)}`,
  ].join('&');
  return `${url.origin}${url.pathname}?${query}`;
}
