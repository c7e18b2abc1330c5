import { assign, enqueueActions, setup } from 'xstate';
import type { EntityId } from '../model/ids';
import type { Profile } from '../model/profile';
import { post, type EntityMessage, type ProfileRequest } from './messages';

export interface ClientInput {
  id: EntityId;
  /** The CMS this UE is configured to ask (10.1.4.3.2: primary, 10.1.4.3.3: partner). */
  server: EntityId;
  /** The MC service ID of the service the request is for (`ue.service`). */
  serviceId: string;
  /** Asks for the profile for migration (10.1.4.3.2, 10.1.4.3.3, the draft) or for its own profiles (10.1.4.3.1). */
  purpose: ProfileRequest['purpose'];
  /** The partner system, where step 1 says the request includes it (10.1.4.3.2 only); otherwise null. */
  partnerSystemId: string | null;
  /** How many times it asks again when its timer fires (`timing.retries`; the clauses give none: an assumption). */
  retries: number;
}

export interface ClientContext extends ClientInput {
  request: ProfileRequest | null;
  /** The profiles the client holds once configured. */
  profiles: Profile[];
  error: {
    from: EntityId;
    reason: string;
    assumption: boolean;
    /** The fault or timer behind it, if any (its outcome is then `failed`, CONTRACT.md §10). */
    cause: 'timeout' | 'store-fails' | null;
  } | null;
  /** Requests sent so far (the first, then each retry). */
  attempts: number;
}

export type ClientEvent = { type: 'client.start' } | EntityMessage;

/** The configuration management client in the MC service UE. */
export const clientMachine = setup({
  types: {
    input: {} as ClientInput,
    context: {} as ClientContext,
    events: {} as ClientEvent,
  },
  actions: {
    sendRequest: enqueueActions(({ context, enqueue }) => {
      const request: ProfileRequest = {
        serviceId: context.serviceId,
        purpose: context.purpose,
        partnerSystemId: context.partnerSystemId,
      };
      enqueue.assign({ request, attempts: context.attempts + 1 });
      enqueue.sendParent(
        post({
          from: context.id,
          to: context.server,
          message: { type: 'profile.request', from: context.id, request },
        }),
      );
    }),
    keepProfiles: assign({
      profiles: ({ event }) => (event.type === 'profile.provide' ? event.profiles : []),
    }),
    keepError: assign({
      error: ({ event }) =>
        event.type === 'profile.error'
          ? {
              from: event.from,
              reason: event.reason,
              assumption: event.assumption,
              cause: event.cause ?? null,
            }
          : null,
    }),
    gaveUp: assign({
      error: ({ context, event }) =>
        event.type === 'timer.fire'
          ? {
              from: context.id,
              reason:
                `the client's timer fired after ${event.afterMs} ms with no answer to request ` +
                `${context.attempts} of ${context.retries + 1}, and no retries are left`,
              assumption: true,
              cause: 'timeout' as const,
            }
          : null,
    }),
  },
  guards: {
    /** Only the server it asked answers it: anything else is not for it (a discarded step). */
    fromServer: ({ context, event }) => 'from' in event && event.from === context.server,
    retriesLeft: ({ context }) => context.attempts <= context.retries,
  },
}).createMachine({
  id: 'client',
  // Every field written out: in this Node's V8 a spread followed by new fields makes a new hidden class each time.
  context: ({ input }): ClientContext => ({
    id: input.id,
    server: input.server,
    serviceId: input.serviceId,
    purpose: input.purpose,
    partnerSystemId: input.partnerSystemId,
    retries: input.retries,
    request: null,
    profiles: [],
    error: null,
    attempts: 0,
  }),
  initial: 'idle',
  states: {
    idle: { on: { 'client.start': { target: 'requesting', actions: 'sendRequest' } } },
    requesting: {
      // Tagged: while here the client waits, and its timer (if it has one) runs (engine/schedule.ts).
      tags: ['waiting'],
      on: {
        // Any answer from its server while it waits, also one to an earlier attempt: requests carry no id.
        'profile.provide': { guard: 'fromServer', target: 'configured', actions: 'keepProfiles' },
        'profile.error': { guard: 'fromServer', target: 'refused', actions: 'keepError' },
        // The clauses give no timer: asking again, then giving up, is the simulator's (timing.retries).
        'timer.fire': [
          { guard: 'retriesLeft', actions: 'sendRequest' },
          { target: 'failed', actions: 'gaveUp' },
        ],
      },
    },
    // Not `final`: a stopped actor leaves the system, and its state must stay visible.
    configured: {},
    refused: {},
    /** Its timer fired with no retries left: it stopped waiting. */
    failed: {},
  },
});
