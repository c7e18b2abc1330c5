import { describe, expect, it } from 'vitest';
import { parseVary, sweep } from '../../core/explore/sweep';
import { PRESETS } from '../../core/model/presets';
import type { Scenario } from '../../core/model/scenario';
import { contrast } from './colour';
import { KINDS, kindOf } from './cells';
import { fieldChoices, tickText } from './fields';

const base: Scenario = PRESETS[0]!.scenario;
const withFault: Scenario = {
  ...base,
  faults: [{ kind: 'drop', step: 6 }],
  timing: { timeoutMs: { cmc: 5000 } },
};

describe('explore: the fault step and the timeouts as fields, and their own kinds of cell', () => {
  it('offers faults[i].step and timing.timeoutMs.<entity> only when the scenario has them', () => {
    expect(fieldChoices(base).some((c) => c.group === 'Faults' || c.group === 'Timing')).toBe(false);
    const added = fieldChoices(withFault).filter((c) => c.group === 'Faults' || c.group === 'Timing');
    expect(added.map((c) => [c.path, c.values])).toEqual([
      ['faults[0].step', '1..14'],
      ['timing.timeoutMs.cmc', 'null,5000'],
    ]);
  });

  it("with and without the client's timer at a glance: the timeout's first values turn it off and on", () => {
    const timeout = fieldChoices(withFault).find((c) => c.path === 'timing.timeoutMs.cmc')!;
    const vary = [
      { path: 'timing.timeoutMs.cmc', values: parseVary(`x:${timeout.values}`, ':').values },
      { path: 'faults[0].step', values: [1, 6] },
    ];
    const { cells } = sweep(withFault, vary, ['10.1.4.3.3']);
    expect(cells.map((c) => [c.values, c.outcome])).toEqual([
      [[null, 1], 'no-answer'],
      [[null, 6], 'no-answer'],
      [[5000, 1], 'failed'],
      [[5000, 6], 'failed'],
    ]);
    expect(vary[0]!.values.map((v) => tickText(vary[0]!.path, v))).toEqual(['none', '5000']);
    expect(tickText('partner.cache', null)).toBe('null');
  });

  it('which lost message each procedure survives: invalid, failed and no-answer cells each have their own kind', () => {
    const result = sweep(withFault, [{ path: 'faults[0].step', values: [4, 6] }], ['10.1.4.3.3']);
    expect(result.cells.map((c) => kindOf(c))).toEqual(['invalid', 'failed']);
    const noTimer = sweep(
      { ...withFault, timing: {} },
      [{ path: 'faults[0].step', values: [6] }],
      ['10.1.4.3.3'],
    );
    expect(kindOf(noTimer.cells[0]!)).toBe('no-answer');
    for (const kind of ['failed', 'no-answer', 'invalid'] as const)
      expect(contrast(KINDS[kind].fill, KINDS[kind].ink)).toBeGreaterThanOrEqual(4.5);
  });
});
