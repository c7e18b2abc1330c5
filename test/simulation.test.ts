import { describe, expect, it } from 'vitest';
import { applyPolicy } from '../src/core/model/policy';
import { PRESETS } from '../src/core/model/presets';
import { defaultProcedure, Simulation, simulate } from '../src/core/engine/run';
import { exampleScenario } from './support/fixtures';
import { goldenScenario } from './support/golden';

const udb = (sim: Simulation, k: number, id: 'partner-udb' | 'primary-udb') => sim.snapshots[k]![id].context;

describe('Simulation: a partner cache replaced', () => {
  it.each(['10.1.4.3.3', '10.1.4.x.2'] as const)(
    '%s: the snapshots show the old profile, then the new',
    (p) => {
      // given a partner holding a cached profile from an earlier migration
      const scenario = goldenScenario('partner-cache');
      const old = scenario.partner.cache!;
      const fresh = applyPolicy(scenario.primary.profiles[1]!, scenario.partner.policy).profile;
      // when the procedure runs step by step
      const sim = new Simulation(scenario, p);
      sim.run();
      // then before the store step the partner UDB holds the old cache and has stored nothing
      const storeStep = sim.steps.find(
        (s) => s.from === 'partner-udb' && s.to === 'partner-udb' && /stores/.test(s.text),
      );
      expect(storeStep).toBeDefined();
      const before = udb(sim, storeStep!.n - 1, 'partner-udb');
      expect(before.cache).toEqual(old);
      expect(before.stored).toBeNull();
      expect(before.replaced).toBeNull();
      // and from the store step on it holds the new profile, and remembers the one it replaced
      for (let k = storeStep!.n; k < sim.snapshots.length; k++) {
        const after = udb(sim, k, 'partner-udb');
        expect(after.stored).toEqual(fresh);
        expect(after.replaced).toEqual(old);
        expect(after.cache).toBeNull();
      }
      // and the whole procedure ran regardless of the cache (nothing served from it)
      expect(sim.result().profiles).toEqual([fresh]);
      expect(sim.result().profiles[0]?.name).not.toBe(old.profile.name);
    },
  );
});

describe('Simulation: stepping', () => {
  it('keeps one snapshot per step plus the initial one, and stops with null', () => {
    // given the example
    const sim = new Simulation(exampleScenario());
    // when stepping until the end
    expect(sim.snapshots).toHaveLength(1);
    expect(sim.done).toBe(false);
    const steps = [];
    for (let s = sim.step(); s; s = sim.step()) steps.push(s);
    // then there are 11 steps (10.1.4.3.3), 12 snapshots, and further steps do nothing
    expect(steps.map((s) => s.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(sim.snapshots).toHaveLength(12);
    expect(sim.done).toBe(true);
    expect(sim.step()).toBeNull();
    expect(sim.snapshots).toHaveLength(12);
    // and snapshot 0 is every entity idle, the last the client configured
    expect(Object.values(sim.snapshots[0]!).map((e) => e.state)).toEqual([
      'idle',
      'idle',
      'idle',
      'idle',
      'idle',
    ]);
    expect(sim.snapshots[11]!.cmc.state).toBe('configured');
  });

  it('is deterministic: the same scenario gives the same run', () => {
    // given one scenario
    const scenario = exampleScenario();
    // when simulated twice
    const a = simulate(scenario, '10.1.4.3.2');
    const b = simulate(scenario, '10.1.4.3.2');
    // then the results are equal
    expect(JSON.parse(JSON.stringify(a))).toEqual(JSON.parse(JSON.stringify(b)));
  });

  it('does not change the scenario it is given', () => {
    // given a scenario and a deep copy of it
    const scenario = exampleScenario();
    const copy = structuredClone(scenario);
    // when every procedure runs on it
    for (const p of ['10.1.4.3.1', '10.1.4.3.2', '10.1.4.3.3', '10.1.4.x.2'] as const) simulate(scenario, p);
    // then it is unchanged
    expect(scenario).toEqual(copy);
  });

  it('10.1.4.3.2 step 13 carries the acknowledgement to the primary CMS within the step', () => {
    // given the primary configuring the UE
    const scenario = exampleScenario((s) => (s.ue.configuredBy = 'primary'));
    // when it runs
    const run = simulate(scenario);
    // then step 13 is the store and its side message the acknowledgement, and no other step has one
    const step13 = run.steps[12]!;
    expect(step13).toMatchObject({ n: 13, from: 'primary-udb', to: 'primary-udb', kind: 'action' });
    expect(step13.also).toEqual([
      {
        from: 'primary-udb',
        to: 'primary-cms',
        label: 'acknowledgement',
        message: { type: 'profile.stored', from: 'primary-udb' },
      },
    ]);
    expect(run.steps.filter((s) => s.also.length > 0).map((s) => s.n)).toEqual([13]);
    // and after step 13 the primary CMS is no longer waiting to store
    expect(run.snapshots[13]!['primary-cms'].state).toBe('idle');
  });

  it('defaultProcedure follows ue.configuredBy', () => {
    // given the example configured by either system
    const partner = exampleScenario();
    const primary = exampleScenario((s) => (s.ue.configuredBy = 'primary'));
    // when asked for the default
    // then partner -> 10.1.4.3.3 and primary -> 10.1.4.3.2, which is what simulate() runs
    expect(defaultProcedure(partner)).toBe('10.1.4.3.3');
    expect(defaultProcedure(primary)).toBe('10.1.4.3.2');
    expect(simulate(primary).procedure).toBe('10.1.4.3.2');
    expect(simulate(partner).procedure).toBe('10.1.4.3.3');
  });
});

describe('presets', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))(
    '%s runs its procedure to its described end',
    (_id, preset) => {
      // given a preset
      // when it runs with its procedure
      const run = simulate(preset.scenario, preset.procedure);
      // then the outcome matches its story
      const rejected = ['validation-refused', 'no-migration-profile', 'precondition-not-met'];
      expect(run.outcome).toBe(rejected.includes(preset.id) ? 'rejected' : 'delivered');
      expect(run.procedure).toBe(preset.procedure);
    },
  );
});
