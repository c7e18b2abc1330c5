/**
 * The shared Playwright fixture: every spec that imports `test` from here fails on any console error or page error,
 * and gets page objects with intent methods: `player` (with the checks that keep the diagram, the step list and the
 * address in agreement) and `editor` (./editor-page.ts). Scenario addresses are built by `scenarioAddress`, on the
 * page's own encoding (src/app/url.ts).
 */
import { test as base, expect, type Browser, type Locator, type Page } from '@playwright/test';
import { encodeScenario, encodeScenarioText, PARAM } from '../src/app/url';
import { STORAGE_KEY } from '../src/app/storageKey';
import type { ProcedureId } from '../src/core/ids';
import { PRESETS } from '../src/core/presets';
import type { Scenario } from '../src/core/scenario';
import { EditorPage } from './editor-page';

export { EditorPage, STORAGE_KEY };

/** The default scenario's title (the first preset's). */
export const DEFAULT_TITLE = 'Officer migrates from Metro to County';

/** A preset's scenario by id. */
export function preset(id: string): Scenario {
  const found = PRESETS.find((p) => p.id === id);
  if (!found) throw new Error(`no preset ${id}`);
  return found.scenario;
}

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

/** `?…#…` to pass to `player.open` or `page.goto('./…')`: the scenario as src/app/url.ts encodes it. */
export function scenarioAddress(address: ScenarioAddress): string {
  const params = new URLSearchParams(address.query);
  if (address.procedure !== undefined) params.set(PARAM.procedure, address.procedure);
  if (address.step !== undefined) params.set(PARAM.step, String(address.step));
  const packed =
    address.json !== undefined
      ? encodeScenarioText(address.json)
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

/** Steps of each procedure on the default scenario (the happy path: every procedure delivers). */
export const DEFAULT_TOTALS: Record<ProcedureId, number> = {
  '10.1.4.3.1': 3,
  '10.1.4.3.2': 14,
  '10.1.4.3.3': 11,
  '10.1.4.x.2': 13,
};

export const PROCEDURES = Object.keys(DEFAULT_TOTALS) as ProcedureId[];

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

  async total(): Promise<number> {
    return this.items.count();
  }

  /** Clicks the message of step n in the SVG (its hit area, which spans the label and the line). */
  async clickMessage(n: number): Promise<void> {
    await this.svg.locator(`rect.step-hit[data-step="${n}"]`).first().click();
  }

  async clickItem(n: number): Promise<void> {
    await this.items.nth(n - 1).click();
  }

  /** The diagram, the step list, the live region and the address all say step n (0 = before step 1). */
  /**
   * Checks that step `n` (its position in the run) is current everywhere. `number` is the number it wears (CONTRACT.md
   * §6): the clause's, or for an unnumbered step the one it follows and a letter (`11a`); by default `n`.
   */
  async expectStep(n: number, total?: number, number = String(n)): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`[?&]step=${n}(&|#|$)`));
    const current = this.steps.locator('li[aria-current="step"]');
    const marked = this.svg.locator('.step-current');
    if (n === 0) {
      await expect(current).toHaveCount(0);
      await expect(marked).toHaveCount(0);
      await expect(this.status).toHaveText(/^Before step 1 of \d+\.$/);
      return;
    }
    await expect(current).toHaveCount(1);
    await expect(current).toHaveText(new RegExp(`^${number}\\. `));
    // Every element of step n is current, and nothing else is.
    await expect(this.svg.locator(`.step-current:not([data-step="${n}"])`)).toHaveCount(0);
    await expect(this.svg.locator(`[data-step="${n}"]:not(.step-current)`)).toHaveCount(0);
    // At least the hit area, a label and a line.
    expect(await this.svg.locator(`[data-step="${n}"].step-current`).count()).toBeGreaterThanOrEqual(3);
    await expect(this.svg.locator(`text[data-step="${n}"].step-current`).first()).toContainText(`${number}.`);
    await expect(
      this.svg.locator(`[data-et="message"][data-step="${n}"].step-current`).first(),
    ).toBeAttached();
    // Done before, to do after.
    if (n > 1) await expect(this.svg.locator(`[data-step="${n - 1}"]`).first()).toHaveClass(/step-done/);
    const of = `${n === Number(number) ? '' : `\\(${n} `}of ${total ?? '\\d+'}${n === Number(number) ? '' : '\\)'}`;
    await expect(this.status).toHaveText(new RegExp(`^Step ${number} ${of}: `));
  }
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
