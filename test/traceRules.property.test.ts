/**
 * The trace rules on any valid scenario and every procedure: the step numbers, the
 * reference points and where the partner MC system is identified. test/outcomes.test.ts checks the same on the
 * example; the expectations come from test/support/traceRules.ts (the clauses and the entity ids), not from run.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROCEDURE_IDS, type ProcedureId } from '../src/core/model/ids';
import { PRESETS } from '../src/core/model/presets';
import { getProcedure } from '../src/core/procedures';
import { simulate, type TraceStep } from '../src/core/engine/run';
import { parseScenarioValue, type Scenario } from '../src/core/model/scenario';
import { allGoldenScenarios } from './support/golden';
import { validScenario } from './support/scenarioArbitrary';
import { expectedReferencePoint, IDENTIFIES_PARTNER, partnerIdOf } from './support/traceRules';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** The golden scenarios and the presets: they reach every way a procedure ends (11a, continue, 1a, 3a ...). */
const KNOWN: Scenario[] = [...allGoldenScenarios(), ...PRESETS.map((p) => p.scenario)];

const parsedScenario = validScenario.map((raw) => {
  const parsed = parseScenarioValue(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
});
const scenario = fc.oneof(
  { weight: 3, arbitrary: parsedScenario },
  { weight: 1, arbitrary: fc.constantFrom(...KNOWN) },
);
const procedure = fc.constantFrom(...PROCEDURE_IDS);
/** Each known scenario under each procedure, run before the random ones. */
const EXAMPLES = KNOWN.flatMap((s) => PROCEDURE_IDS.map((id): [Scenario, ProcedureId] => [s, id]));

/** Every clause step once, in the clause's order from step 1; after the last, its number and a, b, c ... */
function checkNumbers(id: ProcedureId, steps: readonly TraceStep[]): void {
  const clause = getProcedure(id).steps;
  let last = 0;
  let extra = 0;
  for (const step of steps) {
    if (step.clauseStep !== null) {
      expect(extra, `${step.number}: a clause step after an extra one`).toBe(0);
      expect(step.clauseStep).toBe(last + 1);
      expect(step.number).toBe(String(step.clauseStep));
      const table = clause[step.clauseStep - 1];
      expect({ from: step.from, to: step.to, kind: step.kind }).toEqual({
        from: table?.from,
        to: table?.to,
        kind: table?.kind,
      });
      last = step.clauseStep;
    } else {
      expect(step.number).toBe(`${last}${LETTERS[extra]}`);
      extra += 1;
    }
  }
  const numbers = steps.map((s) => s.number);
  expect(new Set(numbers).size).toBe(numbers.length);
}

describe('trace rules on any valid scenario, every procedure', () => {
  it('numbers, reference points and the partner identification', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(scenario, procedure, (s, id) => {
        const run = simulate(s, id, { snapshots: false });
        checkNumbers(id, run.steps);
        for (const step of run.steps) {
          expect(step.referencePoint, step.number).toBe(expectedReferencePoint(step.from, step.to));
          const partner = partnerIdOf(step);
          const named = IDENTIFIES_PARTNER[id].includes(step.number);
          expect(partner, `${id} step ${step.number}`).toBe(named ? s.partner.systemId : null);
          if (named) seen.add(`${id} ${step.number}`);
          if (step.clauseStep === null) seen.add('extra');
          if (step.number.endsWith('b')) seen.add('extra b');
        }
      }),
      // fast-check counts the examples among the runs: 150 random ones after them
      { numRuns: EXAMPLES.length + 150, examples: EXAMPLES },
    );
    // the runs reached every step that identifies the partner, and lettered steps (a and b)
    expect([...seen].sort()).toEqual(
      [
        ...PROCEDURE_IDS.flatMap((id) => IDENTIFIES_PARTNER[id].map((n) => `${id} ${n}`)),
        'extra',
        'extra b',
      ].sort(),
    );
  });
});
