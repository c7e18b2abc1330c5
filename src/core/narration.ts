import type { ProcedureId } from './ids';
import type { TraceStep } from './run';

/** Where the clauses are silent, ambiguous or differ from each other: shown beside the steps they concern. */
export interface SpecNote {
  id: string;
  title: string;
  text: string;
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
      'holding the modified profile it stored at step 8. The simulator returns one error from the primary CMS to the ' +
      'client (numbered 12, as the run goes on from step 11), stores nothing in the primary UDB, and leaves the ' +
      "partner's stored profile as it is.",
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
    at: { '10.1.4.3.2': [13, 14] },
  },
  {
    id: 'no-primary-check',
    title: 'No check by the primary when the partner configures the UE',
    text:
      'In 10.1.4.3.2 the primary CMS validates the modified profile (step 11) before the user gets it. In 10.1.4.3.3 ' +
      'the modified profile goes from the partner UDB straight to the client: the primary never sees it, and nothing ' +
      'corresponds to step 11. The same partner policy can therefore be refused in one configuration and accepted in ' +
      'the other.',
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
    at: { '10.1.4.x.2': [0, 11], '10.1.4.3.3': [9], '10.1.4.3.2': [8] },
  },
  {
    id: 'applicable-profile',
    title: 'Which profile is "applicable"?',
    text:
      'The primary UDB "retrieves the applicable MC service user profile for migration"; 10.1.4.1 adds that a user may ' +
      'have several, "so that different MC service user profiles can be applied in different partner MC systems". ' +
      'How one is chosen is not specified. The simulator takes the enabled profile whose migration partners name the ' +
      'partner system, else one naming "*"; with none, the UDB returns an error (a simulator assumption).',
    at: { '10.1.4.3.2': [3], '10.1.4.3.3': [4], '10.1.4.x.2': [6] },
  },
  {
    id: 'partner-id',
    title: 'How does the primary learn the partner system?',
    text:
      'In 10.1.4.3.3 step 2 the partner CMS requests the profile without the clause saying that it identifies itself; ' +
      'step 3 then says the primary CMS\'s request to its UDB "includes an identification of the partner MC system". ' +
      'The simulator takes it from the CSC-17 peer that asked.',
    at: { '10.1.4.3.3': [2, 3], '10.1.4.x.2': [4, 5] },
  },
  {
    id: 'unsolicited-step5',
    title: 'A profile the partner did not ask for',
    text:
      'In 10.1.4.3.2 step 5 the primary CMS sends the profile to the partner CMS without a request from it: the ' +
      'partner must recognise a migrating user it has not heard of yet, localise the profile and send it back ' +
      '(step 10) to the primary, not to the client.',
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
    id: 'typos',
    title: 'Typos and slips in the texts',
    text:
      '10.1.4.1: "or a requests the MC service user profile" (a stray "a"). 10.1.4.3.2\'s introduction says the client ' +
      'retrieves the profiles "from the partner MC system", copied from 10.1.4.3.3, though here it asks the primary; ' +
      'its step 8 has no full stop after the number. In the draft: "theconfiguration" (step 1) and "The MC service user ' +
      'database the partner MC system" (step 10, "in" missing). The simulator quotes the clauses as they are.',
    at: { '10.1.4.3.2': [0, 8], '10.1.4.x.2': [1, 10] },
  },
];

/** Plain-language explanations, by procedure and clause step. */
const NARRATION: Record<ProcedureId, Record<number, string>> = {
  '10.1.4.3.1': {
    1: "The user is at home. The UE's client asks its own configuration management server for the user's profiles, naming the MC service ID.",
    2: 'The server looks up every profile associated with that MC service ID (in the user database; the clause does not say where).',
    3: 'The server answers with all of them; the user then picks one (the pre-selected one by default). Only one profile is active per client at a time.',
  },
  '10.1.4.3.2': {
    1: 'The user is about to migrate. The UE is configured to ask its home (primary) system, so the client asks the primary CMS for a profile for migration and says which partner system it is going to.',
    2: "The primary CMS passes the request, with the partner system's identity, to the primary user database, where all of the user's profiles live.",
    3: 'The primary UDB picks the profile meant for migration to this partner (different partners may get different profiles).',
    4: 'The profile for migration goes back to the primary CMS.',
    5: 'Over CSC-17, the primary CMS sends the profile to the partner CMS, so that the partner can impose its own rules.',
    6: "The partner CMS hands the profile to the partner user database, which holds the partner's local policy.",
    7: 'The partner UDB rewrites the profile by its policy: where the user may get service, the highest priority it grants visitors, which groups they may use or must join, how many affiliations, whether private calls are allowed.',
    8: 'The partner keeps the modified profile: it will give it to its MC service server when the user asks for service authorization.',
    9: 'The modified profile goes back to the partner CMS.',
    10: 'The partner CMS returns the modified profile to the primary CMS, not to the client: in this configuration the primary has the last word.',
    11: "The primary CMS checks that the partner's changes are acceptable for its user (for example that the priority is not cut too far, or that emergency groups survive). If not, the user may not migrate and the client gets an error.",
    12: 'The check passed: the primary CMS gives the modified profile to its own user database.',
    13: 'The primary UDB keeps the modified profile too, and acknowledges.',
    14: 'Finally the primary CMS delivers the modified profile to the client. The UE now holds the profile the partner will apply.',
  },
  '10.1.4.3.3': {
    1: 'The user is about to migrate. The UE is configured to ask the partner system, so the client asks the partner CMS for a profile for migration.',
    2: "The partner CMS has no say over the user's profiles: it asks the user's home (primary) CMS over CSC-17.",
    3: 'The primary CMS asks its user database, naming the partner system the user is migrating to.',
    4: 'The primary UDB picks the profile meant for migration to this partner.',
    5: 'The profile goes back to the primary CMS.',
    6: 'The primary CMS sends it to the partner CMS.',
    7: "The partner CMS hands it to the partner user database, which holds the partner's local policy.",
    8: 'The partner UDB rewrites the profile by its policy (areas, priority, groups, affiliations, private calls).',
    9: 'The partner keeps the modified profile, replacing any it held from an earlier migration.',
    10: 'The modified profile goes to the partner CMS, to be handed to the client.',
    11: 'The partner CMS delivers the modified profile to the client. The primary system never sees the modified profile.',
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
    10: 'The partner UDB rewrites the profile by its policy.',
    11: 'The partner UDB stores it, even if it held a cached profile: the draft says the procedure runs anyway, to stay up to date.',
    12: 'The modified profile goes to the partner CMS.',
    13: 'The partner CMS delivers it to the client.',
  },
};

function errorNarration(step: TraceStep): string {
  if (!step.assumption) {
    return 'The validation failed: the primary CMS refuses the migration and sends the client an error. Nothing is stored in the primary user database, and the client receives no profile.';
  }
  const reason = step.message.type === 'profile.error' ? step.message.reason : 'an error';
  if (step.to === 'cmc') return `The error reaches the client, which receives no profile (${reason}).`;
  return `The clause does not say what happens here. The simulator returns an error to whoever asked (${reason}).`;
}

/** A plain-language explanation of a step of a run. */
export function narrate(procedure: ProcedureId, step: TraceStep): string {
  if (step.kind === 'error') return errorNarration(step);
  return (step.clauseStep !== null && NARRATION[procedure][step.clauseStep]) || '';
}

/** The spec notes for a clause step (or 0, the procedure as a whole). */
export function notesFor(procedure: ProcedureId, clauseStep: number): SpecNote[] {
  return SPEC_NOTES.filter((note) => note.at[procedure]?.includes(clauseStep));
}

/** The spec notes for a step of a run (an error step gets those of the step it branches from). */
export function notesForStep(procedure: ProcedureId, step: TraceStep): SpecNote[] {
  if (step.clauseStep !== null) return notesFor(procedure, step.clauseStep);
  return step.assumption ? [] : notesFor(procedure, step.n - 1).filter((n) => n.id === 'step11-error');
}
