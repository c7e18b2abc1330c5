/**
 * Complete simulation runs per second on one core (Node runs the simulation single-threaded), by the wall clock and by
 * the process's CPU time (`process.cpuUsage`, less swayed by a busy machine): every procedure through `simulate` with
 * snapshots (what the player runs), and 10.1.4.3.2 without snapshots, through the sweep's runner with nothing to reuse,
 * and on the sweep path (bench/sweep.ts: a sweep's cells, each a complete run).
 */
import { readFileSync } from 'node:fs';
import { runOutcome } from '../src/core/engine/fastRun';
import { PROCEDURE_IDS } from '../src/core/model/ids';
import { PRESETS } from '../src/core/model/presets';
import { simulate } from '../src/core/engine/run';
import { parseScenario, parseScenarioOrThrow, type Scenario } from '../src/core/model/scenario';

export const CORE_TARGET = { procedure: '10.1.4.3.2', runsPerSecond: 3000 } as const;

export interface Rate {
  /** Runs per second of wall time. */
  wall: number;
  /** Runs per second of the process's CPU time (user + system, GC threads included). */
  cpu: number;
}

/** Calls `fn` (which does `per` runs) for about `ms` after a warm-up; runs per second by the wall and by CPU time. */
export function measure(fn: () => void, ms: number, per = 1, warmUp = 2000): Rate {
  for (let i = 0; i < warmUp; i += per) fn(); // the JIT settles on this procedure's shapes
  let runs = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 50; i += per) {
      fn();
      runs += per;
    }
    now = performance.now();
  }
  const used = process.cpuUsage(cpu);
  return {
    wall: Math.round((runs * 1000) / (now - start)),
    cpu: Math.round((runs * 1e6) / (used.user + used.system)),
  };
}

/**
 * Copies of the example that share no object and no data any entity holds: each has its own user, MC service IDs and
 * system ids, so the runner can reuse nothing from one run to the next (every input, context and message differs).
 */
function distinctCopies(count: number): Scenario[] {
  const text = readFileSync('examples/metro-to-county.json', 'utf8');
  return Array.from({ length: count }, (_, i) =>
    parseScenarioOrThrow(
      text
        .replaceAll('alice@metro.example', `alice-${i}@metro-${i}.example`)
        .replaceAll('"metro.example"', `"metro-${i}.example"`)
        .replaceAll('county.example', `county-${i}.example`),
    ),
  );
}

export interface CoreBench {
  /** `simulate` with a snapshot of every entity after each step, per procedure; and parse + run. */
  withSnapshots: Record<string, Rate>;
  /** 10.1.4.3.2: `simulate(…, { snapshots: false })` (the actor system, no snapshots). */
  withoutSnapshots: Rate;
  /** 10.1.4.3.2: `runOutcome` on a different scenario each run (other ids: nothing reused from run to run). */
  fastRunCold: Rate;
}

export function benchCore(ms = 1500): CoreBench {
  const scenario = PRESETS[0]!.scenario;
  const withSnapshots: Record<string, Rate> = {};
  for (const id of PROCEDURE_IDS) withSnapshots[id] = measure(() => simulate(scenario, id), ms);
  const text = JSON.stringify(scenario);
  withSnapshots['parse + 10.1.4.3.2'] = measure(() => {
    const parsed = parseScenario(text);
    if (parsed.ok) simulate(parsed.scenario, '10.1.4.3.2');
  }, ms);
  const withoutSnapshots = measure(() => simulate(scenario, '10.1.4.3.2', { snapshots: false }), ms);
  const copies = distinctCopies(64);
  for (const copy of copies) {
    if (runOutcome(copy, '10.1.4.3.2').outcome !== 'delivered')
      throw new Error('bench: a copy is not delivered');
  }
  let next = 0;
  const fastRunCold = measure(() => {
    const copy = copies[next];
    if (copy) runOutcome(copy, '10.1.4.3.2');
    next = (next + 1) % copies.length;
  }, ms);
  return { withSnapshots, withoutSnapshots, fastRunCold };
}
