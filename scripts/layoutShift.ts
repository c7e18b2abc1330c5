/**
 * Layout shift from navigation until the page is idle, in the browser (PerformanceObserver `layout-shift`), shared by
 * e2e/layout-shift.spec.ts (the bound) and bench/browser.ts (the report). Every shift without recent input is
 * summed, not only the worst session window as Core Web Vitals' CLS takes: the sum is never below CLS, so a bound on
 * it bounds CLS.
 */
import type { BrowserContext, Page } from '@playwright/test';

/** One shift as the browser reported it, with the elements that moved and their boxes before and after (for a failure's message). */
export interface Shift {
  value: number;
  at: number;
  sources: string[];
}

interface ShiftWindow {
  __shifts?: Shift[];
}

/** Installs the observer in every document the context opens, before the page's own scripts. */
export async function observeLayoutShift(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as ShiftWindow;
    w.__shifts = [];
    const name = (node: Node | null | undefined): string => {
      if (!(node instanceof Element)) return node?.nodeName ?? '?';
      const classes = [...node.classList].slice(0, 3).join('.');
      return `${node.tagName.toLowerCase()}${classes ? `.${classes}` : ''}`;
    };
    const rect = (r: DOMRectReadOnly) => `${r.x},${r.y} ${r.width}×${r.height}`;
    // The entry type's fields, which lib.dom does not declare.
    interface LayoutShiftEntry extends PerformanceEntry {
      value: number;
      hadRecentInput: boolean;
      sources?: { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
    }
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as LayoutShiftEntry[]) {
        if (entry.hadRecentInput) continue;
        w.__shifts!.push({
          value: entry.value,
          at: Math.round(entry.startTime),
          sources: (entry.sources ?? []).map(
            (s) => `${name(s.node)} ${rect(s.previousRect)} → ${rect(s.currentRect)}`,
          ),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The shifts noted since the page's navigation. */
export function layoutShifts(page: Page): Promise<Shift[]> {
  return page.evaluate(() => (window as unknown as ShiftWindow).__shifts ?? []);
}

export const shiftTotal = (shifts: readonly Shift[]) => shifts.reduce((sum, s) => sum + s.value, 0);

/**
 * Waits until the page is idle: the network quiet for `quietMs` (no request started since) and the main thread with
 * an idle period to spare. `lastRequest` is the time (Date.now()) of the page's last request.
 */
export async function settle(page: Page, lastRequest: () => number, quietMs: number): Promise<void> {
  for (;;) {
    await page.waitForLoadState('networkidle');
    const quiet = Date.now() - lastRequest();
    if (quiet < quietMs) {
      await page.waitForTimeout(quietMs - quiet);
      continue;
    }
    const idle = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) =>
          requestIdleCallback((deadline) => resolve(deadline.timeRemaining() >= 40), { timeout: 1000 }),
        ),
    );
    if (idle && Date.now() - lastRequest() >= quietMs) return;
  }
}

/** Notes the time of the page's last request, for `settle`. */
export function trackRequests(page: Page): () => number {
  let last = Date.now();
  page.on('request', () => {
    last = Date.now();
  });
  return () => last;
}

/**
 * Opens `url` and returns the shifts from navigation until the page is idle. A later visit in the same context is
 * a repeat visit (its storage and HTTP cache warm).
 */
export async function shiftsOfVisit(
  page: Page,
  url: string,
  lastRequest: () => number,
  quietMs = 1000,
): Promise<Shift[]> {
  await page.goto(url);
  await settle(page, lastRequest, quietMs);
  return layoutShifts(page);
}

/** Where a diagram's SVG is laid out: its box's corner in the page, and the SVG's offset in the box's content. */
export interface Placement {
  box: { x: number; y: number };
  svg: { x: number; y: number };
}

interface PlacementWindow {
  __firstPlacement?: Placement | null;
}

/** The placement of the first diagram the page shows (`SELECTOR`'s first SVG), noted when it first appears. */
const SELECTOR = 'figure[aria-label="Sequence diagram"] .sequence-scroll';

export async function observeFirstDiagram(context: BrowserContext): Promise<void> {
  await context.addInitScript((selector: string) => {
    const w = window as unknown as PlacementWindow;
    w.__firstPlacement = null;
    const observer = new MutationObserver(() => {
      const box = document.querySelector(selector);
      const svg = box?.querySelector('svg');
      if (!box || !svg) return;
      const b = box.getBoundingClientRect();
      const s = svg.getBoundingClientRect();
      w.__firstPlacement = {
        box: { x: b.left + scrollX, y: b.top + scrollY },
        svg: { x: s.left - b.left + box.scrollLeft, y: s.top - b.top + box.scrollTop },
      };
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  }, SELECTOR);
}

/** The first diagram's placement when it appeared, and the diagram's placement now. */
export function diagramPlacements(page: Page): Promise<{ first: Placement | null; now: Placement | null }> {
  return page.evaluate((selector: string) => {
    const box = document.querySelector(selector);
    const svg = box?.querySelector('svg');
    let now = null;
    if (box && svg) {
      const b = box.getBoundingClientRect();
      const s = svg.getBoundingClientRect();
      now = {
        box: { x: b.left + scrollX, y: b.top + scrollY },
        svg: { x: s.left - b.left + box.scrollLeft, y: s.top - b.top + box.scrollTop },
      };
    }
    return { first: (window as unknown as PlacementWindow).__firstPlacement ?? null, now };
  }, SELECTOR);
}
