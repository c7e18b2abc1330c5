/**
 * The explore mode's address (CONTRACT.md §8): `?mode=explore&vary=<path>:<values>[&vary=…]&procedures=<id>,<id>`
 * and the scenario as in §4 (`#scenario=`, read by the page as elsewhere). Pure: reading never throws, it falls back
 * to the defaults and says what was wrong; writing keeps every other parameter.
 */
import { isProcedureId, PROCEDURE_IDS, type ProcedureId } from '../../core/model/ids';
import { parseVary, SweepError, SWEEP_PROCEDURES, type Vary } from '../../core/explore/sweep';
import type { Scenario } from '../../core/model/scenario';
import { parsePath, unknownPathReason } from '../../core/model/scenarioPath';

export const EXPLORE_PARAM = { vary: 'vary', procedures: 'procedures' } as const;

/** At most two varied fields: rows and columns of a map. */
export const MAX_AXES = 2;
/** The page draws at most this many cells per map (128 × 128); the CLI (`npm run sweep`) takes larger sweeps. */
export const MAX_MAP_CELLS = 16_384;

/** One varied field as the address and the controls write it: the path and its values as written (`0..7`). */
export interface Axis {
  path: string;
  text: string;
}

export interface ExploreState {
  axes: Axis[];
  procedures: ProcedureId[];
}

export interface ExploreReading extends ExploreState {
  /** One sentence per bad value, naming it and what is shown instead. */
  problems: string[];
}

/** The partner's cap against the primary's floor: where 10.1.4.3.2 and 10.1.4.3.3 part ways. */
export const DEFAULT_AXES: readonly Axis[] = [
  { path: 'partner.policy.maxPriority', text: '0..7' },
  { path: 'primary.validation.minPriority', text: '0..7' },
];

export const DEFAULT_PROCEDURES: readonly ProcedureId[] = SWEEP_PROCEDURES;

const quote = (value: string) => JSON.stringify(value.length > 60 ? `${value.slice(0, 59)}…` : value);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const group = (n: number) => n.toLocaleString('en-GB');

/** The sweep's field of an axis: its values read (`0..7` → 0, 1, …, 7); throws SweepError as the CLI would. */
export function varyOf(axis: Axis): Vary {
  return parseVary(`${axis.path}:${axis.text}`, ':');
}

/**
 * Why these axes cannot be mapped on the page, or null: each is `<path>:<values>`, no field twice, at most
 * MAX_MAP_CELLS cells. (Whether the scenario has the field and takes the values is checked against the scenario:
 * `axisProblem`, and the sweep itself.)
 */
export function axesProblem(axes: readonly Axis[]): string | null {
  let cells = 1;
  for (const axis of axes) {
    try {
      cells *= varyOf(axis).values.length;
    } catch (error) {
      return messageOf(error);
    }
  }
  const paths = axes.map((a) => a.path);
  const twice = paths.find((p, i) => paths.indexOf(p) !== i);
  if (twice) return `${twice} is varied twice: vary each field once`;
  if (cells > MAX_MAP_CELLS) {
    return (
      `${group(cells)} cells per map, more than the page draws (${group(MAX_MAP_CELLS)}); ` +
      'narrow the ranges, or use npm run sweep'
    );
  }
  return null;
}

/** Why a varied path names no field of the scenario (`unknown path: …`), or null. */
export function axisProblem(scenario: Scenario, axis: Axis): string | null {
  const keys = parsePath(axis.path);
  if (!keys) return `${axis.path}: not a JSON path (e.g. primary.profiles[1].priority)`;
  const why = unknownPathReason(scenario, keys);
  return why ? `${axis.path}: unknown path: ${why}` : null;
}

function readAxes(params: URLSearchParams, scenario: Scenario, problems: string[]): Axis[] {
  const specs = params.getAll(EXPLORE_PARAM.vary);
  if (specs.length === 0) return [...DEFAULT_AXES];
  if (specs.length > MAX_AXES) {
    problems.push(
      `The address varies ${specs.length} fields; a map has two axes, so only the first two are shown.`,
    );
  }
  const axes: Axis[] = [];
  for (const spec of specs.slice(0, MAX_AXES)) {
    const at = spec.indexOf(':');
    const axis = { path: spec.slice(0, at).trim(), text: spec.slice(at + 1).trim() };
    let why: string | null;
    try {
      if (at <= 0) parseVary(spec, ':');
      varyOf(axis);
      why = axisProblem(scenario, axis) ?? axesProblem([...axes, axis]);
    } catch (error) {
      why = error instanceof SweepError ? error.message : messageOf(error);
    }
    if (why) problems.push(`vary=${quote(spec)} in the address cannot be mapped (${why}); it is left out.`);
    else axes.push(axis);
  }
  if (axes.length === 0) {
    problems.push(
      `Showing the default map instead (${DEFAULT_AXES.map((a) => `${a.path}:${a.text}`).join(', ')}).`,
    );
    return [...DEFAULT_AXES];
  }
  return axes;
}

function readProcedures(params: URLSearchParams, problems: string[]): ProcedureId[] {
  const raw = params.get(EXPLORE_PARAM.procedures);
  if (raw === null) return [...DEFAULT_PROCEDURES];
  const ids = raw
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const unknown = ids.filter((id) => !isProcedureId(id));
  const known = [...new Set(ids.filter(isProcedureId))];
  const fallback = known.length ? known : [...DEFAULT_PROCEDURES];
  if (unknown.length || !known.length) {
    const what = unknown.length
      ? `names unknown procedure${unknown.length > 1 ? 's' : ''} ${unknown.map(quote).join(' and ')}`
      : 'names no procedure';
    problems.push(
      `procedures=${quote(raw)} in the address ${what} (expected some of ${PROCEDURE_IDS.join(', ')}); ` +
        `showing ${fallback.join(', ')}.`,
    );
  }
  return fallback;
}

/** Reads `vary` and `procedures` against the scenario to explore; never throws. */
export function readExploreUrl(search: string, scenario: Scenario): ExploreReading {
  const problems: string[] = [];
  try {
    const params = new URLSearchParams(search);
    const axes = readAxes(params, scenario, problems);
    const procedures = readProcedures(params, problems);
    return { axes, procedures, problems };
  } catch (error) {
    return {
      axes: [...DEFAULT_AXES],
      procedures: [...DEFAULT_PROCEDURES],
      problems: [`The address could not be read (${messageOf(error)}); showing the default map.`],
    };
  }
}

/**
 * The search string with `mode=explore`, the `vary` and `procedures` of the state (every other parameter kept, the
 * player's `step` dropped: it means nothing here). `:` and `,` stay as written, as a query string allows.
 */
export function writeExploreUrl(search: string, state: ExploreState): string {
  const params = new URLSearchParams(search);
  params.set('mode', 'explore');
  params.delete('step');
  params.delete(EXPLORE_PARAM.vary);
  for (const axis of state.axes) params.append(EXPLORE_PARAM.vary, `${axis.path}:${axis.text}`);
  params.set(EXPLORE_PARAM.procedures, state.procedures.join(','));
  const text = params.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':');
  return text ? `?${text}` : '';
}

/** The search string of the player, the explore parameters dropped (Back to the player). */
export function withoutExplore(search: string): string {
  const params = new URLSearchParams(search);
  for (const name of ['mode', EXPLORE_PARAM.vary, EXPLORE_PARAM.procedures]) params.delete(name);
  const text = params.toString().replace(/%2C/gi, ',');
  return text ? `?${text}` : '';
}
