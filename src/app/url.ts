/**
 * The page's address (CONTRACT.md §4, §8): `?procedure=<id>&step=<n>#scenario=<lz-string>`, the scenario also read
 * from the query (`?scenario=`, the first form; the fragment wins when both are there). Pure functions: reading
 * never throws, it falls back to a default and says what was wrong; writing keeps every other parameter.
 */
// lz-string is CommonJS: its default export is what every loader (Vite, Node's ESM for the e2e helpers) agrees on.
import lzString from 'lz-string';
import { PROCEDURE_IDS, isProcedureId, type ProcedureId } from '../core/model/ids';
import { defaultProcedure } from '../core/engine/run';
import { formatIssues, parseScenario, type Scenario } from '../core/model/scenario';
import { errorLine as messageOf } from './notice';
import { parseOptions } from './xmlSupport';
import { queryOf, quote } from './viewUrl';
import { PARAM } from '../core/formats/address';

// The readers of the view (`?mode`, `?compare`, `?embed`) live in ./viewUrl.ts, light enough for the first script.
export * from './viewUrl';

// The writer of the scenario's part is the core's (`scenarioUrl` builds the page's address from it).
export { encodeScenario, PARAM } from '../core/formats/address';

export type DecodeResult = { ok: true; scenario: Scenario } | { ok: false; reason: string };

/** Any text as the `scenario` parameter would carry it (for tests: what a hand-made or hostile link holds). */
export function encodeScenarioText(json: string): string {
  return lzString.compressToEncodedURIComponent(json);
}

/** The scenario of a `scenario` value, or why not. Never throws: whatever goes wrong is the reason. */
export function decodeScenario(value: string): DecodeResult {
  // lz-string's alphabet has `+`, which a query string may have turned into a space.
  const packed = value.trim().replace(/ /g, '+');
  if (!packed) return { ok: false, reason: 'it is empty' };
  let json: string | null;
  try {
    json = lzString.decompressFromEncodedURIComponent(packed);
  } catch {
    json = null;
  }
  if (!json) return { ok: false, reason: 'it is not lz-string compressed JSON' };
  try {
    // The core's parse checks the limits of CONTRACT.md §6 (size, strings, nesting) before JSON.parse and zod.
    const parsed = parseScenario(json, parseOptions());
    if (!parsed.ok) return { ok: false, reason: formatIssues(parsed.issues) };
    return { ok: true, scenario: parsed.scenario };
  } catch (error) {
    return { ok: false, reason: messageOf(error) };
  }
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

/** The fragment's `key=value` parts (`#scenario=…&x=y`), each as it is written. */
const hashParts = (hash: string) => hash.replace(/^#/, '').split('&').filter(Boolean);
const isScenarioPart = (part: string) => part.startsWith(`${PARAM.scenario}=`) || part === PARAM.scenario;

/** The `scenario` value of the address: the fragment's (`#scenario=`, what Copy link writes) wins over the query's. */
export function scenarioValue(search: string, hash: string): string | null {
  const part = hashParts(hash).find(isScenarioPart);
  if (part !== undefined) {
    const raw = part.slice(PARAM.scenario.length + 1);
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return new URLSearchParams(search).get(PARAM.scenario);
}

/**
 * Reads `?procedure&step` and the scenario (`#scenario=` or `?scenario=`); a bad value is reported in `problems` and
 * replaced by its default. Never throws: a value that makes anything fail is a problem like any other.
 */
export function readUrl(
  search: string,
  defaults: UrlDefaults,
  countSteps: CountSteps,
  hash = '',
): UrlReading {
  try {
    return readAddress(search, hash, defaults, countSteps);
  } catch (error) {
    return {
      procedure: defaults.procedure,
      step: 0,
      scenario: null,
      problems: [
        `The address could not be read (${messageOf(error)}); the current scenario is shown at step 0.`,
      ],
    };
  }
}

function readAddress(
  search: string,
  hash: string,
  defaults: UrlDefaults,
  countSteps: CountSteps,
): UrlReading {
  const params = new URLSearchParams(search);
  const problems: string[] = [];

  let scenario: Scenario | null = null;
  const packed = scenarioValue(search, hash);
  if (packed !== null) {
    const decoded = decodeScenario(packed);
    let reason = decoded.ok ? null : decoded.reason;
    if (decoded.ok) {
      // A scenario the simulation cannot run is refused here, not met by the player.
      try {
        countSteps(decoded.scenario, defaultProcedure(decoded.scenario));
        scenario = decoded.scenario;
      } catch (error) {
        reason = `it could not be run: ${messageOf(error)}`;
      }
    }
    if (reason !== null)
      problems.push(
        `The scenario in the address could not be loaded (${reason}); the current scenario is shown.`,
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

/** The parts of an address the page writes: `?query` and `#fragment` (each '' when empty). */
export interface Address {
  search: string;
  hash: string;
}

/**
 * The address for this state: procedure and step in the query, the scenario in the fragment (never sent to a
 * server, so no scenario makes an address too long for one), a `scenario` query parameter dropped once read, and
 * every other parameter and fragment part (`compare`, `mode`, …) kept as it was.
 */
export function writeUrl(address: Address, state: UrlState): Address {
  const params = new URLSearchParams(address.search);
  params.set(PARAM.procedure, state.procedure);
  params.set(PARAM.step, String(state.step));
  params.delete(PARAM.scenario);
  const parts = hashParts(address.hash).filter((part) => !isScenarioPart(part));
  if (state.scenario !== null) parts.push(`${PARAM.scenario}=${state.scenario}`);
  return { search: queryOf(params), hash: parts.length ? `#${parts.join('&')}` : '' };
}
