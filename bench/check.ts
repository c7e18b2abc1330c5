/**
 * The checker (CONTRACT.md §11): states explored and states per second, per procedure, with up to 0..3 faults and the
 * client's timer (timing.timeoutMs.cmc, one retry) on the example scenario, in-process on one core; and the CLI with
 * up to 2 faults per procedure, process start included (`node --import tsx src/cli/check.ts`), as users run it.
 * Targets: up to 2 faults under 1 s per procedure from the CLI, up to 3 faults under 10 s.
 * `tsx bench/check.ts` runs it alone.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check } from '../src/core/explore/check';
import { PROCEDURE_IDS, type ProcedureId } from '../src/core/model/ids';
import { parseScenarioOrThrow } from '../src/core/model/scenario';

export const CHECK_TARGETS = { twoFaultsCliMs: 1000, threeFaultsMs: 10_000 } as const;

export interface CheckRow {
  procedure: ProcedureId;
  faults: number;
  states: number;
  ms: number;
  cpuMs: number;
  statesPerSecond: number;
}

export interface CheckBench {
  scenario: string;
  rows: CheckRow[];
  cli: { procedure: ProcedureId; faults: number; ms: number }[];
}

const EXAMPLE = 'examples/metro-to-county.json';

function withTimer(): { text: string; value: unknown } {
  const raw = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
  raw.timing = { timeoutMs: { cmc: 5000 }, retries: 1 };
  return { text: JSON.stringify(raw), value: raw };
}

export function benchCheck(): CheckBench {
  const { text } = withTimer();
  const scenario = parseScenarioOrThrow(text);
  const rows: CheckRow[] = [];
  // Warm up the machines' transitions once, as a long-lived process would be.
  check(scenario, { procedures: PROCEDURE_IDS, faults: 1 });
  for (const faults of [0, 1, 2, 3]) {
    for (const procedure of PROCEDURE_IDS) {
      const cpu = process.cpuUsage();
      const t = performance.now();
      const result = check(scenario, { procedures: [procedure], faults });
      const ms = performance.now() - t;
      const used = process.cpuUsage(cpu);
      rows.push({
        procedure,
        faults,
        states: result.states,
        ms: Math.round(ms),
        cpuMs: Math.round((used.user + used.system) / 1000),
        statesPerSecond: Math.round(result.states / (ms / 1000)),
      });
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'check-bench-'));
  const file = join(dir, 'timer.json');
  writeFileSync(file, text);
  const cli: CheckBench['cli'] = [];
  try {
    const script = fileURLToPath(new URL('../src/cli/check.ts', import.meta.url));
    for (const procedure of PROCEDURE_IDS) {
      const t = performance.now();
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', script, file, '--faults', '2', '--procedure', procedure],
        { encoding: 'utf8' },
      );
      if (run.status !== 0) throw new Error(`check CLI failed: ${run.stderr}`);
      cli.push({ procedure, faults: 2, ms: Math.round(performance.now() - t) });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { scenario: `${EXAMPLE} with timing.timeoutMs.cmc 5000, retries 1`, rows, cli };
}

export function printCheck(bench: CheckBench): void {
  console.log(`Check: every run, per procedure (${bench.scenario}; one core)`);
  for (const r of bench.rows) {
    const target =
      r.faults === 3
        ? ` (target < ${CHECK_TARGETS.threeFaultsMs} ms: ${r.ms < CHECK_TARGETS.threeFaultsMs ? 'met' : 'NOT met'})`
        : '';
    console.log(
      `  ${r.procedure} up to ${r.faults} fault${r.faults === 1 ? '' : 's'}: ${String(r.states).padStart(7)} states in ${String(r.ms).padStart(5)} ms (${r.cpuMs} ms CPU) = ${String(r.statesPerSecond).padStart(7)} states/s${target}`,
    );
  }
  for (const c of bench.cli) {
    console.log(
      `  CLI ${c.procedure} up to 2 faults: ${c.ms} ms with the process start (target < ${CHECK_TARGETS.twoFaultsCliMs}: ${c.ms < CHECK_TARGETS.twoFaultsCliMs ? 'met' : 'NOT met'})`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) printCheck(benchCheck());
