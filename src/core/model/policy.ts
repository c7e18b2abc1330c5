import { sameValue, type Profile } from './profile';
import type { Policy } from './schema';

export type { Policy } from './schema';

export type PolicyRule =
  'areas' | 'maxPriority' | 'groups.allow' | 'groups.add' | 'maxAffiliations' | 'privateCall';

/** One change the partner's local policy made to a profile, naming its rule (CONTRACT.md §3 `changes`). */
export interface Change {
  field: string;
  before: unknown;
  after: unknown;
  rule: PolicyRule;
}

export interface PolicyResult {
  profile: Profile;
  changes: Change[];
}

type Rule = (profile: Profile, policy: Policy) => Partial<Profile> | null;

const unique = (items: readonly string[]) => [...new Set(items)];

/** Each rule returns the fields it would set, or null when it does not apply. Order is the order of application. */
const RULES: ReadonlyArray<readonly [PolicyRule, Rule]> = [
  [
    'areas',
    (p, policy) => {
      if (!policy.areas) return null;
      // Absent areas mean "unrestricted": such a profile gets the partner's areas.
      const allowed = new Set(policy.areas);
      return { areas: p.areas ? p.areas.filter((a) => allowed.has(a)) : unique(policy.areas) };
    },
  ],
  [
    'maxPriority',
    (p, policy) =>
      policy.maxPriority !== undefined && p.priority !== undefined
        ? { priority: Math.min(p.priority, policy.maxPriority) }
        : null,
  ],
  [
    'groups.allow',
    (p, policy) => {
      const allow = policy.groups?.allow;
      if (!allow || !p.groups) return null;
      // Groups the policy adds are allowed by definition, so applying the policy twice changes nothing more.
      const allowed = new Set([...allow, ...(policy.groups?.add ?? [])]);
      return { groups: p.groups.filter((g) => allowed.has(g)) };
    },
  ],
  [
    'groups.add',
    (p, policy) => {
      const add = policy.groups?.add;
      if (!add?.length) return null;
      return { groups: unique([...(p.groups ?? []), ...add]) };
    },
  ],
  [
    'maxAffiliations',
    (p, policy) =>
      policy.maxAffiliations === undefined
        ? null
        : // Absent means "no limit": the partner's cap applies.
          { maxAffiliations: Math.min(p.maxAffiliations ?? Infinity, policy.maxAffiliations) },
  ],
  [
    'privateCall',
    (p, policy) => (policy.privateCall === false && p.privateCall ? { privateCall: [] } : null),
  ],
];

/**
 * The partner UDB's local policy (TS 23.280 10.1.4.1: "parameters imposed by that partner MC system according to
 * its operating and security policies"). Pure: returns the new profile and one change per field a rule changed.
 */
export function applyPolicy(profile: Profile, policy: Policy | undefined): PolicyResult {
  let current: Profile = profile;
  const changes: Change[] = [];
  if (!policy) return { profile, changes };
  for (const [rule, apply] of RULES) {
    const patch = apply(current, policy);
    if (!patch) continue;
    for (const [field, after] of Object.entries(patch)) {
      const before = current[field];
      if (sameValue(before, after)) continue;
      // JSON has no undefined: a field that was absent is `null` before (CONTRACT.md §3 shows `before` on every change).
      changes.push({ field, before: before === undefined ? null : before, after, rule });
      // Object.assign, not `{ ...current, [field]: after }`: in this Node's V8 a spread followed by a field the copy
      // lacks makes a new hidden class each time (slow, and garbage); the copy has the same fields in the same order.
      current = Object.assign({}, current, { [field]: after });
    }
  }
  return { profile: current, changes };
}
