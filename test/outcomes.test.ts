import { describe, expect, it } from 'vitest';
import { PROCEDURE_IDS } from '../src/core/model/ids';
import { applyPolicy } from '../src/core/model/policy';
import { getProcedure } from '../src/core/procedures';
import { simulate } from '../src/core/engine/run';
import { exampleScenario } from './support/fixtures';
import { goldenScenario, runGolden } from './support/golden';
import { expectedReferencePoint, IDENTIFIES_PARTNER, partnerIdOf } from './support/traceRules';

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

  it('10.1.4.3.1 delivers the profiles associated with the MC service ID of the request, unchanged', () => {
    // given a user with profiles for her MCPTT ID, her MCVideo ID, none named, and another user's
    const scenario = goldenScenario('non-migrated-all-profiles');
    // when the non-migrated procedure runs for MCPTT (the default service)
    const { trace } = runGolden('non-migrated-all-profiles', '10.1.4.3.1');
    // then the CMC holds those of her MCPTT ID (1, 2) and the one naming none (4) as they are; not the MCVideo
    // ID's (3), nor Bob's (5)
    expect(trace.outcome).toBe('delivered');
    expect(trace.profiles.map((p) => p.index)).toEqual([1, 2, 4]);
    expect(trace.profiles).toEqual([0, 1, 3].map((i) => scenario.primary.profiles[i]));
    expect(trace.changes).toEqual([]);
    expect(trace.stores).toEqual({ 'partner-udb': null, 'primary-udb': null });
    // and the request carried the one MC service ID (10.1.4.3.1 step 1)
    const { run } = runGolden('non-migrated-all-profiles', '10.1.4.3.1');
    expect(run.steps[0]?.message).toMatchObject({
      type: 'profile.request',
      request: { serviceId: 'sip:alice@metro.example', purpose: 'own', partnerSystemId: null },
    });
  });

  it('10.1.4.3.1 with ue.service "mcvideo": only the profiles of the MCVideo ID', () => {
    // given the same user, her UE asking for MCVideo
    const scenario = goldenScenario('non-migrated-mcvideo');
    // when the non-migrated procedure runs
    const { run, trace } = runGolden('non-migrated-mcvideo', '10.1.4.3.1');
    // then the request carries her MCVideo ID and the answer holds that ID's profile (3) alone
    expect(run.steps[0]?.message).toMatchObject({ request: { serviceId: 'sip:alice-video@metro.example' } });
    expect(trace.profiles).toEqual([scenario.primary.profiles[2]]);
  });
});

describe('a service other than MCPTT (ue.service)', () => {
  it('10.1.4.3.1 with ue.service "mcdata": the profiles of the MCData ID, its migration profile included', () => {
    // given a user with MCPTT, MCVideo and MCData IDs, two MCData profiles (6, 7; 7 for migration)
    const scenario = goldenScenario('non-migrated-mcdata');
    // when the non-migrated procedure runs
    const { run, trace } = runGolden('non-migrated-mcdata', '10.1.4.3.1');
    // then the request carries her MCData ID and the answer holds the MCData profiles alone, unchanged
    expect(run.steps[0]?.message).toMatchObject({ request: { serviceId: 'sip:alice-data@metro.example' } });
    expect(trace.profiles.map((p) => p.index)).toEqual([6, 7]);
    expect(trace.profiles).toEqual(scenario.primary.profiles.filter((p) => p.index === 6 || p.index === 7));
  });

  it.each(['10.1.4.3.2', '10.1.4.3.3'] as const)(
    '%s with ue.service "mcvideo": the MCVideo ID\'s migration profile (6), not the MCPTT one (2)',
    (procedure) => {
      // given MCPTT and MCVideo migration profiles for the partner
      const scenario = goldenScenario('migration-mcvideo');
      const video = scenario.primary.profiles.find((p) => p.index === 6)!;
      // when the migration procedure runs
      const { run, trace } = runGolden('migration-mcvideo', procedure);
      // then every clause step ran and the CMC holds the MCVideo profile as the partner's policy modified it
      expect(trace.outcome).toBe('delivered');
      expect(trace.steps).toHaveLength(getProcedure(procedure).steps.length);
      expect(run.steps[0]?.message).toMatchObject({
        request: { serviceId: 'sip:alice-video@metro.example', purpose: 'migration' },
      });
      expect(trace.profiles).toEqual([applyPolicy(video, scenario.partner.policy).profile]);
      expect(trace.stores['partner-udb']?.index).toBe(6);
    },
  );
});

describe('10.1.4.3.2 validation refused (step 11)', () => {
  it.each([
    ['validation-min-priority', 'minPriority'],
    ['validation-required-groups', 'requiredGroups'],
    ['validation-require-areas', 'requireAreas'],
  ] as const)('%s: the run ends with the clause error, step 11a primary-cms -> cmc', (name, rule) => {
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
      number: '11a',
      referencePoint: 'CSC-4',
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
    expect(trace.error).toEqual({
      step: 12,
      number: '11a',
      reason: expect.stringMatching(/^validation failed: /),
    });
    // and no number the clause gives a step is reused
    expect(trace.steps.map((s) => s.number)).toEqual([...clause.map((c) => String(c.n)), '11a']);
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
      expect(trace.error).toEqual({
        step: retrieve + 1,
        number: `${retrieve}a`,
        reason: expect.stringContaining('harbour.example'),
      });
      // and the errors are numbered after the retrieve step with letters, never with the clause's next numbers
      expect(errors.map((s) => s.number)).toEqual(hops.map((_, i) => `${retrieve}${'abcdefgh'[i]}`));
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

describe('10.1.4.3.2 step 11 read as "continue" (onFailure)', () => {
  it('the failed check is logged at step 11, steps 12-14 follow, and validation still reports it', () => {
    // given the minPriority refusal, with the primary reading step 11's "may" as "continue"
    const { trace } = runGolden('validation-continue', '10.1.4.3.2');
    // then all 14 numbered steps run, with no error, and the client gets the modified profile
    expect(trace.steps.map((s) => s.number)).toEqual(
      getProcedure('10.1.4.3.2').steps.map((s) => String(s.n)),
    );
    expect(trace.steps.some((s) => s.kind === 'error')).toBe(false);
    expect(trace.outcome).toBe('delivered');
    expect(trace.profiles).toHaveLength(1);
    expect(trace.error).toBeNull();
    // and step 11 (and no other) carries the log of the failed check
    const logged = trace.steps.filter((s) => s.log.length > 0);
    expect(logged.map((s) => s.number)).toEqual(['11']);
    expect(logged[0]!.log[0]).toMatch(/^validation failed \(priority 3 is below the minimum of 5\); logged/);
    // and validation reports the failure; the primary stored the modified profile (step 13)
    expect(trace.validation).toEqual({
      ok: false,
      violations: [expect.objectContaining({ rule: 'minPriority' })],
    });
    expect(trace.stores['primary-udb']).toEqual(trace.profiles[0]);
  });

  it('10.1.4.3.3 has no step 11 check: the same scenario delivers, validation null', () => {
    const { trace } = runGolden('validation-continue', '10.1.4.3.3');
    expect(trace.outcome).toBe('delivered');
    expect(trace.validation).toBeNull();
  });
});

describe('what each request carries and the reference point of each message', () => {
  it.each(PROCEDURE_IDS)('%s: the partner is identified exactly where the clause says', (procedure) => {
    // given the example
    // when the procedure runs
    const run = simulate(exampleScenario(), procedure);
    // then the requests carrying the partner's id are those the clause names, and they carry county.example
    const withPartner = run.steps.filter((s) => partnerIdOf(s) !== null);
    expect(withPartner.map((s) => s.number)).toEqual(IDENTIFIES_PARTNER[procedure]);
    for (const s of withPartner) expect(partnerIdOf(s)).toBe('county.example');
  });

  it.each(PROCEDURE_IDS)('%s: client-CMS is CSC-4, CMS-UDB CSC-13, CMS-CMS CSC-17, own actions none', (p) => {
    const run = simulate(exampleScenario(), p);
    for (const s of run.steps) expect(s.referencePoint).toBe(expectedReferencePoint(s.from, s.to));
    // and the expected ones occur: every migration procedure crosses CSC-17
    if (p !== '10.1.4.3.1') expect(run.steps.map((s) => s.referencePoint)).toContain('CSC-17');
  });
});
