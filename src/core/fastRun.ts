/**
 * The sweep's runner: the same entity machines as `Simulation` (run.ts), driven without an actor system and without
 * snapshots. Each entity's machine is stepped with XState's pure transition logic (`machine.getInitialSnapshot`,
 * `machine.transition`: what `initialTransition` / `transition` call), and the messages its actions would send to the
 * network (`sendParent(post(envelope))`, alone or in `enqueueActions`) are collected instead of being sent. A plain
 * array stands for the network machine's queue. The behaviour stays in the machines: this file only delivers
 * messages in the network's order and reads the result, as run.ts does.
 *
 * Why not `transition()` itself: it builds a throw-away actor scope per call whose actor has no parent, so a
 * `sendParent` cannot resolve ("Unable to send event to actor '#_parent'"), and building that scope (an actor and its
 * initial snapshot) costs more than the transition. Here each machine gets one actor scope, made once, whose actor's
 * parent is an inert stand-in for the network (the public `parent` option of `createActor`); the scope's
 * `actionExecutor` receives the executable actions and keeps the envelope of every send to that parent. Every action
 * of the machines is an `assign` (resolved into the snapshot), an `enqueueActions` (resolved into its actions) or a
 * `sendParent` (the one executable action): any other executable action is refused as an internal error, so nothing
 * is silently skipped.
 */
import {
  createActor,
  createEmptyActor,
  type ActorLogic,
  type ActorScope,
  type EventObject,
  type ExecutableActionObject,
  type Snapshot,
} from 'xstate';
import type { Envelope, NetworkPost } from './entities/messages';
import { ENTITY_MACHINES, type NetworkInput } from './entities/networkMachine';
import type { EntityId, ProcedureId } from './ids';
import { getProcedure, type Procedure } from './procedures';
import { defaultProcedure, entityInputs, type RunResult, type StepKind } from './run';
import type { Scenario } from './schema';

/** What a sweep cell needs of a run: the fields of RunResult, equal to `simulate`'s, without steps or snapshots. */
export type RunOutcome = Pick<
  RunResult,
  'procedure' | 'outcome' | 'error' | 'validation' | 'changes' | 'profiles' | 'stores'
>;

/** The inert stand-in for the network: the parent every entity's `sendParent` resolves to. Never started. */
const NETWORK = createEmptyActor();

const isNetworkPost = (value: unknown): value is NetworkPost =>
  typeof value === 'object' && value !== null && 'type' in value && value.type === 'net.post';

/**
 * Two values are the same for a transition: identical, or arrays of identical items, or objects whose fields are
 * identical (a message's `request`, `violations`). Scenario data is never changed in place (sweep cells are copies),
 * so identical objects hold the same data.
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  return sameFieldsOf(a, b, (x, y) => x === y);
}

function sameFieldsOf(a: object, b: object, same: (x: unknown, y: unknown) => boolean): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key) || !same(Reflect.get(a, key), Reflect.get(b, key))) return false;
  }
  return true;
}

/** Two events are the same for a transition: the same fields, each the same value (`sameValue`). */
const sameMessage = (a: EventObject, b: EventObject): boolean => a === b || sameFieldsOf(a, b, sameValue);

/** One entity's machine with its reusable actor scope, and the initial snapshot of the last input it was given. */
class Entity<S extends Snapshot<unknown>, E extends EventObject, I> {
  /** What the last transition posted to the network, in order (kept with the transition: never changed). */
  posts: readonly Envelope[] = [];
  private collected: Envelope[] = [];
  /** From each snapshot, the last transition taken: the event and its result. */
  private readonly memo = new WeakMap<S, { event: E; next: S; posts: readonly Envelope[] }>();
  private scope: ActorScope<S, E> | null = null;
  private lastInput: NonNullable<I> | null = null;
  private initial: S | null = null;

  constructor(
    readonly id: EntityId,
    private readonly logic: ActorLogic<S, E, I>,
    /** Whether two inputs are the same (field by field): the initial snapshot is reused for the same input. */
    private readonly same: (a: NonNullable<I>, b: NonNullable<I>) => boolean,
  ) {}

  private collect = (action: ExecutableActionObject): void => {
    if (action.type === 'xstate.sendTo' && typeof action.params === 'object' && action.params !== null) {
      const params = action.params;
      const event = 'event' in params ? params.event : undefined;
      if ('to' in params && params.to === NETWORK && isNetworkPost(event)) {
        this.collected.push(event.envelope);
        return;
      }
    }
    throw new Error(
      `internal error: ${this.id} executed ${action.type}, which the fast runner does not resolve`,
    );
  };

  private scopeFor(input: NonNullable<I>): ActorScope<S, E> {
    if (this.scope) return this.scope;
    const self = createActor(this.logic, { parent: NETWORK, input });
    this.scope = {
      self,
      id: this.id,
      sessionId: '',
      logger: () => undefined,
      defer: () => undefined,
      emit: () => undefined,
      system: self.system,
      stopChild: () => undefined,
      actionExecutor: this.collect,
    };
    return this.scope;
  }

  /** The machine's initial snapshot for this input (the last one again when the input is the same). */
  start(input: NonNullable<I>): S {
    if (this.initial && this.lastInput !== null && this.same(this.lastInput, input)) return this.initial;
    const scope = this.scopeFor(input);
    this.collected = [];
    const snapshot = this.logic.getInitialSnapshot(scope, input);
    if (this.collected.length)
      throw new Error(`internal error: ${this.id} posted a message before it started`);
    this.lastInput = input;
    this.initial = snapshot;
    return snapshot;
  }

  /**
   * The machine's next snapshot for this event; what it posted is in `posts` (read it before the next call). A
   * transition is a pure function of the snapshot and the event, so the last one from each snapshot is kept: the same
   * snapshot (the same object) given an equal event gives the kept result without running the machine again.
   */
  next(snapshot: S, event: E): S {
    const kept = this.memo.get(snapshot);
    if (kept && sameMessage(kept.event, event)) {
      this.posts = kept.posts;
      return kept.next;
    }
    const scope = this.scope;
    if (!scope) throw new Error(`internal error: ${this.id} was not started`);
    this.collected = [];
    const next = this.logic.transition(snapshot, event, scope);
    this.posts = this.collected;
    this.memo.set(snapshot, { event, next, posts: this.collected });
    return next;
  }
}

type Input<Id extends EntityId> = NetworkInput[Id];

/**
 * How two inputs of one role compare, field by field: every field of the input type must be named (a field added to
 * an input and not compared here does not compile), so the initial snapshot is never reused for another input.
 */
type SameInput<T> = { [K in keyof T]-?: (a: T[K], b: T[K]) => boolean };

const is = (a: unknown, b: unknown) => a === b;
/** Lists item by item: a partner's input holds a new empty list each run. */
const sameItems = (a: readonly unknown[], b: readonly unknown[]) =>
  a === b || (a.length === b.length && a.every((item, i) => item === b[i]));

function sameBy<T extends object>(fields: SameInput<T>): (a: T, b: T) => boolean {
  const keys = Object.keys(fields).filter((k): k is Extract<keyof T, string> => k in fields);
  return (a, b) => keys.every((k) => fields[k](a[k], b[k]));
}

const sameClient = sameBy<Input<'cmc'>>({
  id: is,
  server: is,
  serviceId: is,
  purpose: is,
  partnerSystemId: is,
});
const sameCms = sameBy<Input<'primary-cms'>>({
  id: is,
  systemId: is,
  udb: is,
  peer: is,
  peerSystemId: is,
  // a new object each run, of two flags
  preconditions: (a, b) =>
    a.migrationPermitted === b.migrationPermitted && a.authenticatedInPartner === b.authenticatedInPartner,
  userProfiles: sameItems,
  userMcpttId: is,
  validation: is,
  fetchViaUdb: is,
});
const sameUdb = sameBy<Input<'primary-udb'>>({
  id: is,
  systemId: is,
  cms: is,
  userProfiles: sameItems,
  userMcpttId: is,
  policy: is,
  cache: is,
});

/** One driver per entity, made once: their scopes and last initial snapshots are reused from run to run. */
const entities = {
  cmc: new Entity('cmc', ENTITY_MACHINES.cmc, sameClient),
  'primary-cms': new Entity('primary-cms', ENTITY_MACHINES['primary-cms'], sameCms),
  'primary-udb': new Entity('primary-udb', ENTITY_MACHINES['primary-udb'], sameUdb),
  'partner-cms': new Entity('partner-cms', ENTITY_MACHINES['partner-cms'], sameCms),
  'partner-udb': new Entity('partner-udb', ENTITY_MACHINES['partner-udb'], sameUdb),
};

const MAX_STEPS = 64;
const CLIENT_START = { type: 'client.start' } as const;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

const kindOf = (envelope: Envelope): StepKind => {
  if (envelope.message.type === 'profile.error') return 'error';
  return envelope.from === envelope.to ? 'action' : 'message';
};

/** The number run.ts gives an unnumbered step: the clause step it follows and a letter (`11a`, `4b`). */
const extraNumber = (lastClauseStep: number, extraSince: number) =>
  `${lastClauseStep}${LETTERS[extraSince] ?? `.${extraSince + 1}`}`;

/**
 * Runs a procedure on a (parsed) scenario from start to end, as `simulate` does, and returns what a sweep cell needs:
 * the same outcome, error (`step`, `number`, `reason`), validation, changes, profiles and stores, without the trace.
 * Every delivered message is checked against the clause table as run.ts checks it (a mismatch is an internal error).
 */
export function runOutcome(
  scenario: Scenario,
  procedureId: ProcedureId = defaultProcedure(scenario),
): RunOutcome {
  const procedure: Procedure = getProcedure(procedureId);
  const inputs = entityInputs(scenario, procedure);
  let cmc = entities.cmc.start(inputs.cmc);
  let primaryCms = entities['primary-cms'].start(inputs['primary-cms']);
  let primaryUdb = entities['primary-udb'].start(inputs['primary-udb']);
  let partnerCms = entities['partner-cms'].start(inputs['partner-cms']);
  let partnerUdb = entities['partner-udb'].start(inputs['partner-udb']);

  /** Delivers one message to its receiver; what the receiver posted is in its `posts`. */
  const deliver = (envelope: Envelope): readonly Envelope[] => {
    const message = envelope.message;
    switch (envelope.to) {
      case 'cmc':
        cmc = entities.cmc.next(cmc, message);
        return entities.cmc.posts;
      case 'primary-cms':
        primaryCms = entities['primary-cms'].next(primaryCms, message);
        return entities['primary-cms'].posts;
      case 'primary-udb':
        primaryUdb = entities['primary-udb'].next(primaryUdb, message);
        return entities['primary-udb'].posts;
      case 'partner-cms':
        partnerCms = entities['partner-cms'].next(partnerCms, message);
        return entities['partner-cms'].posts;
      case 'partner-udb':
        partnerUdb = entities['partner-udb'].next(partnerUdb, message);
        return entities['partner-udb'].posts;
    }
  };

  // The network's queue: messages posted and not yet delivered, from `head` on.
  const queue: Envelope[] = [];
  let head = 0;
  // What one step's receivers posted, in the order the network's mailbox takes them.
  const mailbox: Envelope[] = [];
  cmc = entities.cmc.next(cmc, CLIENT_START);
  for (const e of entities.cmc.posts) queue.push(e);

  let n = 0;
  let lastClauseStep = 0;
  let extraSince = 0;
  let offScript = false;
  let error: RunOutcome['error'] = null;
  while (head < queue.length) {
    if (n >= MAX_STEPS) throw new Error(`internal error: no end after ${MAX_STEPS} steps`);
    const main = queue[head++] as Envelope;
    n++;
    // The step: the main message, then anything posted `sameStep` (delivered at once), the rest queued, in order.
    mailbox.length = 0;
    for (const e of deliver(main)) mailbox.push(e);
    for (let i = 0; i < mailbox.length; i++) {
      const e = mailbox[i] as Envelope;
      if (e.sameStep === true) {
        for (const posted of deliver(e)) mailbox.push(posted);
      } else queue.push(e);
    }
    // The step's number, as `Simulation.describe` gives it.
    const kind = kindOf(main);
    if (main.message.type === 'profile.error') {
      offScript = true;
      error ??= { step: n, number: extraNumber(lastClauseStep, extraSince), reason: main.message.reason };
      extraSince++;
      continue;
    }
    const clause = procedure.steps[n - 1];
    if (offScript || !clause || clause.from !== main.from || clause.to !== main.to || clause.kind !== kind) {
      throw new Error(
        `internal error: step ${n} of ${procedure.id} went ${main.from} -> ${main.to} (${kind}), ` +
          `the clause says ${clause ? `${clause.from} -> ${clause.to} (${clause.kind})` : 'nothing'}`,
      );
    }
    lastClauseStep = clause.n;
    extraSince = 0;
  }
  if (cmc.value === 'requesting') {
    throw new Error(`internal error: ${procedure.id} ended with the client still waiting`);
  }
  return {
    procedure: procedure.id,
    outcome: cmc.value === 'configured' ? 'delivered' : 'rejected',
    profiles: cmc.context.profiles,
    changes: partnerUdb.context.changes,
    validation: primaryCms.context.validationResult,
    error,
    stores: { 'partner-udb': partnerUdb.context.stored, 'primary-udb': primaryUdb.context.stored },
  };
}
