/**
 * The flow the README's "Use it in your own tests" shows a user: the address `scenarioUrl` gives (the package's, the
 * core's function) opens the served page on that scenario, procedure and step, and a step can be photographed.
 */
import { scenarioUrl } from '../src/core/formats/address';
import { expect, preset, test } from './fixtures';

test('scenarioUrl opens the served page at the scenario, procedure and step, and a step can be photographed', async ({
  player,
  page,
  editor,
}, info) => {
  // given a scenario (not the page's default) and the served build's address
  const scenario = preset('validation-refused');
  const base = String(info.project.use.baseURL);
  // when a test opens the address scenarioUrl gives
  await page.goto(scenarioUrl(scenario, { base, procedure: '10.1.4.3.2', step: 7 }));
  // then the page shows that procedure at that step, on that scenario
  await player.expectStep(7, 12);
  await expect(editor.field('User and UE', 'Title')).toHaveValue(scenario.title ?? '');
  // and the diagram at that step can be taken as a screenshot (a PNG)
  const shot = await page.getByRole('figure', { name: 'Sequence diagram', exact: true }).screenshot();
  expect([...shot.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
});
