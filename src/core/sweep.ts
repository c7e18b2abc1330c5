/**
 * The sweep (CONTRACT.md §7): run procedures over every combination of values of some scenario fields, one cell per
 * combination and procedure. Pure: no DOM, no clock; the same sweep gives the same cells.
 */
import type { ProcedureId } from './ids';
import { getProcedure } from './procedures';
import type { Profile } from './profile';
import { simulate, type Outcome, type RunResult } from './run';
import { formatIssues, jsonPath, parseScenarioValue, type Scenario } from './scenario';
import { getPath, parsePath, setPath, unknownPathReason, type PathKey } from './scenarioPath';
import { plain, trieOf, watch } from './sweepTracking';

export const MAX_CELLS = 1_000_000;
export const SWEEP_PROCEDURES: readonly ProcedureId[] = ['10.1.4.3.2', '10.1.4.3.3'];

export type VaryValue = number | boolean | string;

/** One varied field: its JSON path and its values, in order. */
export interface Vary {
  path: string;
  values: VaryValue[];
}

export interface SweepCell {
  /** One per varied field, in the order of `vary`. */
  values: VaryValue[];
  procedure: ProcedureId;
  outcome: Outcome;
  /** `step`: the trace position (`n`); `number`: the clause's step number (`"11a"`). */
  error: { step: number; number: string; reason: string } | null;
  /** The names of the validation rules the primary found broken (10.1.4.3.2 step 11). */
  violations: string[];
  /** The partner policy's rules that changed something, each once, in the order they first did. */
  rules: string[];
  /** The profile the client ends with; null when it ends with none (rejected) or, for 10.1.4.3.1, several. */
  profile: Profile | null;
  /** 10.1.4.3.1 only (it delivers every profile of the user): all the profiles the client ends with. */
  profiles?: Profile[];
}

export interface SweepResult {
  vary: Vary[];
  procedures: ProcedureId[];
  /** Procedure by procedure, then in the order of the values, the last varied field varying fastest. */
  cells: SweepCell[];
}

/** A sweep that cannot run: one line naming the field, the value or the limit. */
export class SweepError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SweepError';
  }
}

const RANGE = /^(-?\d+)\.\.(-?\d+)$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const group = (n: number) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function valueOf(item: string): VaryValue {
  if (item === 'true') return true;
  if (item === 'false') return false;
  return NUMBER.test(item) ? Number(item) : item;
}

/**
 * Reads `<path>=<values>`: `a..b` (integers, inclusive, a ≤ b) or a comma list (`true,false`, `2,4,8`, `harbour`).
 * The page's address writes `<path>:<values>` (CONTRACT.md §8): pass `':'` as the separator.
 */
export function parseVary(spec: string, separator: '=' | ':' = '='): Vary {
  const at = spec.indexOf(separator);
  if (at <= 0) {
    const e = `partner.policy.maxPriority${separator}0..7`;
    throw new SweepError(`${spec}: expected <path>${separator}<values> (e.g. ${e})`);
  }
  const path = spec.slice(0, at);
  const text = spec.slice(at + 1);
  if (!parsePath(path)) {
    throw new SweepError(`${spec}: "${path}" is not a JSON path (e.g. primary.profiles[1].priority)`);
  }
  if (text === '') throw new SweepError(`${spec}: no values (a..b or a comma list)`);
  const range = RANGE.exec(text);
  if (range) {
    const a = Number(range[1]);
    const b = Number(range[2]);
    if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b)) {
      throw new SweepError(`${spec}: the range's ends must be integers a JSON number can hold`);
    }
    if (a > b) throw new SweepError(`${spec}: backwards range (${a} > ${b}); write ${b}..${a}`);
    if (b - a + 1 > MAX_CELLS) {
      throw new SweepError(`${spec}: ${group(b - a + 1)} values, more than ${group(MAX_CELLS)} cells`);
    }
    return { path, values: Array.from({ length: b - a + 1 }, (_, i) => a + i) };
  }
  if (/^[-\d.]*\.\.[-\d.]*$/.test(text)) {
    throw new SweepError(`${spec}: a range is a..b with integers a ≤ b (e.g. 0..7)`);
  }
  return { path, values: text.split(',').map(valueOf) };
}

interface Dim {
  path: string;
  keys: PathKey[];
  values: VaryValue[];
}

const isPrefix = (a: readonly PathKey[], b: readonly PathKey[]) =>
  a.length <= b.length && a.every((k, i) => k === b[i]);

/** A copy of a scenario with these values set; it is a Scenario when the values passed `refusal`. */
function build(scenario: Scenario, dims: readonly Dim[], values: readonly VaryValue[]): Scenario {
  let out: unknown = scenario;
  dims.forEach((d, i) => (out = setPath(out, d.keys, values[i])));
  // Every value was checked at its path by parsing a scenario holding it (`refusal`), and no schema rule ties two
  // varied fields together except unique profile indexes, which are checked per combination.
  return out as Scenario;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The scenario was parsed already, so a profile given as a TS 24.484 document holds the document's fields: drop the
 * documents for the check so that it needs no XML reader (varying a document itself is refused).
 */
function withoutDocuments(value: unknown): unknown {
  const places: PathKey[][] = [['partner', 'cache', 'profile']];
  const profiles = getPath(value, ['primary', 'profiles']);
  if (Array.isArray(profiles)) profiles.forEach((_, i) => places.push(['primary', 'profiles', i]));
  let out = value;
  for (const keys of places) {
    const profile = getPath(out, keys);
    if (isObject(profile) && 'xml' in profile) {
      const { xml: _xml, ...rest } = profile;
      out = setPath(out, keys, rest);
    }
  }
  return out;
}

/** Why this combination of values is refused by the scenario schema, or null. */
function refusal(scenario: Scenario, dims: readonly Dim[], values: readonly VaryValue[]): string | null {
  const parsed = parseScenarioValue(withoutDocuments(build(scenario, dims, values)));
  if (parsed.ok) return null;
  const given = dims.map((d, i) => `${d.path}=${String(values[i])}`).join(', ');
  const [first, ...rest] = parsed.issues;
  if (first && rest.length === 0 && dims.length === 1 && first.path === dims[0]?.path) {
    return `${given}: ${first.message}`;
  }
  return `${given}: ${formatIssues(parsed.issues)}`;
}

function combinations<T>(lists: readonly (readonly T[])[]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((head) => list.map((v) => [...head, v])), [[]]);
}

/** The varied fields, checked: each path names a field of the scenario and each value is one its schema takes. */
function dimsOf(scenario: Scenario, vary: readonly Vary[]): Dim[] {
  const dims: Dim[] = vary.map((v) => {
    const keys = parsePath(v.path);
    if (!keys) throw new SweepError(`${v.path}: not a JSON path (e.g. primary.profiles[1].priority)`);
    const why = unknownPathReason(scenario, keys);
    if (why) throw new SweepError(`${v.path}: unknown path: ${why}`);
    if (keys.includes('xml')) {
      throw new SweepError(`${v.path}: a TS 24.484 document cannot be varied; vary the profile's fields`);
    }
    return { path: jsonPath(keys), keys, values: v.values };
  });
  dims.forEach((d, i) =>
    dims.slice(i + 1).forEach((e) => {
      if (isPrefix(d.keys, e.keys) || isPrefix(e.keys, d.keys)) {
        const what = d.path === e.path ? `${d.path} is varied twice` : `${d.path} and ${e.path} overlap`;
        throw new SweepError(`${what}: vary each field once`);
      }
    }),
  );
  for (const d of dims) {
    for (const value of new Set(d.values)) {
      const why = refusal(scenario, [d], [value]);
      if (why) throw new SweepError(why);
    }
  }
  // Profile indexes must stay unique: with two or more of them varied, each combination is checked.
  const indexes = dims.filter((d) => /^primary\.profiles\[\d+\]\.index$/.test(d.path));
  if (indexes.length > 1) {
    for (const values of combinations(indexes.map((d) => [...new Set(d.values)]))) {
      const why = refusal(scenario, indexes, values);
      if (why) throw new SweepError(why);
    }
  }
  return dims;
}

/** Checks a sweep before it runs; throws SweepError with one line for the first problem. */
function checkSweep(scenario: Scenario, vary: readonly Vary[], procedures: readonly ProcedureId[]): Dim[] {
  if (vary.length === 0) throw new SweepError('nothing to vary: give at least one <path>=<values>');
  if (procedures.length === 0) throw new SweepError('no procedure to run');
  const empty = vary.find((v) => v.values.length === 0);
  if (empty) throw new SweepError(`${empty.path}: no values`);
  const cells = vary.reduce((n, v) => n * v.values.length, procedures.length);
  if (cells > MAX_CELLS) {
    const factors = [...vary.map((v) => group(v.values.length)), String(procedures.length)].join(' × ');
    const what = `(${factors} procedure${procedures.length > 1 ? 's' : ''})`;
    throw new SweepError(`the sweep has ${group(cells)} cells ${what}, more than ${group(MAX_CELLS)}`);
  }
  return dimsOf(scenario, vary);
}

/**
 * The full scenario of one cell (to open it in the player): the scenario with `values[i]` at `vary[i].path`. A fresh
 * copy: only the objects on the way to a varied field are new, the rest is shared, and the input is not changed.
 */
export function cellScenario(
  scenario: Scenario,
  vary: readonly Vary[],
  values: readonly VaryValue[],
): Scenario {
  if (values.length !== vary.length) {
    throw new SweepError(`expected ${vary.length} value(s), one per varied field, got ${values.length}`);
  }
  const dims = dimsOf(
    scenario,
    vary.map((v, i) => ({ path: v.path, values: [values[i] as VaryValue] })),
  );
  return build(scenario, dims, values);
}

type CellResult = Omit<SweepCell, 'values' | 'procedure'>;

/** What a cell keeps of a run: the one place the sweep reads a RunResult. */
function cellOf(run: RunResult): CellResult {
  const error = run.error;
  const profiles = run.profiles;
  const all = !getProcedure(run.procedure).migration;
  return {
    outcome: run.outcome,
    error: error
      ? {
          step: error.step,
          // until RunResult.error.number lands
          number: 'number' in error && typeof error.number === 'string' ? error.number : String(error.step),
          reason: error.reason,
        }
      : null,
    violations: run.validation ? run.validation.violations.map((v) => v.rule) : [],
    rules: [...new Set(run.changes.map((c) => c.rule))],
    profile: profiles.length === 1 && profiles[0] ? plain(profiles[0]) : null,
    ...(all ? { profiles: plain(profiles) } : {}),
  };
}

/**
 * One procedure's cells, memoised: a run that never looked at some varied fields stands for every cell that agrees
 * with it on the fields it did look at (`watch`). `looked` holds one table per set of fields looked at.
 */
function runProcedure(scenario: Scenario, dims: readonly Dim[], procedure: ProcedureId, cells: SweepCell[]) {
  const trie = trieOf(dims.map((d) => d.keys));
  const looked = new Map<string, { mask: boolean[]; results: Map<string, CellResult> }>();
  const keyOf = (mask: readonly boolean[], values: readonly VaryValue[]) =>
    JSON.stringify(values.map((v, i) => (mask[i] ? v : null)));
  let tracking = true;
  const total = dims.reduce((n, d) => n * d.values.length, 1);
  const index = dims.map(() => 0);
  for (let c = 0; c < total; c++) {
    const values = dims.map((d, i) => d.values[index[i] as number] as VaryValue);
    let result: CellResult | undefined;
    for (const { mask, results } of looked.values()) {
      result = results.get(keyOf(mask, values));
      if (result) break;
    }
    if (!result) {
      const cell = build(scenario, dims, values);
      const seen = dims.map(() => !tracking);
      try {
        // The watched copy has the Scenario's shape: it forwards every read to `cell`.
        result = cellOf(simulate((tracking ? watch(cell, trie, seen) : cell) as Scenario, procedure));
      } catch (error) {
        if (!tracking) throw error;
        // Something in the run does not take the watched copy (a clone, a freeze): run plainly from here on.
        tracking = false;
        seen.fill(true);
        result = cellOf(simulate(cell, procedure));
      }
      const id = seen.map((s) => (s ? '1' : '0')).join('');
      let table = looked.get(id);
      if (!table) looked.set(id, (table = { mask: seen, results: new Map() }));
      table.results.set(keyOf(seen, values), result);
    }
    cells.push({ values, procedure, ...result });
    // The odometer: the last field varies fastest.
    for (let i = dims.length - 1; i >= 0; i--) {
      index[i] = (index[i] as number) + 1;
      if ((index[i] as number) < (dims[i] as Dim).values.length) break;
      index[i] = 0;
    }
  }
}

/**
 * Runs each procedure on every combination of the varied values (CONTRACT.md §7). Throws SweepError for a sweep
 * that cannot run (nothing varied, an unknown path, a value the schema refuses, a backwards range, too many cells).
 */
export function sweep(
  scenario: Scenario,
  vary: readonly Vary[],
  procedures: readonly ProcedureId[] = SWEEP_PROCEDURES,
): SweepResult {
  const dims = checkSweep(scenario, vary, procedures);
  const cells: SweepCell[] = [];
  for (const procedure of procedures) runProcedure(scenario, dims, procedure, cells);
  return { vary: dims.map((d) => ({ path: d.path, values: d.values })), procedures: [...procedures], cells };
}

const csvField = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** `--format csv`: a header `<path1>,…,procedure,outcome,violations` and one row per cell (violations joined by `;`). */
export function toSweepCsv(result: SweepResult): string {
  const header = [...result.vary.map((v) => v.path), 'procedure', 'outcome', 'violations'];
  const rows = result.cells.map((cell) => [
    ...cell.values.map(String),
    cell.procedure,
    cell.outcome,
    cell.violations.join(';'),
  ]);
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\n`).join('');
}
