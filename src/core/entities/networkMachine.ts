import { assign, enqueueActions, setup, type AnyActorRef } from 'xstate';
import { clientMachine, type ClientInput } from './clientMachine';
import { cmsMachine, type CmsInput } from './cmsMachine';
import type { Envelope, NetworkPost } from './messages';
import { udbMachine, type UdbInput } from './udbMachine';

export interface NetworkInput {
  cmc: ClientInput;
  'primary-cms': CmsInput;
  'primary-udb': UdbInput;
  'partner-cms': CmsInput;
  'partner-udb': UdbInput;
}

export interface NetworkContext {
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
  actors: { client: clientMachine, cms: cmsMachine, udb: udbMachine },
  actions: {
    deliver: enqueueActions(({ enqueue, system }, params: { envelope: Envelope | undefined }) => {
      const envelope = params.envelope;
      if (!envelope) return;
      const target: AnyActorRef | undefined = system.get(envelope.to) as AnyActorRef | undefined;
      if (target) enqueue.sendTo(target, envelope.message);
    }),
  },
}).createMachine({
  id: 'network',
  context: ({ input, spawn }) => {
    // One actor per entity, registered in the system by its entity id (CONTRACT.md §1).
    spawn('client', { id: 'cmc', systemId: 'cmc', input: input.cmc });
    spawn('cms', { id: 'primary-cms', systemId: 'primary-cms', input: input['primary-cms'] });
    spawn('udb', { id: 'primary-udb', systemId: 'primary-udb', input: input['primary-udb'] });
    spawn('cms', { id: 'partner-cms', systemId: 'partner-cms', input: input['partner-cms'] });
    spawn('udb', { id: 'partner-udb', systemId: 'partner-udb', input: input['partner-udb'] });
    return { queue: [], delivered: [] };
  },
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
