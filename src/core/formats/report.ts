import type { Change } from '../model/policy';
import type { EntityId } from '../model/ids';
import { displayTitle, getProcedure, involvedEntities } from '../procedures';
import type { Profile } from '../model/profile';
import type { ReferencePoint } from '../model/referencePoints';
import type { RunError, RunResult, StepKind } from '../engine/run';
import type { ValidationResult } from '../model/validation';

/** The trace as the CLI prints it with `--format json` (CONTRACT.md §3), also the app's "Download trace (JSON)". */
export interface TraceJson {
  procedure: RunResult['procedure'];
  outcome: RunResult['outcome'];
  steps: {
    n: number;
    number: string;
    from: string;
    to: string;
    kind: StepKind;
    referencePoint: ReferencePoint | null;
    text: string;
    assumption: boolean;
    /** What the acting entity logged in this step (10.1.4.3.2 step 11 with `onFailure: "continue"`). */
    log: string[];
    /** When it arrived or was done, ms from the client's first request (CONTRACT.md §10). */
    at: number;
    /** Only where true: the message never arrived. */
    lost?: true;
    /** Only where true: it arrived where nothing waited for it. */
    discarded?: true;
    /** Only where a fault caused or changed the step. */
    fault?: { kind: string };
    /** Only on an assumption step: the ids of the register entries it rests on (`sim --assumptions`). */
    basis?: string[];
  }[];
  profiles: Profile[];
  changes: Change[];
  validation: ValidationResult | null;
  error: RunError | null;
  stores: RunResult['stores'];
}

export function toTraceJson(run: RunResult): TraceJson {
  return {
    procedure: run.procedure,
    outcome: run.outcome,
    steps: run.steps.map((step) => ({
      n: step.n,
      number: step.number,
      from: step.from,
      to: step.to,
      kind: step.kind,
      referencePoint: step.referencePoint,
      text: step.text,
      assumption: step.assumption,
      log: step.log,
      at: step.at,
      ...(step.lost ? { lost: true as const } : {}),
      ...(step.discarded ? { discarded: true as const } : {}),
      ...(step.fault ? { fault: step.fault } : {}),
      ...(step.assumption ? { basis: step.basis } : {}),
    })),
    profiles: run.profiles,
    changes: run.changes,
    validation: run.validation,
    error: run.error,
    stores: run.stores,
  };
}

const show = (value: unknown) => (value === undefined ? '(none)' : JSON.stringify(value));

/**
 * A profile given as a TS 24.484 document keeps the document in `xml`, as the template it is written back into: the
 * report shows what the document maps to (the fields) and says what became of the rest, not the document as a string.
 */
const DOCUMENT_LINE =
  '    xml: read from a TS 24.484 mcptt-user-profile document: the fields above are what it maps to; its other elements are kept and written back on export (--format xml)';

export function describeProfile(profile: Profile): string {
  const name = profile.name ? ` "${profile.name}"` : '';
  const fields = Object.entries(profile)
    .filter(([key, value]) => !['index', 'name', 'xml'].includes(key) && value !== undefined)
    .map(([key, value]) => `    ${key}: ${show(value)}`);
  if (typeof profile.xml === 'string') fields.push(DOCUMENT_LINE);
  return [`  profile ${profile.index}${name}`, ...fields].join('\n');
}

/** A human-readable report of a run (`--format text`). */
export function toText(run: RunResult, title?: string): string {
  const procedure = getProcedure(run.procedure);
  const lines: string[] = [];
  lines.push(`${procedure.id}  ${displayTitle(procedure.id)}`);
  if (title) lines.push(`Scenario: ${title}`);
  lines.push('');
  for (const step of run.steps) {
    const who =
      step.from === step.to
        ? `${step.from} (own action)`
        : `${step.from} -> ${step.to} [${step.referencePoint ?? ''}]`;
    const flag =
      (step.kind === 'error' ? ' ERROR' : '') +
      (step.kind === 'timeout' ? ' TIMEOUT' : '') +
      (step.lost ? ' LOST' : '') +
      (step.discarded ? ' DISCARDED' : '') +
      (step.fault ? ` (fault: ${step.fault.kind})` : '');
    lines.push(`${step.number.padStart(3)}. ${who}${flag}${step.assumption ? '  [assumption]' : ''}`);
    lines.push(`     ${step.text}`);
    for (const entry of step.log) lines.push(`     logged: ${entry}`);
    for (const side of step.also) lines.push(`     + ${side.from} -> ${side.to}: ${side.label}`);
  }
  lines.push('');
  lines.push(
    `Outcome: ${run.outcome}${run.error ? ` at step ${run.error.number}: ${run.error.reason}` : ''}`,
  );
  if (run.validation) {
    const failed =
      run.outcome === 'delivered'
        ? 'failed (logged, and the migration went on: onFailure "continue")'
        : 'failed';
    lines.push(`Validation by the primary: ${run.validation.ok ? 'passed' : failed}`);
    for (const v of run.validation.violations) lines.push(`  - ${v.rule}: ${v.message}`);
  }
  if (run.changes.length) {
    lines.push('Changes by the partner policy:');
    for (const c of run.changes)
      lines.push(`  - ${c.field}: ${show(c.before)} -> ${show(c.after)}  (${c.rule})`);
  }
  lines.push(`The client (cmc) holds ${run.profiles.length} profile(s):`);
  for (const p of run.profiles) lines.push(describeProfile(p));
  // Only the databases the procedure involves (10.1.4.3.1 has no partner UDB, nor does it store anything).
  for (const [id, stored] of storesOf(run)) {
    lines.push(`Stored by ${id}: ${stored ? `profile ${stored.index}` : 'nothing'}`);
  }
  return lines.join('\n') + '\n';
}

/** The stores of the user databases that the run's procedure involves, in the order of CONTRACT.md §3. */
export function storesOf(run: RunResult): [EntityId, Profile | null][] {
  const involved = involvedEntities(run.procedure);
  return (['partner-udb', 'primary-udb'] as const)
    .filter((id) => involved.has(id))
    .map((id) => [id, run.stores[id]]);
}
