import { ENTITIES, type ProcedureId } from '../model/ids';
import { citation, getProcedure } from '../procedures';
import type { TraceStep } from '../engine/run';
import type { ValidationResult } from '../model/validation';

/** Where the clauses are silent, ambiguous or differ from each other: shown beside the steps they concern. */
export interface SpecNote {
  id: string;
  title: string;
  text: string;
  /** The text for a document (the walkthrough), where `text` speaks of the page (its panels, its diagram). */
  document?: string;
  /** The clause steps it belongs to, per procedure; `0` = the procedure as a whole. */
  at: Partial<Record<ProcedureId, number[]>>;
}

export const SPEC_NOTES: readonly SpecNote[] = [
  {
    id: 'step11-error',
    title: 'What is the "appropriate error" of step 11?',
    text:
      'Step 11 says only that "an appropriate error is returned to the configuration management client". It names no ' +
      'error, does not say whether the partner MC system is told, and leaves the partner MC service user database ' +
      'holding the modified profile it stored at step 8. When the check fails and the scenario reads step 11 as ' +
      '`onFailure: "prohibit"` (the default), the simulator returns one error from the primary CMS to the client, ' +
      'numbered 11a (the clause numbers no step for it), stores nothing in the primary UDB, and leaves the ' +
      'partner\'s stored profile as it is. With "continue" no error is returned: the failed check is logged and step ' +
      '12 follows.',
    at: { '10.1.4.3.2': [11] },
  },
  {
    id: 'step11-may',
    title: 'Step 11 says "may"',
    text:
      'If the validation check fails, "the MC service user may be prohibited from migrating to the partner MC system". ' +
      "The clause allows both readings, and the simulator runs both: with the scenario's " +
      '`primary.validation.onFailure: "prohibit"` (the default) the error goes to the client; with "continue" the ' +
      'primary CMS logs the failed check (the clause: "validates (and may also log)") and steps 12 to 14 follow. The ' +
      "checks themselves (a minimum priority, groups that must survive, at least one service area) are the simulator's " +
      'rule set: the clause names only "e.g. safety, applicability of any new configuration".',
    at: { '10.1.4.3.2': [11] },
  },
  {
    id: 'step13-ack',
    title: 'The only acknowledgement',
    text:
      'Step 13 is the one place where a clause mentions an acknowledgement: the primary UDB "stores the received MC ' +
      'service user profile and acknowledges the request". It is one numbered step, so the simulator shows the store ' +
      "as the UDB's own action and the acknowledgement as a dashed arrow within the same step; step 14 follows it. No " +
      "other store (the partner's at step 8) is acknowledged.",
    document:
      'Step 13 is the one place where a clause mentions an acknowledgement: the primary UDB "stores the received MC ' +
      'service user profile and acknowledges the request". It is one numbered step, so the simulator shows the store ' +
      "as the UDB's own action and the acknowledgement as a message within the same step (a dashed arrow in the " +
      "diagram); step 14 follows it. No other store (the partner's at step 8) is acknowledged.",
    at: { '10.1.4.3.2': [13, 14] },
  },
  {
    id: 'no-primary-check',
    title: 'No check by the primary when the partner configures the UE',
    text:
      'In 10.1.4.3.2 the primary CMS validates the modified profile (step 11) before the user gets it. In 10.1.4.3.3 ' +
      'the modified profile goes from the partner UDB to the partner CMS (step 10) and on to the client (step 11): no ' +
      'step gives it to the primary, and nothing corresponds to step 11. The same partner policy can therefore be ' +
      'refused in one configuration and accepted in the other.',
    at: { '10.1.4.3.3': [0, 10, 11], '10.1.4.3.2': [11] },
  },
  {
    id: 'draft-extra-hop',
    title: "The draft's extra hop between the partner UDB and CMS",
    text:
      'In the earlier draft (10.1.4.x.2) the partner CMS first asks its own UDB (step 2), and the UDB "needs to request ' +
      'the user profile from the primary MC system" and sends that request back to the CMS (step 3), which only then ' +
      'asks the primary. The revised 10.1.4.3.3 drops the round trip: the partner CMS asks the primary CMS directly.',
    at: { '10.1.4.x.2': [2, 3, 4], '10.1.4.3.3': [2] },
  },
  {
    id: 'cached-profile',
    title: 'A partner that already holds a profile',
    text:
      'The draft\'s overview says that a partner with a cached profile "still needs to follow the procedure to ensure ' +
      'that the profile is up to date". The revised text says nothing about caches. The simulator runs the whole ' +
      "procedure either way; the partner UDB's store step replaces the cached profile, and its panel shows both.",
    document:
      'The draft\'s overview says that a partner with a cached profile "still needs to follow the procedure to ensure ' +
      'that the profile is up to date". The revised text says nothing about caches. The simulator runs the whole ' +
      "procedure either way; the partner UDB's store step replaces the cached profile (the trace's `stores` hold " +
      'the new one).',
    at: { '10.1.4.x.2': [0, 11], '10.1.4.3.3': [9], '10.1.4.3.2': [8] },
  },
  {
    id: 'applicable-profile',
    title: 'Which profile is "applicable"?',
    text:
      'The primary UDB "retrieves the applicable MC service user profile for migration"; 10.1.4.1 adds that a user may ' +
      'have several, "so that different MC service user profiles can be applied in different partner MC systems". ' +
      'How one is chosen is not specified. The simulator takes, among the profiles of the requested MC service ID, the ' +
      'enabled profile whose migration partners name the partner system, else one naming "*"; with none, the UDB ' +
      'returns an error (a simulator assumption).',
    at: { '10.1.4.3.2': [3], '10.1.4.3.3': [4], '10.1.4.x.2': [6] },
  },
  {
    id: 'partner-id',
    title: 'How does the primary learn the partner system?',
    text:
      "In 10.1.4.3.3 neither the client's request (step 1) nor the partner CMS's (step 2) is said to identify the " +
      'partner MC system; step 3 then says the primary CMS\'s request to its UDB "includes an identification of the ' +
      'partner MC system to which the MC service user is attempting to migrate". The same holds for the draft\'s steps ' +
      "1 to 5. The simulator's primary CMS takes the identification from the CSC-17 peer that asked (a simulator " +
      'assumption), and only the requests the clauses say include it carry it: 10.1.4.3.2 steps 1 and 2, 10.1.4.3.3 ' +
      "step 3 and the draft's step 5.",
    at: { '10.1.4.3.3': [1, 2, 3], '10.1.4.x.2': [4, 5] },
  },
  {
    id: 'unsolicited-step5',
    title: 'A profile the partner did not ask for',
    text:
      'In 10.1.4.3.2 step 5 the primary CMS sends the profile to the partner CMS without a request from it (the ' +
      'preconditions say that the relevant authorizations are configured in both MC systems). The partner has it ' +
      'modified and stored (steps 6 to 9) and sends it back to the primary CMS (step 10), not to the client.',
    at: { '10.1.4.3.2': [5, 6, 10] },
  },
  {
    id: 'primary-store',
    title: 'What does the primary UDB store at step 13?',
    text:
      'The primary UDB stores the profile as the partner modified it. The clause does not say whether it replaces the ' +
      'migration profile it retrieved at step 3 or is kept beside it; the simulator keeps it beside, so the next ' +
      'migration starts from the original.',
    at: { '10.1.4.3.2': [12, 13] },
  },
  {
    id: 'download-necessary',
    title: '"When a download is necessary"',
    text:
      '10.1.4.3.1 step 3 includes the profiles only "when a download is necessary", and 10.1.4.1 allows a first ' +
      'exchange with only a list to choose from. The simulator always downloads, and delivers every profile ' +
      'associated with the MC service ID (migration profiles included).',
    at: { '10.1.4.3.1': [3] },
  },
  {
    id: 'service-id',
    title: 'One MC service ID per request',
    text:
      '10.1.4.3.1 step 1 says the request "includes the MC service ID" (one), and step 3 answers with "all MC service ' +
      'user profiles that are associated with the MC service ID". 10.1.4.1: a user has at most one MC service ID per MC ' +
      "service. The scenario's `ue.service` (MCPTT by default) chooses the service whose ID the request carries; the " +
      'profiles of the other IDs are not in the answer. A profile naming no MC service ID is taken as an MCPTT one ' +
      '(a simulator assumption).',
    at: { '10.1.4.3.1': [0, 1, 3] },
  },
  {
    id: 'migration-service',
    title: 'Which MC service ID a migration request is for',
    text:
      'The migration procedures (10.1.4.3.2, 10.1.4.3.3, the draft 10.1.4.x.2) do not say that their requests carry ' +
      "an MC service ID. The simulator assumes they carry the one of the scenario's `ue.service` (MCPTT by default), " +
      "as 10.1.4.3.1's request does, and that the user database picks the migration profile among that ID's profiles " +
      '(a simulator assumption).',
    at: { '10.1.4.3.2': [0], '10.1.4.3.3': [0], '10.1.4.x.2': [0] },
  },
  {
    id: 'typos',
    title: 'Typos and slips in the texts',
    text:
      '10.1.4.1: "or a requests the MC service user profile" (a stray "a"). 10.1.4.3.2\'s introduction says the client ' +
      'retrieves the profiles "from the partner MC system", as 10.1.4.3.3\'s does, though in 10.1.4.3.2 it asks the ' +
      'primary; ' +
      'its step 8 has no full stop after the number. In the draft: "theconfiguration" (step 1) and "The MC service user ' +
      'database the partner MC system" (step 10, "in" missing). The simulator quotes the clauses as they are.',
    at: { '10.1.4.3.2': [0, 8], '10.1.4.x.2': [1, 10] },
  },
];

/** Plain-language explanations, by procedure and clause step. */
const NARRATION: Record<ProcedureId, Record<number, string>> = {
  '10.1.4.3.1': {
    1: "The user is not migrating. The UE's client asks its own configuration management server for the user's profiles; the request carries the MC service ID of one service.",
    2: "The server obtains the profile information for that MC service ID (the clause does not say from where; 10.1.4.1 says all of a user's profiles are stored in the MC service user database).",
    3: 'The server answers with every profile associated with that MC service ID. The user may then select one (10.1.4.1); the pre-selected indication of the profile document (TS 24.484, TS 23.379 Annex A.3) marks the default. Only one profile per MC service client is active at a time (10.1.4.1).',
  },
  '10.1.4.3.2': {
    1: 'The user is about to migrate. The UE is configured to ask its primary MC system, so the client asks the primary CMS for the profile for migration; the request identifies the partner MC system.',
    2: "The primary CMS passes the request, with the partner system's identity, to the primary user database, where all of the user's profiles live.",
    3: 'The primary UDB picks the profile meant for migration to this partner (different partners may get different profiles).',
    4: 'The profile for migration goes back to the primary CMS.',
    5: 'Over CSC-17, the primary CMS sends the profile to the partner CMS, unasked; the partner system may impose parameters of its own (10.1.4.1).',
    6: "The partner CMS hands the profile to the partner user database, which holds the partner's local policy.",
    7: "The partner UDB modifies the profile by its policies. 10.1.4.1's examples: where migrating users may receive service, specific priority levels, certain groups. The simulator's policy rules: areas, a priority cap, allowed and added groups, and (its own additions) an affiliation cap and private calls.",
    8: 'The partner keeps the modified profile; 10.1.4.1: it "will subsequently be provided to the MC service server in the partner MC system" when the user attempts service authorization.',
    9: 'The modified profile goes back to the partner CMS.',
    10: 'The partner CMS returns the modified profile to the primary CMS, not to the client: the primary validates it next (step 11).',
    11: 'The primary CMS validates the modified profile "for e.g. safety, applicability of any new configuration" (the clause). The simulator\'s checks are its own rule set: a minimum priority, groups that must survive, a service area left. If the check fails the user "may be prohibited from migrating": the scenario\'s onFailure picks prohibit (an error to the client) or continue (logged, and step 12 follows).',
    12: "The primary CMS gives the modified profile to its own user database. Step 12 follows a check at step 11 that passed, or (with the scenario's onFailure: continue, one of the two readings the simulator runs) one that failed and was logged.",
    13: 'The primary UDB stores the profile it received and acknowledges the request.',
    14: 'Finally the primary CMS delivers the modified profile to the client. The UE now holds the profile the partner will apply.',
  },
  '10.1.4.3.3': {
    1: 'The user is about to migrate. The UE is configured to ask the partner MC system, so the client asks the partner CMS for the profile for migration.',
    2: "The user's profiles are stored in the primary MC system (10.1.4.1), so the partner CMS asks the primary CMS for the profile, over CSC-17.",
    3: 'The primary CMS asks its user database; this request includes an identification of the partner MC system (the simulator takes it from the CSC-17 peer that asked).',
    4: 'The primary UDB picks the profile meant for migration to this partner.',
    5: 'The profile goes back to the primary CMS.',
    6: 'The primary CMS sends it to the partner CMS.',
    7: "The partner CMS hands it to the partner user database, which holds the partner's local policy.",
    8: "The partner UDB modifies the profile by its policies (the simulator's rules: areas, priority, groups, affiliations, private calls).",
    9: 'The partner keeps the modified profile, replacing any it held from an earlier migration.',
    10: 'The modified profile goes to the partner CMS, to be handed to the client.',
    11: 'The partner CMS delivers the modified profile to the client. No step of this procedure gives the modified profile to the primary MC system.',
  },
  '10.1.4.x.2': {
    1: "The earlier draft: the client asks the partner CMS for the user's profile.",
    2: 'The partner CMS asks its own user database first.',
    3: "The partner UDB has to get the profile from the user's home system, and asks its CMS to fetch it (the revised text drops this round trip).",
    4: 'The partner CMS asks the primary CMS.',
    5: 'The primary CMS asks its user database, naming the partner system.',
    6: 'The primary UDB picks the applicable profile.',
    7: 'The profile goes back to the primary CMS.',
    8: 'The primary CMS sends it to the partner CMS.',
    9: 'The partner CMS hands it to the partner UDB that asked for it.',
    10: 'The partner UDB modifies the profile by its system policies and local configuration.',
    11: "The partner UDB stores it, even if it held a cached profile: the draft's overview (10.1.4.x.1) says the procedure is followed anyway, to keep the profile up to date.",
    12: 'The modified profile goes to the partner CMS.',
    13: 'The partner CMS delivers it to the client.',
  },
};

function errorNarration(step: TraceStep): string {
  if (!step.assumption) {
    return 'The validation check failed and, as the scenario reads step 11 (onFailure: prohibit), the user is prohibited from migrating: an error is returned to the client. The simulator stores nothing in the primary user database, and the client receives no profile.';
  }
  const reason = step.message.type === 'profile.error' ? step.message.reason : 'an error';
  if (step.to === 'cmc') return `The error reaches the client, which receives no profile (${reason}).`;
  return `The clause does not say what happens here. The simulator returns an error to whoever asked (${reason}).`;
}

/**
 * A step a fault or a timer made (CONTRACT.md §10), in the simulator's words: the clauses give no time, no timers
 * and no lost messages, so every sentence here says it is the simulator's. Null for any other step.
 */
function faultNarration(procedure: ProcedureId, step: TraceStep): string | null {
  const assumed = "What happens then is the simulator's assumption: the clauses do not say.";
  if (step.lost) {
    const why =
      step.fault?.kind === 'down'
        ? 'an entity it goes to or from is down (a fault the scenario adds)'
        : 'it is dropped (a fault the scenario adds)';
    return `This message never arrives: ${why}. It has no effect. ${assumed}`;
  }
  if (step.discarded)
    return `This message arrives where nothing waits for it (a late answer, a duplicate, or a request its receiver is not ready for), and ${ENTITIES[step.to].phrase} discards it. ${assumed}`;
  if (step.kind === 'timeout')
    return `No answer came in time: the timer of ${ENTITIES[step.from].phrase} fires and it stops waiting. The clauses give no timers: the timer, its figure and what follows are the simulator's.`;
  if (step.fault?.kind === 'delay' && step.clauseStep !== null) {
    return `${clauseNarration(procedure, step)} (It arrives late: a delay the scenario adds; the clauses give no time.)`.trim();
  }
  if (step.fault?.kind === 'duplicate' && step.clauseStep !== null) {
    return `${clauseNarration(procedure, step)} (It is sent twice: a duplicate the scenario adds; the clauses do not say what a receiver does with a second copy.)`.trim();
  }
  return null;
}

/** What the narration may take from the run a step belongs to (a `RunResult` has it). */
export interface NarrationFacts {
  /** The primary's check of 10.1.4.3.2 step 11, or null where none ran. */
  validation: ValidationResult | null;
}

/** 10.1.4.3.2 step 12 as the run has it: after a check that passed, or one that failed and was logged. */
function step12Narration(facts: NarrationFacts): string {
  if (facts.validation?.ok === false)
    return 'The check at step 11 failed, and the primary CMS logged it; as the scenario reads step 11 (onFailure: continue, one of the two readings the simulator runs), the migration goes on: the primary CMS gives the modified profile to its own user database all the same.';
  return 'The check passed: the primary CMS gives the modified profile to its own user database.';
}

/**
 * A plain-language explanation of a step of a run. Without `facts` (the run the step belongs to) a step whose
 * explanation depends on the run gets words that hold for every run.
 */
export function narrate(procedure: ProcedureId, step: TraceStep, facts?: NarrationFacts): string {
  const fault = faultNarration(procedure, step);
  if (fault !== null) return fault;
  if (step.kind === 'error') return errorNarration(step);
  if (facts && procedure === '10.1.4.3.2' && step.clauseStep === 12) return step12Narration(facts);
  return clauseNarration(procedure, step);
}

const clauseNarration = (procedure: ProcedureId, step: TraceStep): string =>
  (step.clauseStep !== null && NARRATION[procedure][step.clauseStep]) || '';

/** A note's words for the page, or for a document (the walkthrough), which has no panels. */
export function noteText(note: SpecNote, where: 'page' | 'document'): string {
  return where === 'document' ? (note.document ?? note.text) : note.text;
}

/** The spec notes for a clause step (or 0, the procedure as a whole). */
export function notesFor(procedure: ProcedureId, clauseStep: number): SpecNote[] {
  return SPEC_NOTES.filter((note) => note.at[procedure]?.includes(clauseStep));
}

/** The spec notes for a step of a run (the error of step 11 gets that step's note on its error). */
export function notesForStep(procedure: ProcedureId, step: TraceStep): SpecNote[] {
  if (step.clauseStep !== null) return notesFor(procedure, step.clauseStep);
  return step.assumption ? [] : SPEC_NOTES.filter((n) => n.id === 'step11-error' && n.at[procedure]);
}

/** Where the words of a step come from: the clause and step, or the simulator. */
export function sourceOf(procedure: ProcedureId, step: TraceStep): string {
  if (step.assumption) return 'Simulator assumption: the clause is silent here';
  if (step.clauseStep !== null) return citation(procedure, step.clauseStep);
  const branch = getProcedure(procedure).branches.find((b) => b.text === step.text);
  return `${citation(procedure, branch?.after ?? step.number)} (the error it describes)`;
}
