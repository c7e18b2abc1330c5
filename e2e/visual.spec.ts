/**
 * Visual regression (issue 7): one table of views, each a screenshot compared, pixel for pixel, with its baseline
 * beside this spec, in the folder of this platform and browser (e2e/visual.spec.ts-snapshots/linux-chromium156/:
 * playwright.config.ts). Deterministic: the app's own font, a fixed viewport, animations and smooth scrolling off,
 * the clock frozen, storage empty. After an intended change, or on a machine with another browser:
 * `npm run screenshots:update`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { ProcedureId } from '../src/core/model/ids';
import { presetScenario } from '../src/core/model/presets';
import { expect, scenarioAddress, test } from './fixtures';

/** The address of a preset's scenario at a procedure and step (the scenario in the fragment, as Copy link writes). */
const presetAt = (procedure: ProcedureId, step: number, id: string) =>
  scenarioAddress({ procedure, step, scenario: presetScenario(id) });

test.use({ viewport: { width: 1280, height: 800 }, colorScheme: 'light', reducedMotion: 'reduce' });

test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-01T09:00:00Z') });
  await page.addInitScript(() => window.localStorage.clear());
});

/**
 * Whether this platform and browser has no baselines and the run is not making them: then the spec fails once,
 * saying what to do, and skips the comparisons (instead of one failure per screenshot).
 */
function baselinesMissing(): { missing: boolean; folder: string } {
  const info = test.info();
  const folder = dirname(info.snapshotPath('any.png', { kind: 'screenshot' }));
  const present = existsSync(folder) && readdirSync(folder).some((file) => file.endsWith('.png'));
  const making = ['all', 'changed', 'missing'].includes(info.config.updateSnapshots);
  const root = info.config.configFile ? dirname(info.config.configFile) : process.cwd();
  return { missing: !present && !making, folder: relative(root, folder) };
}

test('screenshot baselines exist for this platform and browser', () => {
  const { missing, folder } = baselinesMissing();
  if (missing)
    throw new Error(
      `No screenshot baselines for this platform and browser (${folder}/ is empty or absent). ` +
        'Create them with `npm run screenshots:update`, look at them, and commit them; the comparisons are skipped until then.',
    );
});

/** Opens a query, waits for the diagram (or the figures) and the font, and settles scrolling. */
async function open(page: Page, query: string, figures = 1): Promise<void> {
  await page.goto(`./${query}`);
  const svgs = page.locator('figure .sequence-svg > svg');
  await expect(svgs).toHaveCount(figures);
  for (let i = 0; i < figures; i++) await expect(svgs.nth(i).locator('[data-step]').first()).toBeAttached();
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

const figure = (page: Page): Locator => page.getByRole('figure', { name: 'Sequence diagram', exact: true });
const steps = (page: Page): Locator => page.getByRole('region', { name: 'Steps', exact: true });

interface Case {
  name: string;
  query: string;
  shoot: (page: Page) => Locator[];
  figures?: number;
  before?: (page: Page) => Promise<void>;
}

const playerCases: Case[] = (
  [
    ['10.1.4.3.1', [0, 2, 3]],
    ['10.1.4.3.2', [0, 7, 14]],
    ['10.1.4.3.3', [0, 8, 11]],
    ['10.1.4.x.2', [0, 3, 13]],
  ] as [ProcedureId, number[]][]
).flatMap(([procedure, at]) =>
  at.map((step) => ({
    name: `player-${procedure}-step-${step}`,
    query: `?procedure=${procedure}&step=${step}`,
    shoot: (page: Page) => [figure(page), steps(page)],
  })),
);

/** The first preset with a fault (and the client's timer): CONTRACT.md §10's cross and timer note. */
const faultAt = (step: number, timer: boolean) =>
  scenarioAddress({
    procedure: '10.1.4.3.3',
    step,
    scenario: {
      ...presetScenario('happy-path'),
      faults: [{ kind: 'drop', step: 6 }],
      ...(timer ? { timing: { timeoutMs: { cmc: 5000 } } } : {}),
    },
  });

const CASES: Case[] = [
  ...playerCases,
  {
    name: 'lost-message-10.1.4.3.3-step-6',
    query: faultAt(6, false),
    shoot: (page) => [figure(page), steps(page)],
  },
  {
    name: 'fired-timer-10.1.4.3.3-step-7',
    query: faultAt(7, true),
    shoot: (page) => [figure(page), page.getByRole('region', { name: 'Resulting profile' })],
  },
  {
    name: 'refused-10.1.4.3.2-step-11',
    query: presetAt('10.1.4.3.2', 11, 'validation-refused'),
    shoot: (page) => [figure(page), page.getByRole('region', { name: 'Resulting profile' })],
  },
  {
    name: 'refused-10.1.4.3.2-step-12',
    query: presetAt('10.1.4.3.2', 12, 'validation-refused'),
    shoot: (page) => [figure(page), steps(page)],
  },
  {
    name: 'no-migration-profile-10.1.4.3.3',
    query: presetAt('10.1.4.3.3', 7, 'no-migration-profile'),
    shoot: (page) => [figure(page)],
  },
  {
    name: 'entities-10.1.4.3.3-step-9',
    query: presetAt('10.1.4.3.3', 9, 'stale-cache'),
    shoot: (page) => [page.getByRole('region', { name: /^Entities after/ })],
  },
  {
    // the panels of the entities 10.1.4.3.1 does not use, greyed (issue 12: readable, at least 4.5:1)
    name: 'entities-10.1.4.3.1-step-2',
    query: '?procedure=10.1.4.3.1&step=2',
    shoot: (page) => [page.getByRole('region', { name: /^Entities after/ })],
  },
  {
    name: 'compare-draft-10.1.4.3.3',
    query: '?compare=10.1.4.x.2,10.1.4.3.3',
    figures: 2,
    shoot: (page) => [page.getByRole('region', { name: 'Comparison' })],
  },
  {
    name: 'quiz-feedback',
    query: '?mode=quiz&procedure=10.1.4.3.3&step=0',
    shoot: (page) => [page.getByRole('region', { name: 'Player' })],
    before: async (page) => {
      await page.getByLabel('From', { exact: true }).selectOption('cmc');
      await page.getByLabel('To', { exact: true }).selectOption('partner-cms');
      await page.getByRole('button', { name: 'Check answer' }).click();
      await expect(page.getByText(/Correct/).first()).toBeVisible();
    },
  },
  {
    name: 'editor-default',
    query: '?procedure=10.1.4.3.3&step=0',
    shoot: (page) => [page.getByRole('region', { name: 'Resulting profile' })],
    before: async (page) => {
      await expect(
        page
          .getByRole('complementary', { name: 'Scenario editor', includeHidden: true })
          .getByRole('button', { name: 'Undo', includeHidden: true }),
      ).toBeVisible();
    },
  },
  {
    name: 'editor-invalid-priority',
    query: '?procedure=10.1.4.3.3&step=0',
    shoot: (page) => [page.getByRole('group', { name: 'Local policy', exact: true })],
    before: async (page) => {
      const field = page
        .getByRole('group', { name: 'Local policy', exact: true })
        .getByLabel('Maximum priority (maxPriority)', { exact: true });
      await field.fill('300');
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await field.blur();
    },
  },
];

for (const c of CASES) {
  test(`looks the same: ${c.name}`, async ({ page }) => {
    test.skip(baselinesMissing().missing, 'no baselines for this platform and browser (see the test above)');
    await open(page, c.query, c.figures ?? 1);
    if (c.before) await c.before(page);
    const targets = c.shoot(page);
    for (const [i, target] of targets.entries()) {
      await target.scrollIntoViewIfNeeded();
      await expect(target).toHaveScreenshot(`${c.name}-${i + 1}.png`);
    }
  });
}

/**
 * The page at the sizes it is used at (issue 12): a phone, a tablet upright, a projector's 720p and 1080p; what is on
 * the screen at first (the viewport, not the whole page): the player at a middle step, a refused run, and on the
 * projector sizes the presentation.
 */
const SIZES = [
  { width: 360, height: 740 },
  { width: 768, height: 1024 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

for (const size of SIZES) {
  test.describe(`${size.width}x${size.height}`, () => {
    test.use({ viewport: size });
    const at = `${size.width}x${size.height}`;
    const views: { name: string; query: string }[] = [
      { name: `page-player-${at}`, query: '?procedure=10.1.4.3.2&step=7' },
      { name: `page-refused-${at}`, query: presetAt('10.1.4.3.2', 12, 'validation-refused') },
      ...(size.width >= 1280
        ? [{ name: `page-present-${at}`, query: '?mode=present&procedure=10.1.4.3.3&step=6' }]
        : []),
    ];
    for (const view of views) {
      test(`looks the same: ${view.name}`, async ({ page }) => {
        test.skip(
          baselinesMissing().missing,
          'no baselines for this platform and browser (see the test above)',
        );
        await open(page, view.query);
        // the editor (loaded after the first diagram) is part of the page at every size
        if (!view.query.includes('mode=present'))
          await expect(
            page
              .getByRole('complementary', { name: 'Scenario editor', includeHidden: true })
              .getByRole('button', { name: 'Undo', includeHidden: true }),
          ).toBeAttached();
        // The diagram's fit and the reveal of the current step follow the zoom library's lazy load: shoot once the
        // diagram has stopped moving (its box's scroll and width, and the drawn SVG's place and size, the zoom's
        // scale included, the same 300 ms apart).
        const box = page.locator('.sequence-scroll').first();
        const where = () =>
          box.evaluate((b) => {
            const svg = b.querySelector('svg')?.getBoundingClientRect();
            return `${b.scrollTop},${b.scrollLeft},${b.scrollWidth};${svg?.x},${svg?.y},${svg?.width},${svg?.height}`;
          });
        await expect
          .poll(async () => {
            const before = await where();
            await page.waitForTimeout(300);
            return before === (await where());
          })
          .toBe(true);
        await page.evaluate(() => window.scrollTo(0, 0));
        await expect(page).toHaveScreenshot(`${view.name}.png`);
      });
    }
  });
}

/**
 * The States view (CONTRACT.md §12): beside the diagram on a 720p screen (the screen as it opens), under it on a
 * phone (the view itself), in both colour schemes; 10.1.4.3.2 at step 11, the primary CMS just validated.
 */
for (const size of [
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    const name = `states-${size.width}x${size.height}-${colorScheme}`;
    test.describe(name, () => {
      test.use({ viewport: size, colorScheme });
      test(`looks the same: ${name}`, async ({ page }) => {
        test.skip(
          baselinesMissing().missing,
          'no baselines for this platform and browser (see the test above)',
        );
        await open(
          page,
          scenarioAddress({
            procedure: '10.1.4.3.2',
            step: 11,
            scenario: presetScenario('primary-configures'),
            query: { states: '1' },
          }),
        );
        const view = page.getByRole('region', { name: /^States after/ });
        await expect(view.getByRole('figure', { name: 'Statechart: primary-cms' })).toBeVisible();
        await expect(
          page
            .getByRole('complementary', { name: 'Scenario editor', includeHidden: true })
            .getByRole('button', { name: 'Undo', includeHidden: true }),
        ).toBeAttached();
        // Shot once the diagram's fit and reveal, and the view's scroll to the chart that moved, have settled.
        const where = () =>
          page.evaluate(() =>
            [...document.querySelectorAll('.sequence-scroll, .states-box')]
              .map((b) => `${b.scrollTop},${b.scrollLeft},${b.scrollWidth}`)
              .join(';'),
          );
        await expect
          .poll(async () => {
            const before = await where();
            await page.waitForTimeout(300);
            return before === (await where());
          })
          .toBe(true);
        if (size.width >= 1280) {
          await page.evaluate(() => window.scrollTo(0, 0));
          await expect(page).toHaveScreenshot(`${name}.png`);
        } else {
          await view.scrollIntoViewIfNeeded();
          await expect(view).toHaveScreenshot(`${name}.png`);
        }
      });
    });
  }
}
