import type { ProcedureId } from '../../core/ids';
import type { Scenario } from '../../core/scenario';
import { encodeScenario, writeUrl } from '../url';

/**
 * The address that opens this scenario at this procedure and step (CONTRACT.md §4), on the page at `base`
 * (its origin and path; the page's own query is replaced). The reading side is `readUrl` in ../url.ts.
 */
export function buildLink(base: string, procedure: ProcedureId, step: number, scenario: Scenario): string {
  const url = new URL(base);
  return `${url.origin}${url.pathname}${writeUrl('', { procedure, step, scenario: encodeScenario(scenario) })}`;
}
