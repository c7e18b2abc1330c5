/**
 * `npm run bench`: one report, printed and written to bench/results/report.json: the core's runs per second (with
 * snapshots per procedure; 10.1.4.3.2 without them, through the sweep's runner and on the sweep path), the sweep's
 * cells per second (in-process and through the CLI), and the player in the browser beside a full Mermaid render of the
 * same diagram. Rates are by the wall clock and by CPU time: on a busy machine the CPU figure is the steadier one.
 * The checker's states explored and states per second (bench/check.ts), and the package's tarball size and install
 * time, are reported too.
 * `npm run bench -- --no-browser` leaves the browser out; `npm run bench -- --browser-only` runs only the browser
 * (`--runs=N`: the first-diagram visits of each kind, default 7), written to bench/results/browser.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserResults } from './browser';
import { benchCheck, CHECK_TARGETS, printCheck, type CheckBench } from './check';
import { benchCore, CORE_TARGET, type Rate } from './core';
import { benchPackage, type PackageBench } from './package';
import { benchSweep, FAULTED, SWEEP_TARGETS, type CliRun } from './sweep';

const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');
const rate = (r: Rate, unit = 'runs/s') =>
  `${String(r.wall).padStart(7)} ${unit} wall, ${String(r.cpu).padStart(7)} ${unit} CPU`;
/** A target against both figures: met by CPU time, by the wall clock, both or neither. */
const against = (r: Rate, target: number) =>
  `target >= ${target}: ${mark(r.cpu >= target)} by CPU time, ${mark(r.wall >= target)} by the wall clock`;

const browserOnly = process.argv.includes('--browser-only');
const runsArg = process.argv.find((a) => a.startsWith('--runs='));
const runs = runsArg ? Number(runsArg.slice('--runs='.length)) : undefined;
if (runs !== undefined && !(Number.isInteger(runs) && runs >= 1)) {
  console.error(`bench: --runs: expected a whole number >= 1, got ${runsArg}`);
  process.exit(2);
}

let coreReport: unknown = null;
let sweepReport: unknown = null;
let packageReport: PackageBench | null = null;
let checkReport: (CheckBench & { targets: typeof CHECK_TARGETS }) | null = null;
if (!browserOnly) {
  const core = benchCore();
  const sweep = await benchSweep();
  const snapshots = core.withSnapshots[CORE_TARGET.procedure] ?? { wall: 0, cpu: 0 };
  const sweepPath = sweep.inProcess.rate;

  console.log('Core: complete runs per second (one core)');
  for (const [name, r] of Object.entries(core.withSnapshots))
    console.log(`  ${`${name}, snapshots`.padEnd(34)} ${rate(r)}`);
  console.log(
    `    ${CORE_TARGET.procedure} with snapshots: ${against(snapshots, CORE_TARGET.runsPerSecond)}`,
  );
  console.log(`  ${'10.1.4.3.2, no snapshots'.padEnd(34)} ${rate(core.withoutSnapshots)}`);
  console.log(`  ${'10.1.4.3.2, fast runner, cold'.padEnd(34)} ${rate(core.fastRunCold)}`);
  console.log(`  ${'10.1.4.3.2, sweep path'.padEnd(34)} ${rate(sweepPath)}`);
  console.log(`  ${'10.1.4.3.2, sweep path, less reuse'.padEnd(34)} ${rate(sweep.inProcessPriority.rate)}`);
  console.log(
    `    10.1.4.3.2 on the sweep path: ${against(sweepPath, SWEEP_TARGETS.inProcessRunsPerSecond)}`,
  );
  console.log(
    '    (cold: a different scenario each run, other ids, nothing reused; sweep path: the cells of a 2,048-cell sweep',
  );
  console.log(
    '    (cap × floor; less reuse: priority × floor), each a complete run, with the initial snapshots and the',
  );
  console.log('    transitions that read nothing that changed kept: see Sweep below)');

  const cliLine = (name: string, run: CliRun) =>
    `  ${name.padEnd(26)} ${sweep.cli.cells} cells in ${run.seconds} s (${run.cpuSeconds} s CPU) = ` +
    `${run.cellsPerSecond} cells/s wall, ${run.cellsPerCpuSecond} cells/s CPU ` +
    `(target >= ${SWEEP_TARGETS.cliCellsPerSecond}: ${mark(run.cellsPerSecond >= SWEEP_TARGETS.cliCellsPerSecond)} by the wall clock)`;
  console.log('Sweep: 10.1.4.3.2, every cell a complete run');
  console.log(`  ${'in-process, cap × floor'.padEnd(30)} ${rate(sweepPath, 'cells/s')}`);
  console.log(`    (${sweep.inProcess.vary.join(' × ')}: ${sweep.inProcess.cells} cells a sweep)`);
  console.log(
    `  ${'in-process, priority × floor'.padEnd(30)} ${rate(sweep.inProcessPriority.rate, 'cells/s')}`,
  );
  console.log(
    `    (${sweep.inProcessPriority.vary.join(' × ')}: every priority gives another profile, less to reuse)`,
  );
  const faulted = sweep.inProcessFaulted.rate;
  console.log(
    `  ${'in-process, with a fault'.padEnd(30)} ${rate(faulted, 'cells/s')} (target >= ${SWEEP_TARGETS.faultedCellsPerSecond}: ${mark(faulted.wall >= SWEEP_TARGETS.faultedCellsPerSecond)} by the wall clock)`,
  );
  console.log(
    `    (${sweep.inProcessFaulted.vary.join(' × ')} with ${JSON.stringify(FAULTED)}: the timed path)`,
  );
  console.log(cliLine('CLI via npm run', sweep.cli.npm));
  console.log(cliLine('CLI via node --import tsx', sweep.cli.node));
  if (sweep.cli.bundled) console.log(cliLine('CLI bundled, node alone', sweep.cli.bundled));
  else console.log('  CLI bundled, node alone   skipped (esbuild is not installed)');
  console.log(
    '    (bundled: src/cli/sweep.ts built into one file by esbuild first; not how npm run sweep runs it)',
  );

  coreReport = {
    runsPerSecond: core,
    sweepPath,
    targets: { snapshots: CORE_TARGET, sweepPath: SWEEP_TARGETS.inProcessRunsPerSecond },
    met: {
      snapshots: {
        cpu: snapshots.cpu >= CORE_TARGET.runsPerSecond,
        wall: snapshots.wall >= CORE_TARGET.runsPerSecond,
      },
      sweepPath: {
        cpu: sweepPath.cpu >= SWEEP_TARGETS.inProcessRunsPerSecond,
        wall: sweepPath.wall >= SWEEP_TARGETS.inProcessRunsPerSecond,
      },
    },
  };
  sweepReport = {
    ...sweep,
    targets: SWEEP_TARGETS,
    met: {
      cliNpm: sweep.cli.npm.cellsPerSecond >= SWEEP_TARGETS.cliCellsPerSecond,
      cliNode: sweep.cli.node.cellsPerSecond >= SWEEP_TARGETS.cliCellsPerSecond,
      cliBundled: sweep.cli.bundled
        ? sweep.cli.bundled.cellsPerSecond >= SWEEP_TARGETS.cliCellsPerSecond
        : null,
    },
  };
}

if (!browserOnly) {
  const checked = benchCheck();
  printCheck(checked);
  checkReport = { ...checked, targets: CHECK_TARGETS };
}

if (!browserOnly) {
  packageReport = benchPackage();
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  console.log('Package (npm pack, then npm install <tarball> --omit=dev in an empty folder)');
  console.log(
    `  tarball ${kb(packageReport.bytes)} (${kb(packageReport.unpackedBytes)} unpacked, ${packageReport.files} files); ` +
      `pack with its build ${packageReport.packMs} ms; install ${packageReport.installMs} ms`,
  );
}

let browser: (BrowserResults & { targets: unknown; met: Record<string, boolean> }) | null = null;
if (!process.argv.includes('--no-browser')) {
  // The system Chromium, found or installed as `npm test` does (scripts/ensure-chromium.mjs): a fresh machine has none.
  execFileSync(
    process.execPath,
    [fileURLToPath(new URL('../scripts/ensure-chromium.mjs', import.meta.url))],
    {
      stdio: 'inherit',
    },
  );
  const { benchBrowser, BROWSER_TARGETS } = await import('./browser');
  const results = await benchBrowser({ runs });
  const { cold, repeat } = results.firstDiagram;
  const met = {
    stepP95: results.stepLatencyMs.p95 <= BROWSER_TARGETS.stepP95Ms,
    ratio: results.stepToRenderRatio <= BROWSER_TARGETS.stepToRenderRatio,
    firstView: results.firstViewJsGzipKb <= BROWSER_TARGETS.firstViewGzipKb,
    firstDiagramCold: cold.ratio <= BROWSER_TARGETS.firstDiagramColdRatio,
    firstDiagramRepeat: repeat.ratio <= BROWSER_TARGETS.firstDiagramRepeatRatio,
    layoutShift: results.layoutShift.every(
      (r) => r.first <= BROWSER_TARGETS.layoutShift && r.repeat <= BROWSER_TARGETS.layoutShift,
    ),
    statesLongTask: results.statesView.longTasksMs.every((d) => d <= BROWSER_TARGETS.statesLongTaskMs),
  };
  browser = { ...results, targets: BROWSER_TARGETS, met };
  console.log('Browser (built app, system Chromium, 10.1.4.3.2)');
  console.log(
    `  first view JavaScript     ${results.firstViewJsGzipKb} kB gzip -6 in ${results.firstViewScripts} files, until idle (target <= ${BROWSER_TARGETS.firstViewGzipKb}: ${mark(met.firstView)})`,
  );
  for (const f of results.firstViewFiles)
    console.log(`    ${(f.gzipBytes / 1024).toFixed(1).padStart(6)} kB  ${f.file}`);
  const line = (name: string, d: typeof cold, target: number, ok: boolean) =>
    `  first diagram, ${name.padEnd(10)} app ${d.app.median} ms, Mermaid alone ${d.bare.median} ms (medians of ${results.firstDiagram.runs}): ratio ${d.ratio} (target <= ${target}: ${mark(ok)})`;
  console.log(line('cold', cold, BROWSER_TARGETS.firstDiagramColdRatio, met.firstDiagramCold));
  console.log(line('repeat', repeat, BROWSER_TARGETS.firstDiagramRepeatRatio, met.firstDiagramRepeat));
  console.log(`    app cold   ${cold.app.runs.join(', ')} ms; alone ${cold.bare.runs.join(', ')} ms`);
  console.log(`    app repeat ${repeat.app.runs.join(', ')} ms; alone ${repeat.bare.runs.join(', ')} ms`);
  console.log(
    `    (navigation → step 1 highlighted on the SVG; Mermaid alone: its own bundle, the same text, config and fonts; repeat SVG from: ${Object.entries(
      results.repeatSources,
    )
      .map(([k, v]) => `${k} ×${v}`)
      .join(', ')})`,
  );
  console.log(
    `  layout shift              navigation until idle, every shift summed (target <= ${BROWSER_TARGETS.layoutShift} each: ${mark(met.layoutShift)})`,
  );
  for (const r of results.layoutShift)
    console.log(`    ${`${r.size} ${r.mode}`.padEnd(24)} first visit ${r.first}, repeat visit ${r.repeat}`);
  console.log(
    `  step latency              p50 ${results.stepLatencyMs.p50} ms, p95 ${results.stepLatencyMs.p95} ms, max ${results.stepLatencyMs.max} ms (${results.stepLatencyMs.samples} steps; target p95 <= ${BROWSER_TARGETS.stepP95Ms}: ${mark(met.stepP95)})`,
  );
  console.log(
    `  warm full Mermaid render  p50 ${results.fullRenderMs.p50} ms, p95 ${results.fullRenderMs.p95} ms (${results.fullRenderMs.samples} renders)`,
  );
  console.log(
    `  step p95 / render p50     ${results.stepToRenderRatio} (target <= ${BROWSER_TARGETS.stepToRenderRatio}: ${mark(met.ratio)})`,
  );
  const states = results.statesView;
  console.log(
    `  States view switched on   shown in ${states.shownMs} ms; long tasks ${states.longTasksMs.length ? states.longTasksMs.map((d) => `${d} ms`).join(', ') : 'none'} (target none over ${BROWSER_TARGETS.statesLongTaskMs} ms: ${mark(met.statesLongTask)})`,
  );
  console.log(
    `    step latency with it shown: p50 ${states.stepLatencyMs.p50} ms, p95 ${states.stepLatencyMs.p95} ms (${states.stepLatencyMs.samples} steps)`,
  );
}

mkdirSync('bench/results', { recursive: true });
// The browser alone does not overwrite a whole report.
const out = browserOnly ? 'bench/results/browser.json' : 'bench/results/report.json';
writeFileSync(
  out,
  `${JSON.stringify(
    {
      node: process.version,
      core: coreReport,
      sweep: sweepReport,
      check: checkReport,
      package: packageReport,
      browser,
    },
    null,
    2,
  )}\n`,
);
console.log(`Written: ${out}`);
