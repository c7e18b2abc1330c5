/**
 * The page's address (CONTRACT.md §4): `?procedure=<id>&step=<n>&scenario=<lz-string>`. Pure functions: reading
 * never throws, it falls back to a default and says what was wrong; writing keeps every other parameter.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { PROCEDURE_IDS, isProcedureId, type ProcedureId } from '../core/ids';
import { defaultProcedure } from '../core/run';
import { formatIssues, parseScenarioValue, type Scenario } from '../core/scenario';
import { parseOptions } from './xmlSupport';

export const PARAM = { procedure: 'procedure', step: 'step', scenario: 'scenario' } as const;

export type DecodeResult = { ok: true; scenario: Scenario } | { ok: false; reason: string };

/** The scenario as the `scenario` parameter carries it: lz-string of its JSON. */
export function encodeScenario(scenario: Scenario): string {
  return compressToEncodedURIComponent(JSON.stringify(scenario));
}

export function decodeScenario(value: string): DecodeResult {
  // lz-string's alphabet has `+`, which a query string may have turned into a space.
  const packed = value.trim().replace(/ /g, '+');
  if (!packed) return { ok: false, reason: 'it is empty' };
  let json: string | null;
  try {
    json = decompressFromEncodedURIComponent(packed);
  } catch {
    json = null;
  }
  if (!json) return { ok: false, reason: 'it is not lz-string compressed JSON' };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'it does not decompress to JSON' };
  }
  const parsed = parseScenarioValue(data, parseOptions());
  if (!parsed.ok) return { ok: false, reason: formatIssues(parsed.issues) };
  return { ok: true, scenario: parsed.scenario };
}

export interface UrlDefaults {
  procedure: ProcedureId;
  scenario: Scenario;
}

export interface UrlReading {
  procedure: ProcedureId;
  step: number;
  /** The scenario the address carries, or null when it carries none (or a bad one): keep the current one. */
  scenario: Scenario | null;
  /** One sentence per bad value, naming it and what is shown instead. */
  problems: string[];
}

/** How many steps a procedure takes on a scenario (the run's length): injected so that this stays pure. */
export type CountSteps = (scenario: Scenario, procedure: ProcedureId) => number;

const quote = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);

/** Reads `?procedure&step&scenario`; a bad value is reported in `problems` and replaced by its default. */
export function readUrl(search: string, defaults: UrlDefaults, countSteps: CountSteps): UrlReading {
  const params = new URLSearchParams(search);
  const problems: string[] = [];

  let scenario: Scenario | null = null;
  const packed = params.get(PARAM.scenario);
  if (packed !== null) {
    const decoded = decodeScenario(packed);
    if (decoded.ok) scenario = decoded.scenario;
    else
      problems.push(
        `The scenario in the address could not be loaded (${decoded.reason}); the current scenario is shown.`,
      );
  }
  const effective = scenario ?? defaults.scenario;
  // A scenario from the address runs the procedure its UE is configured for, like the CLI without --procedure.
  const fallback = scenario ? defaultProcedure(scenario) : defaults.procedure;

  let procedure = fallback;
  const id = params.get(PARAM.procedure);
  if (id !== null) {
    if (isProcedureId(id)) procedure = id;
    else
      problems.push(
        `Unknown procedure ${quote(id)} in the address (expected one of ${PROCEDURE_IDS.join(', ')}); ` +
          `showing ${fallback}.`,
      );
  }

  let step = 0;
  const raw = params.get(PARAM.step);
  if (raw !== null) {
    const total = countSteps(effective, procedure);
    if (!/^\d+$/.test(raw.trim())) {
      problems.push(`Step ${quote(raw)} in the address is not a whole number; showing step 0.`);
    } else if (Number(raw) > total) {
      problems.push(
        `Step ${Number(raw)} in the address is out of range (${procedure} has steps 0 to ${total}); ` +
          'showing step 0.',
      );
    } else {
      step = Number(raw);
    }
  }
  return { procedure, step, scenario, problems };
}

export interface UrlState {
  procedure: ProcedureId;
  step: number;
  /** The encoded scenario, or null to leave it out of the address. */
  scenario: string | null;
}

/** The search string for this state, keeping every other parameter (`compare`, `mode`, …) as it was. */
export function writeUrl(search: string, state: UrlState): string {
  const params = new URLSearchParams(search);
  params.set(PARAM.procedure, state.procedure);
  params.set(PARAM.step, String(state.step));
  if (state.scenario === null) params.delete(PARAM.scenario);
  else params.set(PARAM.scenario, state.scenario);
  return queryOf(params);
}

/** `?…` of the parameters, or '' for none; commas stay commas (`compare=a,b`), as a query string allows. */
function queryOf(params: URLSearchParams): string {
  const text = params.toString().replace(/%2C/gi, ',');
  return text ? `?${text}` : '';
}

/* Review (issue 5): `?mode=quiz|present` and `?compare=<id>,<id>`. */

export const REVIEW_PARAM = { mode: 'mode', compare: 'compare' } as const;

export const PAGE_MODES = ['player', 'quiz', 'present'] as const;
export type PageMode = (typeof PAGE_MODES)[number];

/** Two procedures side by side: left, right. */
export type ComparePair = readonly [ProcedureId, ProcedureId];

export interface ReviewReading {
  mode: PageMode;
  /** The procedures to compare, or null for none (or a bad value: then the player). */
  compare: ComparePair | null;
  /** One sentence per bad value, naming it and what is shown instead. */
  problems: string[];
}

/** Reads `?mode&compare`; a bad value is reported in `problems`, and the player is shown instead. */
export function readReviewUrl(search: string): ReviewReading {
  const params = new URLSearchParams(search);
  const problems: string[] = [];

  let mode: PageMode = 'player';
  const rawMode = params.get(REVIEW_PARAM.mode);
  if (rawMode !== null) {
    if (rawMode === 'quiz' || rawMode === 'present') mode = rawMode;
    else
      problems.push(
        `Unknown mode ${quote(rawMode)} in the address (expected quiz or present); showing the player.`,
      );
  }

  let compare: ComparePair | null = null;
  const rawCompare = params.get(REVIEW_PARAM.compare);
  if (rawCompare !== null) {
    const ids = rawCompare.split(',').map((id) => id.trim());
    const unknown = ids.filter((id) => !isProcedureId(id));
    const shown = 'showing the player instead';
    if (ids.length !== 2) {
      problems.push(
        `compare=${quote(rawCompare)} in the address needs two procedures separated by a comma ` +
          `(for example compare=10.1.4.x.2,10.1.4.3.3); ${shown}.`,
      );
    } else if (unknown.length) {
      problems.push(
        `Unknown procedure${unknown.length > 1 ? 's' : ''} ${unknown.map(quote).join(' and ')} in compare=${quote(rawCompare)} ` +
          `(expected two of ${PROCEDURE_IDS.join(', ')}); ${shown}.`,
      );
    } else if (ids[0] === ids[1]) {
      problems.push(`compare=${quote(rawCompare)} in the address names the same procedure twice; ${shown}.`);
    } else {
      compare = [ids[0] as ProcedureId, ids[1] as ProcedureId];
    }
  }
  return { mode, compare, problems };
}

/** The search string with `mode` and `compare` set (or removed: the player), every other parameter kept. */
export function writeReviewUrl(
  search: string,
  state: { mode: PageMode; compare: ComparePair | null },
): string {
  const params = new URLSearchParams(search);
  if (state.mode === 'player') params.delete(REVIEW_PARAM.mode);
  else params.set(REVIEW_PARAM.mode, state.mode);
  if (state.compare === null) params.delete(REVIEW_PARAM.compare);
  else params.set(REVIEW_PARAM.compare, state.compare.join(','));
  return queryOf(params);
}
