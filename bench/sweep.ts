/**
 * The sweep (CONTRACT.md §7): cells per second in-process on one core (10.1.4.3.2, every cell a complete run), and
 * a 16,384-cell sweep through the CLI with the process start included.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseScenarioOrThrow } from '../src/core/scenario';
import { parseVary, sweep } from '../src/core/sweep';

export const SWEEP_TARGETS = { inProcessRunsPerSecond: 10_000, cliCellsPerSecond: 5_000 } as const;

const EXAMPLE = 'examples/metro-to-county.json';
/** Both fields are read by every 10.1.4.3.2 run (the cap at step 7, the floor at step 11): no cell is memoised. */
const CLI_VARY = ['partner.policy.maxPriority=0..127', 'primary.validation.minPriority=0..127'];

export interface SweepBench {
  inProcess: { cells: number; cellsPerSecond: number; cellsPerCpuSecond: number };
  cli: { cells: number; seconds: number; cellsPerSecond: number; command: string };
}

function inProcess(ms: number): SweepBench['inProcess'] {
  const scenario = parseScenarioOrThrow(readFileSync(EXAMPLE, 'utf8'));
  // 2,048 cells of the same two fields as the CLI's sweep, each a complete run (see CLI_VARY)
  const vary = ['partner.policy.maxPriority=0..127', 'primary.validation.minPriority=0..15'].map((v) =>
    parseVary(v),
  );
  const once = () => sweep(scenario, vary, ['10.1.4.3.2']).cells.length;
  once(); // warm-up: the JIT settles on the run's shapes
  let cells = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    cells += once();
    now = performance.now();
  }
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  return {
    cells,
    cellsPerSecond: Math.round((cells * 1000) / (now - start)),
    // the process's CPU time (GC threads included): less swayed than the wall clock by a busy machine
    cellsPerCpuSecond: Math.round(cells / cpuSeconds),
  };
}

function cli(): SweepBench['cli'] {
  const args = ['run', '--silent', 'sweep', '--', EXAMPLE, ...CLI_VARY.flatMap((v) => ['--vary', v])];
  args.push('--procedure', '10.1.4.3.2');
  const start = performance.now();
  const result = spawnSync('npm', args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`sweep CLI failed: ${result.stderr}`);
  const cells = 128 * 128;
  return {
    cells,
    seconds: Math.round(seconds * 100) / 100,
    cellsPerSecond: Math.round(cells / seconds),
    command: `npm ${args.join(' ')}`,
  };
}

export function benchSweep(ms = 3000): SweepBench {
  return { inProcess: inProcess(ms), cli: cli() };
}
