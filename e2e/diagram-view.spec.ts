import { DiagramPage, inside } from './diagram-page';
import { expect, test } from './fixtures';

const NAMES = ['CM client (UE)', 'Primary CMS', 'Primary UDB', 'Partner CMS', 'Partner UDB'];

test.use({ viewport: { width: 1280, height: 720 } });

test('at a middle step the participants are in sight, over their lifelines', async ({ player, page }) => {
  // given 10.1.4.3.2 at step 8 (the arrow in the middle of the diagram: the box has scrolled)
  await player.open('?procedure=10.1.4.3.2&step=8');
  const diagram = new DiagramPage(page);
  await diagram.settle();
  // then the strip shows the five participants inside the visible box, each over its lifeline
  await diagram.expectNamesInSight(NAMES);
  expect((await diagram.strip()).actors).toHaveLength(5);
  // and the current arrow is in sight below the strip
  const strip = await diagram.strip();
  const current = await diagram.current();
  expect(inside(current, await diagram.visibleBox())).toBe(true);
  expect(current.top).toBeGreaterThanOrEqual(Math.max(...strip.actors.map((a) => a.box.bottom)) - 1);
  // the strip is hidden from assistive technology (the names are in the diagram)
  await expect(diagram.figure.locator('.diagram-strip')).toHaveAttribute('aria-hidden', 'true');
});

test('before step 1 the diagram shows its own participants and no strip', async ({ player, page }) => {
  await player.open('?procedure=10.1.4.3.2&step=0');
  const diagram = new DiagramPage(page);
  await diagram.settle();
  expect((await diagram.strip()).shown).toBe(false);
  await diagram.expectNamesInSight(NAMES);
});

test('Fit, Zoom in and Zoom out change the scale; the strip follows', async ({ player, page }) => {
  await player.open('?procedure=10.1.4.3.2&step=8');
  const diagram = new DiagramPage(page);
  const start = await diagram.scale();

  await diagram.button('Zoom in').click();
  await expect.poll(() => diagram.scale()).toBeGreaterThan(start * 1.1);
  const zoomed = await diagram.scale();
  await diagram.expectNamesInSight(NAMES);

  await diagram.button('Zoom out').click();
  await diagram.button('Zoom out').click();
  await expect.poll(() => diagram.scale()).toBeLessThan(zoomed / 1.3);
  await diagram.expectNamesInSight(NAMES);

  // Fit: the whole width in the box
  await diagram.button('Zoom in').click();
  await diagram.button('Zoom in').click();
  await diagram.button('Fit').click();
  const inner = await diagram.box.evaluate((box) => {
    const style = getComputedStyle(box);
    return box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  });
  const width = await diagram.figure
    .locator('.sequence-svg > svg')
    .evaluate((svg) => Number(svg.getAttribute('viewBox')?.split(/\s+/)[2]));
  await expect.poll(async () => Math.abs((await diagram.scale()) * width - inner)).toBeLessThanOrEqual(1);
  await expect.poll(() => diagram.box.evaluate((box) => box.scrollWidth <= box.clientWidth)).toBe(true);
  await diagram.expectNamesInSight(NAMES);
});

test('Ctrl+wheel zooms the diagram (a wheel alone scrolls it)', async ({ player, page }) => {
  await player.open('?procedure=10.1.4.3.2&step=8');
  const diagram = new DiagramPage(page);
  const start = await diagram.scale();
  const box = await diagram.visibleBox();
  await page.mouse.move((box.left + box.right) / 2, (box.top + box.bottom) / 2);

  // a wheel alone: the box scrolls, the scale stays
  const before = await diagram.box.evaluate((b) => b.scrollTop);
  await page.mouse.wheel(0, 120);
  await expect.poll(() => diagram.box.evaluate((b) => b.scrollTop)).toBeGreaterThan(before);
  expect(await diagram.scale()).toBeCloseTo(start, 4);

  // with Ctrl: zoom in, then out
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -200);
  await page.keyboard.up('Control');
  await expect.poll(() => diagram.scale()).toBeGreaterThan(start * 1.2);
  const zoomed = await diagram.scale();
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, 100);
  await page.keyboard.up('Control');
  await expect.poll(() => diagram.scale()).toBeLessThan(zoomed);
  await diagram.expectNamesInSight(NAMES);
});

test('the focused diagram zooms with + − 0; → and ← still step', async ({ player, page }) => {
  await player.open('?procedure=10.1.4.3.2&step=8');
  const diagram = new DiagramPage(page);
  const start = await diagram.scale();
  await diagram.box.focus();
  await page.keyboard.press('+');
  await expect.poll(() => diagram.scale()).toBeGreaterThan(start * 1.1);
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect.poll(() => diagram.scale()).toBeLessThan(start);
  await page.keyboard.press('0');
  await expect.poll(() => diagram.box.evaluate((box) => box.scrollWidth <= box.clientWidth)).toBe(true);
  await page.keyboard.press('ArrowRight');
  await player.expectStep(9, 14);
  await page.keyboard.press('ArrowLeft');
  await player.expectStep(8, 14);
  // the zoom buttons are buttons: Enter on a focused one zooms
  await diagram.button('Zoom in').focus();
  const fitted = await diagram.scale();
  await page.keyboard.press('Enter');
  await expect.poll(() => diagram.scale()).toBeGreaterThan(fitted * 1.1);
});

test('stepping at a high zoom keeps the current arrow in sight', async ({ player, page }) => {
  await player.open('?procedure=10.1.4.3.2&step=1');
  const diagram = new DiagramPage(page);
  for (let i = 0; i < 5; i++) await diagram.button('Zoom in').click();
  await expect.poll(() => diagram.scale()).toBeGreaterThan(2);
  await player.button('Next step').focus();
  // The learner has scrolled the page to the diagram (at 1280x720 the player's bar and tools fill the first screen).
  await diagram.box.evaluate((box) => box.scrollIntoView({ block: 'start' }));
  for (let n = 2; n <= 14; n++) {
    await page.keyboard.press('ArrowRight');
    await player.expectStep(n, 14);
    await diagram.settle();
    const current = await diagram.current();
    const visible = await diagram.visibleBox();
    // the arrow's middle is in the visible box (an arrow wider than the box shows from its start), under the strip
    const middle = (current.top + current.bottom) / 2;
    expect(middle, `step ${n}: in the box vertically`).toBeGreaterThan(visible.top);
    expect(middle, `step ${n}: in the box vertically`).toBeLessThan(visible.bottom);
    expect(current.right, `step ${n}: in the box sideways`).toBeGreaterThan(visible.left);
    expect(current.left, `step ${n}: in the box sideways`).toBeLessThan(visible.right);
    const strip = await diagram.strip();
    if (strip.shown) {
      expect(middle, `step ${n}: below the strip`).toBeGreaterThan(
        Math.max(...strip.actors.map((a) => a.box.bottom)),
      );
    }
  }
});
