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
 *
 * What can be reused from run to run is: each machine's actor scope, the initial snapshot of an entity whose input did
 * not change, and the transitions themselves (a transition is a pure function of the snapshot and the event). A caller
 * that runs many scenarios differing in a few fields (the sweep) says what those fields are through a `ReadLog`, so
 * that a kept transition is taken again only where it would read the same values; without one, a kept transition is
 * taken again for the same snapshot and event data, which holds as scenario data is never changed in place.
 */
import {
  createActor,
  createEmptyActor,
  type ActorLogic,
  type ActorScope,
  type EventObject,
  type ExecutableActionObject,
  type SnapshotFrom,
  type Snapshot,
} from 'xstate';
import type { Envelope, NetworkPost } from '../entities/messages';
import { ENTITY_MACHINES, type EntityMachines, type NetworkInput } from '../entities/networkMachine';
import type { EntityId, ProcedureId } from '../model/ids';
import { getProcedure, type Procedure } from '../procedures';
import { defaultProcedure, entityInputs, type RunResult } from './run';
import { clockOf, faultLine, faultProblem, perturbed, Schedule } from './schedule';
import { MAX_PERTURBED_STEPS, MAX_STEPS, StepPlacer, Tally } from './stepPlace';
import type { Scenario } from '../model/schema';

/**
 * A scenario whose faults do not fit the procedure (CONTRACT.md §10): `simulate` refuses it; a sweep's cell is
 * `invalid` with this reason.
 */
export class InvalidCell extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'InvalidCell';
  }
}

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
 * Two values are the same for a transition: identical, or lists and objects (a message's `request`, `profiles`,
 * `violations`) whose items and fields are the same, down to `depth` levels; below that, only identical objects are.
 * Scenario data is never changed in place (a sweep's cells are views or copies), so identical objects hold the same
 * data.
 */
function sameData(a: unknown, b: unknown, depth: number): boolean {
  if (a === b) return true;
  if (depth === 0 || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i], depth - 1)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key) || !sameData(Reflect.get(a, key), Reflect.get(b, key), depth - 1))
      return false;
  }
  return true;
}

/** What a machine's snapshot holds (XState's MachineSnapshot), as far as comparing two of them goes. */
interface SnapshotData {
  status: string;
  value: unknown;
  context: unknown;
  children: object;
  historyValue: unknown;
}

/** A snapshot's state, as a key (the machines are flat: their state value is a state name). */
const stateKey = (snapshot: SnapshotData): string =>
  typeof snapshot.value === 'string' ? snapshot.value : JSON.stringify(snapshot.value);

/** Two snapshots of one machine hold the same: status, state, no children, the context's data (5 levels below). */
const sameSnapshot = (a: SnapshotData, b: SnapshotData): boolean =>
  a === b ||
  (a.status === b.status &&
    sameData(a.value, b.value, 3) &&
    Object.keys(a.children).length === 0 &&
    Object.keys(b.children).length === 0 &&
    sameData(a.historyValue, b.historyValue, 3) &&
    sameData(a.context, b.context, 6));

/** Two events are the same for a transition: their data, 3 levels below (a validation error's violations' rules). */
const sameMessage = (a: EventObject, b: EventObject): boolean => sameData(a, b, 4);

/**
 * What a caller learns of the fields it watches while a run reads them (the sweep's varied fields, CONTRACT.md §7),
 * so that a kept transition is taken again only where it would read the same: the reads of one transition (or initial
 * snapshot) are recorded between `open` and `close` (frames nest: what an inner frame read, the enclosing one read
 * too); `holds` says whether every field a kept one read still has the value it read then, and if so counts them as
 * read again (in the open frame too).
 */
export interface ReadLog {
  open(): void;
  close(): Reads;
  holds(reads: Reads): boolean;
}

/** What one transition read of the watched fields, in the form its ReadLog keeps. */
export type Reads = readonly unknown[];

const NO_READS: Reads = [];

/** Runs `fn`, recording what it reads through `log` in a frame of its own. */
function recorded<T>(log: ReadLog | null, fn: () => T): { value: T; reads: Reads } {
  if (!log) return { value: fn(), reads: NO_READS };
  log.open();
  try {
    return { value: fn(), reads: log.close() };
  } catch (error) {
    log.close();
    throw error;
  }
}

/** A transition kept: the snapshot and event it took, what it gave, and what it read (recorded by `log`). */
interface Kept<S, E> {
  from: S;
  event: E;
  next: S;
  posts: readonly Envelope[];
  log: ReadLog | null;
  reads: Reads;
}

/**
 * The transitions kept from one snapshot: the last one taken, and per event object those taken on it, the latest
 * first (one per set of values read: at most VARIANT_LIMIT).
 */
interface Bucket<S, E> {
  last: Kept<S, E>;
  byEvent: Map<E, Kept<S, E>[]>;
}

const VARIANT_LIMIT = 256;
/** Transitions kept per entity before all are let go (a bound on the memory a long sweep holds). */
const KEPT_LIMIT = 20_000;

/** Whether what was kept under `log` holds for a run reading through `now`. */
const holds = (log: ReadLog | null, reads: Reads, now: ReadLog | null) =>
  log === now && (now === null || now.holds(reads));

/**
 * One entity's machine with its reusable actor scope, the initial snapshot of the last input it was given, and the
 * transitions it has taken (kept per snapshot, and per state for another snapshot holding the same data).
 */
class Entity<S extends Snapshot<unknown> & SnapshotData, E extends EventObject, I> {
  /** What the last transition posted to the network, in order (kept with the transition: never changed). */
  posts: readonly Envelope[] = [];
  private collected: Envelope[] = [];
  /** The transitions kept from each snapshot. */
  private memo = new WeakMap<S, Bucket<S, E>>();
  /** How many transitions are kept: past KEPT_LIMIT, all are let go. */
  private kept = 0;
  /** In each state, the last transition computed, and the snapshot it was taken from. */
  private readonly lastIn = new Map<string, Kept<S, E>>();
  private scope: ActorScope<S, E> | null = null;
  private initial: { input: NonNullable<I>; snapshot: S; log: ReadLog | null; reads: Reads } | null = null;

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

  /** `recorded`, with what the machine posted meanwhile in `collected`. */
  private recordedPosting<T>(log: ReadLog | null, fn: () => T): { value: T; reads: Reads } {
    this.collected = [];
    return recorded(log, fn);
  }

  /** The machine's initial snapshot for this input (the last one again when the input is the same). */
  start(input: NonNullable<I>, log: ReadLog | null): S {
    const last = this.initial;
    if (last && this.same(last.input, input) && holds(last.log, last.reads, log)) return last.snapshot;
    const scope = this.scopeFor(input);
    const { value: snapshot, reads } = this.recordedPosting(log, () =>
      this.logic.getInitialSnapshot(scope, input),
    );
    if (this.collected.length)
      throw new Error(`internal error: ${this.id} posted a message before it started`);
    this.initial = { input, snapshot, log, reads };
    return snapshot;
  }

  /**
   * The machine's next snapshot for this event; what it posted is in `posts` (read it before the next call). A kept
   * transition is taken again, without running the machine, from the same snapshot (the same object) on the same event
   * object or an equal one, or from another snapshot of the same state holding the same data on an equal event, where
   * it reads the same values of the watched fields (`holds`).
   */
  next(snapshot: S, event: E, log: ReadLog | null): S {
    const bucket = this.memo.get(snapshot);
    if (bucket) {
      // The same event object: one kept per set of values read (a check of each floor against one profile).
      const taken = bucket.byEvent.get(event);
      if (taken) {
        for (const k of taken) {
          if (holds(k.log, k.reads, log)) return this.reuse(k);
        }
      }
      // An equal event (made anew by another transition).
      const last = bucket.last;
      if (last.log === log && sameMessage(last.event, event) && holds(last.log, last.reads, log)) {
        return this.reuse(last);
      }
    }
    // Another snapshot holding the same data (a validation result made anew, equal to the last one) does the same.
    const state = stateKey(snapshot);
    const last = this.lastIn.get(state);
    if (
      last &&
      // the same log first: comparing another log's views would read them for nothing
      last.log === log &&
      sameSnapshot(last.from, snapshot) &&
      sameMessage(last.event, event) &&
      holds(last.log, last.reads, log)
    ) {
      this.keep(snapshot, event, last);
      return this.reuse(last);
    }
    const scope = this.scope;
    if (!scope) throw new Error(`internal error: ${this.id} was not started`);
    const { value: next, reads } = this.recordedPosting(log, () =>
      this.logic.transition(snapshot, event, scope),
    );
    const taken = { from: snapshot, event, next, posts: this.collected, log, reads };
    this.keep(snapshot, event, taken);
    this.lastIn.set(state, taken);
    return this.reuse(taken);
  }

  private reuse(kept: Kept<S, E>): S {
    this.posts = kept.posts;
    return kept.next;
  }

  /** Keeps a transition from `snapshot` on `event` (the one taken last from it). */
  private keep(snapshot: S, event: E, kept: Kept<S, E>): void {
    if (++this.kept > KEPT_LIMIT) {
      this.memo = new WeakMap();
      this.lastIn.clear();
      this.kept = 1;
    }
    const bucket = this.memo.get(snapshot);
    if (!bucket) {
      this.memo.set(snapshot, { last: kept, byEvent: new Map([[event, [kept]]]) });
      return;
    }
    bucket.last = kept;
    const taken = bucket.byEvent.get(event);
    if (!taken) bucket.byEvent.set(event, [kept]);
    else {
      taken.unshift(kept);
      if (taken.length > VARIANT_LIMIT) taken.pop();
    }
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
  // Object.keys types its keys as strings: these are the keys of `fields`, which names every key of T.
  const keys = Object.keys(fields).filter((k): k is Extract<keyof T, string> => k in fields);
  return (a, b) => keys.every((k) => fields[k](a[k], b[k]));
}

const sameClient = sameBy<Input<'cmc'>>({
  id: is,
  server: is,
  serviceId: is,
  purpose: is,
  partnerSystemId: is,
  retries: is,
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
  acceptsUnasked: is,
});
const sameUdb = sameBy<Input<'primary-udb'>>({
  id: is,
  systemId: is,
  cms: is,
  userProfiles: sameItems,
  userMcpttId: is,
  policy: is,
  cache: is,
  storeFails: is,
});

/** One driver per entity, made once: their scopes and last initial snapshots are reused from run to run. */
const entities = {
  cmc: new Entity('cmc', ENTITY_MACHINES.cmc, sameClient),
  'primary-cms': new Entity('primary-cms', ENTITY_MACHINES['primary-cms'], sameCms),
  'primary-udb': new Entity('primary-udb', ENTITY_MACHINES['primary-udb'], sameUdb),
  'partner-cms': new Entity('partner-cms', ENTITY_MACHINES['partner-cms'], sameCms),
  'partner-udb': new Entity('partner-udb', ENTITY_MACHINES['partner-udb'], sameUdb),
};

const CLIENT_START = { type: 'client.start' } as const;

/**
 * The checker (explore/check.ts) steps the same machines through the same drivers: their initial snapshots for a
 * scenario and procedure, and each entity's pure transition (what it posted is in the driver's `posts`).
 */
export const ENTITY_DRIVERS = entities;
export { CLIENT_START };
export const initialEntitySnapshots = (scenario: Scenario, procedure: Procedure): Initial =>
  initialSnapshots(scenario, procedure, null);

type Initial = [
  cmc: SnapshotFrom<EntityMachines['cmc']>,
  primaryCms: SnapshotFrom<EntityMachines['primary-cms']>,
  primaryUdb: SnapshotFrom<EntityMachines['primary-udb']>,
  partnerCms: SnapshotFrom<EntityMachines['partner-cms']>,
  partnerUdb: SnapshotFrom<EntityMachines['partner-udb']>,
];

/** The last run's scenario and procedure, what its inputs read of the watched fields, and its initial snapshots. */
let lastStart: {
  scenario: Scenario;
  procedure: Procedure;
  log: ReadLog | null;
  reads: Reads;
  snapshots: Initial;
} | null = null;

/**
 * Every entity's initial snapshot for a run: the entities' inputs (the scenario's data, the procedure's wiring), each
 * started (or its last initial snapshot for the same input). The same scenario object and procedure give the same
 * inputs where they read the same watched values (the sweep's cells are one scenario object, run after run).
 */
function initialSnapshots(scenario: Scenario, procedure: Procedure, log: ReadLog | null): Initial {
  const last = lastStart;
  if (
    last &&
    last.scenario === scenario &&
    last.procedure === procedure &&
    holds(last.log, last.reads, log)
  ) {
    return last.snapshots;
  }
  // One frame for the inputs and the starts: the snapshots depend on what either read.
  const { value: snapshots, reads } = recorded(log, (): Initial => {
    const inputs = entityInputs(scenario, procedure);
    return [
      entities.cmc.start(inputs.cmc, log),
      entities['primary-cms'].start(inputs['primary-cms'], log),
      entities['primary-udb'].start(inputs['primary-udb'], log),
      entities['partner-cms'].start(inputs['partner-cms'], log),
      entities['partner-udb'].start(inputs['partner-udb'], log),
    ];
  });
  lastStart = { scenario, procedure, log, reads, snapshots };
  return snapshots;
}

/**
 * Runs a procedure on a (parsed) scenario from start to end, as `simulate` does, and returns what a sweep cell needs:
 * the same outcome, error (`step`, `number`, `reason`), validation, changes, profiles and stores, without the trace.
 * Every delivered message is checked against the clause table as run.ts checks it (a mismatch is an internal error).
 * The result shares its objects with the snapshots the runner keeps: read it, do not change it.
 */
export function runOutcome(
  scenario: Scenario,
  procedureId: ProcedureId = defaultProcedure(scenario),
  options: { reads?: ReadLog } = {},
): RunOutcome {
  const log = options.reads ?? null;
  const procedure: Procedure = getProcedure(procedureId);
  let [cmc, primaryCms, primaryUdb, partnerCms, partnerUdb] = initialSnapshots(scenario, procedure, log);

  /** Delivers one message to its receiver; what the receiver posted is in its `posts`. */
  const deliver = (envelope: Envelope): readonly Envelope[] => {
    const message = envelope.message;
    switch (envelope.to) {
      case 'cmc':
        cmc = entities.cmc.next(cmc, message, log);
        return entities.cmc.posts;
      case 'primary-cms':
        primaryCms = entities['primary-cms'].next(primaryCms, message, log);
        return entities['primary-cms'].posts;
      case 'primary-udb':
        primaryUdb = entities['primary-udb'].next(primaryUdb, message, log);
        return entities['primary-udb'].posts;
      case 'partner-cms':
        partnerCms = entities['partner-cms'].next(partnerCms, message, log);
        return entities['partner-cms'].posts;
      case 'partner-udb':
        partnerUdb = entities['partner-udb'].next(partnerUdb, message, log);
        return entities['partner-udb'].posts;
    }
  };

  const snapshotOf = (id: EntityId): { hasTag: (tag: string) => boolean } => {
    switch (id) {
      case 'cmc':
        return cmc;
      case 'primary-cms':
        return primaryCms;
      case 'primary-udb':
        return primaryUdb;
      case 'partner-cms':
        return partnerCms;
      case 'partner-udb':
        return partnerUdb;
    }
  };

  if (perturbed(scenario)) {
    const problem = faultProblem(scenario, procedure);
    if (problem) throw new InvalidCell(faultLine(problem));
    return timedOutcome(scenario, procedure, {
      deliver,
      start: () => {
        cmc = entities.cmc.next(cmc, CLIENT_START, log);
        return entities.cmc.posts;
      },
      snapshotOf: (id) => snapshotOf(id),
      end: () => ({
        procedure: procedure.id,
        profiles: cmc.context.profiles,
        changes: partnerUdb.context.changes,
        validation: primaryCms.context.validationResult,
        stores: { 'partner-udb': partnerUdb.context.stored, 'primary-udb': primaryUdb.context.stored },
        client: { state: String(cmc.value), error: cmc.context.error },
      }),
    });
  }
  // The network's queue: messages posted and not yet delivered, from `head` on.
  const queue: Envelope[] = [];
  let head = 0;
  // What one step's receivers posted, in the order the network's mailbox takes them.
  const mailbox: Envelope[] = [];
  cmc = entities.cmc.next(cmc, CLIENT_START, log);
  for (const e of entities.cmc.posts) queue.push(e);

  let n = 0;
  const placer = new StepPlacer(procedure);
  let error: RunOutcome['error'] = null;
  while (head < queue.length) {
    if (n >= MAX_STEPS) throw new Error(`internal error: no end after ${MAX_STEPS} steps`);
    const main = queue[head++];
    if (!main) break;
    n++;
    // The step: the main message, then anything posted `sameStep` (delivered at once), the rest queued, in order.
    mailbox.length = 0;
    for (const e of deliver(main)) mailbox.push(e);
    for (let i = 0; i < mailbox.length; i++) {
      const e = mailbox[i];
      if (!e) break;
      if (e.sameStep === true) {
        for (const posted of deliver(e)) mailbox.push(posted);
      } else queue.push(e);
    }
    // The step's number and the check against the clause, as `Simulation` places it.
    const placed = placer.place(n, main);
    if (main.message.type === 'profile.error') {
      error ??= { step: n, number: placed.number, reason: main.message.reason };
    }
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

/** What the timed runner needs of the entities of one run (runOutcome's closures over their snapshots). */
interface Driver {
  deliver: (envelope: Envelope) => readonly Envelope[];
  start: () => readonly Envelope[];
  snapshotOf: (id: EntityId) => { hasTag: (tag: string) => boolean };
  end: () => Omit<RunOutcome, 'outcome' | 'error'> & {
    client: { state: string; error: { reason: string; cause: 'timeout' | 'store-fails' | null } | null };
  };
}

/**
 * The rest of one delivery's step: what a receiver sends with `sameStep` is delivered at once, in order (it belongs
 * to this step, as run.ts's network delivers it); everything else goes in flight. `mailbox` starts with what the
 * main message's receiver (`to`) sent and grows as the step goes on; `acted` is every entity that received a message.
 */
export function withinStep(
  to: EntityId,
  mailbox: Envelope[],
  deliver: (e: Envelope) => Iterable<Envelope>,
): { acted: EntityId[]; queued: Envelope[] } {
  const acted: EntityId[] = [to];
  const queued: Envelope[] = [];
  for (let i = 0; i < mailbox.length; i++) {
    const e = mailbox[i];
    if (!e) break;
    if (e.sameStep === true) {
      acted.push(e.to);
      for (const posted of deliver(e)) mailbox.push(posted);
    } else queued.push(e);
  }
  return { acted, queued };
}

/**
 * A run with faults or timers (CONTRACT.md §10), as `Simulation` steps it: the network's time-ordered queue
 * (schedule.ts), each step placed and tallied as run.ts does; a message a machine does not accept (no transition:
 * the same snapshot back) is discarded.
 */
function timedOutcome(scenario: Scenario, procedure: Procedure, driver: Driver): RunOutcome {
  const schedule = new Schedule(procedure, clockOf(scenario), scenario.faults ?? []);
  const placer = new StepPlacer(procedure, false);
  const tally = new Tally();
  const settle = (id: EntityId, posted: readonly Envelope[]) =>
    schedule.settle(
      id,
      driver.snapshotOf(id).hasTag('waiting'),
      posted.some((e) => e.from === id && e.to !== id),
    );
  const first = driver.start();
  schedule.send(first);
  settle('cmc', first);
  let n = 0;
  let last: { n: number; number: string } | null = null;
  const mailbox: Envelope[] = [];
  for (let delivery = schedule.next(); delivery; delivery = schedule.next()) {
    if (n >= MAX_PERTURBED_STEPS)
      throw new Error(`internal error: no end after ${MAX_PERTURBED_STEPS} steps`);
    n++;
    const main = delivery.envelope;
    let discarded = false;
    if (!delivery.lost) {
      const before = driver.snapshotOf(main.to);
      mailbox.length = 0;
      for (const e of driver.deliver(main)) mailbox.push(e);
      // No transition: the same snapshot back and nothing sent (run.ts decides it so too).
      discarded = driver.snapshotOf(main.to) === before && mailbox.length === 0;
      const { acted, queued } = withinStep(main.to, mailbox, (e) => driver.deliver(e));
      schedule.send(queued);
      for (const id of acted) settle(id, queued);
    }
    const placed = placer.place(n, main);
    last = { n, number: placed.number };
    tally.note({
      n,
      number: placed.number,
      envelope: main,
      lost: delivery.lost,
      discarded,
      fault: delivery.fault,
    });
  }
  const { client, ...rest } = driver.end();
  const { outcome, error } = tally.result(client.state, client.error, last);
  return { ...rest, outcome, error };
}
