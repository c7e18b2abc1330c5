import { PROCEDURES } from '../src/core/procedures';
import { expect, test } from './fixtures';

/** The current step's label (its words, each line) against the strip of names: how far its top is under the strip. */
const labelUnderStrip = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const figure = document.querySelector('figure[aria-label="Sequence diagram"]');
    const strip = figure?.querySelector('.diagram-strip');
    const stripSvg = strip?.querySelector('svg');
    const labels = [...(figure?.querySelectorAll('.sequence-svg > svg text.step-current') ?? [])];
    if (!labels.length) return { labels: 0, gap: Infinity };
    const top = Math.min(...labels.map((t) => t.getBoundingClientRect().top));
    const shown = !!strip && !!stripSvg && getComputedStyle(strip).visibility === 'visible';
    return { labels: labels.length, gap: shown ? top - stripSvg.getBoundingClientRect().bottom : Infinity };
  });

/** The current step has a label, and its top is below the strip's bottom (waited for: a reveal scrolls). */
const expectLabelBelowStrip = (page: import('@playwright/test').Page, at: string) =>
  expect
    .poll(
      async () => {
        const { labels, gap } = await labelUnderStrip(page);
        return labels > 0 && gap >= 0;
      },
      { message: `${at}: its label's top below the strip's bottom` },
    )
    .toBe(true);

/** The step in the address (presentation has no step list for the player's own check). */
const atStep = (page: import('@playwright/test').Page, n: number) =>
  expect(page).toHaveURL(new RegExp(`[?&]step=${n}(&|#|$)`));

for (const [size, mode] of [
  [{ width: 1400, height: 900 }, ''],
  [{ width: 390, height: 844 }, ''],
  [{ width: 1400, height: 900 }, 'present'],
] as const) {
  test(`10.1.4.3.2 at ${size.width}×${size.height}${mode ? `, ${mode}` : ''}: each step's label, once revealed, is wholly below the strip of names`, async ({
    player,
    page,
  }) => {
    await page.setViewportSize(size);
    await player.open(`?procedure=10.1.4.3.2${mode ? `&mode=${mode}` : ''}`);
    const total = PROCEDURES['10.1.4.3.2'].steps.length;
    // the page scrolled past the box's top, as a reader scrolls on a phone: the strip then follows the window's top
    await page.evaluate(() => {
      const box = document.querySelector('figure[aria-label="Sequence diagram"] .sequence-scroll');
      if (box) window.scrollBy(0, box.getBoundingClientRect().top + 120);
    });
    for (let n = 1; n <= total; n++) {
      await player.button('Next step').click();
      await atStep(page, n);
      await expectLabelBelowStrip(page, `step ${n}`);
    }
    // and back, step by step
    for (let n = total - 1; n >= 1; n--) {
      await player.button('Previous step').click();
      await atStep(page, n);
      await expectLabelBelowStrip(page, `back at step ${n}`);
    }
  });

  test(`10.1.4.3.2 at ${size.width}×${size.height}${mode ? `, ${mode}` : ''}: step 8 opened from its address, its label below the strip`, async ({
    player,
    page,
  }) => {
    await page.setViewportSize(size);
    await player.open(`?procedure=10.1.4.3.2&step=8${mode ? `&mode=${mode}` : ''}`);
    await atStep(page, 8);
    await expect
      .poll(async () => (await labelUnderStrip(page)).gap, { message: 'step 8: its label below the strip' })
      .toBeGreaterThanOrEqual(0);
    await player.button('Next step').click();
    await player.button('Previous step').click();
    await atStep(page, 8);
    await expect
      .poll(async () => (await labelUnderStrip(page)).gap, {
        message: 'step 8 again: its label below the strip',
      })
      .toBeGreaterThanOrEqual(0);
  });
}
