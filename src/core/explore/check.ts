/**
 * The checker (CONTRACT.md §11): every run of a procedure from a scenario, explored breadth-first over the same
 * machines the simulator runs (fastRun.ts's drivers: XState's pure transitions). A state is every entity's snapshot,
 * the multiset of messages in flight, the armed timers, the faults used and what the properties read of the past
 * (properties.ts). From a state: any message in flight may be delivered next (latencies are ignored), any armed timer
 * may fire, and while faults remain any message a fault can name (a clause step's message) may be dropped or
 * duplicated. Each distinct state is expanded once; the first state found that breaks a property is on a shortest
 * run that breaks it.
 *
 * A counterexample replays: its scenario sets every latency to 0 and the action time to 0 (or one that puts a timer
 * where the run needs it), and adds the drops and
 * duplicates it used and `delay` faults that give each message the time at which the run needs it; `simulate` on it
 * is run and compared with the search's steps. Some orders the §10 vocabulary cannot force (an own action or an
 * error cannot be delayed; the two copies of a duplicate arrive together; a timer fires at a fixed time after it is
 * armed): such a counterexample is kept with `replays: false` and the reason, and no scenario.
 */
import type { Envelope, EntityMessage } from '../entities/messages';
import { CLIENT_START, ENTITY_DRIVERS, initialEntitySnapshots, withinStep } from '../engine/fastRun';
import { simulate, type TraceStep } from '../engine/run';
import { clauseStepOf, clockOf } from '../engine/schedule';
import type { EntityId, ProcedureId } from '../model/ids';
import type { Fault, Scenario } from '../model/schema';
import { getProcedure, type Procedure } from '../procedures';
import { PROPERTIES, canonical, viewsOfRun, type PropertyId, type View } from './properties';

export const CHECK_PROCEDURES: readonly ProcedureId[] = ['10.1.4.3.2', '10.1.4.3.3'];
export const CHECK_KINDS = ['drop', 'duplicate'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];
/** A search stops at this many distinct states (summed over its procedures). */
export const STATE_LIMIT = 1_000_000;
/** The own actions of the longest procedure's run, for the action times tried when a replay needs a timer's moment. */
const MAX_ACTIONS = 16;

export class CheckLimit extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckLimit';
  }
}

type Snaps = ReturnType<typeof initialEntitySnapshots>;
const ORDER: readonly EntityId[] = ['cmc', 'primary-cms', 'primary-udb', 'partner-cms', 'partner-udb'];
const indexOf = (id: EntityId): number => ORDER.indexOf(id);
/** An entity's snapshot in a state, for what every machine's snapshot has (its state, context and tags). */
function snapOf(snaps: Snaps, id: EntityId): SnapshotLike {
  switch (id) {
    case 'cmc':
      return snaps[0];
    case 'primary-cms':
      return snaps[1];
    case 'primary-udb':
      return snaps[2];
    case 'partner-cms':
      return snaps[3];
    case 'partner-udb':
      return snaps[4];
  }
}

interface Flight {
  envelope: Envelope;
  /** The message's number in this search (equal messages, the same number). */
  key: number;
}

interface State {
  snaps: Snaps;
  /** Sorted by key. */
  flight: readonly Flight[];
  /** Sorted entity ids. */
  timers: readonly EntityId[];
  faults: number;
  checked: readonly string[];
  refused: readonly string[];
  checkedProfiles: View['checked'];
  refusedProfiles: View['refused'];
  answers: number;
}

export type Move =
  | { kind: 'deliver'; key: number }
  | { kind: 'timer'; entity: EntityId }
  | { kind: 'drop'; key: number }
  | { kind: 'duplicate'; key: number };

/** A message's number in one search: equal messages (the same JSON) have the same. */
function keyOf(setup: Setup, envelope: Envelope): number {
  let key = setup.envelopeIds.get(envelope);
  if (key === undefined) {
    key = intern(setup, JSON.stringify(envelope));
    setup.envelopeIds.set(envelope, key);
  }
  return key;
}

interface SnapshotLike {
  value: unknown;
  context: object;
  hasTag(tag: string): boolean;
}

/**
 * One entity's part of a state key: its state and the context fields that are no longer the initial ones (the
 * scenario's data, which every snapshot of a run shares by reference, stays out of the key).
 */
function snapshotKey(setup: Setup, snapshot: SnapshotLike, initial: SnapshotLike): number {
  let key = setup.snapshotIds.get(snapshot);
  if (key !== undefined) return key;
  const parts: string[] = [String(snapshot.value)];
  for (const [field, value] of Object.entries(snapshot.context)) {
    const start: unknown = Reflect.get(initial.context, field);
    if (value === start) continue;
    const text = JSON.stringify(value);
    // A field made anew with its initial value (an emptied list) is the same state as one never changed.
    if (text !== JSON.stringify(start)) parts.push(`${field}=${text}`);
  }
  key = intern(setup, parts.join('|'));
  setup.snapshotIds.set(snapshot, key);
  return key;
}

/** What one delivery did: the next snapshots, the messages queued, the entities that acted. */
interface Stepped {
  snaps: Snaps;
  queued: Envelope[];
  acted: EntityId[];
  discarded: boolean;
}

function deliverTo(snaps: Snaps, envelope: Envelope): readonly Envelope[] {
  const i = indexOf(envelope.to);
  const message: EntityMessage = envelope.message;
  switch (envelope.to) {
    case 'cmc':
      snaps[0] = ENTITY_DRIVERS.cmc.next(snaps[0], message, null);
      return ENTITY_DRIVERS.cmc.posts;
    case 'primary-cms':
      snaps[1] = ENTITY_DRIVERS['primary-cms'].next(snaps[1], message, null);
      return ENTITY_DRIVERS['primary-cms'].posts;
    case 'primary-udb':
      snaps[2] = ENTITY_DRIVERS['primary-udb'].next(snaps[2], message, null);
      return ENTITY_DRIVERS['primary-udb'].posts;
    case 'partner-cms':
      snaps[3] = ENTITY_DRIVERS['partner-cms'].next(snaps[3], message, null);
      return ENTITY_DRIVERS['partner-cms'].posts;
    case 'partner-udb':
      snaps[4] = ENTITY_DRIVERS['partner-udb'].next(snaps[4], message, null);
      return ENTITY_DRIVERS['partner-udb'].posts;
  }
  throw new Error(`internal error: no entity ${String(i)}`);
}

/** A delivery as the timed runner makes it (fastRun.ts `timedOutcome`): the main message, then `sameStep` ones. */
function step(snaps: Snaps, main: Envelope): Stepped {
  const next: Snaps = [snaps[0], snaps[1], snaps[2], snaps[3], snaps[4]];
  const before = next[indexOf(main.to)];
  const mailbox = [...deliverTo(next, main)];
  const discarded = next[indexOf(main.to)] === before && mailbox.length === 0;
  const { acted, queued } = withinStep(main.to, mailbox, (e) => deliverTo(next, e));
  return { snaps: next, queued, acted, discarded };
}

const insertSorted = (flight: Flight[], item: Flight) => {
  let i = flight.length;
  while (i > 0 && (flight[i - 1] as Flight).key > item.key) i--;
  flight.splice(i, 0, item);
};

/** A message a fault can name (§10): a clause step's message between two entities. */
const faultable = (procedure: Procedure, envelope: Envelope) =>
  envelope.from !== envelope.to &&
  envelope.message.type !== 'profile.error' &&
  clauseStepOf(procedure, envelope) !== undefined;

interface Setup {
  scenario: Scenario;
  procedure: Procedure;
  timeoutMs: Partial<Record<EntityId, number>>;
  initial: Snaps;
  /** Each distinct text a key is made of, numbered; and the number of each message and snapshot met. */
  interned: Map<string, number>;
  envelopeIds: WeakMap<Envelope, number>;
  snapshotIds: WeakMap<object, number>;
}

function timerEnvelope(setup: Setup, id: EntityId): Envelope {
  return {
    from: id,
    to: id,
    message: { type: 'timer.fire', from: id, afterMs: setup.timeoutMs[id] ?? 0 },
  };
}

/** The state after delivering `main` (already taken out of `flight`), or a timer's firing. */
function after(setup: Setup, state: State, main: Envelope, flight: Flight[], timers: EntityId[]): State {
  const done = step(state.snaps, main);
  for (const e of done.queued) insertSorted(flight, { envelope: e, key: keyOf(setup, e) });
  for (const id of done.acted) {
    if (setup.timeoutMs[id] === undefined) continue;
    const snap = snapOf(done.snaps, id);
    const waiting = snap.hasTag('waiting');
    const sent = done.queued.some((e) => e.from === id && e.to !== id);
    const at = timers.indexOf(id);
    if (!waiting) {
      if (at >= 0) timers.splice(at, 1);
    } else if (sent && at < 0) {
      timers.push(id);
      timers.sort();
    }
  }
  let { checked, refused, checkedProfiles, refusedProfiles, answers } = state;
  const cmsBefore = state.snaps[1];
  const cmsAfter = done.snaps[1];
  if (cmsBefore.value === 'validating' && cmsAfter.value !== 'validating' && cmsBefore.context.profile) {
    const profile = cmsBefore.context.profile;
    const key = canonical(profile);
    if (cmsAfter.value === 'storing') {
      if (!checked.includes(key)) {
        checked = [...checked, key].sort();
        checkedProfiles = [...checkedProfiles, profile];
      }
    } else if (!refused.includes(key)) {
      refused = [...refused, key].sort();
      refusedProfiles = [...refusedProfiles, profile];
    }
  }
  const type = main.message.type;
  if (
    main.to === 'cmc' &&
    (type === 'profile.provide' || type === 'profile.error') &&
    done.snaps[0].value !== state.snaps[0].value
  )
    answers++;
  return {
    snaps: done.snaps,
    flight,
    timers,
    faults: state.faults,
    checked,
    refused,
    checkedProfiles,
    refusedProfiles,
    answers,
  };
}

function apply(setup: Setup, state: State, move: Move): State {
  if (move.kind === 'timer') {
    const timers = state.timers.filter((id) => id !== move.entity);
    return after(setup, state, timerEnvelope(setup, move.entity), [...state.flight], timers);
  }
  const at = state.flight.findIndex((f) => f.key === move.key);
  const item = state.flight[at];
  if (!item) throw new Error(`internal error: nothing in flight is ${move.key}`);
  const flight = [...state.flight];
  if (move.kind === 'duplicate') {
    insertSorted(flight, item);
    return { ...state, flight, faults: state.faults + 1 };
  }
  flight.splice(at, 1);
  if (move.kind === 'drop') return { ...state, flight, faults: state.faults + 1 };
  return after(setup, state, item.envelope, flight, [...state.timers]);
}

function moves(setup: Setup, state: State, faults: number, kinds: readonly CheckKind[]): Move[] {
  const out: Move[] = [];
  let last = -1;
  for (const f of state.flight) {
    if (f.key === last) continue;
    last = f.key;
    out.push({ kind: 'deliver', key: f.key });
  }
  for (const entity of state.timers) out.push({ kind: 'timer', entity });
  if (state.faults < faults) {
    last = -1;
    for (const f of state.flight) {
      if (f.key === last || !faultable(setup.procedure, f.envelope)) continue;
      last = f.key;
      for (const kind of kinds) out.push({ kind, key: f.key });
    }
  }
  return out;
}

/**
 * A state's key: each part (an entity's snapshot key, a message in flight) as a small number, so that the set of states
 * hashes short strings (each part's own string is made once and hashed once).
 */
function stateKey(setup: Setup, state: State): string {
  let key = '';
  for (let i = 0; i < 5; i++) {
    const id = ORDER[i] as EntityId;
    key += code(snapshotKey(setup, snapOf(state.snaps, id), snapOf(setup.initial, id)));
  }
  key += SEP;
  for (const f of state.flight) key += code(f.key);
  key += SEP;
  for (const id of state.timers) key += code(indexOf(id));
  key += SEP + code(state.faults) + code(state.answers);
  for (const text of state.checked) key += code(intern(setup, text));
  key += SEP;
  for (const text of state.refused) key += code(intern(setup, text));
  return key;
}

const SEP = '\uffff';
/** A number as two UTF-16 code units (any number below 2^31 fits), so that a key is short to hash. */
const code = (n: number): string => String.fromCharCode(n >>> 16, n & 0xffff);

function intern(setup: Setup, text: string): number {
  let id = setup.interned.get(text);
  if (id === undefined) {
    id = setup.interned.size;
    setup.interned.set(text, id);
  }
  return id;
}

function viewOf(setup: Setup, state: State): View {
  const [cmc, , primaryUdb, , partnerUdb] = state.snaps;
  return {
    procedure: setup.procedure.id,
    client: { state: String(cmc.value), purpose: cmc.context.purpose, profiles: cmc.context.profiles },
    stores: { 'primary-udb': primaryUdb.context.stored, 'partner-udb': partnerUdb.context.stored },
    checked: state.checkedProfiles,
    refused: state.refusedProfiles,
    answers: state.answers,
    policy: setup.scenario.partner.policy,
  };
}

export interface Counterexample {
  steps: TraceStep[];
  /** The drops and duplicates it used (§10). */
  faults: Fault[];
  /** The index into `steps` of the step where it breaks; `steps.length` for a property of the end. */
  brokenAt: number;
  /** Why it breaks there, in words. */
  reason: string;
  /** The scenario with which `simulate` gives exactly `steps`; null when the order cannot be forced (`replays`). */
  scenario: Scenario | null;
  replays: boolean;
  /** Why it does not replay, when it does not. */
  replayProblem?: string;
  /** The search's moves, in order. */
  moves: Move[];
}

export interface CheckResultRow {
  procedure: ProcedureId;
  property: PropertyId;
  holds: boolean;
  states: number;
  counterexample: Counterexample | null;
}

export interface CheckResult {
  faults: number;
  procedures: ProcedureId[];
  states: number;
  results: CheckResultRow[];
}

export interface CheckOptions {
  procedures?: readonly ProcedureId[];
  faults?: number;
  kinds?: readonly CheckKind[];
  limit?: number;
  /** Called now and then with the states explored so far. */
  progress?: (states: number) => void;
}

interface Found {
  node: number;
  reason: string;
  end: boolean;
}

/** One breadth-first search of one procedure: each property's first break, and the states explored. */
function search(
  setup: Setup,
  faults: number,
  kinds: readonly CheckKind[],
  budget: number,
  progress: (states: number) => void,
): { states: number; found: Map<PropertyId, Found>; parents: number[]; edges: Move[] } {
  // The client's first request: `client.start` is not a message between entities, so it is taken here.
  const first: Snaps = [...setup.initial];
  first[0] = ENTITY_DRIVERS.cmc.next(setup.initial[0], CLIENT_START, null);
  const posts = ENTITY_DRIVERS.cmc.posts;
  const flight: Flight[] = [];
  for (const e of posts) insertSorted(flight, { envelope: e, key: keyOf(setup, e) });
  const timers: EntityId[] = setup.timeoutMs.cmc !== undefined && first[0].hasTag('waiting') ? ['cmc'] : [];
  const root: State = {
    snaps: first,
    flight,
    timers,
    faults: 0,
    checked: [],
    refused: [],
    checkedProfiles: [],
    refusedProfiles: [],
    answers: 0,
  };
  const seen = new Map<string, number>();
  const parents: number[] = [-1];
  const edges: Move[] = [{ kind: 'timer', entity: 'cmc' }];
  seen.set(stateKey(setup, root), 0);
  const queue: State[] = [root];
  const queueNodes: number[] = [0];
  const found = new Map<PropertyId, Found>();
  const always = PROPERTIES.filter((p) => p.when === 'always');
  const ends = PROPERTIES.filter((p) => p.when === 'end');
  const checkAlways = (state: State, node: number) => {
    const view = viewOf(setup, state);
    for (const p of always) {
      if (found.has(p.id)) continue;
      const reason = p.broken(view);
      if (reason) found.set(p.id, { node, reason, end: false });
    }
  };
  checkAlways(root, 0);
  let head = 0;
  while (head < queue.length) {
    const state = queue[head] as State;
    const node = queueNodes[head] as number;
    queue[head] = undefined as unknown as State;
    head++;
    if ((head & 1023) === 0) progress(parents.length);
    const next = moves(setup, state, faults, kinds);
    if (next.length === 0) {
      const view = viewOf(setup, state);
      for (const p of ends) {
        if (found.has(p.id)) continue;
        const reason = p.broken(view);
        if (reason) found.set(p.id, { node, reason, end: true });
      }
      continue;
    }
    for (const move of next) {
      const child = apply(setup, state, move);
      const key = stateKey(setup, child);
      if (seen.has(key)) continue;
      const id = parents.length;
      if (id >= budget) {
        throw new CheckLimit(
          `check: stopped at ${id.toLocaleString('en-US')} states in ${setup.procedure.id} (${faults} fault${faults === 1 ? '' : 's'}) before exploring every run; give fewer --faults or fewer procedures`,
        );
      }
      seen.set(key, id);
      parents.push(node);
      edges.push(move);
      queue.push(child);
      queueNodes.push(id);
      checkAlways(child, id);
    }
  }
  return { states: parents.length, found, parents, edges };
}

function pathTo(node: number, parents: readonly number[], edges: readonly Move[]): Move[] {
  const path: Move[] = [];
  for (let n = node; n > 0; n = parents[n] as number) path.push(edges[n] as Move);
  return path.reverse();
}

/** Checks the properties of §11 on every run of each procedure from `scenario` (its own faults left out). */
export function check(scenario: Scenario, options: CheckOptions = {}): CheckResult {
  const procedures = [...(options.procedures ?? CHECK_PROCEDURES)];
  const faults = options.faults ?? 0;
  const kinds = options.kinds ?? CHECK_KINDS;
  const limit = options.limit ?? STATE_LIMIT;
  const progress = options.progress ?? (() => undefined);
  const base: Scenario = { ...scenario };
  delete base.faults;
  const results: CheckResultRow[] = [];
  let total = 0;
  for (const id of procedures) {
    const procedure = getProcedure(id);
    const setup: Setup = {
      scenario: base,
      procedure,
      timeoutMs: clockOf(base).timeoutMs,
      initial: initialEntitySnapshots(base, procedure),
      interned: new Map(),
      envelopeIds: new WeakMap(),
      snapshotIds: new WeakMap(),
    };
    const done = total;
    const { states, found, parents, edges } = search(setup, faults, kinds, limit - total, (n) =>
      progress(done + n),
    );
    total += states;
    for (const p of PROPERTIES) {
      const f = found.get(p.id);
      results.push({
        procedure: id,
        property: p.id,
        holds: !f,
        states,
        counterexample: f ? counterexample(setup, pathTo(f.node, parents, edges), p.id, f) : null,
      });
    }
  }
  return { faults, procedures, states: total, results };
}

/** The step of a search's delivery, as the trace would show it: who to whom, and what. */
const sameDelivery = (s: TraceStep, e: Envelope) =>
  s.from === e.from && s.to === e.to && s.message.type === e.message.type;

interface Planned {
  envelope: Envelope;
  key: number;
  seq: number;
  sentAt: number;
  /** The clause step and how many times it had been sent, this send included (a fault's `step` and `nth`). */
  clause: { n: number; nth: number } | null;
  /** When it arrives: fixed for what no fault can delay, chosen at its delivery for the rest. */
  at: number | null;
  twin: Planned | null;
}

/**
 * The faults and timing that make `simulate` take `path`: drops and duplicates where the path used them, and delays
 * that bring each message at the time its turn comes (every latency and the action time 0, so that what cannot be
 * delayed arrives at once). Null and the reason when the §10 vocabulary cannot force the order.
 */
function plan(
  setup: Setup,
  path: readonly Move[],
  actionMs: number,
): { scenario: Scenario; faults: Fault[] } | string {
  const identities = (dups: Set<string>, drops: Set<string>) => {
    const sent = new Map<number, number>();
    let seq = 0;
    let now = 0;
    let lastSeq = -1;
    const flight: Planned[] = [];
    const timers = new Map<EntityId, { at: number; seq: number }>();
    const usedDups: string[] = [];
    const usedDrops: string[] = [];
    const delays: Fault[] = [];
    const clock = clockOf(setup.scenario);
    const register = (queued: readonly Envelope[], acted: readonly EntityId[], snaps: Snaps) => {
      for (const envelope of queued) {
        const own = envelope.from === envelope.to;
        const clause =
          envelope.message.type === 'profile.error' ? undefined : clauseStepOf(setup.procedure, envelope);
        let id: { n: number; nth: number } | null = null;
        if (clause) {
          const nth = (sent.get(clause.n) ?? 0) + 1;
          sent.set(clause.n, nth);
          id = { n: clause.n, nth };
        }
        const fixed = own || !id;
        const item: Planned = {
          envelope,
          key: keyOf(setup, envelope),
          seq: seq++,
          sentAt: now,
          clause: id,
          at: fixed ? now + (own ? actionMs : 0) : null,
          twin: null,
        };
        flight.push(item);
        const name = id ? `${id.n}:${id.nth}` : '';
        if (id && dups.has(name)) {
          const twin: Planned = { ...item, seq: seq++, twin: item };
          item.twin = twin;
          flight.push(twin);
        }
        if (id && drops.has(name)) item.at = -1;
      }
      for (const id of acted) {
        const ms = clock.timeoutMs[id];
        if (ms === undefined) continue;
        const snap = snapOf(snaps, id);
        const waiting = snap.hasTag('waiting');
        const sentOut = queued.some((e) => e.from === id && e.to !== id);
        if (!waiting) timers.delete(id);
        else if (sentOut) timers.set(id, { at: now + ms, seq: seq++ });
      }
    };
    const problem = (at: number, s: number): string | null => {
      if (at < now || (at === now && s <= lastSeq)) return 'it would have to arrive before an earlier step';
      for (const f of flight) {
        if (f.at !== null && f.at >= 0 && f.seq !== s && (f.at < at || (f.at === at && f.seq < s)))
          return `${f.envelope.from} -> ${f.envelope.to} (${f.envelope.message.type}) cannot be delayed past it`;
      }
      for (const [id, t] of timers) {
        if (t.seq !== s && (t.at < at || (t.at === at && t.seq < s)))
          return `the timer of ${id} would fire before it`;
      }
      return null;
    };
    // The client's first request.
    const root = setup.initial;
    const snaps: Snaps = [...root];
    snaps[0] = ENTITY_DRIVERS.cmc.next(root[0], CLIENT_START, null);
    register(ENTITY_DRIVERS.cmc.posts, ['cmc'], snaps);
    let current: Snaps = snaps;
    for (const move of path) {
      if (move.kind === 'drop' || move.kind === 'duplicate') {
        const copies = flight.filter((f) => f.key === move.key).sort((a, b) => a.seq - b.seq);
        // The second pass marked a dropped message at its send (at -1), as the simulator drops it then.
        const item = (move.kind === 'drop' ? copies.find((f) => f.at === -1) : undefined) ?? copies[0];
        if (!item?.clause) return 'a fault on a message no fault can name';
        const name = `${item.clause.n}:${item.clause.nth}`;
        if (move.kind === 'drop') {
          usedDrops.push(name);
          flight.splice(flight.indexOf(item), 1);
          if (item.twin) return 'a copy of a duplicate cannot be dropped alone';
        } else usedDups.push(name);
        continue;
      }
      let envelope: Envelope;
      if (move.kind === 'timer') {
        const t = timers.get(move.entity);
        if (!t) return `no timer of ${move.entity} is armed`;
        const p = problem(t.at, t.seq);
        if (p) return `the timer of ${move.entity} fires at a fixed time: ${p}`;
        timers.delete(move.entity);
        now = t.at;
        lastSeq = t.seq;
        envelope = timerEnvelope(setup, move.entity);
      } else {
        const item = flight.filter((f) => f.key === move.key && f.at !== -1).sort((a, b) => a.seq - b.seq)[0];
        if (!item) return 'the message is not in flight';
        let at = item.at;
        if (at === null) {
          at = Math.max(now, item.sentAt);
          if (at === now && item.seq <= lastSeq) at = now + 1;
          item.at = at;
          if (item.twin) item.twin.at = at;
          const byMs = at - item.sentAt;
          if (byMs > 0 && item.clause)
            delays.push({ kind: 'delay', step: item.clause.n, nth: item.clause.nth, byMs });
        }
        const p = problem(at, item.seq);
        if (p) return `${item.envelope.from} -> ${item.envelope.to} (${item.envelope.message.type}): ${p}`;
        flight.splice(flight.indexOf(item), 1);
        now = at;
        lastSeq = item.seq;
        envelope = item.envelope;
      }
      const done = step(current, envelope);
      current = done.snaps;
      register(done.queued, done.acted, done.snaps);
    }
    return { usedDups, usedDrops, delays };
  };
  const firstPass = identities(new Set(), new Set());
  if (typeof firstPass === 'string') return firstPass;
  const second = identities(new Set(firstPass.usedDups), new Set(firstPass.usedDrops));
  if (typeof second === 'string') return second;
  const named = (kind: 'drop' | 'duplicate', name: string): Fault => {
    const [n, nth] = name.split(':').map(Number);
    return { kind, step: n, nth };
  };
  const faults = [
    ...second.usedDrops.map((n) => named('drop', n)),
    ...second.usedDups.map((n) => named('duplicate', n)),
  ];
  const timing = { ...(setup.scenario.timing ?? {}) };
  timing.latencyMs = { 'CSC-4': 0, 'CSC-13': 0, 'CSC-17': 0 };
  timing.actionMs = actionMs;
  const scenario: Scenario = { ...setup.scenario, timing, faults: [...faults, ...second.delays] };
  if (!scenario.faults?.length) delete scenario.faults;
  return { scenario, faults };
}

function counterexample(setup: Setup, path: Move[], property: PropertyId, found: Found): Counterexample {
  // Own actions done at once first; with timers, an action time that puts each timer between the own actions the run
  // needs before it and the one it interrupts (k actions before it: between k and k + 1 action times).
  const timeouts = [...new Set(Object.values(setup.timeoutMs))].sort((a, b) => a - b);
  const candidates = [0];
  for (const t of timeouts) {
    for (let k = 1; k <= 2 * MAX_ACTIONS; k++) candidates.push(Math.floor(t / (k + 0.5)));
    candidates.push(t + 1);
  }
  let planned = plan(setup, path, 0);
  for (const actionMs of candidates.slice(1)) {
    if (typeof planned !== 'string') break;
    const other = actionMs > 0 ? plan(setup, path, actionMs) : planned;
    if (typeof other !== 'string') planned = other;
  }
  const deliveries = path.filter((m) => m.kind === 'deliver' || m.kind === 'timer').length;
  // The index of the delivery that broke an `always` property (its 0-based step, lost steps aside).
  const breakingDelivery = found.end ? deliveries : deliveries - 1;
  if (typeof planned === 'string') {
    return {
      steps: [],
      faults: [],
      brokenAt: found.end ? 0 : -1,
      reason: found.reason,
      scenario: null,
      replays: false,
      replayProblem: planned,
      moves: path,
    };
  }
  const run = simulate(planned.scenario, setup.procedure.id);
  const delivered = run.steps.map((s, i) => ({ s, i })).filter(({ s }) => !s.lost);
  // Replay the search's moves to know each delivery's envelope, and compare with the trace.
  const expected: Envelope[] = [];
  {
    const first: Snaps = [...setup.initial];
    first[0] = ENTITY_DRIVERS.cmc.next(setup.initial[0], CLIENT_START, null);
    const flight: Envelope[] = [...ENTITY_DRIVERS.cmc.posts];
    let snaps = first;
    for (const move of path) {
      if (move.kind === 'drop' || move.kind === 'duplicate') continue;
      const envelope =
        move.kind === 'timer'
          ? timerEnvelope(setup, move.entity)
          : (flight.find((e) => keyOf(setup, e) === move.key) as Envelope);
      if (move.kind === 'deliver') flight.splice(flight.indexOf(envelope), 1);
      expected.push(envelope);
      const done = step(snaps, envelope);
      snaps = done.snaps;
      flight.push(...done.queued);
    }
  }
  const matches =
    delivered.length === expected.length && expected.every((e, k) => sameDelivery(delivered[k]!.s, e));
  if (!matches) {
    return {
      steps: run.steps,
      faults: planned.faults,
      brokenAt: -1,
      reason: found.reason,
      scenario: null,
      replays: false,
      replayProblem: 'the delays found do not make the simulator take this order',
      moves: path,
    };
  }
  const brokenAt = found.end ? run.steps.length : (delivered[breakingDelivery]?.i ?? -1);
  return {
    steps: run.steps,
    faults: planned.faults,
    brokenAt,
    reason: found.reason,
    scenario: planned.scenario,
    replays: true,
    moves: path,
  };
}

/** Whether `property` breaks on the replay of a counterexample at `brokenAt` (the property test's and the CLI's check). */
export function breaksOnReplay(
  scenario: Scenario,
  procedure: ProcedureId,
  property: PropertyId,
): number | null {
  const run = simulate(scenario, procedure);
  const views = viewsOfRun(run, scenario.partner.policy);
  const p = PROPERTIES.find((q) => q.id === property);
  if (!p) return null;
  if (p.when === 'end') {
    const last = views[views.length - 1];
    return last && p.broken(last) ? run.steps.length : null;
  }
  for (let k = 0; k < views.length; k++) if (p.broken(views[k] as View)) return k - 1;
  return null;
}
