import type { ProcedureId } from '../../core/model/ids';
import type { Scenario } from '../../core/model/scenario';
import { scenarioUrl } from '../../core/formats/address';

/**
 * The address that opens this scenario at this procedure and step (CONTRACT.md §4, §8) on the page at `base` (its
 * origin and path; the page's own query and fragment are replaced): `?procedure=<id>&step=<n>#scenario=<lz-string>`.
 * The core's `scenarioUrl` writes it, the one the package gives test suites; `readUrl` in ../url.ts takes it back.
 */
export function buildLink(base: string, procedure: ProcedureId, step: number, scenario: Scenario): string {
  return scenarioUrl(scenario, { base, procedure, step });
}
