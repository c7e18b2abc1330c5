import { createActor, type Actor, type ContextFrom, type InspectionEvent, type StateValueFrom } from 'xstate';
import type { ClientContext } from '../entities/clientMachine';
import type { CmsContext } from '../entities/cms';
import type { EntityMessage, Envelope } from '../entities/messages';
import type { UdbContext } from '../entities/udb';
import {
  ENTITY_MACHINES,
  networkLogic,
  type EntityActors,
  type EntityMachines,
  type NetworkInput,
} from '../entities/networkMachine';
import { ENTITIES, ENTITY_IDS, type EntityId, type EntityKind, type ProcedureId } from '../model/ids';
import type { Change } from '../model/policy';
import { getProcedure, type Procedure } from '../procedures';
import type { Profile } from '../model/profile';
import { referencePointOf, type ReferencePoint } from '../model/referencePoints';
import { MAX_PERTURBED_STEPS, MAX_STEPS, StepPlacer, Tally } from './stepPlace';
import { clockOf, faultLine, faultProblem, perturbed, Schedule, type Clock, type Delivery } from './schedule';
import { ScenarioError } from '../model/scenario';
import type { FaultKind } from '../model/schema';
import { transitionKey } from './transitionKey';
import type { Policy, Scenario, Service } from '../model/schema';
import type { ValidationResult } from '../model/validation';

export type StepKind = 'message' | 'action' | 'error' | 'timeout';

/** A delivery within a step other than its main message (the acknowledgement of 10.1.4.3.2 step 13). */
export interface SideMessage {
  from: EntityId;
  to: EntityId;
  label: string;
  message: EntityMessage;
}

/** One step of a run: one numbered step of the clause, or an extra step the clause does not number. */
export interface TraceStep {
  /** The step's position in the run, 1 first. */
  n: number;
  /**
   * The step's number as the reader sees it (CONTRACT.md §6): the clause's (`"7"`) for a numbered step; for a step the
   * clause does not number, the number of the clause step it follows and a letter (`"11a"`, `"4b"`).
   */
  number: string;
  from: EntityId;
  to: EntityId;
  kind: StepKind;
  /** CSC-4, CSC-13 or CSC-17 for a message; null for an own action (`referencePoints.ts` says where each comes from). */
  referencePoint: ReferencePoint | null;
  /** The clause's words for this step, or the simulator's where the clause is silent (then `assumption`). */
  text: string;
  assumption: boolean;
  /** A few words for the diagram's arrow. */
  label: string;
  /** The number of the clause step this is, or null for an extra step. */
  clauseStep: number | null;
  message: EntityMessage;
  also: SideMessage[];
  /** What the acting entity logged in this step (10.1.4.3.2 step 11 with `onFailure: "continue"`). */
  log: string[];
  /** When its message arrived or its action was done (or would have, if lost): ms from the client's first request. */
  at: number;
  /** The message never arrived (dropped, or an entity was down): no effect. */
  lost: boolean;
  /** It arrived where nothing waited for it (a late answer, a duplicate, a request in the wrong state): no effect. */
  discarded: boolean;
  /** The fault that caused or changed this step. */
  fault: { kind: FaultKind } | null;
  /** The assumption register's entries (procedures/assumptions.ts) this step rests on; [] for a step the clause gives. */
  basis: string[];
}

/** One entity's state after a step, typed by its machine: `state` is one of that machine's state names. */
export interface EntitySnapshotOf<Id extends EntityId> {
  id: Id;
  kind: EntityKind;
  state: StateValueFrom<EntityMachines[Id]>;
  context: ContextFrom<EntityMachines[Id]>;
}

export type EntitySnapshots = { [Id in EntityId]: EntitySnapshotOf<Id> };

/** Any entity's snapshot; narrow on `id` (or `kind`) to read its context. */
export type EntitySnapshot = EntitySnapshots[EntityId];

/** A client's context, or null for another entity's snapshot (narrowed on the id, no cast). */
export const clientContextOf = (s: EntitySnapshot): ClientContext | null =>
  s.id === 'cmc' ? s.context : null;
/** A configuration management server's context, primary or partner, or null. */
export const cmsContextOf = (s: EntitySnapshot): CmsContext | null =>
  s.id === 'primary-cms' || s.id === 'partner-cms' ? s.context : null;
/** An MC service user database's context, primary or partner, or null. */
export const udbContextOf = (s: EntitySnapshot): UdbContext | null =>
  s.id === 'primary-udb' || s.id === 'partner-udb' ? s.context : null;

/** A transition an entity's machine took in a step: the faces draw it on that machine's statechart. */
export interface TakenTransition {
  entity: EntityId;
  /** Where the machine defines it (./transitionKey.ts): source state, event, which alternative. */
  key: string;
}

/**
 * `failed`: the client received an error a fault or a timer caused, or its own timer fired with no retries left;
 * `no-answer`: nothing more can happen and the client still waits (CONTRACT.md §10).
 */
export type Outcome = 'delivered' | 'rejected' | 'failed' | 'no-answer';

export interface RunError {
  /** The trace position `n` of the first error step (CONTRACT.md §3). */
  step: number;
  /** That step's `number` (CONTRACT.md §6): `"11a"`. */
  number: string;
  reason: string;
}

export interface RunResult {
  procedure: ProcedureId;
  outcome: Outcome;
  steps: TraceStep[];
  /** `snapshots[k]`: every entity after step k (`snapshots[0]`: before step 1); empty when not kept. */
  snapshots: EntitySnapshots[];
  /**
   * `transitions[k]`: the transitions the machines took in step k, in order (`[0]` is empty); empty unless the run
   * was asked to record them (`RunOptions.transitions`).
   */
  transitions: TakenTransition[][];
  /** What the client holds at the end. */
  profiles: Profile[];
  changes: Change[];
  validation: ValidationResult | null;
  error: RunError | null;
  stores: { 'partner-udb': Profile | null; 'primary-udb': Profile | null };
}

export interface RunOptions {
  /** Keep a snapshot of every entity after each step (the player needs them; a sweep does not). Default true. */
  snapshots?: boolean;
  /**
   * Record which transition each machine took in each step (the statecharts need them), with the snapshots. Default
   * false: they are read from XState's inspection, which reports every event of every actor and took a third of a
   * run's time, so only the States view asks for them.
   */
  transitions?: boolean;
}

/** The procedure a scenario runs without `--procedure`: `ue.configuredBy` picks 10.1.4.3.2 or 10.1.4.3.3. */
export function defaultProcedure(scenario: Scenario): ProcedureId {
  return scenario.ue.configuredBy === 'primary' ? '10.1.4.3.2' : '10.1.4.3.3';
}

/**
 * The procedure to show for a scenario, given the one shown now: a migration procedure follows `ue.configuredBy`
 * (10.1.4.3.2 for "primary"; 10.1.4.3.3 or the draft for "partner"); 10.1.4.3.1 stays. So the page's procedure and
 * the scenario's `ue.configuredBy` never disagree.
 */
export function procedureFor(scenario: Scenario, current: ProcedureId): ProcedureId {
  const shown = getProcedure(current);
  if (!shown.configuredBy || shown.configuredBy === scenario.ue.configuredBy) return current;
  return defaultProcedure(scenario);
}

/** The scenario as a procedure runs it: `ue.configuredBy` set to whoever that procedure says configures the UE. */
export function scenarioFor(scenario: Scenario, procedure: ProcedureId): Scenario {
  const configuredBy = getProcedure(procedure).configuredBy;
  if (!configuredBy || configuredBy === scenario.ue.configuredBy) return scenario;
  return { ...scenario, ue: { ...scenario.ue, configuredBy } };
}

/** The MC service ID the client's request carries: that of `ue.service` (default MCPTT). */
export function requestedServiceId(scenario: Scenario): string {
  const service: Service = scenario.ue.service ?? 'mcptt';
  return scenario.user.serviceIds[service] ?? scenario.user.serviceIds.mcptt;
}

/** The partner's policy when the scenario gives none: one object, so that inputs of runs compare equal (fastRun.ts). */
const NO_POLICY: Policy = {};

/** The entities' inputs: the scenario's data, and how this procedure's variant wires them. */
export function entityInputs(scenario: Scenario, procedure: Procedure): NetworkInput {
  const preconditions = {
    migrationPermitted: scenario.preconditions?.migrationPermitted ?? true,
    authenticatedInPartner: scenario.preconditions?.authenticatedInPartner ?? true,
  };
  const profiles = scenario.primary.profiles;
  const userMcpttId = scenario.user.serviceIds.mcptt;
  const primary = scenario.primary.systemId;
  const partner = scenario.partner.systemId;
  return {
    cmc: {
      id: 'cmc',
      server: procedure.configuredBy === 'partner' ? 'partner-cms' : 'primary-cms',
      serviceId: requestedServiceId(scenario),
      purpose: procedure.migration ? 'migration' : 'own',
      // Only 10.1.4.3.2 step 1 says the client's request "includes an identification of the partner MC system".
      partnerSystemId: procedure.migration && procedure.configuredBy === 'primary' ? partner : null,
      retries: scenario.timing?.retries ?? 0,
    },
    'primary-cms': {
      id: 'primary-cms',
      systemId: primary,
      udb: 'primary-udb',
      peer: 'partner-cms',
      peerSystemId: partner,
      preconditions,
      userProfiles: profiles,
      userMcpttId,
      validation: scenario.primary.validation,
      fetchViaUdb: false,
      acceptsUnasked: false,
    },
    'primary-udb': {
      id: 'primary-udb',
      systemId: primary,
      cms: 'primary-cms',
      userProfiles: profiles,
      userMcpttId,
      policy: undefined,
      cache: null,
      storeFails: storeFails(scenario, 'primary-udb'),
    },
    'partner-cms': {
      id: 'partner-cms',
      systemId: partner,
      udb: 'partner-udb',
      peer: 'primary-cms',
      peerSystemId: primary,
      preconditions,
      userProfiles: [],
      userMcpttId,
      validation: undefined,
      fetchViaUdb: procedure.partnerFetchesViaUdb,
      // 10.1.4.3.2 step 5: the primary sends the profile unasked.
      acceptsUnasked: procedure.migration && procedure.configuredBy === 'primary',
    },
    'partner-udb': {
      id: 'partner-udb',
      systemId: partner,
      cms: 'partner-cms',
      userProfiles: [],
      userMcpttId,
      policy: scenario.partner.policy ?? NO_POLICY,
      cache: scenario.partner.cache ?? null,
      storeFails: storeFails(scenario, 'partner-udb'),
    },
  };
}

const storeFails = (scenario: Scenario, id: EntityId): boolean =>
  scenario.faults?.some((f) => f.kind === 'store-fails' && f.entity === id) ?? false;

/** Refuses a scenario whose faults do not fit the procedure (CONTRACT.md §10: one line naming `faults[i].step`). */
export function checkFaults(scenario: Scenario, procedure: Procedure): void {
  const problem = faultProblem(scenario, procedure);
  if (problem) throw new ScenarioError([problem]);
}

export { faultLine, faultProblem };

function sideLabel(message: EntityMessage): string {
  return message.type === 'profile.stored' ? 'acknowledgement' : message.type;
}

function timeoutText(id: EntityId, ms: number, retried: boolean): string {
  const who = ENTITIES[id].phrase;
  const then =
    id === 'cmc'
      ? retried
        ? 'it asks again (timing.retries)'
        : 'no retries are left: it gives up'
      : 'it stops waiting and returns an error to whoever asked it';
  return `Simulator assumption (the clauses give no timers): the timer of ${who} fires after ${ms} ms with no answer; ${then}.`;
}

function assumptionText(envelope: Envelope, reason: string): string {
  const from = ENTITIES[envelope.from].phrase;
  const to = ENTITIES[envelope.to].phrase;
  return `Simulator assumption (the clause is silent): ${from} returns an error to ${to}: ${reason}.`;
}

/**
 * The deterministic scheduler: one actor system per run, one message delivered per `step()`, and a snapshot of every
 * entity after each step. Nothing in it reads a clock or a random source.
 */
export class Simulation {
  readonly procedure: Procedure;
  readonly steps: TraceStep[] = [];
  readonly snapshots: EntitySnapshots[] = [];
  readonly transitions: TakenTransition[][] = [];
  /** The transitions taken in the step under way, as XState's inspection reports each microstep. */
  private taking: TakenTransition[] = [];
  private readonly entityOf = new Map<string, EntityId>();
  private readonly network: Actor<typeof networkLogic>;
  private readonly actors: EntityActors;
  private readonly keepSnapshots: boolean;
  private readonly keepTransitions: boolean;
  private started = false;
  private readonly placer: StepPlacer;
  private readonly schedule: Schedule;
  private readonly tally = new Tally();
  private readonly maxSteps: number;
  /** Each entity's timer, if it has one (`timing.timeoutMs`). */
  private readonly timed: Clock['timeoutMs'];

  constructor(
    scenario: Scenario,
    procedureId: ProcedureId = defaultProcedure(scenario),
    options: RunOptions = {},
  ) {
    this.procedure = getProcedure(procedureId);
    checkFaults(scenario, this.procedure);
    const strict = !perturbed(scenario);
    this.placer = new StepPlacer(this.procedure, strict);
    this.maxSteps = strict ? MAX_STEPS : MAX_PERTURBED_STEPS;
    const clock = clockOf(scenario);
    this.timed = clock.timeoutMs;
    this.schedule = new Schedule(this.procedure, clock, scenario.faults ?? []);
    this.keepTransitions = options.transitions ?? false;
    this.keepSnapshots = this.keepTransitions || (options.snapshots ?? true);
    const input = entityInputs(scenario, this.procedure);
    // Which transition each machine took is read from XState's inspection (a microstep names its transitions), when
    // asked for only.
    this.network = createActor(
      networkLogic,
      this.keepTransitions ? { inspect: (event: InspectionEvent) => this.inspect(event) } : undefined,
    );
    // One actor per entity, its parent the network, registered in the network's system by its entity id.
    const parent = this.network;
    // Each actor's options one literal with every field (a spread and then more fields would make, in this Node's
    // V8, a new hidden class per object).
    const actorOptions = <Id extends EntityId>(id: Id) => ({ id, systemId: id, parent, input: input[id] });
    this.actors = {
      cmc: createActor(ENTITY_MACHINES.cmc, actorOptions('cmc')),
      'primary-cms': createActor(ENTITY_MACHINES['primary-cms'], actorOptions('primary-cms')),
      'primary-udb': createActor(ENTITY_MACHINES['primary-udb'], actorOptions('primary-udb')),
      'partner-cms': createActor(ENTITY_MACHINES['partner-cms'], actorOptions('partner-cms')),
      'partner-udb': createActor(ENTITY_MACHINES['partner-udb'], actorOptions('partner-udb')),
    };
    for (const id of ENTITY_IDS) this.entityOf.set(this.actors[id].sessionId, id);
    this.network.start();
    for (const id of ENTITY_IDS) this.actors[id].start();
    if (this.keepSnapshots) this.snapshots.push(this.entities());
    if (this.keepTransitions) this.transitions.push([]);
  }

  private inspect(event: InspectionEvent): void {
    if (event.type !== '@xstate.microstep') return;
    const entity = this.entityOf.get(event.actorRef.sessionId);
    if (!entity) return;
    for (const t of event._transitions) {
      const key = transitionKey(t);
      if (key !== null) this.taking.push({ entity, key });
    }
  }

  get done(): boolean {
    return this.started && !this.schedule.pending;
  }

  /** Whether an entity's state waits for an answer (its machine tags such states). */
  private waiting(id: EntityId): boolean {
    return this.actors[id].getSnapshot().hasTag('waiting');
  }

  /** Takes what the entities posted into the network's queue (in flight), and settles the timers of `acted`. */
  private takePosted(acted: readonly EntityId[]): void {
    const posted = this.network.getSnapshot().context.queue;
    if (posted.length) this.schedule.send(posted);
    for (const id of acted) {
      // Only an entity with a timer needs to know whether it waits (most runs have none).
      if (this.timed[id] === undefined) continue;
      this.schedule.settle(
        id,
        this.waiting(id),
        posted.some((e) => e.from === id && e.to !== id),
      );
    }
  }

  /** Delivers the next message; null when the procedure has ended. */
  step(): TraceStep | null {
    this.taking = [];
    if (!this.started) {
      this.started = true;
      this.actors.cmc.send({ type: 'client.start' });
      this.takePosted(['cmc']);
    }
    const delivery = this.schedule.next();
    if (!delivery) return null;
    if (this.steps.length >= this.maxSteps)
      throw new Error(`internal error: no end after ${this.maxSteps} steps`);
    const main = delivery.envelope;
    let side: Envelope[] = [];
    let log: string[] = [];
    let discarded = false;
    if (!delivery.lost) {
      // The receiver acts on the message; what it logs while doing so belongs to this step.
      const logged = this.logOf(main.to);
      const before = this.actors[main.to].getSnapshot();
      this.network.send({ type: 'net.deliver', envelope: main });
      const { delivered, unexpected } = this.network.getSnapshot().context;
      if (unexpected) throw new Error(`internal error: the network received ${unexpected}`);
      side = delivered.slice(1);
      // A machine that takes no transition on a message (its snapshot the same, nothing sent) did not accept it:
      // nothing waited for it there.
      discarded =
        this.actors[main.to].getSnapshot() === before &&
        side.length === 0 &&
        this.network.getSnapshot().context.queue.length === 0;
      log = this.logOf(main.to).slice(logged.length);
      this.takePosted([main.to, ...side.map((e) => e.to)]);
    }
    const step = this.describe(this.steps.length + 1, delivery, side, log, discarded);
    this.steps.push(step);
    if (this.keepSnapshots) this.snapshots.push(this.entities());
    if (this.keepTransitions) this.transitions.push(this.taking);
    return step;
  }

  /** Runs to the end. */
  run(): RunResult {
    while (this.step()) {
      /* one step at a time */
    }
    return this.result();
  }

  /** What a CMS has logged so far (no other entity logs). */
  private logOf(id: EntityId | undefined): readonly string[] {
    const entities = this.actors;
    if (id === 'primary-cms') return entities['primary-cms'].getSnapshot().context.log;
    if (id === 'partner-cms') return entities['partner-cms'].getSnapshot().context.log;
    return [];
  }

  /** Every entity as it is now, typed by its machine. */
  entities(): EntitySnapshots {
    const actors = this.actors;
    const read = <Id extends EntityId>(
      id: Id,
      snapshot: { value: StateValueFrom<EntityMachines[Id]>; context: ContextFrom<EntityMachines[Id]> },
    ): EntitySnapshotOf<Id> => ({
      id,
      kind: ENTITIES[id].kind,
      state: snapshot.value,
      context: snapshot.context,
    });
    return {
      cmc: read('cmc', actors.cmc.getSnapshot()),
      'primary-cms': read('primary-cms', actors['primary-cms'].getSnapshot()),
      'primary-udb': read('primary-udb', actors['primary-udb'].getSnapshot()),
      'partner-cms': read('partner-cms', actors['partner-cms'].getSnapshot()),
      'partner-udb': read('partner-udb', actors['partner-udb'].getSnapshot()),
    };
  }

  private describe(
    n: number,
    delivery: Delivery,
    side: Envelope[],
    log: string[],
    discarded: boolean,
  ): TraceStep {
    const main = delivery.envelope;
    const placed = this.placer.place(n, main);
    const also = side.map((e) => ({
      from: e.from,
      to: e.to,
      label: sideLabel(e.message),
      message: e.message,
    }));
    let text: string;
    let label: string;
    let assumption = false;
    const basis: string[] = [];
    const message = main.message;
    if (placed.clause) {
      text = placed.clause.text;
      label = placed.clause.label;
    } else if (message.type === 'timer.fire') {
      const retried = main.to === 'cmc' && this.waiting('cmc');
      text = timeoutText(main.to, message.afterMs, retried);
      label = `timer fired (${message.afterMs} ms)`;
      assumption = true;
      basis.push(
        'timers',
        main.to === 'cmc' ? (retried ? 'client-retry' : 'client-gives-up') : 'server-timeout',
      );
    } else {
      const error = message.type === 'profile.error' ? message : null;
      const reason = error?.reason ?? '';
      const branch = error?.assumption
        ? undefined
        : this.procedure.branches.find(
            (b) => b.after === placed.after && b.from === main.from && b.to === main.to,
          );
      if (branch) {
        text = branch.text;
        label = branch.label;
      } else {
        text = assumptionText(main, reason);
        label = `error: ${reason}`;
        assumption = true;
        basis.push(...(error?.basis ?? []));
      }
    }
    let fault: FaultKind | null = delivery.fault;
    // A store that fails, and the error it makes, are the fault's.
    if (message.type === 'udb.store' && !discarded && !delivery.lost && this.storeFailed(main.to))
      fault = 'store-fails';
    if (message.type === 'profile.error' && message.cause === 'store-fails') fault = 'store-fails';
    if (delivery.lost) {
      assumption = true;
      basis.push(delivery.fault === 'drop' ? 'drop' : 'down');
    } else if (discarded) {
      assumption = true;
      basis.push('discard');
      if (delivery.fault === 'duplicate') basis.push('duplicate');
    } else if (delivery.repeat > 0 && placed.clause) {
      // The clauses describe one pass: a step taken again (a retry, or a duplicate handled anew) is the simulator's.
      assumption = true;
      basis.push(delivery.fault === 'duplicate' ? 'duplicate' : 'repeat');
    }
    if (fault === 'store-fails' && !basis.includes('store-fails')) {
      assumption = true;
      basis.push('store-fails');
    }
    this.tally.note({ n, number: placed.number, envelope: main, lost: delivery.lost, discarded, fault });
    // One literal with every field (no spread): the player runs this for every step of every run.
    return {
      n,
      number: placed.number,
      from: main.from,
      to: main.to,
      kind: placed.kind,
      referencePoint: referencePointOf(main.from, main.to),
      text,
      assumption,
      label,
      clauseStep: placed.clause ? placed.clause.n : null,
      message: main.message,
      also,
      log,
      at: delivery.at,
      lost: delivery.lost,
      discarded,
      fault: fault ? { kind: fault } : null,
      basis: basis.length > 1 ? [...new Set(basis)] : basis,
    };
  }

  /** Whether the entity's store just failed (its machine is configured to fail it: a `store-fails` fault). */
  private storeFailed(id: EntityId): boolean {
    if (id === 'primary-udb') return this.actors['primary-udb'].getSnapshot().context.storeFails;
    if (id === 'partner-udb') return this.actors['partner-udb'].getSnapshot().context.storeFails;
    return false;
  }

  result(): RunResult {
    const last = this.snapshots[this.snapshots.length - 1] ?? this.entities();
    const client = last.cmc;
    const lastStep = this.steps[this.steps.length - 1];
    const { outcome, error } = this.tally.result(
      client.state,
      client.context.error,
      lastStep ? { n: lastStep.n, number: lastStep.number } : null,
    );
    // Without faults or timers every procedure ends with the client answered.
    if (this.done && outcome === 'no-answer' && this.maxSteps === MAX_STEPS) {
      throw new Error(`internal error: ${this.procedure.id} ended with the client still waiting`);
    }
    return {
      procedure: this.procedure.id,
      outcome,
      steps: this.steps,
      snapshots: this.snapshots,
      transitions: this.transitions,
      profiles: client.context.profiles,
      changes: last['partner-udb'].context.changes,
      validation: last['primary-cms'].context.validationResult,
      error,
      stores: {
        'partner-udb': last['partner-udb'].context.stored,
        'primary-udb': last['primary-udb'].context.stored,
      },
    };
  }
}

/** Runs a procedure on a (parsed) scenario from start to end. */
export function simulate(scenario: Scenario, procedureId?: ProcedureId, options?: RunOptions): RunResult {
  return new Simulation(scenario, procedureId, options).run();
}
