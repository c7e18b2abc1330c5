/**
 * The shared Playwright fixture: every spec that imports `test` from here fails on any console error or page error,
 * and gets a `player` page object with intent methods and the checks that keep the diagram, the step list and the
 * address in agreement.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import type { ProcedureId } from '../src/core/ids';

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

  /** Opens the page (with an optional query) and waits for the diagram to be drawn and tagged. */
  async open(query = ''): Promise<void> {
    await this.page.goto(`./${query}`);
    await expect(this.svg).toBeVisible();
    await expect(this.svg.locator('[data-step]').first()).toBeAttached();
  }

  async pickProcedure(id: ProcedureId): Promise<void> {
    await this.page.getByLabel('Procedure').selectOption(id);
    await expect(this.page).toHaveURL(new RegExp(`[?&]procedure=${escape(id)}(&|$)`));
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
    await expect(this.page).toHaveURL(new RegExp(`[?&]step=${n}(&|$)`));
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

export const test = base.extend<{ player: PlayerPage }>({
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
});

export { expect };
