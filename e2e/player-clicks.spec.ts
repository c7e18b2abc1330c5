import { DEFAULT_TOTALS, PROCEDURES, expect, test } from './fixtures';

for (const procedure of PROCEDURES) {
  test(`${procedure}: jumps by clicking the step list`, async ({ player }) => {
    await player.open(`?procedure=${procedure}`);
    const total = DEFAULT_TOTALS[procedure];
    await expect(player.items).toHaveCount(total);
    for (let n = 1; n <= total; n++) {
      await player.clickItem(n);
      await player.expectStep(n, total);
    }
    for (let n = total - 1; n >= 1; n--) {
      await player.clickItem(n);
      await player.expectStep(n, total);
    }
  });

  test(`${procedure}: jumps by clicking a message in the diagram`, async ({ player }) => {
    await player.open(`?procedure=${procedure}`);
    const total = DEFAULT_TOTALS[procedure];
    await expect(player.items).toHaveCount(total);
    for (let n = 1; n <= total; n++) {
      await player.clickMessage(n);
      await player.expectStep(n, total);
    }
    for (let n = total - 1; n >= 1; n--) {
      await player.clickMessage(n);
      await player.expectStep(n, total);
    }
  });
}

test('every message of the diagram is tagged with its step, labels and lines alike', async ({ player }) => {
  await player.open('?procedure=10.1.4.3.2');
  const lines = player.svg.locator('[data-et="message"]');
  // 14 steps, and step 13's acknowledgement is a second arrow of step 13
  await expect(lines).toHaveCount(15);
  const steps = await lines.evaluateAll((els) => els.map((e) => e.getAttribute('data-step')));
  expect(steps).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '13', '14']);
  const labels = await player.svg
    .locator('text.messageText')
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-step'), e.textContent ?? '']));
  for (const [step, text] of labels) expect(step, text ?? '').not.toBeNull();
  // the first line of each label starts with its step number
  const firsts = await player.svg.locator('[data-et="message"]').evaluateAll((els) =>
    els.map((line) => {
      let label = line.previousElementSibling;
      while (label?.previousElementSibling?.classList.contains('messageText'))
        label = label.previousElementSibling;
      return [line.getAttribute('data-step'), label?.textContent ?? ''];
    }),
  );
  for (const [step, text] of firsts) expect(text).toMatch(new RegExp(`^${step}\\. `));
});

test('step 13 of 10.1.4.3.2: the action and its acknowledgement are current together', async ({ player }) => {
  await player.open('?procedure=10.1.4.3.2&step=13');
  await player.expectStep(13, 14);
  await expect(player.svg.locator('[data-et="message"].step-current')).toHaveCount(2);
});
