/** The sweep's inputs (CONTRACT.md §7): `--vary` specs, and the checks a sweep passes before anything runs. */
import type { ProcedureId } from '../model/ids';
import { formatIssues, jsonPath, parseScenarioValue, type Scenario } from '../model/scenario';
import { getPath, parsePath, setPath, unknownPathReason, type PathKey } from '../model/scenarioPath';

export const MAX_CELLS = 1_000_000;

/** A value a sweep sets: a JSON value; `null` (e.g. `partner.cache`) and lists (`partner.policy.areas`) included. */
export type VaryValue = number | boolean | string | null | VaryValue[] | { [key: string]: VaryValue };

/** One varied field: its JSON path and its values, in order. */
export interface Vary {
  path: string;
  values: VaryValue[];
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
  if (item === 'null') return null;
  return NUMBER.test(item) ? Number(item) : item;
}

/** `[…]`: the values as one JSON array, each element a value (a list value is an array in it). */
function jsonValues(spec: string, text: string): VaryValue[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SweepError(
      `${spec}: values starting with [ are a JSON array of values (e.g. [["harbour"],[],null])`,
    );
  }
  if (!Array.isArray(parsed)) throw new SweepError(`${spec}: expected a JSON array of values`);
  // JSON.parse gives JSON values only: strings, numbers, booleans, null, arrays and objects of them.
  return parsed as VaryValue[];
}

/** A value as a sweep key or a CSV field: JSON for a list or an object, else as written. */
export function valueText(value: VaryValue): string {
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Reads `<path>=<values>`: `a..b` (integers, inclusive, a ≤ b), a comma list (`true,false`, `2,4,8`, `null`,
 * `harbour`) or a JSON array of values (`[["harbour"],[],null]`: a list value is an array in it).
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
  if (text.startsWith('[')) {
    const values = jsonValues(spec, text);
    if (!values.length) throw new SweepError(`${spec}: no values (the JSON array is empty)`);
    return { path, values };
  }
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

/** A varied field, checked: its path read into keys. */
export interface Dim {
  path: string;
  keys: PathKey[];
  values: VaryValue[];
}

const isPrefix = (a: readonly PathKey[], b: readonly PathKey[]) =>
  a.length <= b.length && a.every((k, i) => k === b[i]);

/** A copy of a scenario with these values set; it is a Scenario when the values passed `refusal`. */
export function build(scenario: Scenario, dims: readonly Dim[], values: readonly VaryValue[]): Scenario {
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
  const given = dims.map((d, i) => `${d.path}=${valueText(values[i] ?? null)}`).join(', ');
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
export function dimsOf(scenario: Scenario, vary: readonly Vary[]): Dim[] {
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
export function checkSweep(
  scenario: Scenario,
  vary: readonly Vary[],
  procedures: readonly ProcedureId[],
): Dim[] {
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
