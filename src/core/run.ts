import { createActor, type Actor, type AnyActorRef } from 'xstate';
import type { ClientContext } from './entities/clientMachine';
import type { CmsContext } from './entities/cmsMachine';
import type { EntityMessage, Envelope } from './entities/messages';
import { networkMachine, type NetworkInput } from './entities/networkMachine';
import type { UdbContext } from './entities/udbMachine';
import { ENTITIES, ENTITY_IDS, type EntityId, type ProcedureId } from './ids';
import type { Change } from './policy';
import { getProcedure, type Procedure } from './procedures';
import type { Profile } from './profile';
import type { Scenario } from './schema';
import type { ValidationResult } from './validation';

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
  n: number;
  from: EntityId;
  to: EntityId;
  kind: StepKind;
  /** The clause's words for this step, or the simulator's where the clause is silent (then `assumption`). */
  text: string;
  assumption: boolean;
  /** A few words for the diagram's arrow. */
  label: string;
  /** The number of the clause step this is, or null for an extra step. */
  clauseStep: number | null;
  message: EntityMessage;
  also: SideMessage[];
}

export type EntitySnapshot =
  | { id: EntityId; kind: 'client'; state: string; context: ClientContext }
  | { id: EntityId; kind: 'cms'; state: string; context: CmsContext }
  | { id: EntityId; kind: 'udb'; state: string; context: UdbContext };

export type EntitySnapshots = Record<EntityId, EntitySnapshot>;

export type Outcome = 'delivered' | 'rejected';

export interface RunResult {
  procedure: ProcedureId;
  outcome: Outcome;
  steps: TraceStep[];
  /** `snapshots[k]`: every entity after step k (`snapshots[0]`: before step 1). */
  snapshots: EntitySnapshots[];
  /** What the client holds at the end. */
  profiles: Profile[];
  changes: Change[];
  validation: ValidationResult | null;
  error: { step: number; reason: string } | null;
  stores: { 'partner-udb': Profile | null; 'primary-udb': Profile | null };
}

/** The procedure a scenario runs without `--procedure`: `ue.configuredBy` picks 10.1.4.3.2 or 10.1.4.3.3. */
export function defaultProcedure(scenario: Scenario): ProcedureId {
  return scenario.ue.configuredBy === 'primary' ? '10.1.4.3.2' : '10.1.4.3.3';
}

/** The entities' inputs: the scenario's data, and how this procedure's variant wires them. */
export function entityInputs(scenario: Scenario, procedure: Procedure): NetworkInput {
  const serviceIds = [
    scenario.user.serviceIds.mcptt,
    scenario.user.serviceIds.mcvideo,
    scenario.user.serviceIds.mcdata,
  ].filter((id): id is string => typeof id === 'string');
  const preconditions = {
    migrationPermitted: scenario.preconditions?.migrationPermitted ?? true,
    authenticatedInPartner: scenario.preconditions?.authenticatedInPartner ?? true,
  };
  const profiles = scenario.primary.profiles;
  return {
    cmc: {
      id: 'cmc',
      server: procedure.configuredBy === 'partner' ? 'partner-cms' : 'primary-cms',
      serviceId: scenario.user.serviceIds.mcptt,
      partnerSystemId: procedure.migration ? scenario.partner.systemId : null,
    },
    'primary-cms': {
      id: 'primary-cms',
      role: 'primary',
      systemId: scenario.primary.systemId,
      udb: 'primary-udb',
      peer: 'partner-cms',
      userProfiles: profiles,
      serviceIds,
      validation: scenario.primary.validation,
      fetchViaUdb: false,
      preconditions,
    },
    'primary-udb': {
      id: 'primary-udb',
      role: 'primary',
      systemId: scenario.primary.systemId,
      cms: 'primary-cms',
      userProfiles: profiles,
      policy: undefined,
      cache: null,
    },
    'partner-cms': {
      id: 'partner-cms',
      role: 'partner',
      systemId: scenario.partner.systemId,
      udb: 'partner-udb',
      peer: 'primary-cms',
      userProfiles: [],
      serviceIds,
      validation: undefined,
      fetchViaUdb: procedure.partnerFetchesViaUdb,
      preconditions,
    },
    'partner-udb': {
      id: 'partner-udb',
      role: 'partner',
      systemId: scenario.partner.systemId,
      cms: 'partner-cms',
      userProfiles: [],
      policy: scenario.partner.policy ?? {},
      cache: scenario.partner.cache ?? null,
    },
  };
}

const MAX_STEPS = 64;

function kindOf(envelope: Envelope): StepKind {
  if (envelope.message.type === 'profile.error') return 'error';
  return envelope.from === envelope.to ? 'action' : 'message';
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
  private readonly network: Actor<typeof networkMachine>;
  private started = false;
  private offScript = false;

  constructor(scenario: Scenario, procedureId: ProcedureId = defaultProcedure(scenario)) {
    this.procedure = getProcedure(procedureId);
    this.network = createActor(networkMachine, { input: entityInputs(scenario, this.procedure) });
    this.network.start();
    this.snapshots.push(this.entities());
  }

  get done(): boolean {
    return this.started && this.network.getSnapshot().context.queue.length === 0;
  }

  /** Delivers the next message; null when the procedure has ended. */
  step(): TraceStep | null {
    if (!this.started) {
      this.started = true;
      this.entity('cmc')?.send({ type: 'client.start' });
    }
    if (this.done) return null;
    if (this.steps.length >= MAX_STEPS) throw new Error(`internal error: no end after ${MAX_STEPS} steps`);
    this.network.send({ type: 'net.deliver' });
    const [main, ...side] = this.network.getSnapshot().context.delivered;
    if (!main) throw new Error('internal error: nothing was delivered');
    const step = this.describe(this.steps.length + 1, main, side);
    this.steps.push(step);
    this.snapshots.push(this.entities());
    return step;
  }

  /** Runs to the end. */
  run(): RunResult {
    while (this.step()) {
      /* one step at a time */
    }
    return this.result();
  }

  /** An entity's actor, found in the system by its id. */
  private entity(id: EntityId): AnyActorRef | undefined {
    return this.network.system.get(id) as AnyActorRef | undefined;
  }

  entities(): EntitySnapshots {
    const read = (id: EntityId): EntitySnapshot => {
      const snapshot = this.entity(id)?.getSnapshot() as { value: unknown; context: unknown } | undefined;
      if (!snapshot) throw new Error(`internal error: entity ${id} is not in the system`);
      return {
        id,
        kind: ENTITIES[id].kind,
        state: String(snapshot.value),
        context: snapshot.context,
      } as EntitySnapshot;
    };
    return Object.fromEntries(ENTITY_IDS.map((id) => [id, read(id)])) as EntitySnapshots;
  }

  private describe(n: number, main: Envelope, side: Envelope[]): TraceStep {
    const kind = kindOf(main);
    const also = side.map((e) => ({
      from: e.from,
      to: e.to,
      label: sideLabel(e.message),
      message: e.message,
    }));
    const base = { n, from: main.from, to: main.to, kind, message: main.message, also };
    if (main.message.type === 'profile.error') {
      this.offScript = true;
      const { reason, assumption } = main.message;
      const branch = this.procedure.branches.find(
        (b) => b.after === n - 1 && b.from === main.from && b.to === main.to,
      );
      if (branch && !assumption) {
        return { ...base, text: branch.text, assumption: false, label: branch.label, clauseStep: null };
      }
      return {
        ...base,
        text: assumptionText(main, reason),
        assumption: true,
        label: `error: ${reason}`,
        clauseStep: null,
      };
    }
    const clause = this.procedure.steps[n - 1];
    if (
      this.offScript ||
      !clause ||
      clause.from !== main.from ||
      clause.to !== main.to ||
      clause.kind !== kind
    ) {
      throw new Error(
        `internal error: step ${n} of ${this.procedure.id} went ${main.from} -> ${main.to} (${kind}), ` +
          `the clause says ${clause ? `${clause.from} -> ${clause.to} (${clause.kind})` : 'nothing'}`,
      );
    }
    return { ...base, text: clause.text, assumption: false, label: clause.label, clauseStep: clause.n };
  }

  result(): RunResult {
    const last = this.snapshots[this.snapshots.length - 1] ?? this.entities();
    const client = last.cmc.context as ClientContext;
    const primaryCms = last['primary-cms'].context as CmsContext;
    const primaryUdb = last['primary-udb'].context as UdbContext;
    const partnerUdb = last['partner-udb'].context as UdbContext;
    if (this.done && last.cmc.state === 'requesting') {
      throw new Error(`internal error: ${this.procedure.id} ended with the client still waiting`);
    }
    const firstError = this.steps.find((s) => s.kind === 'error');
    return {
      procedure: this.procedure.id,
      outcome: last.cmc.state === 'configured' ? 'delivered' : 'rejected',
      steps: this.steps,
      snapshots: this.snapshots,
      profiles: client.profiles,
      changes: partnerUdb.changes,
      validation: primaryCms.validationResult,
      error:
        firstError && firstError.message.type === 'profile.error'
          ? { step: firstError.n, reason: firstError.message.reason }
          : null,
      stores: { 'partner-udb': partnerUdb.stored, 'primary-udb': primaryUdb.stored },
    };
  }
}

/** Runs a procedure on a (parsed) scenario from start to end. */
export function simulate(scenario: Scenario, procedureId?: ProcedureId): RunResult {
  return new Simulation(scenario, procedureId).run();
}
