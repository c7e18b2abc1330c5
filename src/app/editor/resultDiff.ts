import type { Change } from '../../core/model/policy';
import { PROFILE_FIELDS, sameValue, type Profile } from '../../core/model/profile';
import type { RunResult } from '../../core/engine/run';

/** One list item of a field, marked against the other side. */
export interface ItemMark {
  item: string;
  status: 'kept' | 'added' | 'removed';
  /** The policy rule that added or removed it. */
  rule: string | null;
}

export type FieldDiff =
  | { field: string; kind: 'same'; value: unknown }
  | { field: string; kind: 'scalar'; before: unknown; after: unknown; rules: string[] }
  | {
      field: string;
      kind: 'list';
      /** The sent list: kept and removed items, in the sent order; null when the field was absent. */
      before: ItemMark[] | null;
      /** The resulting list: kept and added items; null when absent. */
      after: ItemMark[] | null;
      rules: string[];
    };

const isStringList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((item) => typeof item === 'string');

/** The migration profile as the primary UDB retrieved it, before any policy (null when none was retrieved). */
export function sentProfile(run: RunResult): Profile | null {
  for (let k = run.snapshots.length - 1; k >= 0; k--) {
    const retrieved = run.snapshots[k]?.['primary-udb'].context.retrieved;
    if (retrieved) return retrieved;
  }
  return null;
}

/** The fields of both profiles, in the order of CONTRACT.md §2's table, then unknown fields as they come. */
function fieldsOf(...profiles: Profile[]): string[] {
  const known: readonly string[] = PROFILE_FIELDS;
  const present = new Set(profiles.flatMap((p) => Object.keys(p).filter((k) => p[k] !== undefined)));
  return [...known.filter((f) => present.has(f)), ...[...present].filter((f) => !known.includes(f))];
}

/** Which rule last added or removed each item of a list field, following the policy's changes in order. */
function itemRules(changes: readonly Change[]): Map<string, string> {
  const rules = new Map<string, string>();
  for (const change of changes) {
    const before = isStringList(change.before) ? change.before : [];
    const after = isStringList(change.after) ? change.after : [];
    for (const item of before) if (!after.includes(item)) rules.set(item, change.rule);
    for (const item of after) if (!before.includes(item)) rules.set(item, change.rule);
  }
  return rules;
}

/** Field by field: the profile the primary sent against the one the client ends with, each change's rules. */
export function diffProfiles(sent: Profile, result: Profile, changes: readonly Change[]): FieldDiff[] {
  return fieldsOf(sent, result).map((field): FieldDiff => {
    const before = sent[field];
    const after = result[field];
    if (sameValue(before, after)) return { field, kind: 'same', value: after };
    const mine = changes.filter((c) => c.field === field);
    const rules = [...new Set(mine.map((c) => c.rule))];
    if ((before === undefined || isStringList(before)) && (after === undefined || isStringList(after))) {
      const byItem = itemRules(mine);
      const mark = (item: string, status: ItemMark['status']): ItemMark => ({
        item,
        status,
        rule: status === 'kept' ? null : (byItem.get(item) ?? null),
      });
      return {
        field,
        kind: 'list',
        before: before?.map((item) => mark(item, after?.includes(item) ? 'kept' : 'removed')) ?? null,
        after: after?.map((item) => mark(item, before?.includes(item) ? 'kept' : 'added')) ?? null,
        rules,
      };
    }
    return { field, kind: 'scalar', before, after, rules };
  });
}

/** A value as a short text for the page. */
export function showValue(value: unknown): string {
  if (value === undefined) return '(absent)';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'partners' in value && Object.keys(value).length === 1) {
    const { partners } = value;
    if (isStringList(partners)) return `partners: ${partners.join(', ')}`;
  }
  // Profile fields are JSON: a value JSON cannot write (a function, a symbol) is no field's.
  const text = JSON.stringify(value) ?? `(${typeof value})`;
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
