import type { Change } from './policy';
import { getProcedure } from './procedures';
import type { Profile } from './profile';
import type { RunResult, StepKind } from './run';
import type { ValidationResult } from './validation';

/** The trace as the CLI prints it with `--format json` (CONTRACT.md §3), also the app's "Download trace (JSON)". */
export interface TraceJson {
  procedure: RunResult['procedure'];
  outcome: RunResult['outcome'];
  steps: { n: number; from: string; to: string; kind: StepKind; text: string; assumption: boolean }[];
  profiles: Profile[];
  changes: Change[];
  validation: ValidationResult | null;
  error: { step: number; reason: string } | null;
  stores: RunResult['stores'];
}

export function toTraceJson(run: RunResult): TraceJson {
  return {
    procedure: run.procedure,
    outcome: run.outcome,
    steps: run.steps.map(({ n, from, to, kind, text, assumption }) => ({
      n,
      from,
      to,
      kind,
      text,
      assumption,
    })),
    profiles: run.profiles,
    changes: run.changes,
    validation: run.validation,
    error: run.error,
    stores: run.stores,
  };
}

const show = (value: unknown) => (value === undefined ? '(none)' : JSON.stringify(value));

export function describeProfile(profile: Profile): string {
  const name = profile.name ? ` "${profile.name}"` : '';
  const fields = Object.entries(profile)
    .filter(([key, value]) => key !== 'index' && key !== 'name' && value !== undefined)
    .map(([key, value]) => `    ${key}: ${show(value)}`);
  return [`  profile ${profile.index}${name}`, ...fields].join('\n');
}

/** A human-readable report of a run (`--format text`). */
export function toText(run: RunResult, title?: string): string {
  const procedure = getProcedure(run.procedure);
  const lines: string[] = [];
  lines.push(`${procedure.id}  ${procedure.title}${procedure.superseded ? '  (superseded draft)' : ''}`);
  if (title) lines.push(`Scenario: ${title}`);
  lines.push('');
  for (const step of run.steps) {
    const who = step.from === step.to ? `${step.from} (own action)` : `${step.from} -> ${step.to}`;
    const flag = step.kind === 'error' ? ' ERROR' : '';
    lines.push(`${String(step.n).padStart(2)}. ${who}${flag}${step.assumption ? '  [assumption]' : ''}`);
    lines.push(`    ${step.text}`);
    for (const side of step.also) lines.push(`    + ${side.from} -> ${side.to}: ${side.label}`);
  }
  lines.push('');
  lines.push(`Outcome: ${run.outcome}${run.error ? ` at step ${run.error.step}: ${run.error.reason}` : ''}`);
  if (run.validation) {
    lines.push(`Validation by the primary: ${run.validation.ok ? 'passed' : 'failed'}`);
    for (const v of run.validation.violations) lines.push(`  - ${v.rule}: ${v.message}`);
  }
  if (run.changes.length) {
    lines.push('Changes by the partner policy:');
    for (const c of run.changes)
      lines.push(`  - ${c.field}: ${show(c.before)} -> ${show(c.after)}  (${c.rule})`);
  }
  lines.push(`The client (cmc) holds ${run.profiles.length} profile(s):`);
  for (const p of run.profiles) lines.push(describeProfile(p));
  for (const [id, stored] of Object.entries(run.stores)) {
    lines.push(`Stored by ${id}: ${stored ? `profile ${stored.index}` : 'nothing'}`);
  }
  return lines.join('\n') + '\n';
}
