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
}

export interface ClientContext extends ClientInput {
  request: ProfileRequest | null;
  /** The profiles the client holds once configured. */
  profiles: Profile[];
  error: { from: EntityId; reason: string; assumption: boolean } | null;
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
      enqueue.assign({ request });
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
          ? { from: event.from, reason: event.reason, assumption: event.assumption }
          : null,
    }),
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
    request: null,
    profiles: [],
    error: null,
  }),
  initial: 'idle',
  states: {
    idle: { on: { 'client.start': { target: 'requesting', actions: 'sendRequest' } } },
    requesting: {
      on: {
        'profile.provide': { target: 'configured', actions: 'keepProfiles' },
        'profile.error': { target: 'refused', actions: 'keepError' },
      },
    },
    // Not `final`: a stopped actor leaves the system, and its state must stay visible.
    configured: {},
    refused: {},
  },
});
