import { simulate } from '../src/core/engine/run';
import type { EntityId } from '../src/core/model/ids';
import { expect, preset, scenarioAddress, test } from './fixtures';
import type { Page } from '@playwright/test';

/** Some other entity than the right one, for a wrong answer. */
const other = (id: EntityId): EntityId => (id === 'cmc' ? 'partner-udb' : 'cmc');

class Quiz {
  constructor(readonly page: Page) {}
  get panel() {
    return this.page.getByRole('region', { name: 'Quiz', exact: true });
  }
  get feedback() {
    return this.panel.getByRole('status');
  }
  async answer(from: EntityId, to: EntityId) {
    await this.panel.getByLabel('From', { exact: true }).selectOption(from);
    await this.panel.getByLabel('To', { exact: true }).selectOption(to);
    await this.panel.getByRole('button', { name: 'Check answer' }).click();
  }
}

test('a whole quiz: predict every step, some right, some wrong, and get the score', async ({ page }) => {
  const steps = simulate(preset('happy-path'), '10.1.4.3.3').steps;
  // given the quiz at the start of 10.1.4.3.3
  await page.goto('./?procedure=10.1.4.3.3&mode=quiz');
  const quiz = new Quiz(page);
  const svg = page.getByRole('figure', { name: 'Sequence diagram', exact: true }).locator('svg');
  await expect(svg.locator('[data-step]').first()).toBeAttached();
  // nothing of the run is shown yet: no step listed, no message visible in the diagram
  await expect(page.getByRole('list', { name: 'Steps', exact: true }).getByRole('listitem')).toHaveCount(0);
  await expect(svg.locator('text[data-step="1"]')).toBeHidden();
  await expect(svg.locator('[data-et="message"][data-step="1"]')).toBeHidden();

  // when answering every step, right on the even ones and wrong on the odd ones
  let right = 0;
  for (const step of steps) {
    await expect(quiz.panel.getByRole('group', { name: `Step ${step.n}: who acts?` })).toBeVisible();
    // the step to predict is still hidden
    await expect(svg.locator(`text[data-step="${step.n}"]`).first()).toBeHidden();
    const correct = step.n % 2 === 0;
    if (correct) {
      right++;
      await quiz.answer(step.from, step.to);
      await expect(quiz.feedback).toContainText(`Correct. Step ${step.n} is`);
    } else {
      await quiz.answer(other(step.from), step.to);
      await expect(quiz.feedback).toContainText(`Incorrect: you predicted ${other(step.from)}`);
    }
    // then the right answer and the clause text, and the step revealed
    const route = step.from === step.to ? `${step.from} (own action)` : `${step.from} → ${step.to}`;
    await expect(quiz.feedback).toContainText(`Step ${step.n} is ${route}`);
    await expect(quiz.feedback).toContainText(step.text);
    await expect(page).toHaveURL(new RegExp(`[?&]step=${step.n}(&|$)`));
    await expect(svg.locator(`text[data-step="${step.n}"]`).first()).toBeVisible();
    await expect(svg.locator(`text[data-step="${step.n}"].step-current`).first()).toBeVisible();
    await expect(page.getByRole('list', { name: 'Steps', exact: true }).getByRole('listitem')).toHaveCount(
      step.n,
    );
  }

  // then the score
  expect(right).toBe(5);
  await expect(quiz.feedback.getByText('Score: 5 of 11', { exact: true })).toBeVisible();
  await expect(quiz.panel.getByRole('button', { name: 'Check answer' })).toHaveCount(0);

  // and a restart starts over
  await quiz.panel.getByRole('button', { name: 'Restart quiz' }).click();
  await expect(page).toHaveURL(/[?&]step=0(&|#|$)/);
  await expect(quiz.panel.getByRole('group', { name: 'Step 1: who acts?' })).toBeVisible();
  await expect(quiz.panel.getByText(/Score:/)).toHaveCount(0);
  await expect(svg.locator('text[data-step="1"]')).toBeHidden();
});

test('error steps count too, and an own action is the same entity twice', async ({ page }) => {
  const scenario = preset('no-migration-profile');
  const steps = simulate(scenario, '10.1.4.3.3').steps;
  expect(steps.some((s) => s.kind === 'error')).toBe(true);
  // given the player on that scenario, entering the quiz by its button
  await page.goto(`./${scenarioAddress({ procedure: '10.1.4.3.3', step: 3, scenario })}`);
  await expect(page.getByRole('list', { name: 'Steps', exact: true }).getByRole('listitem')).toHaveCount(
    steps.length,
  );
  await page.getByRole('button', { name: 'Quiz mode', exact: true }).click();
  await expect(page).toHaveURL(/[?&]mode=quiz(&|#|$)/);
  // the quiz starts before step 1
  await expect(page).toHaveURL(/[?&]step=0(&|#|$)/);
  const quiz = new Quiz(page);
  for (const step of steps) await quiz.answer(step.from, step.to);
  await expect(quiz.feedback.getByText(`Score: ${steps.length} of ${steps.length}`)).toBeVisible();
  // the last step was an error, said so
  await expect(quiz.feedback).toContainText(', an error.');

  // leaving the quiz goes back to the player, where every step is listed again
  await page.getByRole('button', { name: 'Leave quiz mode' }).click();
  await expect(page).not.toHaveURL(/mode=/);
  await expect(page.getByRole('button', { name: 'Next step', exact: true })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Steps', exact: true }).getByRole('listitem')).toHaveCount(
    steps.length,
  );
});

test('a refused run asks before it tells: no outcome, no 11a, no run length, no short diagram until answered', async ({
  page,
}) => {
  const scenario = preset('validation-refused');
  const steps = simulate(scenario, '10.1.4.3.2').steps;
  const refusal = steps.findIndex((s) => s.number === '11a');
  expect(refusal, 'the preset refuses at 11a').toBeGreaterThan(0);
  const description = 'so step 11 fails';
  await page.goto(
    `./${scenarioAddress({ procedure: '10.1.4.3.2', step: 0, scenario, query: { mode: 'quiz' } })}`,
  );
  const quiz = new Quiz(page);
  const figure = page.getByRole('figure', { name: 'Sequence diagram', exact: true });
  const svg = figure.locator('.sequence-svg > svg');
  await expect(svg.locator('[data-step]').first()).toBeAttached();
  // What the page shows (its rendered text, what is hidden left out) and the diagram's height on screen.
  const shown = () => page.locator('body').innerText();
  const height = () => svg.evaluate((e) => e.getBoundingClientRect().height);
  const heights: number[] = [];
  for (const [i, step] of steps.entries()) {
    await expect(quiz.panel.getByRole('group', { name: `Step ${step.n}: who acts?` })).toBeVisible();
    const text = await shown();
    const where = `before step ${step.n} is answered`;
    // no outcome, no refusal's step, no total, no preset description, no result or policy changes
    expect(text, where).not.toMatch(/11a|rejected|refused|delivered/i);
    expect(text, where).not.toContain(description);
    expect(text, where).not.toMatch(new RegExp(`\\bof ${steps.length}\\b`));
    await expect(page.getByRole('region', { name: 'Resulting profile' })).toHaveCount(0);
    // the diagram ends a band under the last step shown, however long the run
    heights.push(await height());
    if (i > 0)
      expect(heights[i], `${where}: the diagram grows with the steps shown`).toBeGreaterThan(
        heights[i - 1] ?? 0,
      );
    await quiz.answer(step.from, step.to);
    await expect(quiz.feedback).toContainText(`Step ${step.n} is`);
  }
  // the end: now the refusal may show
  await expect(quiz.feedback.getByText(`Score: ${steps.length} of ${steps.length}`)).toBeVisible();
  expect(await shown()).toContain('11a');
});
