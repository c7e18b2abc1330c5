import type { Profile } from './profile';
import type { ValidationRules } from './schema';

export type { ValidationRules } from './schema';

export type ValidationRule = 'minPriority' | 'requiredGroups' | 'requireAreas';

export interface Violation {
  rule: ValidationRule;
  message: string;
}

export interface ValidationResult {
  ok: boolean;
  violations: Violation[];
}

/**
 * The primary CMS's check of the profile the partner modified (TS 23.280 10.1.4.3.2 step 11: "validates ... for
 * e.g. safety, applicability of any new configuration to the MC service user").
 */
export function validateProfile(profile: Profile, rules: ValidationRules | undefined): ValidationResult {
  const violations: Violation[] = [];
  if (rules?.minPriority !== undefined) {
    if (profile.priority === undefined) {
      violations.push({
        rule: 'minPriority',
        message: `the modified profile has no priority; at least ${rules.minPriority} is required`,
      });
    } else if (profile.priority < rules.minPriority) {
      violations.push({
        rule: 'minPriority',
        message: `priority ${profile.priority} is below the minimum of ${rules.minPriority}`,
      });
    }
  }
  const groups = new Set(profile.groups ?? []);
  const missing = (rules?.requiredGroups ?? []).filter((g) => !groups.has(g));
  if (missing.length) {
    violations.push({
      rule: 'requiredGroups',
      message: `required group${missing.length > 1 ? 's' : ''} removed: ${missing.join(', ')}`,
    });
  }
  if (rules?.requireAreas && profile.areas !== undefined && profile.areas.length === 0) {
    violations.push({
      rule: 'requireAreas',
      message: 'the modified profile leaves no area where service is allowed',
    });
  }
  return { ok: violations.length === 0, violations };
}
