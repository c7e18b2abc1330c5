/**
 * The fields the explore mode offers to vary, read from the scenario schema (src/core/model/schema.ts): the integer and
 * true/false fields of the partner policy, of the primary's validation rules, of the profile for migration and of
 * the preconditions. A field is offered when its schema takes an integer (or true), whether or not the scenario
 * gives it yet.
 */
import { jsonPath, type Scenario } from '../../core/model/scenario';
import { selectMigrationProfile } from '../../core/model/profile';
import { getPath, parsePath, type PathKey } from '../../core/model/scenarioPath';
import { PolicySchema, ProfileSchema, ScenarioSchema, ValidationRulesSchema } from '../../core/model/schema';
import { valueText, type VaryValue } from '../../core/explore/sweep';
import { z } from 'zod';

export type FieldKind = 'integer' | 'boolean';

export interface FieldChoice {
  path: string;
  kind: FieldKind;
  /** Where it is, for the select's groups: "Partner policy", … */
  group: string;
  /** The scenario's value, or undefined when it gives none. */
  current: unknown;
  /** The values a newly chosen field starts with, where `defaultValues` of its kind would not fit. */
  values?: string;
}

type Shape = Record<string, z.core.$ZodType>;

function kindOf(schema: z.core.$ZodType): FieldKind | null {
  const accepts = (value: unknown) => z.safeParse(schema, value).success;
  if (accepts(0) && accepts(1) && !accepts(0.5)) return 'integer';
  if (accepts(true) && accepts(false) && !accepts(0)) return 'boolean';
  return null;
}

const preconditionsShape = (): Shape => {
  const field = ScenarioSchema.shape.preconditions;
  const inner = field.unwrap();
  return inner.shape;
};

/** The index in `primary.profiles` of the profile the primary gives for migration to this partner (10.1.4.3.2). */
export function migrationProfileIndex(scenario: Scenario): number {
  const profile = selectMigrationProfile(scenario.primary.profiles, scenario.partner.systemId);
  const index = profile ? scenario.primary.profiles.indexOf(profile) : -1;
  if (index >= 0) return index;
  const any = scenario.primary.profiles.findIndex((p) => p.migration);
  return Math.max(0, any);
}

/** Every field to offer, in a stable order: policy, validation, profile for migration, preconditions. */
export function fieldChoices(scenario: Scenario): FieldChoice[] {
  const profile = migrationProfileIndex(scenario);
  const places: { group: string; keys: PathKey[]; shape: Shape }[] = [
    { group: 'Partner policy', keys: ['partner', 'policy'], shape: PolicySchema.shape },
    {
      group: 'Primary validation rules',
      keys: ['primary', 'validation'],
      shape: ValidationRulesSchema.shape,
    },
    {
      group: `Profile for migration (primary.profiles[${profile}])`,
      keys: ['primary', 'profiles', profile],
      shape: ProfileSchema.shape,
    },
    { group: 'Preconditions', keys: ['preconditions'], shape: preconditionsShape() },
  ];
  const choices: FieldChoice[] = [];
  for (const { group, keys, shape } of places) {
    for (const [name, schema] of Object.entries(shape)) {
      const kind = kindOf(schema);
      if (!kind) continue;
      const path = [...keys, name];
      choices.push({ path: jsonPath(path), kind, group, current: getPath(scenario, path) });
    }
  }
  // CONTRACT.md §10: the scenario's message faults (which step is lost) and timers, when it has them.
  (scenario.faults ?? []).forEach((fault, i) => {
    if (fault.step === undefined) return;
    choices.push({
      path: `faults[${i}].step`,
      kind: 'integer',
      group: 'Faults',
      current: fault.step,
      values: '1..14',
    });
  });
  // A timer starts on and off (null: that entity waits for ever), so the first map already shows what it changes.
  for (const [entity, ms] of Object.entries(scenario.timing?.timeoutMs ?? {})) {
    choices.push({
      path: jsonPath(['timing', 'timeoutMs', entity]),
      kind: 'integer',
      group: 'Timing',
      current: ms,
      values: `null,${ms ?? 5000}`,
    });
  }
  return choices;
}

/** The last name of a path (`primary.profiles[1].priority` → `priority`): what a cell's name calls the field. */
export function fieldName(path: string): string {
  const keys = parsePath(path) ?? [];
  for (let i = keys.length - 1; i >= 0; i--) {
    const key = keys[i];
    if (typeof key === 'string') return key;
  }
  return path;
}

/** Whose field a path names, for the maps' axes: `partner policy`, `primary validation`, … (the simulator's words). */
export function fieldOwner(path: string): string {
  if (path.startsWith('partner.policy.')) return 'partner policy';
  if (path.startsWith('primary.validation.')) return 'primary validation';
  if (path.startsWith('primary.profiles[')) return 'profile for migration';
  if (path.startsWith('preconditions.')) return 'precondition';
  if (path.startsWith('timing.timeoutMs.')) return 'timeout of';
  if (/^faults\[\d+\]\./.test(path)) return path.slice(0, path.indexOf(']') + 1);
  return '';
}

/** An axis's title: whose field and its name (`partner policy: maxPriority`, `timeout of cmc`, `faults[0]: step`). */
export function axisTitle(path: string): string {
  const owner = fieldOwner(path);
  if (owner.endsWith(' of')) return `${owner} ${fieldName(path)}`;
  return owner ? `${owner}: ${fieldName(path)}` : fieldName(path);
}

/**
 * A value as an axis's tick shows it: a timeout of `null` is `none` (under the axis's title `timeout of cmc`; as short
 * as `5000`, so that it fits a column); anything else as written.
 */
export function tickText(path: string, value: VaryValue): string {
  if (value === null && path.startsWith('timing.timeoutMs.')) return 'none';
  return valueText(value);
}

/** The values a newly chosen field starts with: `false,true` for a flag, `0..7` for an integer. */
export function defaultValues(kind: FieldKind): string {
  return kind === 'boolean' ? 'false,true' : '0..7';
}
