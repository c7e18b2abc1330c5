/**
 * The player in the built app, in the system Chromium:
 * - the first view's weight: every script fetched from navigation until the page is idle (no interaction), gzip -6;
 * - the first diagram: navigation → the current step highlighted on the SVG, against a bare page that loads only
 *   Mermaid's own published bundle (`mermaid/dist/mermaid.esm.min.mjs` and its chunks, served by the same preview
 *   server) and renders the same text with the same configuration and fonts; cold (a fresh browser context) and
 *   repeat (a second navigation in the same context: HTTP cache warm, and whatever the page keeps), median of N;
 * - step latency (click → classes on the SVG already drawn) beside a warm full Mermaid render of the same diagram;
 * - layout shift from navigation until the page is idle, a first and a repeat visit, the player and the presentation,
 *   at 1400×900 and 390×844 (the measure of e2e/layout-shift.spec.ts, scripts/layoutShift.ts).
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { toMermaid } from '../src/core/formats/diagram';
import type { ProcedureId } from '../src/core/model/ids';
import { PRESETS } from '../src/core/model/presets';
import { simulate } from '../src/core/engine/run';
import { mermaidConfig } from '../src/app/player/mermaid';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium';
import { observeLayoutShift, settle, shiftsOfVisit, shiftTotal, trackRequests } from '../scripts/layoutShift';

export const BROWSER_TARGETS = {
  stepP95Ms: 16,
  stepToRenderRatio: 0.2,
  firstViewGzipKb: 300,
  firstDiagramColdRatio: 1.15,
  firstDiagramRepeatRatio: 0.6,
  layoutShift: 0.01,
  /** Switching the States view on (CONTRACT.md §12): no main-thread task longer than this. */
  statesLongTaskMs: 100,
} as const;

/** Layout shift of one page at one size: a first visit (a fresh context) and a repeat visit (the same context). */
export interface LayoutShiftResult {
  size: string;
  mode: 'player' | 'presentation';
  first: number;
  repeat: number;
}

export interface FirstDiagram {
  /** Milliseconds from navigation to the diagram, each run, and their median. */
  app: { runs: number[]; median: number };
  bare: { runs: number[]; median: number };
  /** app median / bare median. */
  ratio: number;
}

export interface BrowserResults {
  firstViewJsGzipKb: number;
  firstViewScripts: number;
  /** Each script of the first view: its file name and gzip -6 size in bytes, in the order requested. */
  firstViewFiles: { file: string; gzipBytes: number }[];
  firstDiagram: { runs: number; cold: FirstDiagram; repeat: FirstDiagram };
  /** Where the app's repeat visits got their SVG (data-source on the diagram), counted. */
  repeatSources: Record<string, number>;
  stepLatencyMs: { p50: number; p95: number; max: number; samples: number };
  fullRenderMs: { p50: number; p95: number; samples: number };
  stepToRenderRatio: number;
  layoutShift: LayoutShiftResult[];
  /**
   * Switching the States view on at step 7: click → every chart drawn with its state lit; the main thread's long
   * tasks (over 50 ms) from the click until the page is idle again; then the step latency with the view shown.
   */
  statesView: {
    shownMs: number;
    longTasksMs: number[];
    stepLatencyMs: { p50: number; p95: number; samples: number };
  };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

// Another checkout benching at the same time takes another port (BENCH_PORT).
const PORT = Number(process.env.BENCH_PORT ?? 4399);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const PROCEDURE: ProcedureId = '10.1.4.3.2';
/** The app at its default scenario, step 1 current; the bare page beside it. */
const APP_URL = `${ORIGIN}/?procedure=${PROCEDURE}&step=1`;
const BARE_URL = `${ORIGIN}/bare/`;
/** The moment each page counts as done: the app's current step marked on the SVG, the bare page's SVG in. */
const APP_DONE = 'figure[aria-label="Sequence diagram"] svg .step-current[data-step="1"]';
const BARE_DONE = '#host svg';
const CONTEXT = { viewport: { width: 1400, height: 900 }, colorScheme: 'light' } as const;

/** The default scenario's diagram text for the procedure, from the core: what both pages draw. */
export function benchDiagramText(): string {
  const scenario = PRESETS[0]!.scenario;
  return toMermaid(simulate(scenario, PROCEDURE), scenario).text;
}

/**
 * The bare page in `outDir/bare/`: Mermaid's own bundle (copied from node_modules, without source maps), the app's
 * own @font-face rules (the same font files, from the app's built CSS), the same wait for the font and the same
 * configuration, one render of the text, the SVG put in the page.
 */
function writeBarePage(outDir: string, text: string): void {
  const bare = join(outDir, 'bare');
  const dist = 'node_modules/mermaid/dist';
  mkdirSync(join(bare, 'mermaid'), { recursive: true });
  cpSync(join(dist, 'mermaid.esm.min.mjs'), join(bare, 'mermaid', 'mermaid.esm.min.mjs'));
  cpSync(join(dist, 'chunks', 'mermaid.esm.min'), join(bare, 'mermaid', 'chunks', 'mermaid.esm.min'), {
    recursive: true,
    filter: (source) => !source.endsWith('.map'),
  });
  const assets = join(outDir, 'assets');
  const css = readdirSync(assets).filter((f) => f.endsWith('.css'));
  const fontFaces = css
    .flatMap((f) => readFileSync(join(assets, f), 'utf8').match(/@font-face\s*\{[^}]*\}/g) ?? [])
    .map((rule) =>
      rule.replace(/url\((["']?)(?:\.\/)?([^)"']+)\1\)/g, (_m, _q, file: string) => `url(../assets/${file})`),
    )
    .join('\n');
  const config = JSON.stringify(mermaidConfig('default'));
  writeFileSync(
    join(bare, 'index.html'),
    `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Mermaid alone</title>
    <style>
${fontFaces}
      body { font-family: 'IBM Plex Sans', system-ui, sans-serif; margin: 0; }
    </style>
  </head>
  <body>
    <div id="host"></div>
    <script type="module">
      const text = ${JSON.stringify(text).replace(/</g, '\\u003c')};
      const fonts = document.fonts.load('16px "IBM Plex Sans"').then(() => document.fonts.ready);
      const [{ default: mermaid }] = await Promise.all([import('./mermaid/mermaid.esm.min.mjs'), fonts]);
      mermaid.initialize(${config});
      const { svg } = await mermaid.render('bare', text);
      document.getElementById('host').innerHTML = svg;
    </script>
  </body>
</html>
`,
  );
}

/** Notes `window.__done` = performance.now() (ms since navigation) when `selector` first matches. */
async function watchFor(context: BrowserContext, selector: string): Promise<void> {
  await context.addInitScript((sel: string) => {
    const w = window as unknown as { __done?: number };
    new MutationObserver((_m, observer) => {
      if (document.querySelector(sel)) {
        w.__done = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
  }, selector);
}

async function timeTo(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __done?: number }).__done !== undefined, null, {
    timeout: 60_000,
  });
  return page.evaluate(() => (window as unknown as { __done: number }).__done);
}

/** The first view: every script a fresh visit fetches until it is idle, gzip -6, in request order. */
async function firstView(browser: Browser): Promise<BrowserResults['firstViewFiles']> {
  const context = await browser.newContext(CONTEXT);
  try {
    const page = await context.newPage();
    const scripts: { url: string; size: Promise<number> }[] = [];
    let lastRequest = Date.now();
    page.on('request', () => {
      lastRequest = Date.now();
    });
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      scripts.push({
        url: response.url(),
        size: response.body().then((body) => gzipSync(body, { level: 6 }).length),
      });
    });
    await watchFor(context, APP_DONE);
    await timeTo(page, APP_URL);
    await settle(page, () => lastRequest, 2000);
    return Promise.all(
      scripts.map(async ({ url, size }) => ({
        file: new URL(url).pathname.replace(/^\//, ''),
        gzipBytes: await size,
      })),
    );
  } finally {
    await context.close();
  }
}

/** One cold visit (a fresh context) and one repeat (the same context's second visit); the repeat's diagram source. */
async function visit(
  browser: Browser,
  url: string,
  selector: string,
): Promise<{ cold: number; repeat: number; source: string | null }> {
  const context = await browser.newContext(CONTEXT);
  try {
    await watchFor(context, selector);
    const page = await context.newPage();
    let lastRequest = Date.now();
    page.on('request', () => {
      lastRequest = Date.now();
    });
    const cold = await timeTo(page, url);
    // Whatever the page does after its diagram (the editor, writing its caches) is done before it is left.
    await settle(page, () => lastRequest, 1000);
    const repeat = await timeTo(page, url);
    const source = await page.evaluate(
      () =>
        document
          .querySelector('figure[aria-label="Sequence diagram"] [data-source]')
          ?.getAttribute('data-source') ?? null,
    );
    return { cold, repeat, source };
  } finally {
    await context.close();
  }
}

const SHIFT_SIZES = [
  { width: 1400, height: 900 },
  { width: 390, height: 844 },
];
const SHIFT_PAGES = [
  { mode: 'player', url: APP_URL },
  { mode: 'presentation', url: `${ORIGIN}/?mode=present&procedure=${PROCEDURE}&step=1` },
] as const;

async function layoutShift(browser: Browser): Promise<LayoutShiftResult[]> {
  const results: LayoutShiftResult[] = [];
  for (const size of SHIFT_SIZES)
    for (const { mode, url } of SHIFT_PAGES) {
      const context = await browser.newContext({ ...CONTEXT, viewport: size });
      try {
        // tsx keeps function names with a `__name` helper that the page does not have.
        await context.addInitScript({ content: 'window.__name = (f) => f;' });
        await observeLayoutShift(context);
        const page = await context.newPage();
        const lastRequest = trackRequests(page);
        const first = shiftTotal(await shiftsOfVisit(page, url, lastRequest));
        const repeat = shiftTotal(await shiftsOfVisit(page, url, lastRequest));
        results.push({
          size: `${size.width}×${size.height}`,
          mode,
          first: round(first, 4),
          repeat: round(repeat, 4),
        });
      } finally {
        await context.close();
      }
    }
  return results;
}

async function firstDiagram(browser: Browser, runs: number) {
  const app = { cold: [] as number[], repeat: [] as number[] };
  const bare = { cold: [] as number[], repeat: [] as number[] };
  const sources: Record<string, number> = {};
  // One untimed visit of each first (the server's and the browser's own first-time costs), then alternately.
  await visit(browser, APP_URL, APP_DONE);
  await visit(browser, BARE_URL, BARE_DONE);
  for (let i = 0; i < runs; i++) {
    const a = await visit(browser, APP_URL, APP_DONE);
    const b = await visit(browser, BARE_URL, BARE_DONE);
    app.cold.push(a.cold);
    app.repeat.push(a.repeat);
    bare.cold.push(b.cold);
    bare.repeat.push(b.repeat);
    const source = a.source ?? 'none';
    sources[source] = (sources[source] ?? 0) + 1;
  }
  const of = (appRuns: number[], bareRuns: number[]): FirstDiagram => {
    const a = { runs: appRuns.map((n) => round(n, 0)), median: round(median(appRuns), 0) };
    const b = { runs: bareRuns.map((n) => round(n, 0)), median: round(median(bareRuns), 0) };
    return { app: a, bare: b, ratio: round(median(appRuns) / median(bareRuns), 3) };
  };
  return {
    result: { runs, cold: of(app.cold, bare.cold), repeat: of(app.repeat, bare.repeat) },
    sources,
  };
}

/**
 * In the page: Next step, then Previous step, through the whole run `rounds` times from step `from` (back to it after
 * each round when `backToStart`); for each click, the ms until the new step's elements carry step-current (a mutation
 * observer runs right after the change). Passed to `page.evaluate`, so it uses nothing outside itself.
 */
async function stepLatencies({
  from,
  rounds,
  backToStart,
}: {
  from: number;
  rounds: number;
  backToStart: boolean;
}): Promise<number[]> {
  const button = (name: string) =>
    [...document.querySelectorAll('button')].find(
      (b) => b.textContent?.trim().includes(name) && b.offsetParent !== null,
    )!;
  const next = button('Next step');
  const previous = button('Previous step');
  const total = document.querySelectorAll('ol[aria-label="Steps"] > li').length;
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const marked = (selector: string) =>
    new Promise<number>((resolve) => {
      if (document.querySelector(selector)) return resolve(performance.now());
      const observer = new MutationObserver(() => {
        if (!document.querySelector(selector)) return;
        observer.disconnect();
        resolve(performance.now());
      });
      observer.observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['class'],
      });
    });
  const times: number[] = [];
  let step = from;
  for (let round = 0; round < rounds; round++) {
    for (const direction of [1, -1]) {
      for (let i = 0; i < total; i++) {
        const target = step + direction;
        if (target < 1 || target > total) break;
        const start = performance.now();
        const done = marked(`svg .step-current[data-step="${target}"]`);
        (direction > 0 ? next : previous).click();
        times.push((await done) - start);
        step = target;
        await frame();
      }
    }
    while (backToStart && step > from) {
      previous.click();
      step--;
      await frame();
    }
  }
  return times;
}

/** The States view switched on in a page at step 0 of the bench's procedure, then stepped with it shown. */
async function measureStatesView(page: Page): Promise<BrowserResults['statesView']> {
  const measured = await page.evaluate(async () => {
    const button = (name: string) =>
      [...document.querySelectorAll('button')].find(
        (b) => b.textContent?.trim() === name && b.offsetParent !== null,
      )!;
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const next = button('Next step');
    for (let i = 0; i < 7; i++) {
      next.click();
      await frame();
    }
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    const start = performance.now();
    button('States').click();
    const lit = () => {
      const charts = document.querySelectorAll('figure[aria-label^="Statechart:"]');
      return charts.length > 0 && [...charts].every((c) => c.querySelector('.state-current'));
    };
    while (!lit()) await frame();
    const shownMs = performance.now() - start;
    // Until the main thread is quiet: an idle period of (nearly) its whole length.
    for (;;) {
      const idle = await new Promise<boolean>((resolve) =>
        requestIdleCallback((deadline) => resolve(deadline.timeRemaining() >= 40), { timeout: 1000 }),
      );
      if (idle) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    observer.disconnect();
    return { shownMs, longTasks };
  });
  // Step latency with the view shown: as for the player alone, click → the new step marked on the sequence diagram.
  const times = await page.evaluate(stepLatencies, { from: 7, rounds: 3, backToStart: false });
  return {
    shownMs: round(measured.shownMs),
    longTasksMs: measured.longTasks.map((d) => round(d)),
    stepLatencyMs: {
      p50: round(percentile(times, 50)),
      p95: round(percentile(times, 95)),
      samples: times.length,
    },
  };
}

export async function benchBrowser(options: { runs?: number } = {}): Promise<BrowserResults> {
  const runs = options.runs ?? 7;
  const outDir = 'dist-bench';
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const text = benchDiagramText();
  writeBarePage(outDir, text);
  const server = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { port: PORT, strictPort: true, host: '127.0.0.1' },
  });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
  try {
    const firstViewFiles = await firstView(browser);
    const firstViewBytes = firstViewFiles.reduce((sum, f) => sum + f.gzipBytes, 0);
    const diagram = await firstDiagram(browser, runs);
    const shifts = await layoutShift(browser);

    const page = await browser.newPage(CONTEXT);
    // tsx keeps function names with a `__name` helper that the page does not have.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(`${ORIGIN}/?procedure=${PROCEDURE}&step=0&bench`);
    await page.waitForSelector('figure[aria-label="Sequence diagram"] svg [data-step]');
    await page.waitForFunction(() => window.__mcxBench !== undefined);
    const pageText = await page.evaluate(() => window.__mcxBench!.diagramText());
    if (pageText !== text) throw new Error('bench: the page draws another diagram text than the bare page');

    // Step latency: a click on "Next step" / "Previous step" until the new step's elements carry step-current.
    const steps = await page.evaluate(stepLatencies, { from: 0, rounds: 6, backToStart: true });

    // A warm full render of the same diagram, uncached, in the same page.
    const renders: number[] = [];
    await page.evaluate(() => window.__mcxBench!.renderFull());
    for (let i = 0; i < 12; i++) renders.push(await page.evaluate(() => window.__mcxBench!.renderFull()));

    const statesView = await measureStatesView(page);

    const stepLatencyMs = {
      p50: round(percentile(steps, 50)),
      p95: round(percentile(steps, 95)),
      max: round(Math.max(...steps)),
      samples: steps.length,
    };
    const fullRenderMs = {
      p50: round(percentile(renders, 50)),
      p95: round(percentile(renders, 95)),
      samples: renders.length,
    };
    return {
      firstViewJsGzipKb: round(firstViewBytes / 1024, 1),
      firstViewScripts: firstViewFiles.length,
      firstViewFiles,
      firstDiagram: diagram.result,
      repeatSources: diagram.sources,
      stepLatencyMs,
      fullRenderMs,
      stepToRenderRatio: round(stepLatencyMs.p95 / fullRenderMs.p50, 3),
      layoutShift: shifts,
      statesView,
    };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}
