import type { EntityId, ProcedureId } from '../model/ids';

/** One numbered step of a clause: a message between two entities, or one entity's own action. */
export interface ClauseStep {
  n: number;
  from: EntityId;
  to: EntityId;
  kind: 'message' | 'action';
  /**
   * What the message is (a request, a profile provided) or which own action: with the entities, it tells apart two
   * steps between the same entities (10.1.4.3.2 steps 2 and 12), so a message is placed by what it is, not by when it
   * comes, once faults and timers reorder a run.
   */
  message:
    | 'profile.request'
    | 'profile.provide'
    | 'udb.retrieve'
    | 'udb.modify'
    | 'udb.store'
    | 'cms.obtain'
    | 'cms.validate';
  /** A few words for the diagram's arrow. */
  label: string;
  /** The clause's own words, verbatim (typos included). */
  text: string;
}

/** A step the clause describes without numbering it (the error of 10.1.4.3.2 step 11). */
export interface ClauseBranch {
  /** The numbered step whose text describes this branch. */
  after: number;
  from: EntityId;
  to: EntityId;
  label: string;
  text: string;
}

export interface Procedure {
  id: ProcedureId;
  title: string;
  /** Figure title, as the clause gives it. */
  figure: string;
  /** Source file under spec/ (CONTRACT.md §1). */
  source: string;
  superseded: boolean;
  /** Which system's CMS the UE talks to; null for the non-migrated user. */
  configuredBy: 'primary' | 'partner' | null;
  migration: boolean;
  /** The earlier draft: the partner CMS asks its own UDB, which asks the CMS to fetch from the primary (step 3). */
  partnerFetchesViaUdb: boolean;
  preconditions: string[];
  steps: ClauseStep[];
  branches: ClauseBranch[];
}
