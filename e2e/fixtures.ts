/**
 * The shared Playwright fixture: every spec that imports `test` from here fails on any console error or page error,
 * and gets page objects with intent methods: `player` (with the checks that keep the diagram, the step list and the
 * address in agreement) and `editor` (./editor-page.ts). Scenario addresses are built by `scenarioAddress`, on the
 * page's own encoding (src/app/url.ts).
 */
import { test as base, expect, type Browser, type Locator, type Page } from '@playwright/test';
import { encodeScenario, encodeScenarioText, PARAM } from '../src/app/url';
import { STORAGE_KEY } from '../src/app/storageKey';
import type { ProcedureId } from '../src/core/model/ids';
import { presetScenario } from '../src/core/model/presets';
import type { Scenario } from '../src/core/model/scenario';
import { EditorPage } from './editor-page';

export { EditorPage, STORAGE_KEY };

/** The default scenario's title (the first preset's). */
export const DEFAULT_TITLE = 'Officer migrates from Metro to County';

/** A preset's scenario by id (the core's lookup). */
export const preset = presetScenario;

export interface ScenarioAddress {
  /** The scenario (encoded as the page encodes it), or `json`: any text, as a hand-made or hostile link holds. */
  scenario?: unknown;
  json?: string;
  procedure?: string;
  step?: number | string;
  /** Other query parameters, first, in this order. */
  query?: Record<string, string>;
  /** Where the scenario goes: the fragment (what Copy link writes, the default) or the query (the first form). */
  form?: 'fragment' | 'query';
}

/**
 * The last text encoded, and its encoding: a spec that puts one text in the fragment and then in the query packs it
 * once (lz-string takes seconds on the 3 MB title of e2e/hostile.ts, its dictionary growing one `x` at a time).
 */
let lastEncoded: { json: string; packed: string } | null = null;
function encodeOnce(json: string): string {
  if (lastEncoded?.json !== json) lastEncoded = { json, packed: encodeScenarioText(json) };
  return lastEncoded.packed;
}

/** `?…#…` to pass to `player.open` or `page.goto('./…')`: the scenario as src/app/url.ts encodes it. */
export function scenarioAddress(address: ScenarioAddress): string {
  const params = new URLSearchParams(address.query);
  if (address.procedure !== undefined) params.set(PARAM.procedure, address.procedure);
  if (address.step !== undefined) params.set(PARAM.step, String(address.step));
  const packed =
    address.json !== undefined
      ? encodeOnce(address.json)
      : address.scenario !== undefined
        ? // a value the schema would refuse is encoded all the same: that is what a bad link holds
          encodeScenario(address.scenario as Scenario)
        : null;
  let hash = '';
  if (packed !== null) {
    if (address.form === 'query') params.set(PARAM.scenario, packed);
    else hash = `#${PARAM.scenario}=${packed}`;
  }
  const query = params.toString();
  return `${query ? `?${query}` : ''}${hash}`;
}

/** A page in a new browser context (no storage, no clipboard) that collects its console and page errors. */
export async function freshPage(
  browser: Browser,
  baseURL: string | undefined,
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

/**
 * Steps of each procedure on the default scenario (the happy path: every procedure delivers). Specs wait for the step
 * list to show this many (`toHaveCount`) rather than read a count once, right after a page opens (it can be early).
 */
export const DEFAULT_TOTALS: Record<ProcedureId, number> = {
  '10.1.4.3.1': 3,
  '10.1.4.3.2': 14,
  '10.1.4.3.3': 11,
  '10.1.4.x.2': 13,
};

export const PROCEDURES = Object.keys(DEFAULT_TOTALS) as ProcedureId[];

/** expectStep's poll: fine at first (a step settles within about 150 ms), then every 100 ms. */
const STEP_POLL_MS = [25, 25, 50, 50, 100];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class PlayerPage {
  constructor(readonly page: Page) {}

  get figure(): Locator {
    return this.page.getByRole('figure', { name: 'Sequence diagram', exact: true });
  }

  get svg(): Locator {
    return this.figure.locator('svg').first();
  }

  get steps(): Locator {
    return this.page.getByRole('list', { name: 'Steps', exact: true });
  }

  get items(): Locator {
    return this.steps.getByRole('listitem');
  }

  get status(): Locator {
    return this.page.locator('[aria-live="polite"]');
  }

  get alerts(): Locator {
    return this.page.getByRole('alert');
  }

  button(name: 'Next step' | 'Previous step' | 'Play' | 'Pause' | 'Restart'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** The button of the review tools' disclosure: drawn below 600 px only (wider, the tools are always shown). */
  get reviewToolsButton(): Locator {
    return this.page.getByRole('button', { name: 'Review tools', exact: true });
  }

  /** Shows the review tools (modes, comparisons, downloads): opens their disclosure where the screen has one. */
  async showReviewTools(): Promise<void> {
    const button = this.reviewToolsButton;
    if ((await button.isVisible()) && (await button.getAttribute('aria-expanded')) !== 'true')
      await button.click();
    await expect(this.page.getByRole('group', { name: 'Review', exact: true })).toBeVisible();
  }

  /** Opens the page (with an optional query) and waits for the diagram to be drawn and tagged. */
  async open(query = ''): Promise<void> {
    await this.page.goto(`./${query}`);
    await expect(this.svg).toBeVisible();
    await expect(this.svg.locator('[data-step]').first()).toBeAttached();
  }

  async pickProcedure(id: ProcedureId): Promise<void> {
    await this.page.getByLabel('Procedure').selectOption(id);
    await expect(this.page).toHaveURL(new RegExp(`[?&]procedure=${escape(id)}(&|#|$)`));
  }

  /** Clicks the message of step n in the SVG (its hit area, which spans the label and the line). */
  async clickMessage(n: number): Promise<void> {
    await this.svg.locator(`rect.step-hit[data-step="${n}"]`).first().click();
  }

  async clickItem(n: number): Promise<void> {
    await this.items.nth(n - 1).click();
  }

  /**
   * Checks that step `n` (its position in the run) is current everywhere: the address, the step list, the diagram and
   * the live region. `number` is the number it wears (CONTRACT.md §6): the clause's, or for an unnumbered step the one
   * it follows and a letter (`11a`); by default `n`. One read of the page per try (`readStep`), retried until every
   * check holds: the failure names each check that did not.
   */
  async expectStep(n: number, total?: number, number = String(n)): Promise<void> {
    await expect
      .poll(async () => stepProblems(await this.readStep(n), n, total, number), {
        message: `step ${n} (${number}) current in the address, the step list, the diagram and the live region`,
        // The address follows a step 120 ms later (useUrlSync.ts): polled finely, not at Playwright's default
        // 100, 250, 500 ms, which made every step of a walk wait about 350 ms for it.
        intervals: STEP_POLL_MS,
      })
      .toEqual([]);
  }

  /** What the page shows of step n, read at once (the figure's first SVG, as `svg`; the one live region). */
  private readStep(n: number): Promise<StepView> {
    return this.page.evaluate((n): StepView => {
      const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
      const svg = document.querySelector('figure[aria-label="Sequence diagram"] svg');
      const all = (selector: string) => [...(svg?.querySelectorAll(selector) ?? [])];
      const current = [...document.querySelectorAll('ol[aria-label="Steps"] li[aria-current="step"]')];
      const live = [...document.querySelectorAll('[aria-live="polite"]')];
      return {
        step: new URL(location.href).searchParams.get('step'),
        svg: svg !== null,
        listCurrent: current.map((li) => text(li) ?? ''),
        marked: all('.step-current').length,
        markedElsewhere: all(`.step-current:not([data-step="${n}"])`).length,
        unmarked: all(`[data-step="${n}"]:not(.step-current)`).length,
        markedHere: all(`[data-step="${n}"].step-current`).length,
        label: text(all(`text[data-step="${n}"].step-current`)[0]),
        line: all(`[data-et="message"][data-step="${n}"].step-current`).length > 0,
        previousDone:
          n > 1 ? (all(`[data-step="${n - 1}"]`)[0]?.classList.contains('step-done') ?? false) : true,
        status: live.map((el) => text(el) ?? ''),
      };
    }, n);
  }
}

/** What the page shows of one step (PlayerPage.readStep). */
interface StepView {
  step: string | null;
  svg: boolean;
  listCurrent: string[];
  marked: number;
  markedElsewhere: number;
  unmarked: number;
  markedHere: number;
  label: string | null;
  line: boolean;
  previousDone: boolean;
  status: string[];
}

/** Every way the page disagrees with "step n (wearing `number`) of `total` is current"; none when it agrees. */
function stepProblems(view: StepView, n: number, total: number | undefined, number: string): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => ok || problems.push(what);
  check(view.step === String(n), `the address says step=${view.step}`);
  check(view.svg, 'no SVG in the figure');
  check(view.status.length === 1, `${view.status.length} live regions`);
  const status = view.status[0] ?? '';
  if (n === 0) {
    check(view.listCurrent.length === 0, `the step list marks ${view.listCurrent.length} steps current`);
    check(view.marked === 0, `${view.marked} SVG elements marked current`);
    check(/^Before step 1 of \d+\.$/.test(status), `the live region says "${status}"`);
    return problems;
  }
  const listed = view.listCurrent[0] ?? '';
  check(view.listCurrent.length === 1, `the step list marks ${view.listCurrent.length} steps current`);
  check(new RegExp(`^${escape(number)}\\. `).test(listed), `the current list item reads "${listed}"`);
  // every element of step n is current, and nothing else is: at least the hit area, a label and a line
  check(view.markedElsewhere === 0, `${view.markedElsewhere} SVG elements of other steps marked current`);
  check(view.unmarked === 0, `${view.unmarked} SVG elements of step ${n} not marked current`);
  check(view.markedHere >= 3, `${view.markedHere} SVG elements of step ${n} marked current (at least 3)`);
  check(view.label?.includes(`${number}.`) ?? false, `the current label reads "${view.label}"`);
  check(view.line, `no current message line of step ${n}`);
  // done before, to do after
  check(view.previousDone, `step ${n - 1} is not marked done`);
  const of = n === Number(number) ? `of ${total ?? '\\d+'}` : `\\(${n} of ${total ?? '\\d+'}\\)`;
  check(new RegExp(`^Step ${escape(number)} ${of}: `).test(status), `the live region says "${status}"`);
  return problems;
}

export const test = base.extend<{ player: PlayerPage; editor: EditorPage }>({
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
    await use(page);
    expect(errors, 'console errors and page errors').toEqual([]);
  },
  player: async ({ page }, use) => {
    await use(new PlayerPage(page));
  },
  editor: async ({ page }, use) => {
    await use(new EditorPage(page));
  },
});

export { expect };
