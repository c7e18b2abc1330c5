/**
 * The player at 1400×900: the current step's clause words in view under the diagram, the message they describe in
 * sight above them, at every step; before step 1 on a first visit, a hint of how to start.
 */
import { simulate } from '../src/core/engine/run';
import { currentOutOfSight, DiagramPage } from './diagram-page';
import { expect, preset, scenarioAddress, test } from './fixtures';

test.use({ viewport: { width: 1400, height: 900 } });

test('every step of 10.1.4.3.2: its clause words in view under the diagram, its message above them', async ({
  player,
  page,
}) => {
  const steps = simulate(preset('happy-path'), '10.1.4.3.2').steps;
  await player.open('?procedure=10.1.4.3.2&step=0');
  const diagram = new DiagramPage(page);
  const words = page.locator('.player-now');
  for (const step of steps) {
    await page.keyboard.press('ArrowRight');
    await player.expectStep(step.n, steps.length);
    await expect(words).toContainText(step.text);
    await expect(words).toContainText(`${step.number}. `);
    await diagram.settle();
    await expect(words, `step ${step.n}: the words wholly in the window`).toBeInViewport({ ratio: 1 });
    expect(await currentOutOfSight(page), `step ${step.n}: the message above the words`).toEqual([]);
  }
  // the diagram's names for the entities, as the diagram writes them
  await expect(words).toContainText('Primary CMS → CM client (UE)');
});

test('1280x720, a refused run to its end: the last message (11a) above the words, never under them', async ({
  player,
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const scenario = preset('validation-refused');
  const steps = simulate(scenario, '10.1.4.3.2').steps;
  await player.open(scenarioAddress({ procedure: '10.1.4.3.2', step: 0, scenario }));
  const diagram = new DiagramPage(page);
  const words = page.locator('.player-now');
  for (const step of steps) {
    await page.keyboard.press('ArrowRight');
    await player.expectStep(step.n, steps.length, step.number);
    await expect(words).toContainText(`${step.number}. `);
    await diagram.settle();
    await expect(words).toBeInViewport({ ratio: 1 });
    expect(await currentOutOfSight(page), `step ${step.number}: the message above the words`).toEqual([]);
  }
});

test('a first visit hints how to start; once stepped, the hint is gone, after a reload too', async ({
  player,
  page,
}) => {
  await player.open('?procedure=10.1.4.3.3&step=0');
  const hint = page.locator('.player-now').getByText(/Press Play, or → for one step at a time/);
  await expect(hint).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('ArrowRight');
  await player.expectStep(1, 11);
  await expect(hint).toHaveCount(0);
  await page.keyboard.press('Home');
  await player.expectStep(0, 11);
  await expect(page.locator('.player-now')).toContainText('Before step 1');
  await expect(hint).toHaveCount(0);
  await page.reload();
  await expect(player.svg.locator('[data-step]').first()).toBeAttached();
  await expect(page.locator('.player-now')).toContainText('Before step 1');
  await expect(hint).toHaveCount(0);
});
