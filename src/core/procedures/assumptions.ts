/**
 * The assumption register (CONTRACT.md §10): every behaviour of the simulator that the clauses do not give, in one
 * list. A step flagged `assumption: true` names in `basis` the entries it rests on; a spec note that is an assumption
 * keeps its note's id here (formats/narration.ts). Where a scenario can choose between readings, the entry names the
 * field (`readings`).
 */
import { PROCEDURES } from './index';
import type { ClauseStep } from './types';
import { PROCEDURE_IDS, type ProcedureId } from '../model/ids';

export interface Reading {
  /** The scenario field that chooses it (a JSON path). */
  field: string;
  value: string | number | boolean | null;
  text: string;
}

export interface Assumption {
  id: string;
  title: string;
  /** What the simulator does. */
  text: string;
  /** The alternatives a scenario can choose; [] if none. */
  readings: Reading[];
  /** The clause text that leaves it open, cited. */
  silent: string;
  /** Where it applies: per procedure, the numbers of the clause steps (at least one somewhere). */
  where: Partial<Record<ProcedureId, string[]>>;
}

type StepTest = (step: ClauseStep, procedure: ProcedureId) => boolean;

/** The numbers of the clause steps that pass `test`, per procedure (procedures with none left out). */
function stepsWhere(test: StepTest, only: readonly ProcedureId[] = PROCEDURE_IDS): Assumption['where'] {
  const where: Assumption['where'] = {};
  for (const id of only) {
    const numbers = PROCEDURES[id].steps.filter((s) => test(s, id)).map((s) => String(s.n));
    if (numbers.length) where[id] = numbers;
  }
  return where;
}

const MIGRATION: readonly ProcedureId[] = ['10.1.4.3.2', '10.1.4.3.3', '10.1.4.x.2'];
const isMessage: StepTest = (s) => s.kind === 'message';
const isRequest: StepTest = (s) => s.kind === 'message' && s.message === 'profile.request';
const first: StepTest = (s) => s.n === 1;

/** The register, in the order a reader meets them: time and faults first, then the older ones. */
export const ASSUMPTIONS: readonly Assumption[] = [
  {
    id: 'timing-defaults',
    title: "The clock's figures are the simulator's own",
    text:
      'Each message takes the one-way latency of its reference point (defaults: CSC-4 30 ms, CSC-13 5 ms, CSC-17 ' +
      '60 ms) and each own action `actionMs` (default 10 ms); the client sends its first request at 0 ms. Messages ' +
      'in flight arrive in order of time, ties in the order they were sent.',
    readings: [
      { field: 'timing.latencyMs', value: null, text: 'one-way latency per reference point, in ms' },
      { field: 'timing.actionMs', value: null, text: 'how long an own action takes, in ms' },
    ],
    silent:
      'The numbered steps of 10.1.4.3.1 to 10.1.4.3.3 give the order of the messages only: no figure of time.',
    where: stepsWhere(first),
  },
  {
    id: 'timers',
    title: 'Timers',
    text:
      'An entity with a `timeoutMs` arms its timer when it sends a message to another entity and is left waiting ' +
      'for an answer, and disarms it when it stops waiting. When it fires, the entity stops waiting (a step of kind ' +
      '"timeout"). Without `timeoutMs` (or with `null`) an entity waits for ever.',
    readings: [
      {
        field: 'timing.timeoutMs.<entity>',
        value: null,
        text: 'how long that entity waits, in ms (null: for ever)',
      },
    ],
    silent:
      'No step of the clauses says how long an entity waits for an answer, or what it does when none comes ' +
      '(e.g. 10.1.4.3.3 step 2: "The configuration management server in the partner MC system requests the MC ' +
      'service user profile from the configuration management server in the primary MC system").',
    where: stepsWhere(isRequest),
  },
  {
    id: 'client-retry',
    title: 'The client asks again',
    text:
      "When the client's timer fires and retries remain, it sends its request again, the same request (a retry is " +
      "the second delivery of step 1, for a fault's `nth`).",
    readings: [{ field: 'timing.retries', value: 0, text: 'how many times it asks again (default 0)' }],
    silent:
      '10.1.4.1: provisioning "is initiated by the configuration management client (e.g. upon MC service user ' +
      'authentication or on reconnect to the MC service)"; nothing says whether or when it asks again.',
    where: stepsWhere(first),
  },
  {
    id: 'client-gives-up',
    title: 'The client gives up',
    text:
      "When the client's timer fires with no retries left it stops waiting, holds no profile, and the outcome is " +
      '"failed", its reason the timer.',
    readings: [],
    silent:
      'The clauses end each procedure with the profile delivered to the client; none says how it ends otherwise.',
    where: stepsWhere(first),
  },
  {
    id: 'server-timeout',
    title: 'A server that stops waiting answers with an error',
    text:
      'When the timer of a configuration management server or a user database fires, it stops waiting and returns ' +
      'an error to whoever asked it (the latest request it holds); the error travels back to the client, whose ' +
      'outcome is then "failed".',
    readings: [],
    silent:
      'The clauses give the answers of the successful procedure only; 10.1.4.3.2 step 11 is the one place an error ' +
      'is returned ("an appropriate error is returned to the configuration management client").',
    where: stepsWhere((s, id) => isRequest(s, id) && s.from !== 'cmc'),
  },
  {
    id: 'late-answer',
    title: 'The client takes any answer while it waits',
    text:
      'Requests carry no identifier, so a client waiting after a retry takes an answer to its earlier request as ' +
      'the answer; once it holds a profile, an error or gave up, every later answer is discarded.',
    readings: [],
    silent:
      '10.1.4.3.1 step 1 says the request "includes the MC service ID"; no clause gives a request an identifier ' +
      'that its answer repeats.',
    where: stepsWhere((s) => s.kind === 'message' && s.to === 'cmc'),
  },
  {
    id: 'discard',
    title: 'A message nothing waits for is discarded',
    text:
      'A message that arrives where its receiver does not wait for it (a late answer after a timer fired, a ' +
      'duplicate, a request while the receiver is busy with another) has no effect: its machine takes no ' +
      'transition, and the step is marked `discarded`.',
    readings: [],
    silent:
      'The clauses describe one pass of each procedure, in which every message is expected when it arrives.',
    where: stepsWhere(isMessage),
  },
  {
    id: 'duplicate',
    title: 'A duplicate is handled like the original',
    text:
      'A duplicated message arrives twice, the copy right after the original. Its receiver does not recognise it as ' +
      'a copy: if it waits for such a message it handles it anew (an idle server runs the request again), else the ' +
      'copy is discarded.',
    readings: [],
    silent: 'No clause says that a receiver detects a message it has already received.',
    where: stepsWhere(isMessage),
  },
  {
    id: 'repeat',
    title: 'A step taken again',
    text:
      'After a retry (or a duplicate handled anew) the entities take the steps of the procedure again, each ' +
      'numbered as the clause numbers it; the clauses describe one pass.',
    readings: [],
    silent: 'Each procedure of 10.1.4.3 is one numbered pass from the request to the answer.',
    where: stepsWhere(isMessage),
  },
  {
    id: 'drop',
    title: 'A lost message has no effect',
    text:
      'A dropped message (a `drop` fault) never arrives: its step is marked `lost` at the time it would have ' +
      'arrived, and nothing else happens. Whoever waits for an answer waits until its timer fires, or for ever.',
    readings: [],
    silent: 'The clauses assume every message arrives.',
    where: stepsWhere(isMessage),
  },
  {
    id: 'down',
    title: 'An entity that is down is paused',
    text:
      'While an entity is down (a `down` fault, from `fromMs` until `untilMs`), every message to or from it is lost ' +
      'and its timer does not fire; it keeps its state, and an own action or a timer due meanwhile completes when it ' +
      'is back (a pause, not a restart). Down for good (no `untilMs`): they never do.',
    readings: [],
    silent: 'The clauses assume every entity is available.',
    where: stepsWhere(isMessage),
  },
  {
    id: 'store-fails',
    title: 'A store that fails is answered with an error',
    text:
      'A user database whose store fails (a `store-fails` fault) stores nothing and returns an error to whoever ' +
      "asked it instead of the profile (10.1.4.3.2 steps 8, 13; 10.1.4.3.3 step 9; the draft's step 11); the " +
      'error travels back to the client, whose outcome is "failed".',
    readings: [],
    silent:
      'The store steps ("stores the modified MC service user profile", 10.1.4.3.3 step 9) say nothing of a store ' +
      'that fails.',
    where: stepsWhere((s) => s.message === 'udb.store'),
  },
  {
    id: 'errors-travel-back',
    title: 'An error goes back along the way the request came',
    text:
      'An entity that receives an error for a request it passed on returns it to whoever asked it, so that every ' +
      'error reaches the client; the partner MC system is not told otherwise.',
    readings: [],
    silent: 'The clauses give no error path, except the error of 10.1.4.3.2 step 11 returned to the client.',
    where: stepsWhere((s) => s.kind === 'message' && s.message === 'profile.provide', MIGRATION),
  },
  {
    id: 'no-migration-profile',
    title: 'No profile for migration to this partner',
    text:
      'When the primary UDB finds no enabled profile for migration naming the partner system (or "*"), it returns ' +
      'an error to whoever asked it, which travels back to the client: the outcome is "rejected".',
    readings: [],
    silent:
      '10.1.4.3.3 step 4: "The MC service user database in the primary MC system retrieves the applicable MC ' +
      'service user profile for migration." Nothing says what happens when there is none.',
    where: stepsWhere((s) => s.message === 'udb.retrieve', MIGRATION),
  },
  {
    id: 'preconditions',
    title: 'A precondition that does not hold is refused at the first server',
    text:
      'With `preconditions.migrationPermitted` or `preconditions.authenticatedInPartner` false, the server the ' +
      'client asks returns an error at once (numbered after step 1).',
    readings: [],
    silent:
      'The clauses state the preconditions ("The MC service user is permitted to migrate to the partner MC ' +
      'system, …") but not what happens when one does not hold.',
    where: stepsWhere(first, MIGRATION),
  },
  {
    id: 'step11-may',
    title: 'Step 11 says "may"',
    text:
      'When the primary\'s check of the modified profile fails, the scenario chooses: "prohibit" (the default) ' +
      'returns an error to the client and the primary stores nothing; "continue" logs the failed check and steps 12 ' +
      "to 14 follow. The checks themselves are the simulator's rule set.",
    readings: [
      {
        field: 'primary.validation.onFailure',
        value: 'prohibit',
        text: 'the user is prohibited from migrating: an error to the client (the default)',
      },
      {
        field: 'primary.validation.onFailure',
        value: 'continue',
        text: 'the failed check is logged, and processing continues in step 12',
      },
    ],
    silent:
      '10.1.4.3.2 step 11: "If the validation check fails, then the MC service user may be prohibited from ' +
      'migrating to the partner MC system and an appropriate error is returned to the configuration management ' +
      'client."',
    where: { '10.1.4.3.2': ['11'] },
  },
  {
    id: 'step11-error',
    title: 'The "appropriate error" of step 11',
    text:
      'The primary CMS returns one error to the client, numbered 11a; the partner is not told and keeps the profile ' +
      'it stored at step 8.',
    readings: [],
    silent: '10.1.4.3.2 step 11: "an appropriate error is returned to the configuration management client".',
    where: { '10.1.4.3.2': ['11'] },
  },
  {
    id: 'applicable-profile',
    title: 'Which profile is "applicable"',
    text:
      'Among the profiles of the requested MC service ID, the enabled profile whose migration partners name the ' +
      'partner system, else one naming "*".',
    readings: [],
    silent: '10.1.4.3.2 step 3: "retrieves the applicable MC service user profile for migration".',
    where: stepsWhere((s) => s.message === 'udb.retrieve', MIGRATION),
  },
  {
    id: 'partner-id',
    title: 'How the primary learns the partner system',
    text: "The primary CMS takes the partner's identification from the CSC-17 peer that asked it.",
    readings: [],
    silent:
      '10.1.4.3.3 step 3: "The request includes an identification of the partner MC system", though neither step ' +
      '1 nor step 2 is said to carry it.',
    where: { '10.1.4.3.3': ['3'], '10.1.4.x.2': ['5'] },
  },
  {
    id: 'cached-profile',
    title: 'A partner that already holds a profile',
    text: "The whole procedure runs; the partner UDB's store replaces the cached profile.",
    readings: [],
    silent:
      'The draft (10.1.4.x.1): a partner with a cached profile "still needs to follow the procedure"; the revised ' +
      'text says nothing of caches.',
    where: { '10.1.4.3.2': ['8'], '10.1.4.3.3': ['9'], '10.1.4.x.2': ['11'] },
  },
  {
    id: 'primary-store',
    title: 'What the primary UDB stores at step 13',
    text: 'The profile as the partner modified it, kept beside the migration profile it retrieved (not replacing it).',
    readings: [],
    silent: '10.1.4.3.2 step 13: "stores the received MC service user profile and acknowledges the request".',
    where: { '10.1.4.3.2': ['13'] },
  },
  {
    id: 'step13-ack',
    title: 'The only acknowledgement',
    text: 'The store and its acknowledgement are one step: the acknowledgement is drawn within step 13.',
    readings: [],
    silent: '10.1.4.3.2 step 13: "stores the received MC service user profile and acknowledges the request".',
    where: { '10.1.4.3.2': ['13'] },
  },
  {
    id: 'download-necessary',
    title: '"When a download is necessary"',
    text: 'The simulator always downloads every profile associated with the MC service ID.',
    readings: [],
    silent:
      '10.1.4.3.1 step 3: "When a download is necessary, this message includes all MC service user profiles".',
    where: { '10.1.4.3.1': ['3'] },
  },
  {
    id: 'service-id',
    title: 'One MC service ID per request',
    text:
      "The request carries the MC service ID of the scenario's `ue.service` (MCPTT by default); a profile naming " +
      'no MC service ID is taken as an MCPTT one.',
    readings: [
      { field: 'ue.service', value: 'mcptt', text: 'the MCPTT ID (the default)' },
      { field: 'ue.service', value: 'mcvideo', text: 'the MCVideo ID' },
      { field: 'ue.service', value: 'mcdata', text: 'the MCData ID' },
    ],
    silent: '10.1.4.3.1 step 1: the request "includes the MC service ID".',
    where: { '10.1.4.3.1': ['1'] },
  },
  {
    id: 'migration-service',
    title: 'Which MC service ID a migration request is for',
    text:
      'Migration requests carry the MC service ID of `ue.service`, and the user database picks the migration profile ' +
      "among that ID's profiles.",
    readings: [],
    silent: 'The migration procedures do not say that their requests carry an MC service ID.',
    where: stepsWhere(first, MIGRATION),
  },
];

const BY_ID = new Map(ASSUMPTIONS.map((a) => [a.id, a]));

/** The entry of an id, or undefined. */
export const assumptionById = (id: string): Assumption | undefined => BY_ID.get(id);

/** The register as `sim --assumptions --format json` prints it (CONTRACT.md §10). */
export function assumptionsJson(): string {
  return `${JSON.stringify(ASSUMPTIONS, null, 2)}\n`;
}

/** The register as Markdown (`sim --assumptions --format markdown`): one section per entry. */
export function assumptionsMarkdown(): string {
  const lines = [
    '# Assumptions of the simulator',
    '',
    'Every behaviour the clauses of TS 23.280 10.1.4 do not give, and what the simulator does instead. A step of a ' +
      'trace that rests on one is flagged `assumption: true` and names it in `basis`.',
  ];
  for (const a of ASSUMPTIONS) {
    lines.push('', `## ${a.title} (\`${a.id}\`)`, '', a.text, '', `The clauses: ${a.silent}`);
    if (a.readings.length) {
      lines.push('', 'Readings a scenario can choose:', '');
      for (const r of a.readings) {
        const value = r.value === null ? '' : ` = \`${JSON.stringify(r.value)}\``;
        lines.push(`- \`${r.field}\`${value}: ${r.text}`);
      }
    }
    const where = Object.entries(a.where)
      .map(([procedure, steps]) => `${procedure} step${steps.length > 1 ? 's' : ''} ${steps.join(', ')}`)
      .join('; ');
    lines.push('', `Applies at: ${where}.`);
  }
  return `${lines.join('\n')}\n`;
}
