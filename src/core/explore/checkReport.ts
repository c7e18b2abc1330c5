/**
 * The checker's report (CONTRACT.md §11): JSON and Markdown, and the findings in words. A property that fails
 * without any fault is a property of the clause as written, not of a fault: the finding says so and cites the step
 * where it breaks (the last step, for a property of the end of a run).
 */
import type { TraceStep } from '../engine/run';
import type { Fault } from '../model/schema';
import type { CheckResult, CheckResultRow } from './check';
import { propertyById } from './properties';

const faultText = (f: Fault) =>
  `${f.kind} of step ${String(f.step)}${f.nth !== undefined ? ` (send ${f.nth})` : ''}`;

const stepText = (s: TraceStep) =>
  `step ${s.number} (${s.from} → ${s.to}: ${s.label}${s.lost ? ', lost' : ''}${s.discarded ? ', discarded' : ''})`;

/** The step a counterexample cites: the one where it breaks, or the last one for a property of the end. */
function citedStep(row: CheckResultRow): TraceStep | undefined {
  const cx = row.counterexample;
  if (!cx) return undefined;
  return cx.steps[cx.brokenAt] ?? cx.steps[cx.steps.length - 1];
}

const capital = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** The finding of a failing property, in words; null where it holds. */
export function finding(row: CheckResultRow): string | null {
  const cx = row.counterexample;
  if (row.holds || !cx) return null;
  const property = propertyById(row.property);
  const cited = citedStep(row);
  const where = cited
    ? property.when === 'end'
      ? `the run ends after ${stepText(cited)}`
      : `it breaks at ${stepText(cited)}`
    : 'the run that breaks it could not be replayed';
  const timers = [...new Set(cx.steps.filter((s) => s.kind === 'timeout').map((s) => s.from))];
  if (cx.faults.length === 0 && timers.length)
    return `${row.procedure} ${row.property} fails without any fault when ${timers.join(' and ')}'s timer fires first (a timer the clauses do not give: the scenario's timing.timeoutMs). ${capital(where)}; ${cx.reason}.`;
  if (cx.faults.length === 0)
    return `${row.procedure} ${row.property} fails without any fault: a property of the clause as written, not of a fault. ${capital(where)}; ${cx.reason}.`;
  return `${row.procedure} ${row.property} fails with ${cx.faults.map(faultText).join(' and ')}: ${where}; ${cx.reason}.`;
}

/** `--format json`: `ms` is the caller's measurement (the core reads no clock). */
export function toCheckJson(result: CheckResult, ms: number): string {
  const results = result.results.map((row) => ({
    procedure: row.procedure,
    property: row.property,
    statement: propertyById(row.property).statement,
    holds: row.holds,
    states: row.states,
    finding: finding(row),
    counterexample: row.counterexample
      ? {
          steps: row.counterexample.steps,
          faults: row.counterexample.faults,
          brokenAt: row.counterexample.brokenAt,
          reason: row.counterexample.reason,
          replays: row.counterexample.replays,
          ...(row.counterexample.replayProblem ? { replayProblem: row.counterexample.replayProblem } : {}),
          scenario: row.counterexample.scenario,
        }
      : null,
  }));
  return `${JSON.stringify(
    { faults: result.faults, procedures: result.procedures, states: result.states, ms, results },
    null,
    2,
  )}\n`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** `--format markdown`: a table of verdicts, the findings, then each counterexample as numbered steps. */
export function toCheckMarkdown(result: CheckResult, ms: number): string {
  const lines = [
    `# Properties`,
    '',
    `Every run of ${result.procedures.join(', ')} with up to ${result.faults} fault${result.faults === 1 ? '' : 's'}: ${result.states.toLocaleString('en-US')} states in ${ms} ms.`,
    '',
    '| procedure | property | verdict | states | statement |',
    '|---|---|---|---|---|',
  ];
  for (const row of result.results) {
    lines.push(
      `| ${row.procedure} | \`${row.property}\` | ${row.holds ? 'holds' : '**fails**'} | ${row.states} | ${cell(propertyById(row.property).statement)} |`,
    );
  }
  const failing = result.results.filter((r) => !r.holds);
  if (failing.length) {
    lines.push('', '## Findings', '');
    for (const row of failing) lines.push(`- ${cell(finding(row) ?? '')}`);
    for (const row of failing) {
      const cx = row.counterexample;
      if (!cx) continue;
      lines.push('', `## ${row.procedure} \`${row.property}\`: counterexample`, '');
      lines.push(cx.faults.length ? `Faults: ${cx.faults.map(faultText).join(', ')}.` : 'Faults: none.', '');
      if (!cx.replays) {
        lines.push(`Not replayable with the faults of §10: ${cx.replayProblem ?? ''}.`);
        continue;
      }
      cx.steps.forEach((s, i) => {
        const mark = i === cx.brokenAt ? ' **← breaks here**' : '';
        lines.push(`${i + 1}. ${s.at} ms, ${stepText(s)}${mark}`);
      });
      if (cx.brokenAt === cx.steps.length) lines.push('', `At the end of the run: ${cx.reason}.`);
      else lines.push('', `${cx.reason}.`);
    }
  }
  return `${lines.join('\n')}\n`;
}
