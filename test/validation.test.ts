import { describe, expect, it } from 'vitest';
import type { Profile } from '../src/core/model/profile';
import { validateProfile } from '../src/core/model/validation';

const profile: Profile = {
  index: 2,
  priority: 3,
  groups: ['sip:metro-emergency@metro.example', 'sip:mutual-aid@county.example'],
  areas: ['harbour'],
};
const rules = { minPriority: 2, requiredGroups: ['sip:metro-emergency@metro.example'], requireAreas: true };

describe('validateProfile (10.1.4.3.2 step 11)', () => {
  it('passes a profile that keeps every rule', () => {
    // given a profile within the rules
    // when validated
    // then it passes with no violation
    expect(validateProfile(profile, rules)).toEqual({ ok: true, violations: [] });
  });

  it('passes anything without rules (absent or empty)', () => {
    // given no rules
    // when validating even an empty profile
    // then it passes
    expect(validateProfile({ index: 0 }, undefined)).toEqual({ ok: true, violations: [] });
    expect(validateProfile({ index: 0, areas: [] }, {})).toEqual({ ok: true, violations: [] });
  });

  it('minPriority: below the minimum fails; equal passes; no priority fails', () => {
    // given priorities 1, 2 and none against a minimum of 2
    const { priority: _p, ...noPriority } = profile;
    // when validated
    const below = validateProfile({ ...profile, priority: 1 }, rules);
    const equal = validateProfile({ ...profile, priority: 2 }, rules);
    const none = validateProfile(noPriority, rules);
    // then
    expect(below).toEqual({
      ok: false,
      violations: [{ rule: 'minPriority', message: 'priority 1 is below the minimum of 2' }],
    });
    expect(equal.ok).toBe(true);
    expect(none.violations).toEqual([
      { rule: 'minPriority', message: 'the modified profile has no priority; at least 2 is required' },
    ]);
  });

  it('minPriority 0 is a rule too: only a missing priority fails it', () => {
    // given a minimum of 0
    // when validating priority 0 and none
    // then 0 passes and none fails
    expect(validateProfile({ index: 1, priority: 0 }, { minPriority: 0 }).ok).toBe(true);
    expect(validateProfile({ index: 1 }, { minPriority: 0 }).ok).toBe(false);
  });

  it('requiredGroups: every removed group is named, in one violation', () => {
    // given two required groups, both removed
    const two = { requiredGroups: ['sip:a@m', 'sip:b@m'] };
    // when validated, with the groups absent and with one kept
    const absent = validateProfile({ index: 1 }, two);
    const one = validateProfile({ index: 1, groups: ['sip:b@m'] }, two);
    // then
    expect(absent.violations).toEqual([
      { rule: 'requiredGroups', message: 'required groups removed: sip:a@m, sip:b@m' },
    ]);
    expect(one.violations).toEqual([{ rule: 'requiredGroups', message: 'required group removed: sip:a@m' }]);
  });

  it('requireAreas: [] fails, absent (unrestricted) passes, false does not check', () => {
    // given profiles with no area, absent areas
    const { areas: _a, ...unrestricted } = profile;
    // when validated
    // then
    expect(validateProfile({ ...profile, areas: [] }, rules).violations).toEqual([
      { rule: 'requireAreas', message: 'the modified profile leaves no area where service is allowed' },
    ]);
    expect(validateProfile(unrestricted, rules).ok).toBe(true);
    expect(validateProfile({ ...profile, areas: [] }, { requireAreas: false }).ok).toBe(true);
  });

  it('reports all violations, in rule order', () => {
    // given a profile breaking all three rules
    // when validated
    const result = validateProfile({ index: 2, priority: 0, groups: [], areas: [] }, rules);
    // then three violations
    expect(result.ok).toBe(false);
    expect(result.violations.map((v) => v.rule)).toEqual(['minPriority', 'requiredGroups', 'requireAreas']);
  });
});
