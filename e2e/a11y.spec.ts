/**
 * axe-core on every view, in the light and the dark colour scheme: no violation of impact serious or critical
 * (the others are printed and attached to the report).
 */
import { expectAccessible } from './a11y';
import { DEFAULT_TOTALS, expect, preset, PROCEDURES, scenarioAddress, test } from './fixtures';

const refused = preset('validation-refused');

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });

    test('player: before step 1, the last step and a refused run (a middle step: every procedure, below)', async ({
      player,
      page,
    }, info) => {
      // three scans of the whole page: more than a minute on a loaded two-core machine
      test.slow();
      await player.open('?procedure=10.1.4.3.3&step=0');
      await player.expectStep(0, 11);
      await expectAccessible(page, info, 'player at step 0');

      await player.open('?procedure=10.1.4.3.3&step=11');
      await player.expectStep(11, 11);
      await expectAccessible(page, info, 'player at the last step');

      // 10.1.4.3.2 refused by the primary's validation (step 11), the error at step 11a (the run's twelfth)
      await player.open(scenarioAddress({ procedure: '10.1.4.3.2', step: 12, scenario: refused }));
      await player.expectStep(12, 12, '11a');
      await expect(page.getByRole('region', { name: 'Resulting profile' })).toContainText(
        /refused|rejected/i,
      );
      await expectAccessible(page, info, 'player on a refused run');
    });

    test('quiz with feedback shown', async ({ page }, info) => {
      await page.goto('./?procedure=10.1.4.3.3&mode=quiz');
      const quiz = page.getByRole('region', { name: 'Quiz', exact: true });
      await expect(
        page.getByRole('figure', { name: 'Sequence diagram' }).locator('svg [data-step]').first(),
      ).toBeAttached();
      // a right answer, then a wrong one: both kinds of feedback have been on screen, the wrong one stays
      await quiz.getByLabel('From', { exact: true }).selectOption('cmc');
      await quiz.getByLabel('To', { exact: true }).selectOption('partner-cms');
      await quiz.getByRole('button', { name: 'Check answer' }).click();
      await expect(quiz.getByRole('status')).toContainText('Correct.');
      await expectAccessible(page, info, 'quiz, right answer');
      await quiz.getByLabel('From', { exact: true }).selectOption('cmc');
      await quiz.getByLabel('To', { exact: true }).selectOption('cmc');
      await quiz.getByRole('button', { name: 'Check answer' }).click();
      await expect(quiz.getByRole('status')).toContainText('Incorrect');
      await expectAccessible(page, info, 'quiz, wrong answer');
    });

    test('comparison', async ({ page }, info) => {
      await page.goto('./?compare=10.1.4.x.2,10.1.4.3.3');
      for (const id of ['10.1.4.x.2', '10.1.4.3.3']) {
        await expect(
          page
            .getByRole('figure', { name: `Sequence diagram: ${id}` })
            .locator('svg [data-step]')
            .first(),
        ).toBeAttached();
      }
      await expectAccessible(page, info, 'comparison');
    });

    test('presentation', async ({ player, page }, info) => {
      await player.open('?mode=present&procedure=10.1.4.3.3&step=3');
      // no step list here: the diagram and the current step say where
      await expect(player.svg.locator('text[data-step="3"].step-current').first()).toBeVisible();
      await expect(page.getByRole('region', { name: 'Current step', exact: true })).toContainText('3. ');
      await expectAccessible(page, info, 'presentation');
    });

    test('editor with an invalid field', async ({ editor, player, page }, info) => {
      await player.open();
      const field = editor.field('Local policy', 'Maximum priority (maxPriority)');
      await field.fill('300');
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field).toHaveAccessibleDescription(/expected an integer 0\.\.255/);
      await expectAccessible(page, info, 'editor with an invalid field');
    });

    test('an alert for a bad address', async ({ player, page }, info) => {
      await player.open('?procedure=nope');
      await expect(player.alerts).toHaveCount(1);
      await expect(player.alerts).toContainText('Unknown procedure "nope"');
      await expectAccessible(page, info, 'alert');
    });
  });
}

// Every procedure, in both schemes, on a phone and a wide screen: one page per scheme and width, each
// procedure opened in it in turn (its scripts cached), at a middle step so that done, current and still-to-come steps
// are all drawn, with the entity panels the procedure does not use greyed.
for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [360, 1400]) {
    test.describe(`${colorScheme}, ${width} px wide`, () => {
      test.use({ colorScheme, viewport: { width, height: 900 } });
      test('the player on every procedure', async ({ player, page }, info) => {
        test.slow();
        for (const [i, procedure] of PROCEDURES.entries()) {
          const total = DEFAULT_TOTALS[procedure];
          const step = Math.ceil(total / 2);
          await player.open(`?procedure=${procedure}&step=${step}`);
          await player.expectStep(step, total);
          // The editor is scanned with the first procedure; it holds the scenario, not the procedure, so the others'
          // scans leave it out (it is most of a scan's time: its many fields' colour contrast).
          await expectAccessible(page, info, `player on ${procedure} at step ${step}, ${width} px`, {
            exclude: i === 0 ? [] : ['aside[aria-label="Scenario editor"]'],
          });
        }
      });
    });
  }
}

// The classroom's views: a projector's presentation at both sizes, the quiz on a refused run, a phone's docked
// controls, the explore mode's cell details beside the cell.
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme, the classroom's views`, () => {
    test.use({ colorScheme });
    test('presentation at 1280x720 and 1920x1080', async ({ player, page }, info) => {
      for (const viewport of [
        { width: 1280, height: 720 },
        { width: 1920, height: 1080 },
      ]) {
        await page.setViewportSize(viewport);
        await player.open('?procedure=10.1.4.3.2&step=11&mode=present');
        await expectAccessible(page, info, `presentation ${viewport.width}x${viewport.height}`);
      }
    });
    test('quiz on a refused run', async ({ page }, info) => {
      const query = scenarioAddress({
        procedure: '10.1.4.3.2',
        step: 0,
        scenario: preset('validation-refused'),
        query: { mode: 'quiz' },
      });
      await page.goto(`./${query}`);
      await expect(page.getByRole('group', { name: 'Step 1: who acts?' })).toBeVisible();
      await expectAccessible(page, info, 'quiz on a refused run');
    });
    test('a phone: the docked controls', async ({ player, page }, info) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await player.open('?procedure=10.1.4.3.2&step=5');
      await expectAccessible(page, info, 'phone player');
    });
    test('explore: the details beside a cell', async ({ page }, info) => {
      await page.goto(
        './?mode=explore&vary=partner.policy.maxPriority:0..7&vary=primary.validation.minPriority:0..7',
      );
      await expect(page.getByText('128 cells swept.')).toBeVisible();
      await page
        .getByRole('figure', { name: 'Outcome map: 10.1.4.3.2', exact: true })
        .getByRole('button', { name: 'maxPriority 2, minPriority 5: rejected (minPriority)', exact: true })
        .hover();
      await expect(page.locator('.explore-tip')).toBeVisible();
      await expectAccessible(page, info, 'explore with a cell pointed at');
    });
  });
}
