/**
 * Each entity's statechart as its machine defines it, and what a run did on it: the state after every step, the
 * transitions each step took, the states entered up to a step, and how much of each machine a run (or every preset
 * under every procedure) covered. Read from the machines themselves (xstate/graph), never from a copy: a state or a
 * transition added to a machine is here with no other change.
 */
import type { AnyStateMachine, StateValue } from 'xstate';
import { getStateNodes, toDirectedGraph, type DirectedGraphNode } from 'xstate/graph';
import { ENTITY_MACHINES } from '../entities/networkMachine';
import { ENTITY_IDS, PROCEDURE_IDS, type EntityId } from '../model/ids';
import { PRESETS } from '../model/presets';
import { involvedEntities } from '../procedures';
import { scenarioFor, simulate, type RunResult } from './run';
import { transitionKey } from './transitionKey';

export interface ChartState {
  /** The state's path in its machine, dot-separated (`awaitingProfile`). */
  id: string;
  /** The state's own name (its key). */
  name: string;
  initial: boolean;
}

export interface ChartTransition {
  /** ./transitionKey.ts: what the run records when the machine takes it. */
  key: string;
  source: string;
  /** The state it goes to; a transition with no target stays where it is (its source). */
  target: string;
  /** Defined without a target: the state is not left (its actions run). */
  targetless: boolean;
  event: string;
  /** The guard as written (`validationPasses`, `preconditionsMet and not fetchesViaUdb`), or null. */
  guard: string | null;
}

export interface Statechart {
  entity: EntityId;
  /** The machine's own id (`primaryCms`). */
  machine: string;
  initial: string;
  /** In the order the machine defines them. */
  states: ChartState[];
  /** In the order the machine defines them, each state's in turn. */
  transitions: ChartTransition[];
}

interface GuardLike {
  type?: unknown;
  params?: unknown;
  name?: unknown;
  guards?: unknown;
}

/** A guard as its definition reads: a name, a name with parameters, or `and` / `or` / `not` of guards. */
function guardText(guard: unknown): string | null {
  if (guard === undefined || guard === null) return null;
  if (typeof guard === 'string') return guard;
  if (typeof guard !== 'object' && typeof guard !== 'function') return null;
  const g = guard as GuardLike;
  if (typeof guard === 'function' && Array.isArray(g.guards)) {
    const parts = g.guards.map((p) => guardText(p) ?? '?');
    if (g.name === 'not') return `not ${parts.join(', ')}`;
    return parts.join(g.name === 'or' ? ' or ' : ' and ');
  }
  if (typeof g.type === 'string') {
    const params = g.params;
    if (params && typeof params === 'object') {
      const values = Object.values(params as Record<string, unknown>).map((v) => String(v));
      return `${g.type}(${values.join(', ')})`;
    }
    return g.type;
  }
  return typeof g.name === 'string' && g.name ? g.name : null;
}

/** How a transition's event reads: delayed transitions by their delay, eventless ones as `always`. */
function eventText(eventType: string): string {
  const delayed = /^xstate\.after\.(\d+)\./.exec(eventType);
  if (delayed) return `after ${delayed[1]} ms`;
  return eventType === '' ? 'always' : eventType;
}

const pathOf = (node: { path: string[] }) => node.path.join('.');

function collectEdges(graph: DirectedGraphNode, into: ChartTransition[]): void {
  for (const edge of graph.edges) {
    const t = edge.transition;
    const key = transitionKey(t);
    if (key === null) continue;
    const targetless = !t.target || t.target.length === 0;
    into.push({
      key,
      source: pathOf(edge.source),
      target: pathOf(edge.target),
      targetless,
      event: eventText(String(t.eventType)),
      guard: guardText(t.guard),
    });
  }
  for (const child of graph.children) collectEdges(child, into);
}

/** The statechart of a machine, as it defines it. */
export function statechartOfMachine(entity: EntityId, machine: AnyStateMachine): Statechart {
  const root = machine.root;
  const initialPaths = new Set<string>();
  for (const node of getStateNodes(machine)) {
    const initial = node.parent?.config.initial;
    if (typeof initial === 'string' && initial === node.key) initialPaths.add(pathOf(node));
  }
  const states = getStateNodes(machine).map((node) => ({
    id: pathOf(node),
    name: node.key,
    initial: initialPaths.has(pathOf(node)),
  }));
  const transitions: ChartTransition[] = [];
  // toDirectedGraph lists the root's own transitions first, then each state's (children in definition order).
  collectEdges(toDirectedGraph(machine), transitions);
  const initial = typeof root.config.initial === 'string' ? root.config.initial : (states[0]?.id ?? '');
  return { entity, machine: machine.id, initial, states, transitions };
}

const charts = new Map<EntityId, Statechart>();

/** The statechart of an entity's machine (the machine run.ts runs for it). */
export function statechartOf(entity: EntityId): Statechart {
  let chart = charts.get(entity);
  if (!chart) {
    chart = statechartOfMachine(entity, ENTITY_MACHINES[entity]);
    charts.set(entity, chart);
  }
  return chart;
}

/** The entities a procedure involves, in the order of CONTRACT.md §1. */
export function chartEntities(run: RunResult): EntityId[] {
  const involved = new Set<EntityId>(involvedEntities(run.procedure));
  for (const s of run.steps) {
    involved.add(s.from);
    involved.add(s.to);
  }
  return ENTITY_IDS.filter((id) => involved.has(id));
}

/** The active states of a state value, each as a path (`a`, and `a.b` when `a` is compound). */
export function activeStates(value: StateValue): string[] {
  if (typeof value === 'string') return [value];
  const out: string[] = [];
  for (const [key, sub] of Object.entries(value)) {
    out.push(key);
    if (sub !== undefined) for (const inner of activeStates(sub)) out.push(`${key}.${inner}`);
  }
  return out;
}

/** What one entity did in a run, on its statechart. */
export interface EntityTrack {
  entity: EntityId;
  chart: Statechart;
  /** `active[k]`: the states the entity is in after step k (the entity panel's State row), innermost last. */
  active: string[][];
  /** `taken[k]`: the keys of the transitions it took in step k. */
  taken: string[][];
  /** For each state the run entered: the first step after which the entity was in it (0: from the start). */
  firstEntered: ReadonlyMap<string, number>;
  /** Every transition the run took, by key. */
  takenKeys: ReadonlySet<string>;
  /** For each transition the run took: the first step that took it. */
  firstTaken: ReadonlyMap<string, number>;
}

/** One entity's track through a run (a run that recorded its transitions: `simulate(…, { transitions: true })`). */
export function trackOf(
  run: RunResult,
  entity: EntityId,
  chart: Statechart = statechartOf(entity),
): EntityTrack {
  if (run.transitions.length !== run.snapshots.length)
    throw new Error(
      'a track needs a run that recorded its transitions (simulate with { transitions: true })',
    );
  const active = run.snapshots.map((s) => activeStates(s[entity].state as StateValue));
  const taken = run.snapshots.map((_, k) =>
    (run.transitions[k] ?? []).filter((t) => t.entity === entity).map((t) => t.key),
  );
  const firstEntered = new Map<string, number>();
  const byKey = new Map(chart.transitions.map((t) => [t.key, t]));
  active.forEach((states, k) => {
    // A state passed through within a step (entered and left again) counts as entered at that step.
    for (const key of taken[k] ?? []) {
      const t = byKey.get(key);
      if (t && !t.targetless && !firstEntered.has(t.target)) firstEntered.set(t.target, k);
    }
    for (const state of states) if (!firstEntered.has(state)) firstEntered.set(state, k);
  });
  const firstTaken = new Map<string, number>();
  taken.forEach((keys, k) => keys.forEach((key) => firstTaken.has(key) || firstTaken.set(key, k)));
  return { entity, chart, active, taken, firstEntered, takenKeys: new Set(firstTaken.keys()), firstTaken };
}

/** The states a track has been in after steps 0 to k. */
export function visitedBy(track: EntityTrack, k: number): Set<string> {
  const out = new Set<string>();
  for (const [state, at] of track.firstEntered) if (at <= k) out.add(state);
  return out;
}

/** How much of a machine some runs visited. */
export interface Coverage {
  entity: EntityId;
  states: { total: number; visited: number; missed: string[] };
  /** Each transition the machine defines (each guarded alternative on its own); missed ones as `source → target on event [guard]`. */
  transitions: { total: number; visited: number; missed: string[] };
}

/** A transition as a line of text: `validating → idle on cms.validate [failedCheckProhibits]`. */
export function transitionText(t: ChartTransition): string {
  const to = t.targetless ? `${t.source} (stays)` : `${t.source} → ${t.target}`;
  return `${to} on ${t.event}${t.guard ? ` [${t.guard}]` : ''}`;
}

/** What the tracks of one entity (from any number of runs) visited of its machine. */
export function coverageOf(chart: Statechart, tracks: readonly EntityTrack[]): Coverage {
  const states = new Set<string>();
  const keys = new Set<string>();
  for (const track of tracks) {
    for (const state of track.firstEntered.keys()) states.add(state);
    for (const key of track.takenKeys) keys.add(key);
  }
  const missedStates = chart.states.filter((s) => !states.has(s.id)).map((s) => s.id);
  const missedTransitions = chart.transitions.filter((t) => !keys.has(t.key));
  return {
    entity: chart.entity,
    states: {
      total: chart.states.length,
      visited: chart.states.length - missedStates.length,
      missed: missedStates,
    },
    transitions: {
      total: chart.transitions.length,
      visited: chart.transitions.length - missedTransitions.length,
      missed: missedTransitions.map(transitionText),
    },
  };
}

/** How much of each entity's machine a run visited (the entities of its procedure). */
export function runCoverage(run: RunResult): Coverage[] {
  return chartEntities(run).map((id) => coverageOf(statechartOf(id), [trackOf(run, id)]));
}

/**
 * How much of each machine the presets visit, each run under every procedure: whether they exercise the machines.
 * Twenty-odd short runs; `runs` is how many.
 */
export function presetCoverage(): { runs: number; coverage: Coverage[] } {
  const tracks = new Map<EntityId, EntityTrack[]>(ENTITY_IDS.map((id) => [id, []]));
  let runs = 0;
  for (const preset of PRESETS) {
    for (const procedure of PROCEDURE_IDS) {
      const run = simulate(scenarioFor(preset.scenario, procedure), procedure, { transitions: true });
      runs += 1;
      for (const id of ENTITY_IDS) tracks.get(id)?.push(trackOf(run, id));
    }
  }
  return {
    runs,
    coverage: ENTITY_IDS.map((id) => coverageOf(statechartOf(id), tracks.get(id) ?? [])),
  };
}
