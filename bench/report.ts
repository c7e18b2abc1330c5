/**
 * `npm run bench`: one report, printed and written to bench/results/report.json: the core's runs per second per
 * procedure, the sweep's cells per second (in-process and through the CLI), and the player in the browser beside a
 * full Mermaid render of the same diagram.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { benchBrowser, BROWSER_TARGETS } from './browser';
import { benchCore, CORE_TARGET } from './core';
import { benchSweep, SWEEP_TARGETS } from './sweep';

const core = benchCore();
console.log('Core: complete runs per second (one core)');
for (const [name, perSecond] of Object.entries(core))
  console.log(`  ${name.padEnd(22)} ${String(perSecond).padStart(7)} runs/s`);
const coreMet = (core[CORE_TARGET.procedure] ?? 0) >= CORE_TARGET.runsPerSecond;
console.log(
  `  target ${CORE_TARGET.procedure} >= ${CORE_TARGET.runsPerSecond} runs/s: ${coreMet ? 'met' : 'NOT met'}`,
);

const sweep = benchSweep();
const sweepMet = {
  inProcess: sweep.inProcess.cellsPerSecond >= SWEEP_TARGETS.inProcessRunsPerSecond,
  cli: sweep.cli.cellsPerSecond >= SWEEP_TARGETS.cliCellsPerSecond,
};
console.log('Sweep: 10.1.4.3.2, every cell a complete run');
console.log(
  `  in-process                ${sweep.inProcess.cellsPerSecond} cells/s (${sweep.inProcess.cells} cells; target >= ${SWEEP_TARGETS.inProcessRunsPerSecond}: ${sweepMet.inProcess ? 'met' : 'NOT met'})`,
);
console.log(
  `  CLI, process start incl.  ${sweep.cli.cells} cells in ${sweep.cli.seconds} s = ${sweep.cli.cellsPerSecond} cells/s (target >= ${SWEEP_TARGETS.cliCellsPerSecond}: ${sweepMet.cli ? 'met' : 'NOT met'})`,
);

const browser = await benchBrowser();
const met = {
  stepP95: browser.stepLatencyMs.p95 <= BROWSER_TARGETS.stepP95Ms,
  ratio: browser.stepToRenderRatio <= BROWSER_TARGETS.stepToRenderRatio,
  firstView: browser.firstViewJsGzipKb <= BROWSER_TARGETS.firstViewGzipKb,
};
const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');
console.log('Browser (built app, system Chromium, 10.1.4.3.2)');
console.log(
  `  first view JavaScript     ${browser.firstViewJsGzipKb} kB gzip in ${browser.firstViewScripts} files (target <= ${BROWSER_TARGETS.firstViewGzipKb}: ${mark(met.firstView)})`,
);
console.log(`  time to first diagram     ${browser.timeToFirstDiagramMs} ms`);
console.log(
  `  step latency              p50 ${browser.stepLatencyMs.p50} ms, p95 ${browser.stepLatencyMs.p95} ms, max ${browser.stepLatencyMs.max} ms (${browser.stepLatencyMs.samples} steps; target p95 <= ${BROWSER_TARGETS.stepP95Ms}: ${mark(met.stepP95)})`,
);
console.log(
  `  warm full Mermaid render  p50 ${browser.fullRenderMs.p50} ms, p95 ${browser.fullRenderMs.p95} ms (${browser.fullRenderMs.samples} renders)`,
);
console.log(
  `  step p95 / render p50     ${browser.stepToRenderRatio} (target <= ${BROWSER_TARGETS.stepToRenderRatio}: ${mark(met.ratio)})`,
);

mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/report.json',
  `${JSON.stringify(
    {
      node: process.version,
      core: { runsPerSecond: core, target: CORE_TARGET, met: coreMet },
      sweep: { ...sweep, targets: SWEEP_TARGETS, met: sweepMet },
      browser: { ...browser, targets: BROWSER_TARGETS, met },
    },
    null,
    2,
  )}\n`,
);
console.log('Written: bench/results/report.json');
