/** The sweep's views of its cells (src/core/explore/sweepTracking.ts): what a run sees and what it is noted to have read. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../src/core/model/scenario';
import { build, dimsOf, type VaryValue } from '../src/core/explore/sweepVary';
import { LiveCell, plain, trieOf } from '../src/core/explore/sweepTracking';
import { exampleScenario } from './support/fixtures';

const example = exampleScenario((raw) => {
  delete raw.primary.validation;
});

/** A LiveCell over the example for these varied fields (the first value of each in the skeleton). */
function liveFor(fields: { path: string; values: VaryValue[] }[]) {
  const dims = dimsOf(example, fields);
  const first = dims.map((d) => d.values[0] as VaryValue);
  const live = new LiveCell<Scenario>(
    build(example, dims, first),
    trieOf(dims.map((d) => d.keys)),
    dims.length,
  );
  return { live, dims };
}

describe('LiveCell', () => {
  const fields = [
    { path: 'partner.policy.maxPriority', values: [1, 4] },
    { path: 'primary.validation.minPriority', values: [2, 5] },
    { path: 'primary.profiles[1].priority', values: [3, 9] },
  ];

  it("reads the current cell's values, with the keys in the order a cell's copy has them", () => {
    const { live, dims } = liveFor(fields);
    for (const values of [
      [1, 2, 3],
      [4, 5, 9],
      [1, 5, 3],
    ]) {
      live.cell(values);
      // the example has no validation: the view has one, as build's copy does
      expect(JSON.stringify(live.scenario)).toBe(JSON.stringify(build(example, dims, values)));
      expect(live.scenario.partner.policy?.maxPriority).toBe(values[0]);
      expect(live.scenario.primary.validation?.minPriority).toBe(values[1]);
      expect(live.scenario.primary.profiles[1]?.priority).toBe(values[2]);
    }
  });

  it('is the same objects from cell to cell; what is not on the way to a varied field is the scenario’s own', () => {
    const { live } = liveFor(fields);
    live.cell([1, 2, 3]);
    const { policy } = live.scenario.partner;
    const profile = live.scenario.primary.profiles[1];
    live.cell([4, 5, 9]);
    expect(live.scenario.partner.policy).toBe(policy);
    expect(live.scenario.primary.profiles[1]).toBe(profile);
    expect(live.scenario.primary.profiles[0]).toBe(example.primary.profiles[0]);
    expect(live.scenario.partner.policy?.groups).toBe(example.partner.policy?.groups);
    expect(live.scenario.user).toBe(example.user);
  });

  it('notes a varied field as seen when it is read, asked for or copied, and only then', () => {
    const { live } = liveFor(fields);
    live.cell([1, 2, 3]);
    expect(live.scenario.partner.policy?.areas).toBeDefined();
    expect(live.seen).toEqual([false, false, false]);
    expect('minPriority' in (live.scenario.primary.validation ?? {})).toBe(true);
    expect(live.seen).toEqual([false, true, false]);
    expect({ ...live.scenario.primary.profiles[1] }.priority).toBe(3);
    expect(live.seen).toEqual([false, true, true]);
    live.cell([4, 5, 9]);
    expect(live.seen).toEqual([false, false, false]);
  });

  it('records what one transition read (each field once, with its value); holds where the values are the same', () => {
    const { live } = liveFor(fields);
    live.cell([1, 2, 3]);
    live.open();
    void live.scenario.partner.policy?.maxPriority;
    void live.scenario.partner.policy?.maxPriority;
    void live.scenario.primary.profiles[1]?.priority;
    const reads = live.close();
    expect(reads).toEqual([0, 1, 2, 3]);
    // outside a frame a read is seen but not recorded
    void live.scenario.primary.validation?.minPriority;
    expect(live.close()).toEqual([]);

    live.cell([1, 5, 3]);
    expect(live.holds(reads)).toBe(true);
    // holding counts the fields as read again
    expect(live.seen).toEqual([true, false, true]);
    live.cell([4, 2, 3]);
    expect(live.holds(reads)).toBe(false);
    expect(live.seen).toEqual([false, false, false]);
  });

  it('nests frames: what an inner frame read (or held), the enclosing one read too', () => {
    const { live } = liveFor(fields);
    live.cell([1, 2, 3]);
    live.open();
    void live.scenario.primary.validation?.minPriority;
    live.open();
    void live.scenario.partner.policy?.maxPriority;
    expect(live.close()).toEqual([0, 1]);
    expect(live.holds([2, 3])).toBe(true);
    expect(live.close()).toEqual([1, 2, 0, 1, 2, 3]);
  });

  it('refuses a change of the cell (a run may not change its scenario)', () => {
    const { live } = liveFor(fields);
    live.cell([1, 2, 3]);
    const policy = live.scenario.partner.policy;
    if (!policy) throw new Error('the example has a policy');
    expect(() => {
      policy.maxPriority = 7;
    }).toThrow('a run changed the scenario of a sweep cell');
    expect(() => Object.freeze(live.scenario.primary)).toThrow('a run changed the scenario');
    expect(() => delete live.scenario.primary.profiles[1]).toThrow('a run changed the scenario');
    expect(policy.maxPriority).toBe(1);
  });
});

describe('plain', () => {
  it('copies JSON data as JSON.parse(JSON.stringify(…)) does', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = plain(value);
        expect(copy).toStrictEqual(JSON.parse(JSON.stringify(value)));
        expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
      }),
      { numRuns: 300 },
    );
    const odd = JSON.parse('{"__proto__": {"a": 1}, "b": [1, null]}') as object;
    expect(JSON.stringify(plain(odd))).toBe(JSON.stringify(odd));
    expect(plain({ a: undefined, b: [undefined, () => 1, Number.NaN], c: -0 })).toStrictEqual({
      b: [null, null, null],
      c: 0,
    });
  });
});
