import { ENTITIES } from '../model/ids';
import { narrate, notesFor, notesForStep, noteText, type SpecNote } from './narration';
import { citation, displayTitle, getProcedure } from '../procedures';
import type { Profile } from '../model/profile';
import { REFERENCE_POINTS, type ReferencePoint } from '../model/referencePoints';
import { defaultProcedure, requestedServiceId, type RunResult, type TraceStep } from '../engine/run';
import type { Scenario } from '../model/schema';

/** Review notes by step number (0 = the procedure as a whole). */
export type ReviewNotes = Record<number, string>;

/** Text as Markdown that shows it as written: every character Markdown would read as syntax is escaped. */
const md = (text: string) => text.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/\r?\n/g, ' ');
/**
 * The simulator's own prose (notes, narration), in which `code` spans are meant as code: they are kept as spans, the
 * rest escaped as `md` does. Scenario values and the clause's words go through `md` (they are shown as written).
 */
const prose = (text: string) =>
  text
    .split(/(`[^`\r\n]+`)/)
    .map((part, i) => (i % 2 ? part : md(part)))
    .join('');
const quote = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => `> ${md(line)}`)
    .join('\n');
/** A table cell: a string, number or boolean as written; a list or an object as JSON in a code span. */
const cell = (value: unknown) => {
  if (value === undefined) return '—';
  if (typeof value === 'string') return md(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const json = JSON.stringify(value);
  return json.includes('`') || json.includes('|') ? md(json) : `\`${json}\``;
};

function profileTable(profile: Profile): string {
  const rows = Object.entries(profile)
    .filter(([key, value]) => value !== undefined && key !== 'xml')
    .map(([key, value]) => `| ${md(key)} | ${cell(value)} |`);
  return ['| field | value |', '|---|---|', ...rows].join('\n');
}

const who = (step: TraceStep) =>
  step.from === step.to
    ? `${ENTITIES[step.from].title} (own action)`
    : `${ENTITIES[step.from].title} → ${ENTITIES[step.to].title}`;

/** The step of the run that did `type` (a self-addressed action such as the partner UDB's modify), if it ran. */
const stepOf = (run: RunResult, type: string, entity: string) =>
  run.steps.find((s) => s.message.type === type && s.from === entity);

/**
 * The reference points the run's messages travel over, with the source of each name: the clauses name none
 * (CONTRACT.md §6, `referencePoints.ts`).
 */
function referencePointsParagraph(run: RunResult): string | null {
  const seen = new Set(run.steps.map((s) => s.referencePoint));
  const used = (Object.keys(REFERENCE_POINTS) as ReferencePoint[]).filter((p) => seen.has(p));
  if (!used.length) return null;
  const each = used.map((p) => `${p} (${REFERENCE_POINTS[p].between}): ${REFERENCE_POINTS[p].source}`);
  return `*Reference points* (the clauses name none; the simulator names each message's after the MC architecture, with its source): ${md(each.join('; '))}.`;
}

/** The sentence saying that the procedure run is not the one the scenario's `ue.configuredBy` picks, or null. */
function overrideSentence(run: RunResult, scenario: Scenario): string | null {
  const configuredBy = getProcedure(run.procedure).configuredBy;
  if (!configuredBy || configuredBy === scenario.ue.configuredBy) return null;
  return `*The simulator's note:* ${prose(
    `the scenario's \`ue.configuredBy\` is "${scenario.ue.configuredBy}", which picks ${defaultProcedure(scenario)}; this walkthrough runs ${run.procedure} as asked (\`--procedure\`, or the procedure chosen on the page), so the UE is taken as configured by the ${configuredBy} MC system (\`ue.configuredBy: "${configuredBy}"\`).`,
  )}`;
}

function validationSection(run: RunResult, scenario: Scenario): string[] {
  // 10.1.4.3.2 is the one procedure in which anyone validates the modified profile (its step 11).
  if (run.procedure !== '10.1.4.3.2') return [];
  const step = stepOf(run, 'cms.validate', 'primary-cms');
  const out = ['', `## Validation by the primary MC system (step ${step?.number ?? '11'})`, ''];
  if (!run.validation) {
    const at = run.error ? `at step ${run.error.number}` : 'early';
    out.push(`No validation ran: the run ended ${at}, before step 11.`);
    return out;
  }
  const rules = scenario.primary.validation ?? {};
  const given = [
    rules.minPriority !== undefined ? `\`minPriority\` ${rules.minPriority}` : '',
    rules.requiredGroups?.length ? `\`requiredGroups\` ${md(rules.requiredGroups.join(', '))}` : '',
    rules.requireAreas ? '`requireAreas`' : '',
  ].filter(Boolean);
  const ruleText = given.length ? given.join('; ') : 'none set';
  out.push(
    `*The simulator's check* of the modified profile (the clause: "validates … for e.g. safety, applicability of any new configuration", ${md(citation(run.procedure, 11))}; the rules are the scenario's \`primary.validation\`: ${ruleText}): **${run.validation.ok ? 'passed' : 'failed'}**.`,
  );
  if (!run.validation.ok) {
    out.push('');
    for (const v of run.validation.violations) out.push(`- \`${v.rule}\`: ${md(v.message)}`);
    out.push(
      '',
      run.outcome === 'delivered'
        ? 'As the scenario reads step 11\'s "may" (`onFailure: "continue"`), the primary configuration management server logged the failed check (the clause: "validates (and may also log)") and the migration went on: steps 12 to 14 follow.'
        : `As the scenario reads step 11's "may" (\`onFailure: "prohibit"\`), the migration was refused: the error${run.error ? ` of step ${run.error.number}` : ''} went to the configuration management client.`,
    );
  }
  return out;
}

function changesSection(run: RunResult): string[] {
  const modify = stepOf(run, 'udb.modify', 'partner-udb');
  if (!modify) return [];
  const out = ['', `## Changes by the partner's policy (step ${modify.number})`, ''];
  if (!run.changes.length) out.push("The partner's policy changed nothing.");
  else {
    out.push('| field | before | after | rule |', '|---|---|---|---|');
    for (const c of run.changes)
      out.push(`| ${md(c.field)} | ${cell(c.before)} | ${cell(c.after)} | \`${c.rule}\` |`);
  }
  const store = stepOf(run, 'udb.store', 'partner-udb');
  if (run.outcome === 'rejected' && store && run.stores['partner-udb']) {
    out.push(
      '',
      `*The simulator's note:* the partner MC service user database stored this modified profile at step ${store.number} and keeps it; the clause does not say that the partner is told of the refusal${run.error ? ` at step ${run.error.number}` : ''}.`,
    );
  }
  return out;
}

/**
 * The walkthrough of a run as Markdown, for a review document: the page's "Download walkthrough (Markdown)" and
 * `sim --format markdown` (CONTRACT.md §6, §14). Each spec note is given once, where it first applies, and referred
 * to after.
 */
/** How the run ended, in the sentence on the resulting profile. */
const ENDED: Record<RunResult['outcome'], string> = {
  delivered: 'delivered',
  rejected: 'refused',
  failed: 'failed',
  'no-answer': 'no answer',
};

/**
 * A step a fault or a timer made, marked in its heading with its time on the simulator's clock (a fault-free run
 * keeps the headings it had).
 */
function faultMark(step: RunResult['steps'][number]): string {
  if (step.lost) return ` — lost at ${step.at} ms`;
  if (step.discarded) return ` — discarded at ${step.at} ms`;
  if (step.kind === 'timeout') return ` — timer fired at ${step.at} ms`;
  if (step.fault) return ` — ${step.fault.kind} at ${step.at} ms`;
  return '';
}

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
  const override = overrideSentence(run, scenario);
  if (override) out.push('', override);
  const points = referencePointsParagraph(run);
  if (points) out.push('', points);
  if (notes[0]) {
    out.push('');
    out.push(`**Review note:** ${md(notes[0])}`);
  }
  const given = new Map<string, string>();
  const give = (note: SpecNote, where: string) => {
    const first = given.get(note.id);
    if (first !== undefined) {
      out.push('', `*Spec note — ${md(note.title)} — given ${first}; it bears on this step too.*`);
      return;
    }
    given.set(note.id, where);
    out.push('', `**Spec note — ${md(note.title)}:** ${prose(noteText(note, 'document'))}`);
  };
  for (const note of notesFor(run.procedure, 0)) give(note, 'at the top');
  out.push('', '## Steps');
  for (const step of run.steps) {
    const point = step.referencePoint ? ` (${step.referencePoint})` : '';
    out.push(
      '',
      `### ${step.number}. ${md(who(step))}${point}${step.kind === 'error' ? ' — error' : ''}${faultMark(step)}${step.assumption ? ' — simulator assumption' : ''}`,
    );
    out.push('', quote(step.text));
    for (const side of step.also)
      out.push(
        '',
        `*Also in this step:* ${md(`${ENTITIES[side.from].title} → ${ENTITIES[side.to].title}: ${side.label}`)}`,
      );
    for (const entry of step.log)
      out.push('', `**Logged by ${md(ENTITIES[step.from].title)}:** ${md(entry)}`);
    const narration = narrate(run.procedure, step, run);
    if (narration) out.push('', `*In plain words (the simulator's explanation):* ${prose(narration)}`);
    for (const note of notesForStep(run.procedure, step)) give(note, `at step ${step.number}`);
    const review = notes[step.n];
    if (review) out.push('', `**Review note:** ${md(review)}`);
  }
  out.push(...validationSection(run, scenario));
  out.push(...changesSection(run));
  out.push('', '## Resulting profile');
  if (!run.profiles.length) {
    out.push(
      '',
      `The configuration management client receives no profile${run.error ? `: ${ENDED[run.outcome]} at step ${run.error.number}: ${md(run.error.reason)}` : ''}.`,
    );
  }
  for (const profile of run.profiles)
    out.push(
      '',
      `Profile ${profile.index}${profile.name ? ` (${md(profile.name)})` : ''}:`,
      '',
      profileTable(profile),
    );
  return `${out.join('\n')}\n`;
}
