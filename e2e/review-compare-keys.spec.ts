import type { Locator, Page } from '@playwright/test';
import { compareProcedures } from '../src/core/explore/compare';
import { expectAccessible } from './a11y';
import { expect, test } from './fixtures';

const figure = (page: Page, id: string) =>
  page.getByRole('figure', { name: `Sequence diagram: ${id}`, exact: true });

/** The label's size on screen (font size times the SVG's scale) and its contrast with what is drawn behind it. */
async function lookOf(text: Locator): Promise<{ px: number; contrast: number }> {
  return text.evaluate((el) => {
    const parse = (c: string): [number, number, number, number] => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return [0, 0, 0, 0];
      const [r = 0, g = 0, b = 0, a = 1] = m[1]!
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return [r, g, b, a];
    };
    const over = (top: number[], alpha: number, under: number[]) =>
      [0, 1, 2].map((i) => top[i]! * alpha + under[i]! * (1 - alpha));
    const luminance = (rgb: number[]) => {
      const [r, g, b] = rgb.map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    // the page behind the diagram: the first opaque background up the tree
    let page = [255, 255, 255];
    for (let node: Element | null = el; node; node = node.parentElement) {
      const [r, g, b, a] = parse(getComputedStyle(node).backgroundColor);
      if (a > 0) {
        page = [r, g, b];
        break;
      }
    }
    // the step's band, when marked, under the text
    const svg = el.closest('svg')!;
    const band = svg.querySelector(`rect.step-hit[data-step="${el.getAttribute('data-step')}"]`);
    let behind = page;
    if (band) {
      const style = getComputedStyle(band);
      const [r, g, b, a] = parse(style.fill);
      behind = over([r, g, b], a * Number(style.opacity), page);
    }
    const style = getComputedStyle(el);
    const [r, g, b, a] = parse(style.fill);
    const fore = over([r, g, b], a * Number(style.opacity), behind);
    const [l1, l2] = [luminance(fore), luminance(behind)].sort((x, y) => y - x);
    const scale = (el as SVGGraphicsElement).getScreenCTM()!.a;
    return { px: parseFloat(style.fontSize) * scale, contrast: (l1! + 0.05) / (l2! + 0.05) };
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`compare at 1400×900, ${scheme}: the marked labels are 12 px or more on screen, at 4.5:1 or more`, async ({
    page,
  }, info) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('./?compare=10.1.4.3.2,10.1.4.3.3');
    const left = figure(page, '10.1.4.3.2');
    const right = figure(page, '10.1.4.3.3');
    await expect(left.locator('svg text.step-removed').first()).toBeAttached();
    await expect(right.locator('svg text.step-added').first()).toBeAttached();
    const labels = [
      ...(await left.locator('svg text.step-removed, svg text.step-reworded').all()),
      ...(await right.locator('svg text.step-added, svg text.step-reworded').all()),
    ];
    expect(labels.length).toBeGreaterThan(6);
    for (const label of labels) {
      const { px, contrast } = await lookOf(label);
      const name = await label.textContent();
      expect(px, `${name}: size on screen`).toBeGreaterThanOrEqual(12);
      expect(contrast, `${name}: contrast`).toBeGreaterThanOrEqual(4.5);
    }
    // and with a row stepped to
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('tr[aria-current="true"]')).toHaveCount(1);
    await expectAccessible(page, info, 'compare, a row current');
  });
}

test('compare: the arrow keys step through the rows; the row and its steps on both diagrams follow', async ({
  page,
}) => {
  await page.goto('./?compare=10.1.4.3.2,10.1.4.3.3');
  const left = figure(page, '10.1.4.3.2');
  const right = figure(page, '10.1.4.3.3');
  await expect(left.locator('svg [data-step]').first()).toBeAttached();
  await expect(right.locator('svg [data-step]').first()).toBeAttached();
  const url = page.url();
  const rows = compareProcedures('10.1.4.3.2', '10.1.4.3.3');
  const trs = page.getByRole('table').locator('tbody tr');
  await expect(page.locator('tr[aria-current="true"]')).toHaveCount(0);

  const expectRow = async (i: number) => {
    const row = rows[i]!;
    await expect(trs.nth(i)).toHaveAttribute('aria-current', 'true');
    await expect(page.locator('tr[aria-current="true"]')).toHaveCount(1);
    await expect(trs.nth(i)).toBeInViewport();
    for (const [side, step] of [
      [left, row.left?.n],
      [right, row.right?.n],
    ] as const) {
      const current = side.locator('svg [data-et="message"].step-current');
      if (step === undefined) {
        await expect(current).toHaveCount(0);
        continue;
      }
      await expect(current.first()).toHaveAttribute('data-step', String(step));
      await expect(side.locator(`svg .step-current:not([data-step="${step}"])`)).toHaveCount(0);
      // scrolled into the diagram's own box (the page itself follows the table's row)
      await expect
        .poll(() =>
          current.first().evaluate((el) => {
            const box = el.closest('.sequence-scroll')!.getBoundingClientRect();
            const r = el.getBoundingClientRect();
            return r.top >= box.top && r.bottom <= box.bottom && r.left >= box.left && r.right <= box.right;
          }),
        )
        .toBe(true);
    }
  };

  for (let i = 0; i < rows.length; i++) {
    await page.keyboard.press('ArrowRight');
    await expectRow(i);
  }
  // the last row stays the last
  await page.keyboard.press('ArrowRight');
  await expectRow(rows.length - 1);
  await page.keyboard.press('ArrowLeft');
  await expectRow(rows.length - 2);
  await page.keyboard.press('Home');
  await expectRow(0);
  // the address is the comparison's, unchanged by the steps
  expect(page.url()).toBe(url);

  // a picker keeps its arrows; a new pair starts again without a current row
  await page.getByLabel('Left side').selectOption('10.1.4.3.1');
  await expect(page.locator('tr[aria-current="true"]')).toHaveCount(0);
});
