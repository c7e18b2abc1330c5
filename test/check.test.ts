import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, breaksOnReplay } from '../src/core/explore/check';
import { PROPERTIES, propertyById, type View } from '../src/core/explore/properties';
import { parseScenario } from '../src/core/model/scenario';
import { simulate } from '../src/core/engine/run';
import type { Profile } from '../src/core/model/profile';

const example = (() => {
  const parsed = parseScenario(readFileSync('examples/metro-to-county.json', 'utf8'));
  if (!parsed.ok) throw new Error('example does not parse');
  return parsed.scenario;
})();

const verdicts = (faults: number) =>
  Object.fromEntries(
    check(example, { faults }).results.map((r) => [`${r.procedure} ${r.property}`, r.holds]),
  );

const p1: Profile = { index: 2, priority: 3, areas: ['harbour'] };
const p2: Profile = { index: 2, priority: 1, areas: ['harbour'] };
const base: View = {
  procedure: '10.1.4.3.2',
  client: { state: 'configured', purpose: 'migration', profiles: [p1] },
  stores: { 'primary-udb': p1, 'partner-udb': p1 },
  checked: [p1],
  refused: [],
  answers: 1,
  policy: { areas: ['harbour'], maxPriority: 3 },
};

describe('properties on hand-built views', () => {
  it('each holds on a run that went as the clause says', () => {
    for (const p of PROPERTIES) expect(p.broken(base), p.id).toBeNull();
  });
  it('each breaks where its statement says', () => {
    expect(
      propertyById('answered').broken({ ...base, client: { ...base.client, state: 'requesting' } }),
    ).toMatch(/waiting/);
    expect(propertyById('one-answer').broken({ ...base, answers: 2 })).toMatch(/2 answers/);
    expect(propertyById('validated-only').broken({ ...base, checked: [p2] })).toMatch(/never checked/);
    expect(propertyById('refused-not-kept').broken({ ...base, refused: [p1] })).toMatch(/refused/);
    expect(
      propertyById('policy-respected').broken({
        ...base,
        client: { ...base.client, profiles: [{ ...p1, priority: 9 }] },
      }),
    ).toMatch(/maxPriority/);
    expect(
      propertyById('stores-agree').broken({ ...base, stores: { ...base.stores, 'partner-udb': p2 } }),
    ).toMatch(/another/);
    expect(
      propertyById('stores-agree').broken({
        ...base,
        client: { ...base.client, state: 'refused', profiles: [] },
      }),
    ).toMatch(/no profile/);
  });
  it('the properties about migration hold trivially for 10.1.4.3.1', () => {
    const own: View = { ...base, procedure: '10.1.4.3.1', checked: [], refused: [p1] };
    for (const id of ['validated-only', 'refused-not-kept', 'policy-respected', 'stores-agree'] as const)
      expect(propertyById(id).broken(own)).toBeNull();
  });
});

describe('check on the example scenario', () => {
  it('without faults only 10.1.4.3.3 validated-only fails: a property of the clause as written', () => {
    const v = verdicts(0);
    expect(
      Object.entries(v)
        .filter(([, holds]) => !holds)
        .map(([k]) => k),
    ).toEqual(['10.1.4.3.3 validated-only']);
  });
  it('with one fault the client may wait for ever and the stores may disagree', () => {
    const v = verdicts(1);
    expect(
      Object.entries(v)
        .filter(([, holds]) => !holds)
        .map(([k]) => k),
    ).toEqual([
      '10.1.4.3.2 answered',
      '10.1.4.3.2 stores-agree',
      '10.1.4.3.3 answered',
      '10.1.4.3.3 validated-only',
      '10.1.4.3.3 stores-agree',
    ]);
  });
  it('every counterexample replays through simulate to its steps and breaks its property at brokenAt', () => {
    for (const faults of [0, 1, 2]) {
      for (const r of check(example, { faults }).results) {
        const cx = r.counterexample;
        if (!cx) continue;
        expect(cx.replays, `${r.procedure} ${r.property}: ${cx.replayProblem ?? ''}`).toBe(true);
        if (!cx.scenario) continue;
        const run = simulate(cx.scenario, r.procedure);
        expect(run.steps.map((s) => [s.from, s.to, s.message.type, s.at, s.lost])).toEqual(
          cx.steps.map((s) => [s.from, s.to, s.message.type, s.at, s.lost]),
        );
        expect(breaksOnReplay(cx.scenario, r.procedure, r.property)).toBe(cx.brokenAt);
      }
    }
  });
  it('a shortest counterexample: dropping the first request leaves the client waiting after one step', () => {
    const r = check(example, { faults: 1, procedures: ['10.1.4.3.2'] }).results.find(
      (x) => x.property === 'answered',
    );
    expect(r?.counterexample?.faults).toEqual([{ kind: 'drop', step: 1, nth: 1 }]);
    expect(r?.counterexample?.steps.length).toBe(1);
  });
  it('stops with one line at its state limit', () => {
    expect(() => check(example, { faults: 2, limit: 100 })).toThrow(/stopped at 100 states/);
  });
});
