import { fromTransition, type ActorRefFrom, type AnyActorRef } from 'xstate';
import type { EntityId } from '../model/ids';
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

export interface NetworkState {
  /** Messages posted since the last delivery, in order: the scheduler (engine/schedule.ts) takes them in flight. */
  queue: readonly Envelope[];
  /** What the last `net.deliver` delivered: the step's message first, then any sent within the same step. */
  delivered: readonly Envelope[];
  /** An event the network does not know (an entity's failure, relayed by XState): the run stops on it. */
  unexpected: string | null;
}

/** Hand `envelope` to its receiver: the scheduler chose it, at its time (engine/schedule.ts). */
export type NetworkDeliver = { type: 'net.deliver'; envelope: Envelope };

export type NetworkEvent = NetworkPost | NetworkDeliver;

const EMPTY: NetworkState = { queue: [], delivered: [], unexpected: null };

/**
 * The network between the entities, and the root of their actor system: every entity's actor has it as its parent
 * and is registered in the system by its entity id (CONTRACT.md §1). Entities post messages here (`sendParent`); the
 * scheduler (run.ts) delivers them one per step (`net.deliver`), so the procedure can be walked one step at a time. A
 * message posted `sameStep` (the acknowledgement of 10.1.4.3.2 step 13) is delivered at once, within the step.
 *
 * It is transition logic rather than a state machine: it has no states, only a queue, and its one effect, handing a
 * message to its receiver, is deferred until its own snapshot holds the delivery (XState's `defer`).
 */
export const networkLogic = fromTransition(
  (state: NetworkState, event: NetworkEvent | { type: string }, scope): NetworkState => {
    const { queue, delivered, unexpected } = state;
    if (isDeliver(event)) {
      scope.defer(handOver(scope.system, event.envelope));
      return { queue: [], delivered: [event.envelope], unexpected };
    }
    if (isPost(event)) {
      const envelope = event.envelope;
      if (envelope.sameStep !== true) return { queue: [...queue, envelope], delivered, unexpected };
      scope.defer(handOver(scope.system, envelope));
      return { queue, delivered: [...delivered, envelope], unexpected };
    }
    return { queue, delivered, unexpected: unexpected ?? event.type };
  },
  EMPTY,
);

/** Hands a message to its receiver, found in the actor system by its entity id. */
function handOver(system: { get: (id: string) => AnyActorRef | undefined }, envelope: Envelope): () => void {
  return () => {
    const receiver = system.get(envelope.to);
    if (!receiver) throw new Error(`internal error: no entity ${envelope.to} in the network`);
    receiver.send(envelope.message);
  };
}

const isDeliver = (event: { type: string }): event is NetworkDeliver => event.type === 'net.deliver';
const isPost = (event: { type: string }): event is NetworkPost => event.type === 'net.post';
