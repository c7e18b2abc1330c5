/**
 * The main thread's long tasks (over 50 ms, as the browser counts them), collected from the page's start by a
 * PerformanceObserver: what the timing specs (*-perf.spec.ts) bound.
 */
import type { Page } from '@playwright/test';

declare global {
  interface Window {
    __longTasks?: [start: number, duration: number][];
  }
}

/** Collects every long task of the pages this page opens from now on (call before `goto`). */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks?.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The long tasks so far, once the last frame's are in: `[start, duration]` in ms, and as text for a report. */
export async function longTasks(page: Page): Promise<{ tasks: [number, number][]; listed: string }> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
  const tasks = await page.evaluate(() => window.__longTasks ?? []);
  return { tasks, listed: listTasks(tasks) };
}

/** `352 at 287, 126 at 1023`: each task's duration at its start, in ms. */
export const listTasks = (tasks: readonly [number, number][]): string =>
  tasks.map(([at, d]) => `${Math.round(d)} at ${Math.round(at)}`).join(', ');
