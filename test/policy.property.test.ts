import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPolicy, type Policy, type PolicyRule } from '../src/core/model/policy';
import type { Profile } from '../src/core/model/profile';

const RUNS = { numRuns: 300 };
const RULES: readonly PolicyRule[] = [
  'areas',
  'maxPriority',
  'groups.allow',
  'groups.add',
  'maxAffiliations',
  'privateCall',
];
const FIELD_OF: Record<PolicyRule, string> = {
  areas: 'areas',
  maxPriority: 'priority',
  'groups.allow': 'groups',
  'groups.add': 'groups',
  maxAffiliations: 'maxAffiliations',
  privateCall: 'privateCall',
};

// Small pools, so that profiles and policies overlap often.
const area = fc.constantFrom('downtown', 'harbour', 'county-north', 'airport', 'county-south');
const group = fc.constantFrom(
  'sip:metro-emergency@metro.example',
  'sip:patrol-north@metro.example',
  'sip:k9@metro.example',
  'sip:mutual-aid@county.example',
  'sip:fire@county.example',
);
const user = fc.constantFrom('sip:dispatch@metro.example', 'sip:sergeant@metro.example');

const profileArb: fc.Arbitrary<Profile> = fc.record(
  {
    index: fc.integer({ min: 0, max: 255 }),
    name: fc.string(),
    priority: fc.integer({ min: 0, max: 255 }),
    groups: fc.array(group, { maxLength: 6 }),
    privateCall: fc.array(user, { maxLength: 3 }),
    maxAffiliations: fc.integer({ min: 0, max: 65535 }),
    areas: fc.array(area, { maxLength: 6 }),
    migration: fc.record({ partners: fc.constantFrom(['county.example'], ['*']) }),
    'x-vendor': fc.jsonValue(),
  },
  { requiredKeys: ['index'] },
) as fc.Arbitrary<Profile>;

const policyArb: fc.Arbitrary<Policy> = fc.record(
  {
    areas: fc.array(area, { maxLength: 5 }),
    maxPriority: fc.integer({ min: 0, max: 255 }),
    groups: fc.record(
      { allow: fc.array(group, { maxLength: 5 }), add: fc.array(group, { maxLength: 3 }) },
      { requiredKeys: [] },
    ),
    maxAffiliations: fc.integer({ min: 0, max: 65535 }),
    privateCall: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** A plain JSON copy: what a profile "is" once serialised (undefined fields dropped). */
const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('applyPolicy properties', () => {
  it('is idempotent: applying twice equals applying once, and the second time changes nothing', () => {
    fc.assert(
      fc.property(profileArb, policyArb, (profile, policy) => {
        // given a profile and a policy
        // when the policy is applied twice
        const once = applyPolicy(profile, policy);
        const twice = applyPolicy(once.profile, policy);
        // then the profile is the same and the second application lists no change
        expect(json(twice.profile)).toEqual(json(once.profile));
        expect(twice.changes).toEqual([]);
      }),
      RUNS,
    );
  });

  it('keeps areas within the policy areas, and gives a profile without areas the policy areas', () => {
    fc.assert(
      fc.property(profileArb, policyArb, (profile, policy) => {
        fc.pre(policy.areas !== undefined);
        // given a policy with areas
        // when applied
        const { profile: after } = applyPolicy(profile, policy);
        // then every area left is a policy area
        expect(after.areas).toBeDefined();
        for (const a of after.areas!) expect(policy.areas).toContain(a);
        if (profile.areas === undefined)
          expect([...after.areas!].sort()).toEqual([...new Set(policy.areas)].sort());
      }),
      RUNS,
    );
  });

  it('caps the priority at maxPriority when both are defined, leaves it otherwise', () => {
    fc.assert(
      fc.property(profileArb, policyArb, (profile, policy) => {
        // given a profile and a policy
        // when applied
        const { profile: after } = applyPolicy(profile, policy);
        // then the priority is min(priority, maxPriority), or untouched
        if (profile.priority !== undefined && policy.maxPriority !== undefined) {
          expect(after.priority).toBeLessThanOrEqual(policy.maxPriority);
          expect(after.priority).toBe(Math.min(profile.priority, policy.maxPriority));
        } else {
          expect(after.priority).toBe(profile.priority);
        }
      }),
      RUNS,
    );
  });

  it('adds every group of groups.add, and keeps only allowed or added groups', () => {
    fc.assert(
      fc.property(profileArb, policyArb, (profile, policy) => {
        // given a profile and a policy
        // when applied
        const { profile: after } = applyPolicy(profile, policy);
        // then every added group is present
        for (const g of policy.groups?.add ?? []) expect(after.groups).toContain(g);
        // and with an allow list, the profile's groups are allowed or added
        const allow = policy.groups?.allow;
        if (allow && profile.groups) {
          for (const g of after.groups ?? []) expect([...allow, ...(policy.groups?.add ?? [])]).toContain(g);
        }
      }),
      RUNS,
    );
  });

  it('caps maxAffiliations, empties the private call list when privateCall is false', () => {
    fc.assert(
      fc.property(profileArb, policyArb, (profile, policy) => {
        // given a profile and a policy
        // when applied
        const { profile: after } = applyPolicy(profile, policy);
        // then
        if (policy.maxAffiliations !== undefined)
          expect(after.maxAffiliations).toBeLessThanOrEqual(policy.maxAffiliations);
        else expect(after.maxAffiliations).toBe(profile.maxAffiliations);
        if (policy.privateCall === false && profile.privateCall !== undefined)
          expect(after.privateCall).toEqual([]);
        else expect(after.privateCall).toEqual(profile.privateCall);
      }),
      RUNS,
    );
  });

  it('lists only real changes, each naming a rule of the set and that rule’s field', () => {
    fc.assert(
      fc.property(profileArb, policyArb, (profile, policy) => {
        // given a profile and a policy
        // when applied
        const { changes } = applyPolicy(profile, policy);
        // then no change has before equal to after, and each names a known rule and its field
        for (const c of changes) {
          expect(json({ v: c.before })).not.toEqual(json({ v: c.after }));
          expect(RULES).toContain(c.rule);
          expect(c.field).toBe(FIELD_OF[c.rule]);
        }
        // and rules appear in the order of application, each at most once
        const order = changes.map((c) => RULES.indexOf(c.rule));
        expect(order).toEqual([...new Set(order)].sort((a, b) => a - b));
      }),
      RUNS,
    );
  });

  it('changes replay: from the profile, applying each change in turn gives the result', () => {
    fc.assert(
      fc.property(profileArb, policyArb, (profile, policy) => {
        // given the result and its changes
        const result = applyPolicy(profile, policy);
        // when replaying the changes on the original profile
        let current: Record<string, unknown> = { ...profile };
        for (const c of result.changes) {
          expect(json({ v: current[c.field] ?? null })).toEqual(json({ v: c.before }));
          current = { ...current, [c.field]: c.after };
        }
        // then the replay ends at the result, and every other field (unknown ones too) is untouched
        expect(json(current)).toEqual(json(result.profile));
        for (const key of ['index', 'name', 'migration', 'x-vendor'])
          expect(result.profile[key]).toEqual(profile[key]);
      }),
      RUNS,
    );
  });

  it('does not change its input', () => {
    fc.assert(
      fc.property(profileArb, policyArb, (profile, policy) => {
        // given copies of the inputs
        const before = structuredClone({ profile, policy });
        // when applied
        applyPolicy(profile, policy);
        // then the inputs are unchanged
        expect({ profile, policy }).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });
});

describe('applyPolicy examples, rule by rule', () => {
  const base: Profile = {
    index: 2,
    priority: 7,
    groups: ['sip:a@m', 'sip:b@m'],
    privateCall: ['sip:x@m'],
    maxAffiliations: 12,
    areas: ['downtown', 'harbour'],
  };

  it('no policy: the same profile, no change', () => {
    // given no policy (and an empty one)
    // when applied
    const none = applyPolicy(base, undefined);
    const empty = applyPolicy(base, {});
    // then nothing changes
    expect(none).toEqual({ profile: base, changes: [] });
    expect(empty).toEqual({ profile: base, changes: [] });
  });

  it('areas: intersected with the policy areas', () => {
    // given a profile for downtown and harbour
    // when the policy allows harbour and airport
    const r = applyPolicy(base, { areas: ['harbour', 'airport'] });
    // then only harbour is left
    expect(r.profile.areas).toEqual(['harbour']);
    expect(r.changes).toEqual([
      { field: 'areas', before: ['downtown', 'harbour'], after: ['harbour'], rule: 'areas' },
    ]);
  });

  it('areas absent: the profile gets the policy areas (absent means unrestricted)', () => {
    // given a profile without areas
    const { areas: _areas, ...unrestricted } = base;
    // when the policy has areas
    const r = applyPolicy(unrestricted, { areas: ['harbour', 'airport', 'harbour'] });
    // then it gets them (once each)
    expect(r.profile.areas).toEqual(['harbour', 'airport']);
    expect(r.changes).toEqual([
      { field: 'areas', before: null, after: ['harbour', 'airport'], rule: 'areas' },
    ]);
  });

  it('areas disjoint: none left (the profile is served nowhere)', () => {
    // given a policy with no area in common
    // when applied
    const r = applyPolicy(base, { areas: ['airport'] });
    // then areas is empty, not absent
    expect(r.profile.areas).toEqual([]);
  });

  it('maxPriority: priority := min(priority, maxPriority); absent priority stays absent', () => {
    // given priorities above, below, and no priority
    // when the cap is 3
    const high = applyPolicy(base, { maxPriority: 3 });
    const low = applyPolicy({ ...base, priority: 2 }, { maxPriority: 3 });
    const { priority: _p, ...noPriority } = base;
    const none = applyPolicy(noPriority, { maxPriority: 3 });
    // then only the high one changes
    expect(high.changes).toEqual([{ field: 'priority', before: 7, after: 3, rule: 'maxPriority' }]);
    expect(low.changes).toEqual([]);
    expect(low.profile.priority).toBe(2);
    expect('priority' in none.profile).toBe(false);
    expect(none.changes).toEqual([]);
  });

  it('groups.allow: keeps allowed groups; groups.add: appends, without duplicates', () => {
    // given groups a, b
    // when only a is allowed and c and a are added
    const r = applyPolicy(base, { groups: { allow: ['sip:a@m'], add: ['sip:c@m', 'sip:a@m'] } });
    // then a (kept) and c (added), one change per rule
    expect(r.profile.groups).toEqual(['sip:a@m', 'sip:c@m']);
    expect(r.changes).toEqual([
      { field: 'groups', before: ['sip:a@m', 'sip:b@m'], after: ['sip:a@m'], rule: 'groups.allow' },
      { field: 'groups', before: ['sip:a@m'], after: ['sip:a@m', 'sip:c@m'], rule: 'groups.add' },
    ]);
  });

  it('groups.add on a profile without groups: the added ones; groups.allow alone leaves absent groups absent', () => {
    // given a profile without groups
    const { groups: _g, ...noGroups } = base;
    // when groups are added, or only allowed
    const added = applyPolicy(noGroups, { groups: { add: ['sip:c@m'] } });
    const allowed = applyPolicy(noGroups, { groups: { allow: ['sip:a@m'] } });
    // then
    expect(added.profile.groups).toEqual(['sip:c@m']);
    expect('groups' in allowed.profile).toBe(false);
    expect(allowed.changes).toEqual([]);
  });

  it('maxAffiliations: capped; absent => the cap (absent means no limit)', () => {
    // given 12, 3 and absent
    const { maxAffiliations: _m, ...noLimit } = base;
    // when the cap is 5
    const capped = applyPolicy(base, { maxAffiliations: 5 });
    const under = applyPolicy({ ...base, maxAffiliations: 3 }, { maxAffiliations: 5 });
    const absent = applyPolicy(noLimit, { maxAffiliations: 5 });
    // then 5, 3 and 5
    expect(capped.profile.maxAffiliations).toBe(5);
    expect(under.changes).toEqual([]);
    expect(absent.profile.maxAffiliations).toBe(5);
    expect(absent.changes).toEqual([
      { field: 'maxAffiliations', before: null, after: 5, rule: 'maxAffiliations' },
    ]);
  });

  it('privateCall false: the list emptied; absent stays absent; true changes nothing', () => {
    // given a list, no list
    const { privateCall: _pc, ...noList } = base;
    // when privateCall is false (or true)
    const emptied = applyPolicy(base, { privateCall: false });
    const absent = applyPolicy(noList, { privateCall: false });
    const allowed = applyPolicy(base, { privateCall: true });
    // then
    expect(emptied.profile.privateCall).toEqual([]);
    expect(emptied.changes).toEqual([
      { field: 'privateCall', before: ['sip:x@m'], after: [], rule: 'privateCall' },
    ]);
    expect('privateCall' in absent.profile).toBe(false);
    expect(absent.changes).toEqual([]);
    expect(allowed.changes).toEqual([]);
  });

  it('unknown fields of the profile and of the policy are ignored and kept', () => {
    // given unknown fields on both
    const profile = { ...base, 'x-vendor': { radio: 'TETRA' } };
    // when applied
    const r = applyPolicy(profile, { maxPriority: 3, 'x-owner': 'county' } as Policy);
    // then the profile's unknown field is kept as is, and only priority changed
    expect(r.profile['x-vendor']).toEqual({ radio: 'TETRA' });
    expect(r.changes.map((c) => c.rule)).toEqual(['maxPriority']);
  });
});
