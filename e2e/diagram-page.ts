/**
 * The diagram's view, seen from a spec: the scale it is drawn at, the visible part of its box, the
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
  actors: { name: string; box: Rect; text: Rect; centre: number; lifeline: number }[];
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
        const none = { left: NaN, top: NaN, right: NaN, bottom: NaN };
        const r = box ? rect(box) : none;
        const label = group.querySelector('text');
        return {
          name,
          box: r,
          text: label ? rect(label) : none,
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

  /**
   * The participants' names are in sight: the strip (or, not scrolled, the diagram's own boxes) inside the box.
   * `band`: the strip may show a band around the names at a large zoom; then their words are what must be in sight.
   */
  async expectNamesInSight(names: readonly string[], band = false): Promise<void> {
    await this.settle();
    const visible = await this.visibleBox();
    const strip = await this.strip();
    const scrolled = await this.box.evaluate((box) => box.scrollTop > 0);
    if (!scrolled) return this.expectOwnNamesInSight(names, visible);
    expect(strip.shown, 'the strip of participants is shown').toBe(true);
    expect(strip.actors.map((a) => a.name)).toEqual(expect.arrayContaining([...names]));
    for (const actor of strip.actors) {
      if (band) {
        expect(actor.text.top, `${actor.name}: name's top in the box`).toBeGreaterThanOrEqual(
          visible.top - 1,
        );
        expect(actor.text.bottom, `${actor.name}: name's bottom in the box`).toBeLessThanOrEqual(
          visible.bottom + 1,
        );
        expect(
          Math.abs(actor.centre - actor.lifeline),
          `${actor.name}: over its lifeline`,
        ).toBeLessThanOrEqual(1.5);
        continue;
      }
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

/**
 * What of the current step is out of sight, measured on screen: each of its SVG elements against the box. `wide`: the
 * box may be narrower than a message; then its words must be in sight, its arrow and hit area only in part.
 */
export async function currentOutOfSight(page: Page, wide = false): Promise<string[]> {
  return page.evaluate((wide) => {
    const figure = document.querySelector('figure[aria-label="Sequence diagram"]');
    const box = figure?.querySelector('.sequence-scroll');
    const svg = figure?.querySelector('.sequence-svg > svg');
    if (!figure || !box || !svg) return ['no diagram'];
    const r = box.getBoundingClientRect();
    const top = Math.max(r.top + box.clientTop, 0);
    const left = Math.max(r.left + box.clientLeft, 0);
    // Above a control bar docked at the window's bottom (a phone's), if any.
    const docks = [...document.querySelectorAll('[data-dock]')].filter((d) =>
      ['fixed', 'sticky'].includes(getComputedStyle(d).position),
    );
    const floor = Math.min(window.innerHeight, ...docks.map((d) => d.getBoundingClientRect().top));
    const bottom = Math.min(r.top + box.clientTop + box.clientHeight, floor);
    const right = Math.min(r.left + box.clientLeft + box.clientWidth, window.innerWidth);
    // Under the strip of names when it is shown, else under the diagram's own name boxes.
    const strip = figure.querySelector('.diagram-strip');
    const stripSvg = strip?.querySelector('svg');
    const covered =
      strip && stripSvg && getComputedStyle(strip).visibility === 'visible'
        ? stripSvg.getBoundingClientRect().bottom
        : top;
    const problems: string[] = [];
    const current = [...svg.querySelectorAll('.step-current')];
    if (!current.length) problems.push('nothing marked current');
    for (const element of current) {
      const e = element.getBoundingClientRect();
      if (e.width === 0 && e.height === 0) continue;
      const what = `${element.tagName} "${element.textContent?.trim() ?? ''}" at ${Math.round(e.left)},${Math.round(e.top)}–${Math.round(e.right)},${Math.round(e.bottom)}`;
      if (e.top < Math.max(top, covered) - 1) problems.push(`${what}: above the box or under the names`);
      if (e.bottom > bottom + 1) problems.push(`${what}: below the box, the window or its docked bar`);
      // `wide`: a message wider than the box (a phone's) shows its words whole, its arrow in part.
      const partly = wide && element.tagName !== 'text';
      const beside = partly ? e.right < left || e.left > right : e.left < left - 1 || e.right > right + 1;
      if (beside) problems.push(`${what}: beside the box`);
    }
    return problems;
  }, wide);
}

/** The smallest message label on screen, in CSS pixels: its font size times the diagram's scale. */
export async function labelPx(page: Page): Promise<number> {
  return page.evaluate(() => {
    const svg = document.querySelector('figure[aria-label="Sequence diagram"] .sequence-svg > svg');
    const width = Number(svg?.getAttribute('viewBox')?.split(/\s+/)[2]);
    if (!svg || !(width > 0)) return 0;
    const scale = svg.getBoundingClientRect().width / width;
    const sizes = [...svg.querySelectorAll('text.messageText')].map(
      (t) => parseFloat(getComputedStyle(t).fontSize) * scale,
    );
    return sizes.length ? Math.min(...sizes) : 0;
  });
}
