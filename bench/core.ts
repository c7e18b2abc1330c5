/**
 * `npm run bench`: complete simulation runs per second for each procedure, on one core (Node is single-threaded).
 * Prints a table and writes bench/results/core.json. A run = actors created, every step delivered and snapshotted.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { PROCEDURE_IDS, type ProcedureId } from '../src/core/ids';
import { PRESETS } from '../src/core/presets';
import { simulate } from '../src/core/run';
import { parseScenario } from '../src/core/scenario';

const scenario = PRESETS[0]!.scenario;
const TARGET_3_2 = 2000;

function measure(fn: () => void, ms = 1500): number {
  for (let i = 0; i < 300; i++) fn(); // warm-up
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

const results: Record<string, number> = {};
for (const id of PROCEDURE_IDS) {
  results[id] = Math.round(measure(() => simulate(scenario, id as ProcedureId)));
}
const text = JSON.stringify(scenario);
results['parse + 10.1.4.3.2'] = Math.round(
  measure(() => {
    const parsed = parseScenario(text);
    if (parsed.ok) simulate(parsed.scenario, '10.1.4.3.2');
  }),
);

console.log('Core: complete runs per second (one core)');
for (const [name, perSecond] of Object.entries(results)) {
  console.log(`  ${name.padEnd(22)} ${String(perSecond).padStart(7)} runs/s`);
}
const ok = (results['10.1.4.3.2'] ?? 0) >= TARGET_3_2;
console.log(`  target: 10.1.4.3.2 >= ${TARGET_3_2} runs/s: ${ok ? 'met' : 'NOT met'}`);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/core.json',
  JSON.stringify({ node: process.version, runsPerSecond: results, target: { '10.1.4.3.2': TARGET_3_2, met: ok } }, null, 2),
);
