/**
 * A phone steps in place (390×844): the playback buttons stay in reach at the bottom of the window and the current
 * message is scrolled into the diagram's box above them, at a zoom whose labels can be read.
 */
import { currentOutOfSight, DiagramPage, labelPx } from './diagram-page';
import { DEFAULT_TOTALS, expect, test } from './fixtures';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

for (const procedure of ['10.1.4.3.2', '10.1.4.3.3'] as const) {
  test(`${procedure}: Next to the end, the current message and Next on one screen, labels readable`, async ({
    player,
    page,
  }) => {
    await player.open(`?procedure=${procedure}&step=0`);
    const diagram = new DiagramPage(page);
    const next = player.button('Next step');
    await expect(next).toBeInViewport({ ratio: 1 });
    // labels of 11 px at least (the box's width alone would draw them at about 5 px)
    await expect.poll(() => labelPx(page)).toBeGreaterThanOrEqual(11);
    const total = DEFAULT_TOTALS[procedure];
    for (let n = 1; n <= total; n++) {
      await next.click();
      await player.expectStep(n, total);
      await diagram.settle();
      await expect(next, `step ${n}: Next in the window`).toBeInViewport({ ratio: 1 });
      expect(
        await currentOutOfSight(page, true),
        `step ${n}: the current message in sight above the controls`,
      ).toEqual([]);
      expect(await labelPx(page)).toBeGreaterThanOrEqual(11);
    }
    // the page never scrolled to follow: the learner did nothing but press Next
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });
}
