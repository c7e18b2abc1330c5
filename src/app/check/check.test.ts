import { describe, expect, it } from 'vitest';
import { check } from '../../core/explore/check';
import { finding } from '../../core/explore/checkReport';
import { simulate } from '../../core/engine/run';
import { presetScenario } from '../../core/model/presets';
import { decodeScenario, scenarioValue } from '../url';
import type { CheckRow } from './checkRows';
import { breakingStep, counterexampleAddress, readCheckUrl, withoutCheck, writeCheckUrl } from './checkUrl';

const rowsOf = (faults: number) =>
  check(presetScenario('happy-path'), { procedures: ['10.1.4.3.2', '10.1.4.3.3'], faults }).results.map(
    (row): CheckRow => ({
      ...row,
      finding: finding(row),
      counterexample: row.counterexample && { ...row.counterexample, replayProblem: null },
    }),
  );

describe('the check page address', () => {
  it('reads faults and procedures, and refuses bad values with a problem each', () => {
    expect(readCheckUrl('?mode=check')).toEqual({
      faults: 0,
      procedures: ['10.1.4.3.2', '10.1.4.3.3'],
      problems: [],
    });
    expect(readCheckUrl('?mode=check&faults=2&procedures=10.1.4.x.2,10.1.4.3.1')).toMatchObject({
      faults: 2,
      procedures: ['10.1.4.3.1', '10.1.4.x.2'],
    });
    const bad = readCheckUrl('?faults=-1&procedures=nope');
    expect(bad.faults).toBe(0);
    expect(bad.problems).toHaveLength(2);
    expect(readCheckUrl('?faults=9').problems[0]).toMatch(/not a whole number from 0 to 3/);
  });

  it('writes the mode and its parameters, keeping the others, and leaves them all out for the player', () => {
    const search = writeCheckUrl('?states=1', { faults: 1, procedures: ['10.1.4.x.2'] });
    expect(search).toBe('?states=1&mode=check&faults=1&procedures=10.1.4.x.2');
    expect(withoutCheck(search)).toBe('?states=1');
  });

  it('opens every failing cell in the player on a scenario that replays its counterexample to the breaking step', () => {
    const failing = rowsOf(1).filter((r) => !r.holds);
    expect(failing.length).toBeGreaterThan(0);
    for (const row of failing) {
      const cx = row.counterexample;
      if (!cx) throw new Error('a failing row without a counterexample');
      const address = counterexampleAddress('?mode=check&faults=1&states=1', row);
      if (!address) throw new Error('no address for a counterexample that replays');
      const url = new URL(`http://x/${address}`);
      expect(url.searchParams.get('mode')).toBeNull();
      expect(url.searchParams.get('faults')).toBeNull();
      expect(url.searchParams.get('states')).toBe('1');
      expect(url.searchParams.get('property')).toBe(row.property);
      expect(url.searchParams.get('procedure')).toBe(row.procedure);
      expect(Number(url.searchParams.get('step'))).toBe(breakingStep(cx));
      const decoded = decodeScenario(scenarioValue(url.search, url.hash) ?? '');
      if (!decoded.ok) throw new Error(decoded.reason);
      const replay = simulate(decoded.scenario, row.procedure).steps;
      expect(replay.map((s) => [s.number, s.from, s.to, Boolean(s.lost)])).toEqual(
        cx.steps.map((s) => [s.number, s.from, s.to, Boolean(s.lost)]),
      );
    }
  });

  it('has no address for a counterexample without a scenario', () => {
    const [row] = rowsOf(0).filter((r) => !r.holds);
    if (!row?.counterexample) throw new Error('10.1.4.3.3 validated-only fails without faults');
    expect(
      counterexampleAddress('', { ...row, counterexample: { ...row.counterexample, scenario: null } }),
    ).toBe(null);
  });

  it('puts the step that breaks the property in view: the one at brokenAt, or the last for the end', () => {
    expect(breakingStep({ steps: [1, 2, 3], brokenAt: 1 })).toBe(2);
    expect(breakingStep({ steps: [1, 2, 3], brokenAt: 3 })).toBe(3);
  });
});
