/**
 * Time and faults (CONTRACT.md §10): the one piece of the network both runners share (run.ts's `Simulation` for the
 * trace, fastRun.ts for a sweep's cells), so that a message arrives at the same time, is lost, delayed or duplicated
 * the same way, and a timer fires at the same moment in both.
 *
 * The clock is virtual and event-driven: nothing reads a real clock. Messages in flight are kept with the time they
 * arrive; the next step is the one that arrives first (ties: in the order they were sent), and the clock jumps to it.
 * XState's `SimulatedClock` was not used: its timers are XState's delayed events, which the sweep's pure transitions
 * (`machine.transition`) do not run, and the network needs the queue anyway to drop, delay and duplicate messages.
 *
 * The behaviour stays in the machines: a state that waits for an answer carries the tag `waiting`; an entity with a
 * `timeoutMs` arms its timer when it sends a message to another entity and is left waiting, and disarms it when it
 * stops waiting. A timer that fires is delivered to its entity as a `timer.fire` message, which its machine handles.
 */
import type { Envelope } from '../entities/messages';
import { ENTITIES, type EntityId } from '../model/ids';
import { referencePointOf } from '../model/referencePoints';
import type { Fault, FaultKind, Scenario } from '../model/schema';
import type { ClauseStep, Procedure } from '../procedures';

/**
 * The simulator's own figures where a scenario's `timing` gives none (the clauses give no figures at all): one-way
 * latencies of the orders of a radio link (CSC-4), a system's local link (CSC-13) and a link between systems (CSC-17),
 * and a short own action. No timers, no retries.
 */
export const DEFAULT_TIMING = {
  latencyMs: { 'CSC-4': 30, 'CSC-13': 5, 'CSC-17': 60 },
  actionMs: 10,
  retries: 0,
} as const;

/** A scenario's timing, every gap filled with the simulator's own figure. */
export interface Clock {
  latencyMs: { 'CSC-4': number; 'CSC-13': number; 'CSC-17': number };
  actionMs: number;
  /** Only the entities that have a timer. */
  timeoutMs: Partial<Record<EntityId, number>>;
  retries: number;
}

export function clockOf(scenario: Scenario): Clock {
  const timing = scenario.timing;
  const latency = timing?.latencyMs;
  const timeoutMs: Partial<Record<EntityId, number>> = {};
  const given = timing?.timeoutMs;
  if (given) {
    for (const id of Object.keys(ENTITIES) as EntityId[]) {
      const ms = given[id];
      if (ms !== undefined && ms !== null) timeoutMs[id] = ms;
    }
  }
  return {
    latencyMs: {
      'CSC-4': latency?.['CSC-4'] ?? DEFAULT_TIMING.latencyMs['CSC-4'],
      'CSC-13': latency?.['CSC-13'] ?? DEFAULT_TIMING.latencyMs['CSC-13'],
      'CSC-17': latency?.['CSC-17'] ?? DEFAULT_TIMING.latencyMs['CSC-17'],
    },
    actionMs: timing?.actionMs ?? DEFAULT_TIMING.actionMs,
    timeoutMs,
    retries: timing?.retries ?? DEFAULT_TIMING.retries,
  };
}

/** Whether a scenario can make a run leave the clause's order (faults or timers): else one message is in flight. */
export const perturbed = (scenario: Scenario): boolean =>
  (scenario.faults?.length ?? 0) > 0 ||
  Object.values(scenario.timing?.timeoutMs ?? {}).some((ms) => ms !== null);

/** The numbered clause step a message is: the same entities, kind and message (a request, a profile, an action). */
export function clauseStepOf(procedure: Procedure, envelope: Envelope): ClauseStep | undefined {
  const kind = envelope.from === envelope.to ? 'action' : 'message';
  const type = envelope.message.type;
  for (const step of procedure.steps) {
    if (step.from === envelope.from && step.to === envelope.to && step.kind === kind && step.message === type)
      return step;
  }
  return undefined;
}

/** A fault that cannot apply to a procedure, named by its JSON path (CONTRACT.md §10), or null if every one fits. */
export function faultProblem(
  scenario: Scenario,
  procedure: Procedure,
): { path: string; message: string } | null {
  return faultProblems(scenario, procedure)[0] ?? null;
}

/** Every fault that cannot apply to a procedure, with its index in `faults`, in order. */
export function faultProblems(
  scenario: Scenario,
  procedure: Procedure,
): { index: number; path: string; message: string }[] {
  const problems: { index: number; path: string; message: string }[] = [];
  const faults = scenario.faults ?? [];
  for (let i = 0; i < faults.length; i++) {
    const fault = faults[i];
    if (fault?.step === undefined) continue;
    const path = `faults[${i}].step`;
    const clause = procedure.steps.find((s) => s.n === fault.step);
    if (!clause) {
      problems.push({
        index: i,
        path,
        message: `${procedure.id} has no step ${fault.step} (its steps are 1..${procedure.steps.length})`,
      });
    } else if (clause.kind === 'action') {
      problems.push({
        index: i,
        path,
        message: `step ${clause.n} of ${procedure.id} is an own action (${clause.label}), not a message`,
      });
    }
  }
  return problems;
}

/** `faults[0].step: …` as one line. */
export const faultLine = (problem: { path: string; message: string }): string =>
  `${problem.path}: ${problem.message}`;

/** What the network hands over next: a message (or an own action) arriving, lost, or a timer firing. */
export interface Delivery {
  envelope: Envelope;
  /** When it arrives (or would have), in ms from the client's first request. */
  at: number;
  /** Lost: dropped, or to or from an entity that is down. Not handed to the receiver. */
  lost: boolean;
  /** The fault that caused or changed it. */
  fault: FaultKind | null;
  /** An entity's timer firing (`envelope` is its `timer.fire`). */
  timer: boolean;
  /** The clause step it is (null for an error, a timer). */
  clause: ClauseStep | null;
  /** How many times this clause step had been sent before this copy (0: the first). */
  repeat: number;
}

interface InFlight {
  envelope: Envelope;
  at: number;
  seq: number;
  lost: boolean;
  fault: FaultKind | null;
  clause: ClauseStep | null;
  repeat: number;
}

interface Timer {
  at: number;
  seq: number;
  afterMs: number;
}

/**
 * The network's queue, ordered by time: what was sent and not yet delivered, each entity's armed timer, and the
 * faults of the scenario applied as messages are sent (drop, delay, duplicate) and delivered (down).
 */
export class Schedule {
  /** The time of the last delivery. */
  now = 0;
  private seq = 0;
  private readonly inFlight: InFlight[] = [];
  private readonly timers = new Map<EntityId, Timer>();
  /** Sends of each clause step so far (a fault's `nth`). */
  private readonly sent = new Map<number, number>();
  private readonly messageFaults: readonly Fault[];
  private readonly downs: readonly Fault[];

  constructor(
    private readonly procedure: Procedure,
    readonly clock: Clock,
    faults: readonly Fault[],
  ) {
    this.messageFaults = faults.filter((f) => f.step !== undefined);
    this.downs = faults.filter((f) => f.kind === 'down');
  }

  /** Whether `entity` is down at `t`; the fault that takes it down. */
  private downAt(entity: EntityId, t: number): Fault | undefined {
    for (const f of this.downs) {
      if (f.entity === entity && t >= (f.fromMs ?? 0) && (f.untilMs === undefined || t < f.untilMs)) return f;
    }
    return undefined;
  }

  /** Messages posted (in order) in the step just delivered, at `now`. */
  send(posts: readonly Envelope[]): void {
    for (const envelope of posts) {
      if (envelope.sameStep === true) continue;
      const own = envelope.from === envelope.to;
      const point = own ? null : referencePointOf(envelope.from, envelope.to);
      const at = this.now + (point ? this.clock.latencyMs[point] : this.clock.actionMs);
      const clause =
        envelope.message.type === 'profile.error' ? null : (clauseStepOf(this.procedure, envelope) ?? null);
      let repeat = 0;
      let lost = !own && this.downAt(envelope.from, this.now) !== undefined;
      let fault: FaultKind | null = lost ? 'down' : null;
      let delay = 0;
      let duplicate = false;
      if (clause) {
        repeat = this.sent.get(clause.n) ?? 0;
        this.sent.set(clause.n, repeat + 1);
        if (!own) {
          for (const f of this.messageFaults) {
            if (f.step !== clause.n || (f.nth !== undefined && f.nth !== repeat + 1)) continue;
            if (f.kind === 'drop') {
              lost = true;
              fault = 'drop';
            } else if (f.kind === 'delay') {
              delay += f.byMs ?? 0;
              fault ??= 'delay';
            } else if (f.kind === 'duplicate') duplicate = true;
          }
        }
      }
      this.inFlight.push({ envelope, at: at + delay, seq: this.seq++, lost, fault, clause, repeat });
      if (duplicate) {
        this.inFlight.push({
          envelope,
          at: at + delay,
          seq: this.seq++,
          lost,
          fault: 'duplicate',
          clause,
          repeat: repeat + 1,
        });
      }
    }
  }

  /**
   * After a step: `entity` (one that took a transition in it) waits now or not, and sent a message to another
   * entity in it or not. Its timer, if it has one, is armed anew when it sent and waits, and disarmed when it does
   * not wait; a waiting entity that sent nothing keeps its timer running.
   */
  settle(entity: EntityId, waiting: boolean, sent: boolean): void {
    const ms = this.clock.timeoutMs[entity];
    if (ms === undefined) return;
    if (!waiting) this.timers.delete(entity);
    else if (sent) this.timers.set(entity, { at: this.now + ms, seq: this.seq++, afterMs: ms });
  }

  /** Whether anything is still in flight or a timer armed. */
  get pending(): boolean {
    return this.inFlight.length > 0 || this.timers.size > 0;
  }

  /** The next delivery, the clock moved to its time; null when nothing is in flight and no timer is armed. */
  next(): Delivery | null {
    for (;;) {
      let best = -1;
      for (let i = 0; i < this.inFlight.length; i++) {
        const item = this.inFlight[i] as InFlight;
        const b = this.inFlight[best];
        if (!b || item.at < b.at || (item.at === b.at && item.seq < b.seq)) best = i;
      }
      let timerOf: EntityId | null = null;
      let timer: Timer | null = null;
      for (const [id, t] of this.timers) {
        if (!timer || t.at < timer.at || (t.at === timer.at && t.seq < timer.seq)) {
          timer = t;
          timerOf = id;
        }
      }
      const item = this.inFlight[best];
      if (
        timer &&
        timerOf &&
        (!item || timer.at < item.at || (timer.at === item.at && timer.seq < item.seq))
      ) {
        this.timers.delete(timerOf);
        const down = this.downAt(timerOf, timer.at);
        if (down) {
          // A pause: the timer fires when the entity is back (never, if it stays down).
          if (down.untilMs !== undefined) this.timers.set(timerOf, { ...timer, at: down.untilMs });
          continue;
        }
        this.now = timer.at;
        return {
          envelope: {
            from: timerOf,
            to: timerOf,
            message: { type: 'timer.fire', from: timerOf, afterMs: timer.afterMs },
          },
          at: timer.at,
          lost: false,
          fault: null,
          timer: true,
          clause: null,
          repeat: 0,
        };
      }
      if (!item) return null;
      this.inFlight.splice(best, 1);
      let { lost, fault } = item;
      if (!lost) {
        const down = this.downAt(item.envelope.to, item.at);
        if (down) {
          if (item.envelope.from === item.envelope.to && down.untilMs !== undefined) {
            // An own action of a paused entity is done when it is back.
            this.inFlight.push({ ...item, at: down.untilMs, seq: this.seq++ });
            continue;
          }
          lost = true;
          fault = 'down';
        }
      }
      this.now = item.at;
      return {
        envelope: item.envelope,
        at: item.at,
        lost,
        fault,
        timer: false,
        clause: item.clause,
        repeat: item.repeat,
      };
    }
  }
}
