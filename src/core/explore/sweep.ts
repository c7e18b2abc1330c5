/**
 * The sweep (CONTRACT.md §7): run procedures over every combination of values of some scenario fields, one cell per
 * combination and procedure. Pure: no DOM, no clock; the same sweep gives the same cells.
 */
import type { ProcedureId } from '../model/ids';
import { getProcedure } from '../procedures';
import type { Profile } from '../model/profile';
import { InvalidCell, runOutcome, type ReadLog, type RunOutcome } from '../engine/fastRun';
import type { Outcome } from '../engine/run';
import type { Scenario } from '../model/scenario';
import {
  build,
  checkSweep,
  dimsOf,
  SweepError,
  valueText,
  type Dim,
  type Vary,
  type VaryValue,
} from './sweepVary';
import { LiveCell, plain, trieOf } from './sweepTracking';

export { MAX_CELLS, parseVary, SweepError, valueText, type Vary, type VaryValue } from './sweepVary';

export const SWEEP_PROCEDURES: readonly ProcedureId[] = ['10.1.4.3.2', '10.1.4.3.3'];

export interface SweepCell {
  /** One per varied field, in the order of `vary`. */
  values: VaryValue[];
  procedure: ProcedureId;
  /** `invalid`: the cell's scenario does not fit the procedure (a fault naming an own action, a step it lacks). */
  outcome: Outcome | 'invalid';
  /** Why the cell is `invalid` (one line naming the field); absent for a cell that ran. */
  reason?: string;
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
function cellOf(run: RunOutcome): CellResult {
  const error = run.error;
  const profiles = run.profiles;
  const all = !getProcedure(run.procedure).migration;
  return {
    outcome: run.outcome,
    error: error
      ? {
          step: error.step,
          number: error.number,
          reason: error.reason,
        }
      : null,
    violations: run.validation ? run.validation.violations.map((v) => v.rule) : [],
    rules: [...new Set(run.changes.map((c) => c.rule))],
    profile: profiles.length === 1 && profiles[0] ? plain(profiles[0]) : null,
    ...(all ? { profiles: plain(profiles) } : {}),
  };
}

/** A cell's run, or an `invalid` cell when its scenario does not fit the procedure (CONTRACT.md §10). */
function runCell(scenario: Scenario, procedure: ProcedureId, reads?: ReadLog): CellResult {
  try {
    return cellOf(runOutcome(scenario, procedure, reads ? { reads } : {}));
  } catch (error) {
    if (!(error instanceof InvalidCell)) throw error;
    return {
      outcome: 'invalid',
      reason: error.reason,
      error: null,
      violations: [],
      rules: [],
      profile: null,
    };
  }
}

/**
 * One procedure's cells, memoised: a run that never looked at some varied fields stands for every cell that agrees
 * with it on the fields it did look at (`LiveCell`). `looked` holds one table per set of fields looked at.
 */
function runProcedure(
  scenario: Scenario,
  dims: readonly Dim[],
  procedure: ProcedureId,
  cells: SweepCell[],
  progress: () => void,
) {
  const looked = new Map<string, { mask: boolean[]; results: Map<string, CellResult> }>();
  // The values a run looked at, as one key: numbers, booleans and null as written, strings quoted, lists and objects
  // as JSON, the others "-".
  const keyOf = (mask: readonly boolean[], values: readonly VaryValue[]) => {
    let key = '';
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      key += `${!mask[i] ? '-' : typeof v === 'string' ? JSON.stringify(v) : valueText(v ?? null)},`;
    }
    return key;
  };
  const total = dims.reduce((n, d) => n * d.values.length, 1);
  const index = dims.map(() => 0);
  const valuesAt = () => dims.map((d, i) => d.values[index[i] as number] as VaryValue);
  // Every cell's scenario, as one set of views reading the cell's values (null once a run refused it).
  let live: LiveCell<Scenario> | null = new LiveCell(
    build(scenario, dims, valuesAt()),
    trieOf(dims.map((d) => d.keys)),
    dims.length,
  );
  for (let c = 0; c < total; c++) {
    const values = valuesAt();
    let result: CellResult | undefined;
    for (const { mask, results } of looked.values()) {
      result = results.get(keyOf(mask, values));
      if (result) break;
    }
    if (!result) {
      let seen: boolean[] = dims.map(() => true);
      if (live) {
        live.cell(values);
        try {
          result = runCell(live.scenario, procedure, live);
          seen = live.seen;
        } catch {
          // Something in the run does not take the views (a change, a freeze): run plainly from here on.
          live = null;
        }
      }
      result ??= runCell(build(scenario, dims, values), procedure);
      const id = seen.map((s) => (s ? '1' : '0')).join('');
      let table = looked.get(id);
      if (!table) looked.set(id, (table = { mask: seen, results: new Map() }));
      table.results.set(keyOf(seen, values), result);
    }
    cells.push({ values, procedure, ...result });
    progress();
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
 * `onProgress` hears after every cell how many of how many are done (the CLI shows it on a terminal).
 */
export function sweep(
  scenario: Scenario,
  vary: readonly Vary[],
  procedures: readonly ProcedureId[] = SWEEP_PROCEDURES,
  onProgress?: (done: number, total: number) => void,
): SweepResult {
  const dims = checkSweep(scenario, vary, procedures);
  const cells: SweepCell[] = [];
  const total = dims.reduce((n, d) => n * d.values.length, procedures.length);
  const progress = onProgress ? () => onProgress(cells.length, total) : () => undefined;
  for (const procedure of procedures) runProcedure(scenario, dims, procedure, cells, progress);
  return { vary: dims.map((d) => ({ path: d.path, values: d.values })), procedures: [...procedures], cells };
}

const csvField = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** `--format csv`: a header `<path1>,…,procedure,outcome,violations` and one row per cell (violations joined by `;`). */
export function toSweepCsv(result: SweepResult): string {
  const header = [...result.vary.map((v) => v.path), 'procedure', 'outcome', 'violations'];
  const rows = result.cells.map((cell) => [
    ...cell.values.map(valueText),
    cell.procedure,
    cell.outcome,
    cell.violations.join(';'),
  ]);
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\n`).join('');
}
