/**
 * The player in the built app, in the system Chromium: JavaScript of the first view (gzip), time to the first diagram,
 * step latency (click → classes on the SVG already drawn) beside a warm full Mermaid render of the same diagram.
 */
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium';

export const BROWSER_TARGETS = { stepP95Ms: 16, stepToRenderRatio: 0.2, firstViewGzipKb: 300 } as const;

export interface BrowserResults {
  firstViewJsGzipKb: number;
  firstViewScripts: number;
  timeToFirstDiagramMs: number;
  stepLatencyMs: { p50: number; p95: number; max: number; samples: number };
  fullRenderMs: { p50: number; p95: number; samples: number };
  stepToRenderRatio: number;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

export async function benchBrowser(): Promise<BrowserResults> {
  const outDir = 'dist-bench';
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 4399, strictPort: true, host: '127.0.0.1' },
  });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme: 'light' });
    // Every script the page loads, by address; the first view's are those requested before its diagram is shown.
    const scripts = new Map<string, Promise<number>>();
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      scripts.set(
        response.url(),
        response.body().then((body) => gzipSync(body, { level: 9 }).length),
      );
    });
    // tsx keeps function names with a `__name` helper that the page does not have.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.addInitScript(() => {
      const w = window as unknown as { __firstDiagram?: number };
      new MutationObserver((_m, observer) => {
        if (document.querySelector('figure[aria-label="Sequence diagram"] svg [data-step]')) {
          w.__firstDiagram = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto('http://127.0.0.1:4399/?procedure=10.1.4.3.2&step=0&bench');
    await page.waitForFunction(
      () => (window as unknown as { __firstDiagram?: number }).__firstDiagram !== undefined,
    );
    const timeToFirstDiagramMs = await page.evaluate(
      () => (window as unknown as { __firstDiagram: number }).__firstDiagram,
    );
    const firstViewUrls = await page.evaluate(
      (before) =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.startTime < before && /\.m?js(\?|$)/.test(e.name))
          .map((e) => e.name),
      timeToFirstDiagramMs,
    );
    const sizes = await Promise.all(firstViewUrls.map((url) => scripts.get(url) ?? Promise.resolve(0)));
    const firstViewJsGzipKb = sizes.reduce((a, b) => a + b, 0) / 1024;

    // Step latency: a click on "Next step" / "Previous step" until the new step's elements carry step-current.
    const steps: number[] = await page.evaluate(async () => {
      const button = (name: string) =>
        [...document.querySelectorAll('button')].find(
          (b) => b.textContent?.trim().includes(name) && b.offsetParent !== null,
        )!;
      const next = button('Next step');
      const previous = button('Previous step');
      const total = document.querySelectorAll('ol[aria-label="Steps"] > li').length;
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      // The moment the new step's elements carry step-current (observers run right after the DOM changes).
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
      let step = 0;
      for (let round = 0; round < 6; round++) {
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
        // back to step 0 for the next round
        while (step > 0) {
          previous.click();
          step--;
          await frame();
        }
      }
      return times;
    });

    // A warm full render of the same diagram, uncached, in the same page.
    const renders: number[] = [];
    await page.evaluate(() => window.__mcxBench!.renderFull());
    for (let i = 0; i < 12; i++) renders.push(await page.evaluate(() => window.__mcxBench!.renderFull()));

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
      firstViewJsGzipKb: round(firstViewJsGzipKb, 1),
      firstViewScripts: sizes.length,
      timeToFirstDiagramMs: round(timeToFirstDiagramMs, 0),
      stepLatencyMs,
      fullRenderMs,
      stepToRenderRatio: round(stepLatencyMs.p95 / fullRenderMs.p50, 3),
    };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}
