/**
 * The sweep (CONTRACT.md §7): cells per second in-process on one core (10.1.4.3.2, every cell a complete run: the
 * sweep path's runs per second), and a 16,384-cell sweep through the CLI with the process start included, as users
 * run it (`npm run --silent sweep`), with Node and tsx alone (`node --import tsx src/cli/sweep.ts`) and built first
 * into one file run by `node`. Wall time and CPU time (the CLI's: every Node process of the command, added up) are
 * both reported.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseScenarioOrThrow } from '../src/core/model/scenario';
import { parseVary, sweep } from '../src/core/explore/sweep';
import { measure, type Rate } from './core';

export const SWEEP_TARGETS = {
  inProcessRunsPerSecond: 10_000,
  cliCellsPerSecond: 5_000,
  /** The sweep path with a fault in the scenario (CONTRACT.md §10). */
  faultedCellsPerSecond: 10_000,
} as const;

/**
 * Faults and timers for the faulted sweep, chosen so that every cell still reads both varied fields (the cap at step
 * 7, the floor at step 11): 10.1.4.3.2's step 5 arrives twice (the copy discarded by the busy partner CMS), step 10
 * half a second late, and the client and the primary CMS run timers that the answers beat.
 */
export const FAULTED = {
  faults: [
    { kind: 'duplicate', step: 5 },
    { kind: 'delay', step: 10, byMs: 500 },
  ],
  timing: { timeoutMs: { cmc: 20000, 'primary-cms': 5000 } },
};

const EXAMPLE = 'examples/metro-to-county.json';
/**
 * Both fields are read by every 10.1.4.3.2 run (the cap at step 7, the floor at step 11): no cell is memoised, every
 * cell is a complete run (test/sweep.test.ts checks it).
 */
const CLI_VARY = ['partner.policy.maxPriority=0..127', 'primary.validation.minPriority=0..127'];
const CLI_CELLS = 128 * 128;

export interface CliRun {
  command: string;
  seconds: number;
  cpuSeconds: number;
  /** Cells per second of wall time, the process start included. */
  cellsPerSecond: number;
  /** Cells per second of the command's CPU time (every Node process it started). */
  cellsPerCpuSecond: number;
}

export interface SweepBench {
  /** 2,048 cells a sweep (cap × floor), each a complete 10.1.4.3.2 run: runs (cells) per second. */
  inProcess: { cells: number; vary: string[]; rate: Rate };
  /**
   * 2,048 cells of the profile's own priority × floor: the change record names the profile's priority, so every
   * priority gives the primary another profile to check and less is reused from cell to cell.
   */
  inProcessPriority: { cells: number; vary: string[]; rate: Rate };
  /** The cap × floor sweep with faults and timers in the scenario (FAULTED): every cell a complete timed run. */
  inProcessFaulted: { cells: number; vary: string[]; rate: Rate };
  /**
   * `bundled`: the CLI built first into one JavaScript file (esbuild, which tsx brings) and run by `node` alone: what
   * a build step for the CLI would give. Not how `npm run sweep` runs it; null when esbuild is not there.
   */
  cli: { cells: number; npm: CliRun; node: CliRun; bundled: CliRun | null };
}

/** Sweeps of 10.1.4.3.2 in-process, again and again for about `ms`: cells (each a complete run) per second. */
function inProcess(
  ms: number,
  specs: string[],
  extra: Record<string, unknown> = {},
): { cells: number; vary: string[]; rate: Rate } {
  const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
  const scenario = parseScenarioOrThrow({ ...example, ...extra });
  const vary = specs.map((v) => parseVary(v));
  const cells = vary.reduce((n, v) => n * v.values.length, 1);
  const once = () => {
    if (sweep(scenario, vary, ['10.1.4.3.2']).cells.length !== cells) throw new Error('sweep: cells lost');
  };
  return { cells, vary: specs, rate: measure(once, ms, cells, 3 * cells) };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Runs one command, timing it and adding up the CPU time of every Node process it starts. */
function timed(command: string, args: string[]): CliRun {
  const dir = mkdtempSync(join(tmpdir(), 'mcx-bench-'));
  const cpuFile = join(dir, 'cpu');
  const preload = pathToFileURL(resolve('bench/cpu-report.mjs')).href;
  try {
    const env = {
      ...process.env,
      BENCH_CPU_FILE: cpuFile,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${preload}`.trim(),
    };
    const start = performance.now();
    const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env });
    const seconds = (performance.now() - start) / 1000;
    if (result.status !== 0) throw new Error(`sweep CLI failed: ${result.stderr}`);
    let micros = 0;
    for (const line of readFileSync(cpuFile, 'utf8').split('\n')) micros += Number(line.split(' ')[1] ?? 0);
    const cpuSeconds = micros / 1e6;
    return {
      command: `${command} ${args.join(' ')}`,
      seconds: round(seconds),
      cpuSeconds: round(cpuSeconds),
      cellsPerSecond: Math.round(CLI_CELLS / seconds),
      cellsPerCpuSecond: Math.round(CLI_CELLS / cpuSeconds),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The sweep CLI as one file built by esbuild (a dependency of tsx), run by `node` alone; null without esbuild. */
async function bundled(args: string[]): Promise<CliRun | null> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'mcx-bundle-'));
  try {
    const outfile = join(dir, 'sweep.mjs');
    await esbuild.build({
      entryPoints: ['src/cli/sweep.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile,
      logLevel: 'warning',
    });
    return timed(process.execPath, [outfile, ...args]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function cli(): Promise<SweepBench['cli']> {
  const sweepArgs = [EXAMPLE, ...CLI_VARY.flatMap((v) => ['--vary', v]), '--procedure', '10.1.4.3.2'];
  return {
    cells: CLI_CELLS,
    npm: timed('npm', ['run', '--silent', 'sweep', '--', ...sweepArgs]),
    node: timed(process.execPath, ['--import', 'tsx', 'src/cli/sweep.ts', ...sweepArgs]),
    bundled: await bundled(sweepArgs),
  };
}

export async function benchSweep(ms = 3000): Promise<SweepBench> {
  return {
    // the same two fields as the CLI's sweep (see CLI_VARY), 2,048 cells
    inProcess: inProcess(ms, ['partner.policy.maxPriority=0..127', 'primary.validation.minPriority=0..15']),
    inProcessPriority: inProcess(ms, [
      'primary.profiles[1].priority=0..255',
      'primary.validation.minPriority=0..7',
    ]),
    inProcessFaulted: inProcess(
      ms,
      ['partner.policy.maxPriority=0..127', 'primary.validation.minPriority=0..15'],
      FAULTED,
    ),
    cli: await cli(),
  };
}
