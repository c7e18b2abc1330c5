import type { EntityId } from '../model/ids';
import type { Change } from '../model/policy';
import type { Profile } from '../model/profile';
import type { ValidationResult } from '../model/validation';

/**
 * What a profile request carries. Only what the clauses say a request includes: the MC service ID (10.1.4.3.1 step
 * 1), whether the profile asked for is the one "for migration", and the partner MC system's identification where the
 * step says "The request includes an identification of the partner MC system" (10.1.4.3.2 steps 1-2, 10.1.4.3.3
 * step 3, the draft's step 5); everywhere else `partnerSystemId` is null.
 */
export interface ProfileRequest {
  serviceId: string;
  purpose: 'own' | 'migration';
  partnerSystemId: string | null;
}

/** Messages between entities. Own actions are messages an entity sends to itself. */
export type EntityMessage =
  | { type: 'profile.request'; from: EntityId; request: ProfileRequest }
  | { type: 'profile.provide'; from: EntityId; profiles: Profile[]; changes?: Change[]; modified?: boolean }
  | { type: 'profile.stored'; from: EntityId }
  | {
      type: 'profile.error';
      from: EntityId;
      reason: string;
      assumption: boolean;
      violations?: ValidationResult;
      /**
       * The register entries (procedures/assumptions.ts) the error rests on, where the clauses give none: the one that
       * made it, then each one that carried it on. Absent on the error the clause describes (10.1.4.3.2 step 11).
       */
      basis?: readonly string[];
      /** The fault or timer that caused it (CONTRACT.md §10: the client's outcome is then `failed`). */
      cause?: 'timeout' | 'store-fails';
    }
  /** The entity's own timer fired (CONTRACT.md §10; the clauses give no timers): it stops waiting. */
  | { type: 'timer.fire'; from: EntityId; afterMs: number }
  | { type: 'cms.obtain'; from: EntityId }
  | { type: 'cms.validate'; from: EntityId }
  | { type: 'udb.retrieve'; from: EntityId }
  | { type: 'udb.modify'; from: EntityId }
  | { type: 'udb.store'; from: EntityId };

export type MessageType = EntityMessage['type'];

/** A message on its way: posted to the network, delivered by the scheduler one step at a time. */
export interface Envelope {
  from: EntityId;
  to: EntityId;
  message: EntityMessage;
  /** Delivered within the step that caused it (the acknowledgement of 10.1.4.3.2 step 13). */
  sameStep?: boolean;
}

export type NetworkPost = { type: 'net.post'; envelope: Envelope };

export const post = (envelope: Envelope): NetworkPost => ({ type: 'net.post', envelope });

/** A request received and not yet answered: who asked, and what. */
export type Pending = { from: EntityId; request: ProfileRequest };

/** The latest request still waiting for an answer (each reply goes to the latest). */
export const latest = (pending: readonly Pending[]): Pending | undefined => pending[pending.length - 1];

/**
 * The error a server answers with when its own timer fires (the clauses give no timers: the register's
 * `server-timeout`): whoever asked it hears that it stopped waiting.
 */
export const serverTimeoutError = (
  from: EntityId,
  afterMs: number,
): Extract<EntityMessage, { type: 'profile.error' }> => ({
  type: 'profile.error',
  from,
  reason: `${from} stopped waiting: its timer fired after ${afterMs} ms with no answer`,
  assumption: true,
  basis: ['server-timeout'],
  cause: 'timeout',
});
