/**
 * The checker's properties (CONTRACT.md §11), each defined once with its statement in words. A property reads a
 * `View`: what the entities hold after some steps of a run, plus what the run has shown so far (the profiles the
 * primary CMS checked or refused at step 11, the answers the client accepted). The checker builds views from its own
 * states; `viewsOfRun` builds them from a trace of `simulate`, so that a counterexample can be checked on its replay.
 */
import type { RunResult } from '../engine/run';
import { applyPolicy, type Policy } from '../model/policy';
import type { Profile } from '../model/profile';
import type { ProcedureId } from '../model/ids';

export const PROPERTY_IDS = [
  'answered',
  'one-answer',
  'validated-only',
  'refused-not-kept',
  'policy-respected',
  'stores-agree',
] as const;
export type PropertyId = (typeof PROPERTY_IDS)[number];

/** What a property reads of one point of a run. */
export interface View {
  procedure: ProcedureId;
  client: { state: string; purpose: 'own' | 'migration'; profiles: readonly Profile[] };
  stores: { 'primary-udb': Profile | null; 'partner-udb': Profile | null };
  /** The profiles the primary CMS checked at step 11 and let through (passed, or failed and logged, "continue"). */
  checked: readonly Profile[];
  /** The profiles the primary CMS refused at step 11 ("prohibit"). */
  refused: readonly Profile[];
  /** How many answers the client took a transition on. */
  answers: number;
  policy: Policy | undefined;
}

export interface Property {
  id: PropertyId;
  /** `always`: checked after every step; `end`: checked where a run ends (nothing in flight, no timer armed). */
  when: 'always' | 'end';
  /** What it says, in words. */
  statement: string;
  /** Why `view` breaks it, or null if it holds there. */
  broken(view: View): string | null;
}

/** Two profiles are the same: the same fields with the same values (key order aside). */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value).sort();
    return `{${keys
      .filter((k) => Reflect.get(value, k) !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(Reflect.get(value, k))}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
const same = (a: Profile, b: Profile) => canonical(a) === canonical(b);

/** The profile for migration the client holds, if it holds one. */
const clientProfile = (view: View): Profile | null =>
  view.client.purpose === 'migration' && view.client.state === 'configured'
    ? (view.client.profiles[0] ?? null)
    : null;

/** The non-migrated user's procedure: the properties about migration hold trivially there. */
const migrating = (view: View) => view.procedure !== '10.1.4.3.1';

const describe = (p: Profile) => `profile ${p.index}${p.name ? ` (${p.name})` : ''}`;

export const PROPERTIES: readonly Property[] = [
  {
    id: 'answered',
    when: 'end',
    statement:
      'At the end of every run the client is not waiting: each request it sent was answered, or its own timer fired.',
    broken: (v) =>
      v.client.state === 'requesting'
        ? 'the run ended with the client still waiting for an answer to its request'
        : null,
  },
  {
    id: 'one-answer',
    when: 'always',
    statement: 'The client never accepts a second answer to one request.',
    broken: (v) => (v.answers > 1 ? `the client accepted ${v.answers} answers` : null),
  },
  {
    id: 'validated-only',
    when: 'end',
    statement:
      'Whenever a run ends with the client holding a profile for migration, the primary CMS checked that very profile (step 11: it passed, or failed and was logged under onFailure "continue").',
    broken: (v) => {
      const held = migrating(v) ? clientProfile(v) : null;
      if (!held || v.checked.some((p) => same(p, held))) return null;
      return `the client holds ${describe(held)}, which the primary CMS never checked`;
    },
  },
  {
    id: 'refused-not-kept',
    when: 'end',
    statement:
      'Whenever the primary CMS refuses a modified profile (step 11 fails under "prohibit"), no UDB ends the run with it stored.',
    broken: (v) => {
      if (!migrating(v)) return null;
      for (const udb of ['partner-udb', 'primary-udb'] as const) {
        const stored = v.stores[udb];
        if (stored && v.refused.some((p) => same(p, stored)))
          return `${udb} keeps ${describe(stored)}, which the primary CMS refused`;
      }
      return null;
    },
  },
  {
    id: 'policy-respected',
    when: 'end',
    statement: "The profile for migration the client ends with satisfies each rule of the partner's policy.",
    broken: (v) => {
      const held = migrating(v) ? clientProfile(v) : null;
      if (!held) return null;
      // A profile satisfies the policy when applying the policy to it changes nothing.
      const rules = [...new Set(applyPolicy(held, v.policy).changes.map((c) => c.rule))];
      return rules.length
        ? `the client holds ${describe(held)}, which breaks the partner's rule${rules.length > 1 ? 's' : ''} ${rules.join(', ')}`
        : null;
    },
  },
  {
    id: 'stores-agree',
    when: 'end',
    statement:
      'At the end of every run, each UDB that stored a profile for migration holds the one the client ends with, and the client ends with one whenever a UDB stored one.',
    broken: (v) => {
      if (!migrating(v)) return null;
      const held = clientProfile(v);
      for (const udb of ['partner-udb', 'primary-udb'] as const) {
        const stored = v.stores[udb];
        if (!stored) continue;
        if (!held) return `${udb} stored ${describe(stored)} and the client ends with no profile`;
        if (!same(stored, held))
          return `${udb} stored ${describe(stored)} and the client ends with another one (${describe(held)})`;
      }
      return null;
    },
  },
];

export const propertyById = (id: PropertyId): Property => {
  const found = PROPERTIES.find((p) => p.id === id);
  if (!found) throw new Error(`internal error: no property ${id}`);
  return found;
};

/**
 * The views of a run of `simulate` (kept snapshots): `views[k]` after step k (`views[0]`: before step 1). What the
 * primary CMS checked or refused is read from its state changes out of `validating`; an answer the client accepted,
 * from its leaving `requesting` on one.
 */
export function viewsOfRun(run: RunResult, policy: Policy | undefined): View[] {
  const views: View[] = [];
  const checked: Profile[] = [];
  const refused: Profile[] = [];
  let answers = 0;
  for (let k = 0; k < run.snapshots.length; k++) {
    const now = run.snapshots[k];
    if (!now) break;
    const before = k > 0 ? run.snapshots[k - 1] : undefined;
    const step = k > 0 ? run.steps[k - 1] : undefined;
    if (before && step) {
      const cms = before['primary-cms'];
      const after = now['primary-cms'];
      if (cms.state === 'validating' && after.state !== 'validating' && cms.context.profile) {
        if (after.state === 'storing') checked.push(cms.context.profile);
        else refused.push(cms.context.profile);
      }
      const type = step.message.type;
      if (
        step.to === 'cmc' &&
        !step.lost &&
        !step.discarded &&
        (type === 'profile.provide' || type === 'profile.error') &&
        before.cmc.state !== now.cmc.state
      )
        answers++;
    }
    views.push({
      procedure: run.procedure,
      client: { state: now.cmc.state, purpose: now.cmc.context.purpose, profiles: now.cmc.context.profiles },
      stores: {
        'primary-udb': now['primary-udb'].context.stored,
        'partner-udb': now['partner-udb'].context.stored,
      },
      checked: [...checked],
      refused: [...refused],
      answers,
      policy,
    });
  }
  return views;
}
