/**
 * The first screen does not move under its reader: layout shift from navigation until the page is idle stays at
 * most 0.01 on a first visit (a fresh context: nothing stored, nothing cached) and on a repeat visit (the same
 * context: the diagram painted before React from what the first visit kept), in the player and the presentation,
 * on a desktop screen and a phone. `npm run bench` reports the same figures (bench/browser.ts). And the diagram is
 * first drawn where it stays: a shift measure does not count an element that is taken out and put back elsewhere,
 * as React does with the SVG painted before it, so the diagram's place when it first appears is compared with its
 * place once the page is idle.
 */
import {
  diagramPlacements,
  observeFirstDiagram,
  observeLayoutShift,
  shiftsOfVisit,
  shiftTotal,
  trackRequests,
} from '../scripts/layoutShift';
import { expect, test } from './fixtures';

/** Core Web Vitals call 0.1 poor; the page's own layout reserves its boxes, so what is left is rounding. */
const MAX_SHIFT = 0.01;

const SIZES = [
  { width: 1400, height: 900 },
  { width: 390, height: 844 },
];
const MODES = [
  { name: 'player', query: '?procedure=10.1.4.3.2&step=1' },
  { name: 'presentation', query: '?mode=present&procedure=10.1.4.3.2&step=1' },
];

for (const size of SIZES) {
  test.describe(`${size.width}×${size.height}`, () => {
    test.use({ viewport: size });
    for (const mode of MODES) {
      test(`${mode.name}: a first and a repeat visit shift the layout by at most ${MAX_SHIFT}`, async ({
        page,
        context,
      }) => {
        await observeLayoutShift(context);
        await observeFirstDiagram(context);
        const lastRequest = trackRequests(page);
        for (const visit of ['first', 'repeat']) {
          const shifts = await shiftsOfVisit(page, `./${mode.query}`, lastRequest);
          await expect(page.getByRole('figure', { name: 'Sequence diagram', exact: true })).toBeVisible();
          const total = shiftTotal(shifts);
          console.log(`${size.width}×${size.height} ${mode.name} ${visit}: ${total.toFixed(4)}`);
          expect.soft(total, `${visit} visit: ${JSON.stringify(shifts)}`).toBeLessThanOrEqual(MAX_SHIFT);
          const { first, now } = await diagramPlacements(page);
          expect(now).not.toBeNull();
          // Within a pixel: the same box under the same style sheets.
          for (const [part, axis] of [
            ['box', 'x'],
            ['box', 'y'],
            ['svg', 'x'],
            ['svg', 'y'],
          ] as const)
            expect
              .soft(
                Math.abs(first![part][axis] - now![part][axis]),
                `${visit} visit: the diagram's ${part} ${axis}`,
              )
              .toBeLessThanOrEqual(1);
        }
      });
    }
  });
}
