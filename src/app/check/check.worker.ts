/**
 * The checker off the main thread (CONTRACT.md §11): the core's `check`, one procedure at a time (each procedure's
 * search is its own, so the rows are those of one call), its rows posted as each procedure is done and its progress
 * at most every 100 ms. The search is one synchronous loop: the page cancels it by ending this worker.
 */
import * as Comlink from 'comlink';
import type { ProcedureId } from '../../core/model/ids';
import type { Scenario } from '../../core/model/scenario';
import { check, CheckLimit, STATE_LIMIT } from '../../core/explore/check';
import { finding } from '../../core/explore/checkReport';
import type { CheckEnd, CheckRow } from './checkRows';

const PROGRESS_MS = 100;

const api = {
  run(
    scenario: Scenario,
    faults: number,
    procedures: ProcedureId[],
    onRows: (rows: CheckRow[], states: number) => void,
    onProgress: (states: number) => void,
  ): CheckEnd {
    let total = 0;
    let last = 0;
    const all: CheckRow[] = [];
    try {
      for (const procedure of procedures) {
        const before = total;
        const result = check(scenario, {
          procedures: [procedure],
          faults,
          limit: STATE_LIMIT - total,
          progress: (n) => {
            const now = performance.now();
            if (now - last < PROGRESS_MS) return;
            last = now;
            onProgress(before + n);
          },
        });
        total += result.states;
        // The search's moves stay here: the page needs the steps, the scenario and the words.
        const rows = result.results.map((row): CheckRow => ({
          procedure: row.procedure,
          property: row.property,
          holds: row.holds,
          states: row.states,
          finding: finding(row),
          counterexample: row.counterexample && {
            steps: row.counterexample.steps,
            faults: row.counterexample.faults,
            brokenAt: row.counterexample.brokenAt,
            reason: row.counterexample.reason,
            scenario: row.counterexample.scenario,
            replays: row.counterexample.replays,
            replayProblem: row.counterexample.replayProblem ?? null,
          },
        }));
        all.push(...rows);
        onRows(rows, total);
      }
    } catch (error) {
      if (error instanceof CheckLimit) return { kind: 'error', message: error.message };
      throw error;
    }
    return { kind: 'done', states: total, rows: all };
  },
};

export type CheckApi = typeof api;

Comlink.expose(api);
