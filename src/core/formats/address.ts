/**
 * The page's address for a scenario (CONTRACT.md §4, §8): `<base>?procedure=<id>&step=<n>#scenario=<lz-string>`.
 * Pure, and without a host URL API (the core has none), so that the page's **Copy link** and a test suite that opens
 * the page (`scenarioUrl` of the package) build one and the same address.
 */
// lz-string is CommonJS: its default export is what every loader (Vite, Node's ESM) agrees on.
import lzString from 'lz-string';
import { defaultProcedure } from '../engine/run';
import type { ProcedureId } from '../model/ids';
import type { Scenario } from '../model/schema';

/** The address's parameter names (CONTRACT.md §4). */
export const PARAM = { procedure: 'procedure', step: 'step', scenario: 'scenario' } as const;

/** The scenario as the `scenario` parameter carries it: lz-string of its JSON, URI-safe, `+` included. */
export function encodeScenario(scenario: Scenario): string {
  return lzString.compressToEncodedURIComponent(JSON.stringify(scenario));
}

/**
 * The page's origin and path of an absolute address, its query and fragment dropped, as the WHATWG URL parser gives
 * `origin + pathname` for an address a browser reports (`location.href`, already normalised): the user name and
 * password left out, a bare origin given the path `/`.
 */
export function pageOf(base: string): string {
  const cut = base.search(/[?#]/);
  const page = cut === -1 ? base : base.slice(0, cut);
  const parts = /^([a-z][a-z0-9+.-]*:\/\/)(?:[^/@]*@)?([^/@]*)(\/.*)?$/i.exec(page);
  if (!parts) throw new Error(`not an absolute address: "${base}"`);
  const [, scheme = '', host = '', path = '/'] = parts;
  return `${scheme}${host}${path}`;
}

export interface ScenarioUrlOptions {
  /** The page's address (its origin and path; any query or fragment is replaced). */
  base: string;
  /** Default: the procedure `ue.configuredBy` picks, as the page opens a scenario without one. */
  procedure?: ProcedureId;
  /** Default 0: before step 1. */
  step?: number;
}

/**
 * The address that opens this scenario at this procedure and step on the page at `base`: procedure and step in the
 * query, the scenario in the fragment (which the browser never sends to a server, so no scenario makes the address
 * too long for one).
 */
export function scenarioUrl(scenario: Scenario, options: ScenarioUrlOptions): string {
  const procedure = options.procedure ?? defaultProcedure(scenario);
  const step = options.step ?? 0;
  if (!Number.isInteger(step) || step < 0) throw new Error(`step must be a whole number >= 0, got ${step}`);
  const query = `${PARAM.procedure}=${encodeURIComponent(procedure)}&${PARAM.step}=${step}`;
  return `${pageOf(options.base)}?${query}#${PARAM.scenario}=${encodeScenario(scenario)}`;
}
