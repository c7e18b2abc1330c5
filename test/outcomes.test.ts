import { describe, expect, it } from 'vitest';
import { applyPolicy } from '../src/core/policy';
import { getProcedure } from '../src/core/procedures';
import { goldenScenario, runGolden } from './support/golden';

/**
 * The meaning of every branch, checked on the golden scenarios without their expected files: a regenerated golden
 * file that changes what a branch does fails here too.
 */

const MIGRATION = ['10.1.4.3.2', '10.1.4.3.3', '10.1.4.x.2'] as const;

describe('happy paths', () => {
  it.each(['10.1.4.3.2', '10.1.4.3.3', '10.1.4.x.2'] as const)(
    '%s delivers the policy-applied migration profile, stored by the partner',
    (procedure) => {
      // given the example scenario
      const scenario = goldenScenario('metro-to-county');
      const migration = scenario.primary.profiles[1]!;
      const expected = applyPolicy(migration, scenario.partner.policy);
      // when the procedure runs
      const { trace } = runGolden('metro-to-county', procedure);
      // then every clause step ran, nothing was assumed, and the CMC holds the modified profile
      expect(trace.outcome).toBe('delivered');
      expect(trace.error).toBeNull();
      expect(trace.steps).toHaveLength(getProcedure(procedure).steps.length);
      expect(trace.steps.every((s) => !s.assumption && s.kind !== 'error')).toBe(true);
      expect(trace.profiles).toEqual([expected.profile]);
      expect(trace.changes).toEqual(expected.changes);
      expect(trace.stores['partner-udb']).toEqual(expected.profile);
      // and only 10.1.4.3.2 has the primary validate and store the modified profile
      if (procedure === '10.1.4.3.2') {
        expect(trace.validation).toEqual({ ok: true, violations: [] });
        expect(trace.stores['primary-udb']).toEqual(expected.profile);
      } else {
        expect(trace.validation).toBeNull();
        expect(trace.stores['primary-udb']).toBeNull();
      }
    },
  );

  it('10.1.4.3.1 delivers every profile associated with the MC service IDs, unchanged', () => {
    // given a user with profiles for her MCPTT ID, her MCVideo ID, none named, and another user's
    const scenario = goldenScenario('non-migrated-all-profiles');
    // when the non-migrated procedure runs
    const { trace } = runGolden('non-migrated-all-profiles', '10.1.4.3.1');
    // then the CMC holds all of hers (indexes 1-4) as they are, and not Bob's (5)
    expect(trace.outcome).toBe('delivered');
    expect(trace.profiles.map((p) => p.index)).toEqual([1, 2, 3, 4]);
    expect(trace.profiles).toEqual(scenario.primary.profiles.slice(0, 4));
    expect(trace.changes).toEqual([]);
    expect(trace.stores).toEqual({ 'partner-udb': null, 'primary-udb': null });
  });
});

describe('10.1.4.3.2 validation refused (step 11)', () => {
  it.each([
    ['validation-min-priority', 'minPriority'],
    ['validation-required-groups', 'requiredGroups'],
    ['validation-require-areas', 'requireAreas'],
  ] as const)('%s: the run ends with the clause error, step 12 primary-cms -> cmc', (name, rule) => {
    // given a scenario whose partner policy breaks one of the primary's rules (its default procedure)
    // when it runs
    const { trace } = runGolden(name);
    // then the procedure is 10.1.4.3.2 and steps 1-11 are the clause's
    expect(trace.procedure).toBe('10.1.4.3.2');
    const clause = getProcedure('10.1.4.3.2').steps.slice(0, 11);
    expect(trace.steps.slice(0, 11).map(({ n, from, to, kind }) => ({ n, from, to, kind }))).toEqual(
      clause.map(({ n, from, to, kind }) => ({ n, from, to, kind })),
    );
    // and the last step is the error the clause describes in step 11, not an assumption
    expect(trace.steps).toHaveLength(12);
    expect(trace.steps[11]).toMatchObject({
      n: 12,
      from: 'primary-cms',
      to: 'cmc',
      kind: 'error',
      assumption: false,
      text: getProcedure('10.1.4.3.2').branches[0]!.text,
    });
    // and exactly the one rule is violated
    expect(trace.outcome).toBe('rejected');
    expect(trace.validation?.ok).toBe(false);
    expect(trace.validation?.violations.map((v) => v.rule)).toEqual([rule]);
    expect(trace.error).toEqual({ step: 12, reason: expect.stringMatching(/^validation failed: /) });
    // and the primary stores nothing, the CMC holds nothing, the partner kept what it stored in step 8
    expect(trace.stores['primary-udb']).toBeNull();
    expect(trace.profiles).toEqual([]);
    expect(trace.stores['partner-udb']).not.toBeNull();
  });
});

describe('no migration profile for the partner', () => {
  it.each([
    ['10.1.4.3.2', 3, ['primary-udb>primary-cms', 'primary-cms>cmc']],
    ['10.1.4.3.3', 4, ['primary-udb>primary-cms', 'primary-cms>partner-cms', 'partner-cms>cmc']],
  ] as const)(
    '%s: after the retrieve step an assumed error travels back to the cmc',
    (procedure, retrieve, hops) => {
      // given a partner no profile names (and no "*" profile)
      // when the procedure runs
      const { run, trace } = runGolden('no-migration-profile', procedure);
      // then the clause runs up to the retrieve step, then only errors follow, each an assumption
      expect(trace.steps[retrieve - 1]).toMatchObject({
        n: retrieve,
        from: 'primary-udb',
        to: 'primary-udb',
      });
      const errors = trace.steps.slice(retrieve);
      expect(errors.map((s) => `${s.from}>${s.to}`)).toEqual(hops);
      expect(errors.every((s) => s.kind === 'error' && s.assumption)).toBe(true);
      // and the client ends refused, holding nothing, nothing stored anywhere
      expect(run.snapshots.at(-1)!.cmc.state).toBe('refused');
      expect(trace.outcome).toBe('rejected');
      expect(trace.error).toEqual({ step: retrieve + 1, reason: expect.stringContaining('harbour.example') });
      expect(trace.profiles).toEqual([]);
      expect(trace.stores).toEqual({ 'partner-udb': null, 'primary-udb': null });
    },
  );
});

describe('choice of the migration profile', () => {
  it.each(['10.1.4.3.2', '10.1.4.3.3'] as const)('%s: the "*" profile when none names the partner', (p) => {
    // given profile 2 for city.example only and profile 3 for "*"
    // when migrating to county.example
    const { trace } = runGolden('wildcard-migration-profile', p);
    // then profile 3 is delivered
    expect(trace.outcome).toBe('delivered');
    expect(trace.profiles.map((x) => [x.index, x.migration])).toEqual([[3, { partners: ['*'] }]]);
  });

  it('a disabled profile naming the partner is skipped for the next one', () => {
    // given profile 2 (status false) and profile 3, both for county.example
    // when migrating there
    const { trace } = runGolden('disabled-migration-profile');
    // then profile 3 is delivered and stored
    expect(trace.profiles.map((x) => x.index)).toEqual([3]);
    expect(trace.stores['partner-udb']?.index).toBe(3);
  });
});

describe('failed preconditions', () => {
  const cases = [
    ['precondition-not-permitted', ['not permitted to migrate'], ['not authenticated']],
    ['precondition-not-authenticated', ['not authenticated in the partner'], ['not permitted']],
    ['precondition-both', ['not permitted to migrate', 'not authenticated in the partner'], []],
  ] as const;
  for (const [name, named, notNamed] of cases) {
    it.each(MIGRATION)(`${name} %s: the first server refuses at once`, (procedure) => {
      // given a failed precondition
      // when the procedure runs
      const { run, trace } = runGolden(name, procedure);
      // then step 1 is the clause's request and step 2 an assumed error back to the cmc
      const first = getProcedure(procedure).steps[0]!;
      expect(trace.steps).toHaveLength(2);
      expect(trace.steps[0]).toMatchObject({ n: 1, from: 'cmc', to: first.to, text: first.text });
      expect(trace.steps[1]).toMatchObject({
        n: 2,
        from: first.to,
        to: 'cmc',
        kind: 'error',
        assumption: true,
      });
      // and the reason names exactly the failed preconditions
      for (const words of named) expect(trace.error?.reason).toContain(words);
      for (const words of notNamed) expect(trace.error?.reason).not.toContain(words);
      expect(run.snapshots.at(-1)!.cmc.state).toBe('refused');
      expect(trace.stores).toEqual({ 'partner-udb': null, 'primary-udb': null });
    });
  }

  it('the non-migrated procedure does not check the migration preconditions', () => {
    // given a user who may not migrate
    // when she obtains her profiles at home (10.1.4.3.1)
    const { trace } = runGolden('precondition-both', '10.1.4.3.1');
    // then she gets them
    expect(trace.outcome).toBe('delivered');
    expect(trace.steps.map((s) => s.kind)).toEqual(['message', 'action', 'message']);
  });
});

describe('pass-through and absent policy', () => {
  it.each(['10.1.4.3.2', '10.1.4.3.3'] as const)('%s: unknown fields reach the cmc untouched', (p) => {
    // given unknown fields in the migration profile and in its migration object
    const source = goldenScenario('unknown-fields').primary.profiles[1]!;
    // when the profile travels
    const { trace } = runGolden('unknown-fields', p);
    // then they arrive as they were
    const delivered = trace.profiles[0]!;
    expect(delivered['x-vendor']).toEqual({
      radio: 'TETRA-bridge',
      codes: [1, 2, 3],
      nested: { keep: true },
    });
    expect(delivered['x-vendor']).toEqual(source['x-vendor']);
    expect(delivered.migration).toEqual({ partners: ['county.example'], 'x-reason': 'mutual aid treaty 12' });
  });

  it.each(['10.1.4.3.2', '10.1.4.3.3'] as const)('%s: without a policy nothing changes', (p) => {
    // given a partner without a policy
    const source = goldenScenario('no-policy').primary.profiles[1]!;
    // when the profile travels
    const { trace } = runGolden('no-policy', p);
    // then it is delivered and stored as retrieved, with no change listed
    expect(trace.outcome).toBe('delivered');
    expect(trace.changes).toEqual([]);
    expect(trace.profiles).toEqual([source]);
    expect(trace.stores['partner-udb']).toEqual(source);
  });
});
