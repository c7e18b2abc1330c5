import type { Profile } from './schema';

export type { Profile } from './schema';

/** Profile fields a policy, a diff or a panel talks about, in display order. */
export const PROFILE_FIELDS = [
  'index',
  'name',
  'status',
  'preSelected',
  'mcpttId',
  'organization',
  'priority',
  'groups',
  'emergencyGroup',
  'privateCall',
  'maxAffiliations',
  'areas',
  'migration',
] as const;

export function isEnabled(profile: Profile): boolean {
  return profile.status !== false;
}

/** Structural equality of JSON values (profiles, lists, unknown fields). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    return (
      ka.length === kb.length &&
      ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return false;
}

/**
 * The migration profile the primary UDB hands out for a partner system (CONTRACT.md §2): the first enabled profile
 * whose `migration.partners` names the partner, else the first naming "*". Undefined when there is none.
 */
export function selectMigrationProfile(
  profiles: readonly Profile[],
  partnerSystemId: string,
): Profile | undefined {
  const enabled = profiles.filter((p) => isEnabled(p) && p.migration);
  return (
    enabled.find((p) => p.migration?.partners.includes(partnerSystemId)) ??
    enabled.find((p) => p.migration?.partners.includes('*'))
  );
}

/**
 * The profiles associated with one MC service ID (10.1.4.3.1 step 3: "all MC service user profiles that are
 * associated with the MC service ID"): those whose `mcpttId` is that ID. A profile naming no ID is taken as the
 * user's MCPTT profile (`userMcpttId`), as the TS 24.484 MCPTT user profile it models is (a simulator assumption).
 */
export function profilesFor(profiles: readonly Profile[], serviceId: string, userMcpttId: string): Profile[] {
  return profiles.filter((p) => (p.mcpttId ?? userMcpttId) === serviceId);
}
