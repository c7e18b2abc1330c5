/**
 * The layout at four sizes (issue 12), phone to projector: the page never scrolls sideways, the main regions
 * (controls, diagram, step list, current step, editor) never overlap, and every button is drawn where it can be
 * clicked (the element at its centre, once scrolled into view, is the button or inside it).
 */
import type { Locator, Page } from '@playwright/test';
import { eachAfresh } from './afresh';
import { expect, preset, scenarioAddress, test } from './fixtures';

const SIZES = [
  { width: 360, height: 740 },
  { width: 768, height: 1024 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

interface Box {
  name: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The main regions' boxes in page coordinates (one layout read for all of them). */
async function regions(page: Page): Promise<Box[]> {
  const handles = {
    controls: page.getByRole('group', { name: 'Player controls', exact: true }),
    diagram: page.getByRole('figure', { name: 'Sequence diagram', exact: true }),
    steps: page.getByRole('region', { name: 'Steps', exact: true }),
    'current step': page.getByRole('region', { name: 'Current step', exact: true }),
    // Below 600 px the editor is a drawer over the page, opened from its button, not a region of the page's flow.
    ...((page.viewportSize()?.width ?? 0) < 600
      ? {}
      : { editor: page.getByRole('complementary', { name: 'Scenario editor' }) }),
  };
  const boxes: Box[] = [];
  for (const [name, locator] of Object.entries(handles)) {
    await expect(locator, name).toBeVisible();
    boxes.push(
      await locator.evaluate((el, name) => {
        const r = el.getBoundingClientRect();
        return {
          name,
          left: r.left + scrollX,
          top: r.top + scrollY,
          right: r.right + scrollX,
          bottom: r.bottom + scrollY,
        };
      }, name),
    );
  }
  return boxes;
}

const overlap = (a: Box, b: Box) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

/** The buttons whose centre, once scrolled into view, hits something else (named by their accessible text). */
function unreachableButtons(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const missed: string[] = [];
    for (const button of document.querySelectorAll<HTMLElement>('button, label.btn')) {
      if (!button.checkVisibility()) continue;
      button.scrollIntoView({ block: 'center', inline: 'center' });
      const r = button.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!hit || !button.contains(hit)) {
        const name = button.getAttribute('aria-label') ?? button.textContent?.trim() ?? '?';
        const over = hit ? `${hit.tagName.toLowerCase()}.${String(hit.className)}` : 'nothing';
        missed.push(`${name} (under ${over})`);
      }
    }
    window.scrollTo(0, 0);
    return missed;
  });
}

/**
 * The page is ready once its editor is: below 600 px the editor is a drawer behind its button (README, on a phone),
 * so there the button is what the page shows.
 */
async function editorReady(page: Page, editor: { aside: Locator }): Promise<void> {
  if ((page.viewportSize()?.width ?? 0) < 600)
    await expect(page.getByRole('button', { name: 'Scenario editor', exact: true })).toBeVisible();
  else await expect(editor.aside.getByRole('button', { name: 'Undo' })).toBeVisible();
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(clientWidth);
}

for (const size of SIZES) {
  test.describe(`${size.width}x${size.height}`, () => {
    test.use({ viewport: size });

    // One page for the four checks, each from a fresh start (nothing stored): a page each spent most of its time
    // opening a new browser.
    test('the player, a refused run with the review tools, the diagram on the first screen, quiz and comparison', async ({
      player,
      page,
      editor,
    }) => {
      test.slow();
      await eachAfresh({ player, page, editor }, [
        [
          'player: no sideways scroll, no overlap, every button clickable',
          async ({ player, page, editor }) => {
            await player.open('?procedure=10.1.4.3.2&step=7');
            await editorReady(page, editor);
            await expectNoSidewaysScroll(page);
            const boxes = await regions(page);
            const overlaps: string[] = [];
            for (const [i, a] of boxes.entries())
              for (const b of boxes.slice(i + 1)) if (overlap(a, b)) overlaps.push(`${a.name} × ${b.name}`);
            expect(overlaps, JSON.stringify(boxes)).toEqual([]);
            expect(await unreachableButtons(page)).toEqual([]);
            // and the buttons do what they say where they are drawn
            await player.button('Next step').click();
            await player.expectStep(8, 14);
            await expectNoSidewaysScroll(page);
          },
        ],

        [
          'a refused run and the review toolbar: no sideways scroll, every button clickable',
          async ({ player, page }) => {
            await player.open(
              scenarioAddress({ procedure: '10.1.4.3.2', step: 12, scenario: preset('validation-refused') }),
            );
            await player.expectStep(12, 12, '11a');
            // On a phone the Resulting profile is in the editor's drawer: opened, read, closed.
            const phone = size.width < 600;
            const drawer = page.getByRole('button', { name: 'Scenario editor', exact: true });
            if (phone) await drawer.click();
            await expect(page.getByRole('region', { name: 'Resulting profile' })).toContainText(
              /refused|rejected/i,
            );
            if (phone) {
              await page.keyboard.press('Escape');
              await expect(drawer).toHaveAttribute('aria-expanded', 'false');
            }
            await expectNoSidewaysScroll(page);
            expect(await unreachableButtons(page)).toEqual([]);
            // and the review tools, behind their button on a phone
            await player.showReviewTools();
            await expect(page.getByRole('button', { name: 'Download SVG' })).toBeVisible();
            await expectNoSidewaysScroll(page);
            expect(await unreachableButtons(page)).toEqual([]);
          },
        ],

        [
          `the diagram's box starts ${size.width >= 1280 ? 'in the upper half of' : 'on'} the first screen`,
          async ({ player, page, editor }) => {
            // a projector's screen or wider: the upper half; a phone or a tablet: the first screen
            const limit = size.width >= 1280 ? size.height / 2 : size.height;
            // the superseded draft's bar is the tallest (its badge under the picker)
            for (const procedure of ['10.1.4.3.2', '10.1.4.x.2']) {
              await player.open(`?procedure=${procedure}&step=3`);
              await editorReady(page, editor);
              await page.evaluate(() => window.scrollTo(0, 0));
              const top = await player.figure.evaluate((el) => el.getBoundingClientRect().top + scrollY);
              expect(top, procedure).toBeLessThan(limit);
            }
            // from 600 px the review tools are shown as they are, without a button
            if (size.width >= 600) {
              await expect(player.reviewToolsButton).toBeHidden();
              await expect(page.getByRole('group', { name: 'Review', exact: true })).toBeVisible();
              await expect(page.getByRole('group', { name: 'Downloads', exact: true })).toBeVisible();
            }
          },
        ],

        [
          'quiz and comparison: no sideways scroll',
          async ({ page }) => {
            await page.goto('./?mode=quiz&procedure=10.1.4.3.3&step=0');
            await expect(page.getByRole('button', { name: 'Check answer' })).toBeVisible();
            await expectNoSidewaysScroll(page);
            expect(await unreachableButtons(page)).toEqual([]);
            await page.goto('./?compare=10.1.4.x.2,10.1.4.3.3');
            await expect(page.getByRole('figure', { name: 'Sequence diagram: 10.1.4.3.3' })).toBeVisible();
            await expect(page.getByRole('table').first()).toBeVisible();
            await expectNoSidewaysScroll(page);
            expect(await unreachableButtons(page)).toEqual([]);
          },
        ],
      ]);
    });
  });
}

test.describe('360x740: the review tools behind one button', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the button opens and closes them, Escape closes them and gives the focus back; Quiz mode from behind it', async ({
    player,
    page,
  }) => {
    await eachAfresh({ player, page }, [
      [
        'the button opens and closes them, Escape closes them and gives the focus back',
        async ({ player, page }) => {
          await player.open('?procedure=10.1.4.3.3&step=2');
          const button = player.reviewToolsButton;
          const review = page.getByRole('group', { name: 'Review', exact: true });
          const downloads = page.getByRole('group', { name: 'Downloads', exact: true });
          // closed: the button says so, and the tools are neither drawn nor in the accessibility tree
          await expect(button).toHaveAttribute('aria-expanded', 'false');
          await expect(review).toHaveCount(0);
          await expect(page.getByRole('button', { name: 'Download SVG' })).toHaveCount(0);
          const panel = page.locator(`[id="${await button.getAttribute('aria-controls')}"]`);
          await expect(panel).toBeHidden();

          // the button opens them
          await button.click();
          await expect(button).toHaveAttribute('aria-expanded', 'true');
          await expect(panel).toBeVisible();
          await expect(panel.getByRole('group', { name: 'Review', exact: true })).toBeVisible();
          await expect(panel.getByRole('group', { name: 'Downloads', exact: true })).toBeVisible();
          for (const name of [
            'Quiz mode',
            'Presentation mode',
            'Download SVG',
            'Download diagram (PlantUML)',
            'Download walkthrough (Markdown)',
            'Download test case (Markdown)',
          ])
            await expect(panel.getByRole('button', { name, exact: true })).toBeVisible();
          await expect(panel.getByRole('link', { name: 'Compare the draft with 10.1.4.3.3' })).toBeVisible();

          // and closes them
          await button.click();
          await expect(button).toHaveAttribute('aria-expanded', 'false');
          await expect(review).toHaveCount(0);

          // by the keyboard: Enter opens, Tab goes into them, Escape closes them and the focus is on the button again
          await button.focus();
          await page.keyboard.press('Enter');
          await expect(button).toHaveAttribute('aria-expanded', 'true');
          await page.keyboard.press('Tab');
          await expect(panel.getByRole('button', { name: 'Quiz mode', exact: true })).toBeFocused();
          await page.keyboard.press('Escape');
          await expect(button).toHaveAttribute('aria-expanded', 'false');
          await expect(button).toBeFocused();
          await expect(downloads).toHaveCount(0);
          // Escape on the open button itself closes them too
          await page.keyboard.press('Space');
          await expect(button).toHaveAttribute('aria-expanded', 'true');
          await page.keyboard.press('Escape');
          await expect(button).toHaveAttribute('aria-expanded', 'false');
          await expect(button).toBeFocused();
        },
      ],
      [
        'a review tool works from behind the button: Quiz mode',
        async ({ player, page }) => {
          await player.open('?procedure=10.1.4.3.3&step=4');
          await player.showReviewTools();
          await page.getByRole('button', { name: 'Quiz mode', exact: true }).click();
          await expect(page).toHaveURL(/[?&]mode=quiz(&|#|$)/);
          await expect(page.getByRole('button', { name: 'Check answer' })).toBeVisible();
        },
      ],
    ]);
  });
});
