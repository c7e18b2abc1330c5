/**
 * The diagram's view (issue 12), seen from a spec: the scale it is drawn at, the visible part of its box, the
 * sticky strip of participants and the current step's message, all measured on screen.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface StripMeasure {
  /** Whether the strip is shown (the diagram's own participants have scrolled out of sight). */
  shown: boolean;
  /** Each top actor box of the strip, and the x of the lifeline of the same participant in the diagram. */
  actors: { name: string; box: Rect; centre: number; lifeline: number }[];
}

export class DiagramPage {
  constructor(readonly page: Page) {}

  get figure(): Locator {
    return this.page.getByRole('figure', { name: 'Sequence diagram', exact: true });
  }

  get box(): Locator {
    return this.figure.locator('.sequence-scroll');
  }

  button(name: 'Fit' | 'Zoom in' | 'Zoom out'): Locator {
    return this.figure.getByRole('button', { name, exact: true });
  }

  /** Pixels per viewBox unit: the drawn SVG's width on screen over its viewBox width. */
  async scale(): Promise<number> {
    return this.figure.locator('.sequence-svg > svg').evaluate((svg) => {
      const width = Number(svg.getAttribute('viewBox')?.split(/\s+/)[2]);
      return svg.getBoundingClientRect().width / width;
    });
  }

  /** The part of the diagram's box inside the window (its inner area, scrollbars left out). */
  async visibleBox(): Promise<Rect> {
    return this.box.evaluate((box) => {
      const r = box.getBoundingClientRect();
      const top = r.top + box.clientTop;
      const left = r.left + box.clientLeft;
      return {
        left: Math.max(left, 0),
        top: Math.max(top, 0),
        right: Math.min(left + box.clientWidth, window.innerWidth),
        bottom: Math.min(top + box.clientHeight, window.innerHeight),
      };
    });
  }

  async strip(): Promise<StripMeasure> {
    return this.figure.evaluate((figure) => {
      const rect = (e: Element): Rect => {
        const r = e.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      };
      const strip = figure.querySelector('.diagram-strip');
      const svg = strip?.querySelector('svg');
      const main = figure.querySelector('.sequence-svg > svg');
      if (!strip || !svg || !main) return { shown: false, actors: [] };
      const actors = [...svg.querySelectorAll('g[data-et="participant"]')].map((group) => {
        const box = group.querySelector('rect.actor-top');
        const name = group.textContent?.trim() ?? '';
        const id = group.getAttribute('data-id');
        const line = main.querySelector(`line[data-et="life-line"][data-id="${id}"]`);
        const r = box ? rect(box) : { left: NaN, top: NaN, right: NaN, bottom: NaN };
        return {
          name,
          box: r,
          centre: (r.left + r.right) / 2,
          lifeline: line ? line.getBoundingClientRect().left + line.getBoundingClientRect().width / 2 : NaN,
        };
      });
      return { shown: getComputedStyle(strip).visibility === 'visible', actors };
    });
  }

  /** The current step's message on screen: its hit area (or the union of its messages' areas). */
  async current(): Promise<Rect> {
    return this.figure.locator('.sequence-svg rect.step-hit.step-current').evaluateAll((hits) => {
      const rects = hits.map((e) => e.getBoundingClientRect());
      return {
        left: Math.min(...rects.map((r) => r.left)),
        top: Math.min(...rects.map((r) => r.top)),
        right: Math.max(...rects.map((r) => r.right)),
        bottom: Math.max(...rects.map((r) => r.bottom)),
      };
    });
  }

  /** Waits for the next two frames (the library sets a zoom in one, the step is scrolled into view in the next). */
  async settle(): Promise<void> {
    await this.page.evaluate(
      () =>
        new Promise((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50))),
        ),
    );
  }

  /** The participants' names are in sight: the strip (or, not scrolled, the diagram's own boxes) inside the box. */
  async expectNamesInSight(names: readonly string[]): Promise<void> {
    await this.settle();
    const visible = await this.visibleBox();
    const strip = await this.strip();
    const scrolled = await this.box.evaluate((box) => box.scrollTop > 0);
    if (!scrolled) return this.expectOwnNamesInSight(names, visible);
    expect(strip.shown, 'the strip of participants is shown').toBe(true);
    expect(strip.actors.map((a) => a.name)).toEqual(expect.arrayContaining([...names]));
    for (const actor of strip.actors) {
      expect(actor.box.top, `${actor.name}: top in the box`).toBeGreaterThanOrEqual(visible.top - 1);
      expect(actor.box.bottom, `${actor.name}: bottom in the box`).toBeLessThanOrEqual(visible.bottom + 1);
      // Over its lifeline, within a pixel or two.
      expect(Math.abs(actor.centre - actor.lifeline), `${actor.name}: over its lifeline`).toBeLessThanOrEqual(
        1.5,
      );
    }
    // At least one participant's box wholly in sight sideways, every one where the diagram is not wider than its box.
    const inside = strip.actors.filter(
      (a) => a.box.left >= visible.left - 1 && a.box.right <= visible.right + 1,
    );
    expect(inside.length).toBeGreaterThan(0);
  }

  private async expectOwnNamesInSight(names: readonly string[], visible: Rect): Promise<void> {
    const boxes = await this.figure
      .locator('.sequence-svg > svg rect.actor-top')
      .evaluateAll((rects) => rects.map((e) => e.getBoundingClientRect().top));
    expect(boxes.length).toBe(names.length);
    for (const top of boxes) expect(top).toBeGreaterThanOrEqual(visible.top - 1);
  }
}

/** Whether `inner` lies inside `outer` (by `slack` pixels), and below `below` (the strip's bottom). */
export const inside = (inner: Rect, outer: Rect, slack = 1): boolean =>
  inner.top >= outer.top - slack &&
  inner.bottom <= outer.bottom + slack &&
  inner.left >= outer.left - slack &&
  inner.right <= outer.right + slack;
