/** Complete simulation runs per second for each procedure, on one core (Node runs the simulation single-threaded). */
import { PROCEDURE_IDS } from '../src/core/ids';
import { PRESETS } from '../src/core/presets';
import { simulate } from '../src/core/run';
import { parseScenario } from '../src/core/scenario';

export const CORE_TARGET = { procedure: '10.1.4.3.2', runsPerSecond: 2000 } as const;

function measure(fn: () => void, ms: number): number {
  for (let i = 0; i < 2000; i++) fn(); // warm-up: the JIT settles on this procedure's shapes
  let runs = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 50; i++) fn();
    runs += 50;
    now = performance.now();
  }
  return (runs * 1000) / (now - start);
}

export function benchCore(ms = 1500): Record<string, number> {
  const scenario = PRESETS[0]!.scenario;
  const results: Record<string, number> = {};
  for (const id of PROCEDURE_IDS) results[id] = Math.round(measure(() => simulate(scenario, id), ms));
  const text = JSON.stringify(scenario);
  results['parse + 10.1.4.3.2'] = Math.round(
    measure(() => {
      const parsed = parseScenario(text);
      if (parsed.ok) simulate(parsed.scenario, '10.1.4.3.2');
    }, ms),
  );
  return results;
}
