/**
 * A run as a conformance-style test description (CONTRACT.md §13): one entity is the system under test (SUT), a test
 * system plays every other entity. The layout follows the MCX server conformance specifications (a test purpose, the
 * conformance requirements quoting the clause, pre-test conditions, a test procedure sequence with its checks); the
 * purpose is written `with { … } ensure that { when { … } then { … } }`. Everything here is derived from the trace:
 * the sequence is exactly the SUT's steps of the run, and each check is about what the SUT sends or does in it.
 */
import { ENTITIES, ENTITY_IDS, PROCEDURE_IDS, type EntityId, type ProcedureId } from '../model/ids';
import { PRESETS } from '../model/presets';
import type { Change } from '../model/policy';
import type { Profile } from '../model/profile';
import { REFERENCE_POINTS, referencePointOf, type ReferencePoint } from '../model/referencePoints';
import type { Scenario } from '../model/schema';
import type { ValidationResult } from '../model/validation';
import type { EntityMessage } from '../entities/messages';
import { requestedServiceId, simulate, type RunResult, type TraceStep } from '../engine/run';
import { citation, displayTitle, getProcedure, involvedEntities } from '../procedures';
import { check } from '../explore/check';

/** The SUT when none is named: the partner's configuration management server, else (10.1.4.3.1) the primary's. */
export function defaultSut(procedure: ProcedureId): EntityId {
  return involvedEntities(procedure).has('partner-cms') ? 'partner-cms' : 'primary-cms';
}

export function isEntityId(value: unknown): value is EntityId {
  return typeof value === 'string' && (ENTITY_IDS as readonly string[]).includes(value);
}

/** The entities that take part in a procedure, in the order of CONTRACT.md §1. */
export function participantsOf(procedure: ProcedureId): EntityId[] {
  const involved = involvedEntities(procedure);
  return ENTITY_IDS.filter((id) => involved.has(id));
}

/**
 * Why `sut` cannot be the SUT of a test of `procedure` (one line, naming the entities that take part), or null.
 * `sut` is any string, as a command line gives it.
 */
export function sutProblem(procedure: ProcedureId, sut: string): string | null {
  if (!isEntityId(sut)) return `--sut must be one of ${ENTITY_IDS.join(', ')}, got "${sut}"`;
  if (!involvedEntities(procedure).has(sut))
    return `--sut ${sut} takes no part in ${procedure} (its entities: ${participantsOf(procedure).join(', ')})`;
  return null;
}

/** What a message of the sequence carries: the expected contents of what the SUT sends, or what the test sends. */
export type MessageContents =
  | {
      type: 'profile.request';
      serviceId: string;
      purpose: 'own' | 'migration';
      /** The partner MC system's identification, where the clause says the request includes it; else null. */
      partnerSystemId: string | null;
    }
  | { type: 'profile.provide'; profiles: Profile[] }
  | { type: 'profile.stored' }
  | { type: 'profile.error'; reason: string; violations: ValidationResult['violations'] }
  | { type: 'retrieve'; profile: Profile | null }
  | { type: 'obtain'; profiles: Profile[] }
  | { type: 'modify'; changes: Change[]; profile: Profile | null }
  | { type: 'store'; profile: Profile | null }
  | { type: 'validate'; result: ValidationResult | null }
  /** The SUT's own timer fired (CONTRACT.md §10: the clauses give no timers, an assumption). */
  | { type: 'timeout'; afterMs: number };

export interface TestStep {
  /** The test step's number, 1 first. */
  st: number;
  from: EntityId;
  to: EntityId;
  /** The clause's step number as the trace gives it (`"7"`, `"11a"`). */
  number: string;
  referencePoint: ReferencePoint | null;
  /** The message (or own action), in the diagram's words. */
  message: string;
  /** What the test verifies at this step; null for a stimulus (the test system sends, the SUT receives). */
  check: string | null;
  /** Whether the clause is silent about this step and the simulator assumes it. */
  assumption: boolean;
}

export interface Requirement {
  number: string;
  /** The clause's words, verbatim (or, for a step the clause does not describe, the simulator's, marked). */
  text: string;
  source: string;
  assumption: boolean;
}

export interface TestCase {
  id: string;
  title: string;
  sut: EntityId;
  procedure: ProcedureId;
  /** The scenario the case was computed from (its title). */
  scenario: string;
  references: string[];
  purpose: { with: string[]; when: string; then: string[] };
  /** The conformance requirements: the clause's text of each step of the sequence. */
  requirements: Requirement[];
  preconditions: string[];
  sequence: TestStep[];
  /** The expected contents of what the SUT sends or does, by test step (`st`). */
  contents: Record<string, MessageContents>;
  /** What the test system sends the SUT, by test step (`st`). */
  stimuli: Record<string, MessageContents>;
  /** The run's outcome at the client. */
  outcome: RunResult['outcome'];
  /** True for a case of fault handling, which is the simulator's reading (the clauses give none). */
  assumption: boolean;
}

/** One exchange of the run in which the SUT takes part: a step's main message, or a delivery within it. */
interface Exchange {
  step: TraceStep;
  from: EntityId;
  to: EntityId;
  message: EntityMessage;
  label: string;
}

/** Exactly the SUT's exchanges of the run, in order: each step's main message, then what it delivers beside. */
export function sutExchanges(run: Pick<RunResult, 'steps'>, sut: EntityId): Exchange[] {
  const out: Exchange[] = [];
  for (const step of run.steps) {
    if (step.from === sut || step.to === sut)
      out.push({ step, from: step.from, to: step.to, message: step.message, label: step.label });
    for (const side of step.also)
      if (side.from === sut || side.to === sut)
        out.push({ step, from: side.from, to: side.to, message: side.message, label: side.label });
  }
  return out;
}

const who = (id: EntityId) => `${ENTITIES[id].phrase} (${id})`;
const json = (value: unknown) => JSON.stringify(value);

function profileFields(profile: Profile): string {
  const fields = Object.entries(profile)
    .filter(([key, value]) => key !== 'xml' && value !== undefined)
    .map(([key, value]) => `${key} ${json(value)}`);
  return fields.join(', ');
}

const changesText = (changes: readonly Change[]) =>
  changes.map((c) => `${c.field} ${json(c.before)} → ${json(c.after)} (${c.rule})`).join('; ');

/** The next profile(s) an entity provides after a step: what its own action produced. */
function providedAfter(run: RunResult, step: TraceStep, id: EntityId): Profile[] | null {
  for (const later of run.steps.slice(step.n)) {
    if (later.from === id && later.message.type === 'profile.provide') return later.message.profiles;
    if (later.from === id && later.message.type === 'profile.error') return null;
  }
  return null;
}

function contentsOf(exchange: Exchange, run: RunResult): MessageContents {
  const { message, step } = exchange;
  switch (message.type) {
    case 'profile.request':
      return {
        type: 'profile.request',
        serviceId: message.request.serviceId,
        purpose: message.request.purpose,
        partnerSystemId: message.request.partnerSystemId,
      };
    case 'profile.provide':
      return { type: 'profile.provide', profiles: message.profiles };
    case 'profile.stored':
      return { type: 'profile.stored' };
    case 'profile.error':
      return {
        type: 'profile.error',
        reason: message.reason,
        violations: message.violations?.violations ?? [],
      };
    case 'udb.retrieve':
      return { type: 'retrieve', profile: providedAfter(run, step, exchange.from)?.[0] ?? null };
    case 'cms.obtain':
      return { type: 'obtain', profiles: providedAfter(run, step, exchange.from) ?? [] };
    case 'udb.modify':
      return {
        type: 'modify',
        changes: run.changes,
        profile: providedAfter(run, step, exchange.from)?.[0] ?? null,
      };
    case 'udb.store': {
      const stored =
        exchange.from === 'primary-udb' || exchange.from === 'partner-udb' ? exchange.from : null;
      return { type: 'store', profile: stored ? run.stores[stored] : null };
    }
    case 'cms.validate':
      return { type: 'validate', result: run.validation };
    case 'timer.fire':
      return { type: 'timeout', afterMs: message.afterMs };
  }
}

function checkOf(exchange: Exchange, contents: MessageContents, scenario: Scenario): string {
  const point = exchange.step.referencePoint ? ` over ${exchange.step.referencePoint}` : '';
  const to = `to ${who(exchange.to)}${point}`;
  switch (contents.type) {
    case 'profile.request': {
      const parts = [
        `the SUT sends a request for the MC service user profile${contents.purpose === 'migration' ? ' for migration' : ''} ${to}`,
        `it carries the MC service ID ${contents.serviceId}`,
      ];
      if (contents.partnerSystemId !== null)
        parts.push(`it includes the identification of the partner MC system, ${contents.partnerSystemId}`);
      return `${parts.join('; ')}.`;
    }
    case 'profile.provide': {
      const profiles = contents.profiles.map((p) => `profile ${p.index} (${profileFields(p)})`);
      return `the SUT provides ${contents.profiles.length} MC service user profile(s) ${to}: ${profiles.join('; ')}.`;
    }
    case 'profile.stored':
      return `the SUT acknowledges the request ${to}.`;
    case 'profile.error': {
      // The reason names each violation already; a violation it does not name is added.
      const violations = contents.violations
        .filter((v) => !contents.reason.includes(v.message))
        .map((v) => `${v.rule}: ${v.message}`);
      return `the SUT returns an error ${to}, for: ${contents.reason}${violations.length ? ` (${violations.join('; ')})` : ''}; it provides no profile.`;
    }
    case 'retrieve':
      return contents.profile
        ? `the SUT retrieves profile ${contents.profile.index}, the applicable profile for migration to the partner MC system ${scenario.partner.systemId} (seen in what it provides next).`
        : 'the SUT retrieves no applicable profile.';
    case 'obtain':
      return `the SUT obtains the ${contents.profiles.length} profile(s) associated with the MC service ID ${requestedServiceId(scenario)} (seen in what it provides next).`;
    case 'modify':
      return contents.changes.length
        ? `the SUT modifies the profile by its local policy: ${changesText(contents.changes)}.`
        : 'the SUT modifies nothing: its local policy leaves the profile as received.';
    case 'store':
      return contents.profile
        ? `the SUT stores profile ${contents.profile.index} (${profileFields(contents.profile)}).`
        : 'the SUT stores no profile.';
    case 'validate': {
      const result = contents.result;
      if (!result) return 'the SUT validates the received modified profile.';
      if (result.ok) return 'the SUT validates the received modified profile: the check passes.';
      const reading =
        scenario.primary.validation?.onFailure === 'continue'
          ? 'it logs the failure and processing continues in step 12 (onFailure "continue")'
          : 'it prohibits the migration (onFailure "prohibit")';
      return `the SUT validates the received modified profile: the check fails (${result.violations.map((v) => v.rule).join(', ')}); ${reading}.`;
    }
    case 'timeout':
      return `the SUT stops waiting when its own timer fires after ${contents.afterMs} ms (the simulator's assumption: the clauses give no timers).`;
  }
}

function configuration(scenario: Scenario, procedure: ProcedureId, sut: EntityId): string[] {
  const involved = involvedEntities(procedure);
  const holder = (id: EntityId) => (id === sut ? `The SUT (${id})` : `The test system, as ${id},`);
  const lines: string[] = [];
  const service = scenario.ue.service ?? 'mcptt';
  const systems = getProcedure(procedure).migration
    ? `primary MC system ${scenario.primary.systemId}, partner MC system ${scenario.partner.systemId}`
    : `the user's MC system ${scenario.primary.systemId}`;
  lines.push(
    `The MC service user's MC service ID for ${service}: ${requestedServiceId(scenario)}; ${systems}.`,
  );
  const profiles = scenario.primary.profiles.map((p) => {
    const partners = p.migration ? `, for migration to ${p.migration.partners.join(', ')}` : '';
    return `${p.index}${p.name ? ` "${p.name}"` : ''}${partners}`;
  });
  const udb = involved.has('primary-udb') ? 'primary-udb' : 'primary-cms';
  lines.push(`${holder(udb)} holds the user's MC service user profiles: ${profiles.join('; ')}.`);
  if (involved.has('partner-udb')) {
    lines.push(`${holder('partner-udb')} applies the local policy ${json(scenario.partner.policy ?? {})}.`);
    if (scenario.partner.cache)
      lines.push(
        `${holder('partner-udb')} holds a cached profile ${scenario.partner.cache.profile.index} stored at ${scenario.partner.cache.storedAt}.`,
      );
  }
  if (procedure === '10.1.4.3.2')
    lines.push(
      `${holder('primary-cms')} validates with the rules ${json(scenario.primary.validation ?? {})} (onFailure "${scenario.primary.validation?.onFailure ?? 'prohibit'}").`,
    );
  return lines;
}

/** What the scenario sets up: its preconditions and each entity's data, the SUT's and the test system's. */
function setUp(scenario: Scenario, procedure: ProcedureId, sut: EntityId): string[] {
  const lines: string[] = [];
  if (getProcedure(procedure).migration) {
    const p = scenario.preconditions;
    lines.push(
      `The scenario's preconditions: migrationPermitted ${p?.migrationPermitted ?? true}, authenticatedInPartner ${p?.authenticatedInPartner ?? true}.`,
    );
  }
  return [...lines, ...configuration(scenario, procedure, sut)];
}

/** The clause's pre-conditions, quoted, then the scenario's set-up. */
function preconditionsOf(scenario: Scenario, procedure: ProcedureId, sut: EntityId): string[] {
  const clause = getProcedure(procedure).preconditions.map(
    (text) => `${citation(procedure)}, pre-condition: "${text}"`,
  );
  return [...clause, ...setUp(scenario, procedure, sut)];
}

function referencesOf(procedure: ProcedureId, sequence: readonly TestStep[]): string[] {
  const used = new Set(sequence.map((s) => s.referencePoint));
  const points = (Object.keys(REFERENCE_POINTS) as ReferencePoint[]).filter((p) => used.has(p));
  return [
    citation(procedure),
    ...points.map((p) => `${REFERENCE_POINTS[p].source} (${p}, ${REFERENCE_POINTS[p].between})`),
  ];
}

export interface TestCaseOptions {
  /** The case's id; default `TC_<procedure>_<sut>`. */
  id?: string;
  /** A case of fault handling (the simulator's reading). */
  assumption?: boolean;
}

/**
 * The test description of a run with `sut` as the system under test. Throws when the SUT takes no part in the run's
 * procedure (`sutProblem` says so beforehand).
 */
export function toTestCase(
  run: RunResult,
  scenario: Scenario,
  sut: EntityId,
  options: TestCaseOptions = {},
): TestCase {
  const problem = sutProblem(run.procedure, sut);
  if (problem) throw new Error(problem);
  const procedure = getProcedure(run.procedure);
  const exchanges = sutExchanges(run, sut);
  const sequence: TestStep[] = [];
  const contents: Record<string, MessageContents> = {};
  const stimuli: Record<string, MessageContents> = {};
  const requirements: Requirement[] = [];
  exchanges.forEach((exchange, i) => {
    const st = i + 1;
    const data = contentsOf(exchange, run);
    const bySut = exchange.from === sut;
    if (bySut) contents[String(st)] = data;
    else stimuli[String(st)] = data;
    const main = exchange.message === exchange.step.message;
    sequence.push({
      st,
      from: exchange.from,
      to: exchange.to,
      number: exchange.step.number,
      referencePoint: main ? exchange.step.referencePoint : referencePointOf(exchange.from, exchange.to),
      message: exchange.label,
      check: bySut ? checkOf(exchange, data, scenario) : null,
      assumption: exchange.step.assumption,
    });
    if (!requirements.some((r) => r.number === exchange.step.number))
      requirements.push({
        number: exchange.step.number,
        text: exchange.step.text,
        source: citation(run.procedure, exchange.step.number),
        assumption: exchange.step.assumption,
      });
  });
  const checks = sequence.filter((s) => s.check !== null);
  const first = sequence[0];
  const when =
    first && first.from !== sut
      ? `the SUT receives "${first.message}" from ${who(first.from)} (step ${first.number})`
      : procedure.migration
        ? `the MC service user attempts to migrate to the partner MC system ${scenario.partner.systemId}`
        : 'the MC service user obtains its MC service user profiles from the network';
  return {
    id: options.id ?? `TC_${run.procedure}_${sut}`,
    title: `${displayTitle(run.procedure)}: ${ENTITIES[sut].title} as the SUT`,
    sut,
    procedure: run.procedure,
    scenario: scenario.title ?? 'untitled',
    references: referencesOf(run.procedure, sequence),
    purpose: {
      with: [
        `the SUT is ${who(sut)}, and a test system plays ${participantsOf(run.procedure)
          .filter((id) => id !== sut)
          .join(', ')}`,
        ...setUp(scenario, run.procedure, sut),
      ],
      when,
      // A run that ends before it reaches the SUT (a refused precondition) leaves it nothing to do: that is the check.
      then: sequence.length
        ? checks.map((s) => `step ${s.number}: ${s.check ?? ''}`)
        : [
            `the SUT receives nothing and sends nothing: the run ends at step ${run.steps.at(-1)?.number ?? '0'}`,
          ],
    },
    requirements,
    preconditions: preconditionsOf(scenario, run.procedure, sut),
    sequence,
    contents,
    stimuli,
    outcome: run.outcome,
    assumption: options.assumption ?? false,
  };
}

/** A code fence longer than any run of backticks in `text`, so that no user string ends it early. */
const fenceFor = (text: string) =>
  '`'.repeat(Math.max(3, ...(text.match(/`+/g) ?? []).map((run) => run.length + 1)));

const md = (text: string) => text.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/\r?\n/g, ' ');

const direction = (step: TestStep, sut: EntityId) => {
  const side = (id: EntityId) => (id === sut ? 'SUT' : `TS (${id})`);
  return step.from === step.to ? `SUT (own action)` : `${side(step.from)} → ${side(step.to)}`;
};

/** The test case as Markdown (`--format testcase`, the page's "Download test case (Markdown)"). */
export function toTestCaseMarkdown(tc: TestCase): string {
  const out: string[] = [];
  out.push(`# ${md(tc.id)}: ${md(tc.title)}`);
  out.push(
    '',
    `Computed by the simulator from the scenario **${md(tc.scenario)}** (outcome at the client: ${tc.outcome}). ` +
      "The test's purpose, its checks and its structure are the simulator's; the conformance requirements are the " +
      "clause's words, quoted." +
      (tc.assumption
        ? " This case tests fault handling, which the clauses do not give: the simulator's assumption."
        : ''),
  );
  const purpose = [
    'with {',
    ...tc.purpose.with.map((w) => `  ${w}`),
    '}',
    'ensure that {',
    `  when { ${tc.purpose.when} }`,
    '  then {',
    ...tc.purpose.then.map((t) => `    ${t}`),
    '  }',
    '}',
  ].join('\n');
  const fence = fenceFor(purpose);
  out.push('', '## Test purpose', '', fence, purpose, fence);
  out.push('', '## References', '');
  for (const r of tc.references) out.push(`- ${md(r)}`);
  out.push('', '## Conformance requirements');
  for (const r of tc.requirements) {
    out.push(
      '',
      `${md(r.source)}${r.assumption ? ' (the clause is silent: simulator assumption)' : ''}:`,
      '',
    );
    out.push(`> ${md(r.text)}`);
  }
  out.push('', '## Pre-test conditions', '');
  for (const p of tc.preconditions) out.push(`- ${md(p)}`);
  out.push('', '## Test procedure sequence', '');
  out.push('| St | Direction | Message | Clause step | Reference point | Verdict |');
  out.push('|---|---|---|---|---|---|');
  for (const s of tc.sequence) {
    const verdict = s.check === null ? '—' : `Check: ${md(s.check)} P`;
    out.push(
      `| ${s.st} | ${md(direction(s, tc.sut))} | ${md(s.message)}${s.assumption ? ' (assumption)' : ''} | ${md(s.number)} | ${s.referencePoint ?? '—'} | ${verdict} |`,
    );
  }
  out.push('', 'P: the step passes when the check holds; any other behaviour of the SUT fails the test.');
  out.push('', '## Message contents', '');
  out.push('What the test system sends (stimuli) and what the SUT must send or do (expected), by test step.');
  for (const s of tc.sequence) {
    const data = s.check === null ? tc.stimuli[String(s.st)] : tc.contents[String(s.st)];
    out.push(
      '',
      `### St ${s.st}, ${s.check === null ? 'stimulus' : 'expected'} (${md(direction(s, tc.sut))})`,
    );
    const text = JSON.stringify(data ?? null, null, 2);
    const dataFence = fenceFor(text);
    out.push('', `${dataFence}json`, text, dataFence);
  }
  return `${out.join('\n')}\n`;
}

/**
 * The test case of a run with the SUT as a command line names it (any string; absent: `defaultSut`), or the one-line
 * problem with that SUT.
 */
export function testCaseFor(
  run: RunResult,
  scenario: Scenario,
  sut: string | undefined,
  options: TestCaseOptions = {},
): { ok: true; testCase: TestCase } | { ok: false; problem: string } {
  const chosen = sut ?? defaultSut(run.procedure);
  const problem = sutProblem(run.procedure, chosen);
  if (problem !== null || !isEntityId(chosen)) return { ok: false, problem: problem ?? '' };
  return { ok: true, testCase: toTestCase(run, scenario, chosen, options) };
}

/** The test case as the JSON `--format testcase-json` prints. */
export const toTestCaseJson = (tc: TestCase) => `${JSON.stringify(tc, null, 2)}\n`;

/**
 * The test suite for one SUT (`npm run testsuite`): a test case for each procedure the SUT takes part in, for the
 * scenario given and for each preset (CONTRACT.md §13), each id naming its procedure, SUT and source
 * (`TC_10.1.4.3.3_partner-cms_scenario`, `…_happy-path`).
 */
export function testSuite(scenario: Scenario, sut: EntityId, options: { faults?: number } = {}): TestCase[] {
  const sources = [
    { id: 'scenario', scenario },
    ...PRESETS.map((preset) => ({ id: preset.id, scenario: preset.scenario })),
  ];
  const procedures = PROCEDURE_IDS.filter((procedure) => involvedEntities(procedure).has(sut));
  const cases = sources.flatMap((source) =>
    procedures.map((procedure) =>
      toTestCase(simulate(source.scenario, procedure, { snapshots: false }), source.scenario, sut, {
        id: `TC_${procedure}_${sut}_${source.id}`,
      }),
    ),
  );
  if (options.faults === undefined) return cases;
  // One case per counterexample of the checker in which the SUT takes part: fault handling, the simulator's reading.
  const checked = check(scenario, { procedures, faults: options.faults });
  for (const row of checked.results) {
    const cx = row.counterexample;
    if (!cx?.scenario || !cx.steps.some((s) => s.from === sut || s.to === sut)) continue;
    cases.push(
      toTestCase(simulate(cx.scenario, row.procedure, { snapshots: false }), cx.scenario, sut, {
        id: `TC_${row.procedure}_${sut}_check_${row.property}`,
        assumption: true,
      }),
    );
  }
  return cases;
}
