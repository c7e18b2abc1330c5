import { ENTITIES } from '../model/ids';
import { narrate, notesFor, notesForStep } from './narration';
import { citation, displayTitle, getProcedure } from '../procedures';
import type { Profile } from '../model/profile';
import { requestedServiceId, type RunResult } from '../engine/run';
import type { Scenario } from '../model/schema';

/** Review notes by step number (0 = the procedure as a whole). */
export type ReviewNotes = Record<number, string>;

const md = (text: string) => text.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/\r?\n/g, ' ');
const quote = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => `> ${md(line)}`)
    .join('\n');
const cell = (value: unknown) =>
  md(value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

function profileTable(profile: Profile): string {
  const rows = Object.entries(profile)
    .filter(([key, value]) => value !== undefined && key !== 'xml')
    .map(([key, value]) => `| ${md(key)} | ${cell(value)} |`);
  return ['| field | value |', '|---|---|', ...rows].join('\n');
}

/** The walkthrough of a run as Markdown, for a review document (issue 5, "Download walkthrough (Markdown)"). */
export function toWalkthrough(run: RunResult, scenario: Scenario, notes: ReviewNotes = {}): string {
  const procedure = getProcedure(run.procedure);
  const out: string[] = [];
  out.push(`# ${procedure.id} ${md(displayTitle(procedure.id))}`);
  out.push('');
  // Who configures the UE is the procedure's (10.1.4.3.2: primary, 10.1.4.3.3 and the draft: partner).
  const ue = procedure.configuredBy
    ? `the UE configured by the ${procedure.configuredBy} MC system`
    : 'the user not migrating (the UE asks its own MC system)';
  out.push(
    `Scenario: **${md(scenario.title ?? 'untitled')}**. User ${md(requestedServiceId(scenario))}, primary MC system ${md(scenario.primary.systemId)}, partner MC system ${md(scenario.partner.systemId)}, ${ue}. Source: ${md(citation(procedure.id))}. Outcome: **${run.outcome}**${run.error ? ` at step ${run.error.number} (${md(run.error.reason)})` : ''}.`,
  );
  if (notes[0]) {
    out.push('');
    out.push(`**Review note:** ${md(notes[0])}`);
  }
  for (const note of notesFor(run.procedure, 0))
    out.push('', `**Spec note — ${md(note.title)}:** ${md(note.text)}`);
  out.push('', '## Steps');
  for (const step of run.steps) {
    const who =
      step.from === step.to
        ? `${ENTITIES[step.from].title} (own action)`
        : `${ENTITIES[step.from].title} → ${ENTITIES[step.to].title}`;
    const point = step.referencePoint ? ` (${step.referencePoint})` : '';
    out.push(
      '',
      `### ${step.number}. ${md(who)}${point}${step.kind === 'error' ? ' — error' : ''}${step.assumption ? ' — simulator assumption' : ''}`,
    );
    out.push('', quote(step.text));
    for (const entry of step.log)
      out.push('', `**Logged by ${md(ENTITIES[step.from].title)}:** ${md(entry)}`);
    const narration = narrate(run.procedure, step, run);
    if (narration) out.push('', `*In plain words (the simulator's explanation):* ${md(narration)}`);
    for (const note of notesForStep(run.procedure, step))
      out.push('', `**Spec note — ${md(note.title)}:** ${md(note.text)}`);
    const review = notes[step.n];
    if (review) out.push('', `**Review note:** ${md(review)}`);
  }
  out.push('', '## Resulting profile');
  if (run.outcome === 'rejected') {
    out.push('', `Refused${run.error ? ` at step ${run.error.number}: ${md(run.error.reason)}` : ''}.`);
    for (const v of run.validation?.violations ?? []) out.push(`- ${v.rule}: ${md(v.message)}`);
  } else {
    for (const profile of run.profiles)
      out.push(
        '',
        `Profile ${profile.index}${profile.name ? ` (${md(profile.name)})` : ''}:`,
        '',
        profileTable(profile),
      );
    if (run.changes.length) {
      out.push(
        '',
        'Changes by the partner policy:',
        '',
        '| field | before | after | rule |',
        '|---|---|---|---|',
      );
      for (const c of run.changes)
        out.push(`| ${md(c.field)} | ${cell(c.before)} | ${cell(c.after)} | ${c.rule} |`);
    }
  }
  if (run.outcome === 'delivered' && run.validation && !run.validation.ok) {
    out.push(
      '',
      "The primary's validation failed and was logged; the migration went on (onFailure: continue):",
    );
    for (const v of run.validation.violations) out.push(`- ${v.rule}: ${md(v.message)}`);
  }
  return `${out.join('\n')}\n`;
}
