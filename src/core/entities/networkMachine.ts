import { assign, enqueueActions, setup, type ActorRefFrom } from 'xstate';
import type { EntityId } from '../ids';
import { clientMachine, type ClientInput } from './clientMachine';
import type { CmsInput } from './cms';
import type { Envelope, NetworkPost } from './messages';
import { partnerCmsMachine } from './partnerCmsMachine';
import { partnerUdbMachine } from './partnerUdbMachine';
import { primaryCmsMachine } from './primaryCmsMachine';
import { primaryUdbMachine } from './primaryUdbMachine';
import type { UdbInput } from './udb';

/** Each entity id's machine (CONTRACT.md §1): one actor per entity, one machine per role. */
export const ENTITY_MACHINES = {
  cmc: clientMachine,
  'primary-cms': primaryCmsMachine,
  'primary-udb': primaryUdbMachine,
  'partner-cms': partnerCmsMachine,
  'partner-udb': partnerUdbMachine,
} as const;

export type EntityMachines = typeof ENTITY_MACHINES;

/** The actor of each entity, typed by its machine. */
export type EntityActors = { [Id in EntityId]: ActorRefFrom<EntityMachines[Id]> };

export interface NetworkInput {
  cmc: ClientInput;
  'primary-cms': CmsInput;
  'primary-udb': UdbInput;
  'partner-cms': CmsInput;
  'partner-udb': UdbInput;
}

export interface NetworkContext {
  entities: EntityActors;
  /** Messages posted and not yet delivered, in order. */
  queue: Envelope[];
  /** What the last `net.deliver` delivered: the step's message first, then any sent within the same step. */
  delivered: Envelope[];
}

export type NetworkEvent = NetworkPost | { type: 'net.deliver' };

/**
 * The network between the entities, and the root of their actor system. Every entity is a child registered by its
 * entity id; entities post messages here, and the scheduler delivers them one per step (`net.deliver`), so the
 * procedure can be walked one step at a time.
 */
export const networkMachine = setup({
  types: {
    input: {} as NetworkInput,
    context: {} as NetworkContext,
    events: {} as NetworkEvent,
  },
  actors: {
    client: clientMachine,
    primaryCms: primaryCmsMachine,
    primaryUdb: primaryUdbMachine,
    partnerCms: partnerCmsMachine,
    partnerUdb: partnerUdbMachine,
  },
  actions: {
    deliver: enqueueActions(({ enqueue, context }, params: { envelope: Envelope | undefined }) => {
      const envelope = params.envelope;
      if (envelope) enqueue.sendTo(context.entities[envelope.to], envelope.message);
    }),
  },
}).createMachine({
  id: 'network',
  context: ({ input, spawn }) => ({
    // One actor per entity, registered in the system by its entity id (CONTRACT.md §1).
    entities: {
      cmc: spawn('client', { id: 'cmc', systemId: 'cmc', input: input.cmc }),
      'primary-cms': spawn('primaryCms', {
        id: 'primary-cms',
        systemId: 'primary-cms',
        input: input['primary-cms'],
      }),
      'primary-udb': spawn('primaryUdb', {
        id: 'primary-udb',
        systemId: 'primary-udb',
        input: input['primary-udb'],
      }),
      'partner-cms': spawn('partnerCms', {
        id: 'partner-cms',
        systemId: 'partner-cms',
        input: input['partner-cms'],
      }),
      'partner-udb': spawn('partnerUdb', {
        id: 'partner-udb',
        systemId: 'partner-udb',
        input: input['partner-udb'],
      }),
    },
    queue: [],
    delivered: [],
  }),
  on: {
    'net.deliver': {
      actions: [
        assign(({ context }) => ({ queue: context.queue.slice(1), delivered: context.queue.slice(0, 1) })),
        { type: 'deliver', params: ({ context }) => ({ envelope: context.delivered[0] }) },
      ],
    },
    'net.post': [
      {
        guard: ({ event }) => event.envelope.sameStep === true,
        actions: [
          assign(({ context, event }) => ({ delivered: [...context.delivered, event.envelope] })),
          { type: 'deliver', params: ({ event }) => ({ envelope: event.envelope }) },
        ],
      },
      { actions: assign(({ context, event }) => ({ queue: [...context.queue, event.envelope] })) },
    ],
  },
});
