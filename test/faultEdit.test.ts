import { describe, expect, it } from 'vitest';
import {
  downButton,
  fittingScenario,
  messageFaultButtons,
  PAGE_DELAY_MS,
  toggleDown,
  toggleMessageFault,
} from '../src/core/engine/faultEdit';
import { simulate } from '../src/core/engine/run';
import { exampleScenario } from './support/fixtures';

const scenario = exampleScenario();
const run = simulate(scenario, '10.1.4.3.3');
const stepOf = (clauseStep: number) => {
  const step = run.steps.find((s) => s.clauseStep === clauseStep);
  if (!step) throw new Error(`no step ${clauseStep}`);
  return step;
};

describe('the page fault buttons as scenario edits', () => {
  it('Drop this message adds a drop of the clause step, and pressing it again removes it', () => {
    const dropped = toggleMessageFault(scenario, 'drop', 6);
    expect(dropped.faults).toEqual([{ kind: 'drop', step: 6 }]);
    expect(messageFaultButtons(dropped, stepOf(6))?.drop).toEqual({
      pressed: true,
      disabled: false,
      why: null,
    });
    const after = simulate(dropped, '10.1.4.3.3');
    expect(after.outcome).toBe('no-answer');
    expect(after.steps.find((s) => s.clauseStep === 6)?.lost).toBe(true);
    const undone = toggleMessageFault(dropped, 'drop', 6);
    expect(undone.faults).toBeUndefined();
    expect(simulate(undone, '10.1.4.3.3').outcome).toBe(run.outcome);
  });

  it("Delay this message delays it by the simulator's figure; Delay and Duplicate change nothing on a dropped message", () => {
    expect(toggleMessageFault(scenario, 'delay', 1).faults).toEqual([
      { kind: 'delay', step: 1, byMs: PAGE_DELAY_MS },
    ]);
    const buttons = messageFaultButtons(toggleMessageFault(scenario, 'drop', 1), stepOf(1));
    expect(buttons?.delay.disabled).toBe(true);
    expect(buttons?.duplicate.disabled).toBe(true);
    expect(buttons?.drop.pressed).toBe(true);
  });

  it('an own action takes no message fault', () => {
    const action = run.steps.find((s) => s.kind === 'action');
    expect(action && messageFaultButtons(scenario, action)).toBeNull();
  });

  it('Take down takes an entity down for good; Bring back up removes it; an entity the run never involves is disabled', () => {
    const down = toggleDown(scenario, 'partner-udb');
    expect(down.faults).toEqual([{ kind: 'down', entity: 'partner-udb' }]);
    expect(downButton(down, run, 'partner-udb').pressed).toBe(true);
    expect(toggleDown(down, 'partner-udb').faults).toBeUndefined();
    const primaryOnly = simulate(scenario, '10.1.4.3.1');
    expect(downButton(scenario, primaryOnly, 'partner-udb').disabled).toBe(true);
  });

  it('a procedure runs with the faults that fit it, naming the ones left out', () => {
    const dropped = toggleMessageFault(scenario, 'drop', 14);
    const fitted = fittingScenario(dropped, '10.1.4.3.3');
    expect(fitted.scenario.faults).toBeUndefined();
    expect(fitted.ignored).toEqual(['faults[0].step: 10.1.4.3.3 has no step 14 (its steps are 1..11)']);
    expect(fittingScenario(scenario, '10.1.4.3.3').scenario).toBe(scenario);
  });
});
