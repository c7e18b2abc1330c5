/**
 * Every counterexample the checker gives replays: its scenario run through `simulate` gives exactly its steps, and
 * its property breaks there at `brokenAt`. A counterexample the §10 faults cannot force is marked, never emitted with
 * a scenario that does not replay.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breaksOnReplay, check } from '../src/core/explore/check';
import { simulate } from '../src/core/engine/run';
import { PROCEDURE_IDS } from '../src/core/model/ids';
import { parseScenarioValue } from '../src/core/model/scenario';
import { validScenario } from './support/scenarioArbitrary';

const timing = fc.option(
  fc.record({
    timeoutMs: fc.record({ cmc: fc.integer({ min: 1, max: 50 }) }),
    retries: fc.integer({ min: 0, max: 1 }),
  }),
  { nil: undefined },
);

describe('counterexamples replay through simulate', () => {
  it('on random scenarios, every procedure, up to 2 faults', () => {
    let replayed = 0;
    fc.assert(
      fc.property(
        validScenario,
        timing,
        fc.constantFrom(...PROCEDURE_IDS),
        fc.integer({ min: 0, max: 2 }),
        (raw, time, procedure, faults) => {
          const parsed = parseScenarioValue(time ? { ...raw, timing: time } : raw);
          if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
          const result = check(parsed.scenario, { procedures: [procedure], faults });
          for (const row of result.results) {
            const cx = row.counterexample;
            expect(row.holds).toBe(cx === null);
            if (!cx) continue;
            if (!cx.replays) {
              expect(cx.scenario).toBeNull();
              expect(cx.replayProblem).toBeTruthy();
              continue;
            }
            if (!cx.scenario) throw new Error('a replayable counterexample without a scenario');
            replayed++;
            const run = simulate(cx.scenario, procedure);
            expect(run.steps).toEqual(cx.steps);
            expect(breaksOnReplay(cx.scenario, procedure, row.property)).toBe(cx.brokenAt);
            expect(cx.faults.length).toBeLessThanOrEqual(faults);
          }
        },
      ),
      { numRuns: 80 },
    );
    expect(replayed).toBeGreaterThan(0);
  });
});
