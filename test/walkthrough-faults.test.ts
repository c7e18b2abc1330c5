import { describe, expect, it } from 'vitest';
import { simulate } from '../src/core/engine/run';
import { narrate } from '../src/core/formats/narration';
import { toWalkthrough } from '../src/core/formats/walkthrough';
import { exampleScenario } from './support/fixtures';

const scenario = exampleScenario((raw) => {
  Object.assign(raw, { faults: [{ kind: 'drop', step: 6 }], timing: { timeoutMs: { cmc: 5000 } } });
});
const run = simulate(scenario, '10.1.4.3.3');

describe('the walkthrough and the narration of a lost message and a fired timer', () => {
  it("narrates a lost step and a timer in the simulator's words, saying they are its own", () => {
    const lost = run.steps.find((s) => s.lost)!;
    const timer = run.steps.find((s) => s.kind === 'timeout')!;
    expect(narrate(run.procedure, lost, run)).toBe(
      "This message never arrives: it is dropped (a fault the scenario adds). It has no effect. What happens then is the simulator's assumption: the clauses do not say.",
    );
    expect(narrate(run.procedure, timer, run)).toMatch(
      /the timer, its figure and what follows are the simulator's\.$/,
    );
  });

  it('marks the steps with their time and says how the run ended', () => {
    const text = toWalkthrough(run, scenario);
    expect(text).toContain('(CSC-17) — lost at 170 ms — simulator assumption');
    expect(text).toContain('(own action) — timer fired at 5000 ms — simulator assumption');
    expect(text).toContain('Outcome: **failed** at step 6a');
    expect(text).toContain('receives no profile: failed at step 6a');
  });
});
