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
import { MAX_STEPS, StepPlacer } from './stepPlace';
import { transitionKey } from './transitionKey';
import type { Policy, Scenario, Service } from '../model/schema';
import type { ValidationResult } from '../model/validation';

export type StepKind = 'message' | 'action' | 'error';

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

export type Outcome = 'delivered' | 'rejected';

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
  /** `transitions[k]`: the transitions the machines took in step k, in order (`[0]` is empty); empty when no snapshots are kept. */
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
    },
    'primary-udb': {
      id: 'primary-udb',
      systemId: primary,
      cms: 'primary-cms',
      userProfiles: profiles,
      userMcpttId,
      policy: undefined,
      cache: null,
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
    },
    'partner-udb': {
      id: 'partner-udb',
      systemId: partner,
      cms: 'partner-cms',
      userProfiles: [],
      userMcpttId,
      policy: scenario.partner.policy ?? NO_POLICY,
      cache: scenario.partner.cache ?? null,
    },
  };
}

function sideLabel(message: EntityMessage): string {
  return message.type === 'profile.stored' ? 'acknowledgement' : message.type;
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
  private started = false;
  private readonly placer: StepPlacer;

  constructor(
    scenario: Scenario,
    procedureId: ProcedureId = defaultProcedure(scenario),
    options: RunOptions = {},
  ) {
    this.procedure = getProcedure(procedureId);
    this.placer = new StepPlacer(this.procedure);
    this.keepSnapshots = options.snapshots ?? true;
    const input = entityInputs(scenario, this.procedure);
    // Which transition each machine took is read from XState's inspection (a microstep names its transitions), with
    // the snapshots only: a sweep or the command line does without both.
    this.network = createActor(
      networkLogic,
      this.keepSnapshots ? { inspect: (event: InspectionEvent) => this.inspect(event) } : undefined,
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
    if (this.keepSnapshots) {
      this.snapshots.push(this.entities());
      this.transitions.push([]);
    }
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
    return this.started && this.network.getSnapshot().context.queue.length === 0;
  }

  /** Delivers the next message; null when the procedure has ended. */
  step(): TraceStep | null {
    this.taking = [];
    if (!this.started) {
      this.started = true;
      this.actors.cmc.send({ type: 'client.start' });
    }
    if (this.done) return null;
    if (this.steps.length >= MAX_STEPS) throw new Error(`internal error: no end after ${MAX_STEPS} steps`);
    // The receiver acts on the message; what it logs while doing so belongs to this step.
    const logged = this.logOf(this.network.getSnapshot().context.queue[0]?.to);
    this.network.send({ type: 'net.deliver' });
    const { delivered, unexpected } = this.network.getSnapshot().context;
    if (unexpected) throw new Error(`internal error: the network received ${unexpected}`);
    const [main, ...side] = delivered;
    if (!main) throw new Error('internal error: nothing was delivered');
    const step = this.describe(this.steps.length + 1, main, side, this.logOf(main.to).slice(logged.length));
    this.steps.push(step);
    if (this.keepSnapshots) {
      this.snapshots.push(this.entities());
      this.transitions.push(this.taking);
    }
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

  private describe(n: number, main: Envelope, side: Envelope[], log: string[]): TraceStep {
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
    if (placed.clause) {
      text = placed.clause.text;
      label = placed.clause.label;
    } else {
      const message = main.message.type === 'profile.error' ? main.message : null;
      const reason = message?.reason ?? '';
      const branch = message?.assumption
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
      }
    }
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
    };
  }

  result(): RunResult {
    const last = this.snapshots[this.snapshots.length - 1] ?? this.entities();
    const client = last.cmc;
    if (this.done && client.state === 'requesting') {
      throw new Error(`internal error: ${this.procedure.id} ended with the client still waiting`);
    }
    const firstError = this.steps.find((s) => s.kind === 'error');
    return {
      procedure: this.procedure.id,
      outcome: client.state === 'configured' ? 'delivered' : 'rejected',
      steps: this.steps,
      snapshots: this.snapshots,
      transitions: this.transitions,
      profiles: client.context.profiles,
      changes: last['partner-udb'].context.changes,
      validation: last['primary-cms'].context.validationResult,
      error:
        firstError && firstError.message.type === 'profile.error'
          ? { step: firstError.n, number: firstError.number, reason: firstError.message.reason }
          : null,
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
