import {
  assign,
  createActor,
  createEmptyActor,
  setup,
  type AnyActorScope,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type AnyTransitionDefinition,
  type EventObject,
} from 'xstate';
import { getStateNodes, toDirectedGraph } from 'xstate/graph';
import type { Envelope, NetworkPost } from '../../src/core/entities/messages';

/**
 * The entity machines talk only through `sendParent`. A traversal by `xstate/graph` runs a machine's transitions
 * with a mock actor scope whose `self` has no parent, so resolving `sendParent` throws ("Unable to send event to
 * actor '#_parent'"). This wraps the machine's logic so that each transition runs with a stand-in parent; the
 * transitions themselves are the machine's own, untouched.
 */
export function withStandInParent<T extends AnyStateMachine>(machine: T): T {
  const parent = createEmptyActor();
  const logic = Object.create(machine) as T;
  logic.transition = ((snapshot: AnyMachineSnapshot, event: EventObject, scope: AnyActorScope) => {
    (scope.self as unknown as { _parent?: unknown })._parent = parent;
    return machine.transition(snapshot as never, event as never, scope as never);
  }) as T['transition'];
  return logic;
}

/** Every state key of a (flat) machine. */
export function stateKeys(machine: AnyStateMachine): string[] {
  return getStateNodes(machine.root).map((n) => n.key);
}

/** Every event type that some transition of the machine handles. */
export function eventTypes(machine: AnyStateMachine): string[] {
  const graph = toDirectedGraph(machine);
  const types = new Set<string>();
  const visit = (node: typeof graph) => {
    for (const e of node.edges) types.add(e.label.text);
    node.children.forEach(visit);
  };
  visit(graph);
  return [...types].sort();
}

/** Every transition definition of the machine (one per guarded alternative), with a readable name. */
export function transitions(machine: AnyStateMachine): Map<AnyTransitionDefinition, string> {
  const out = new Map<AnyTransitionDefinition, string>();
  for (const node of getStateNodes(machine.root)) {
    for (const [type, list] of node.transitions) {
      list.forEach((t, i) => out.set(t, `${node.key} --${type}[${i}]-> ${t.target?.[0]?.key ?? '(stay)'}`));
    }
  }
  return out;
}

/**
 * Runs a machine as the child of a small parent that keeps everything the child posts to the network. Returns the
 * child's snapshot and the envelopes after the given events.
 */
export function runUnderParent(
  machine: AnyStateMachine,
  input: unknown,
  events: readonly EventObject[],
): { snapshot: AnyMachineSnapshot; posts: Envelope[] } {
  const parentMachine = setup({
    types: { context: {} as { posts: Envelope[] }, events: {} as NetworkPost },
    actors: { child: machine },
  }).createMachine({
    context: { posts: [] },
    invoke: { id: 'child', src: 'child', input: input as never },
    on: {
      'net.post': { actions: assign({ posts: ({ context, event }) => [...context.posts, event.envelope] }) },
    },
  });
  const parent = createActor(parentMachine).start();
  const child = parent.getSnapshot().children.child!;
  for (const event of events) child.send(event as never);
  const result = {
    snapshot: child.getSnapshot() as AnyMachineSnapshot,
    posts: parent.getSnapshot().context.posts,
  };
  parent.stop();
  return result;
}
