import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { toTraceJson } from '../src/core/formats/report';
import { toPlantUml } from '../src/core/formats/plantuml';
import { toTestCase, toTestCaseMarkdown } from '../src/core/formats/testcase';
import { simulate } from '../src/core/engine/run';
import { expect, preset, scenarioAddress, test } from './fixtures';

async function download(page: Page, name: string): Promise<{ file: string; bytes: Buffer }> {
  const [event] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  const path = await event.path();
  return { file: event.suggestedFilename(), bytes: await readFile(path!) };
}

test('Download SVG: a standalone SVG document with every step label', async ({ player, page }) => {
  await player.open('?procedure=10.1.4.3.2&step=5');
  const { file, bytes } = await download(page, 'Download SVG');
  expect(file).toBe('10.1.4.3.2-diagram.svg');
  const text = bytes.toString('utf8');
  expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
  // parsed as XML by the browser's own SVG parser
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      name: root.localName,
      ns: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      labels: [...doc.querySelectorAll('text.messageText')].map((t) => t.textContent ?? ''),
      steps: [...doc.querySelectorAll('[data-et="message"]')].map((e) => e.getAttribute('data-step')),
      stateClasses: doc.querySelectorAll('.step-current, .step-done, .step-todo, .step-hit').length,
      font: [...doc.querySelectorAll('style')].some((s) => s.textContent?.includes('@font-face')),
    };
  }, text);
  expect(parsed.error).toBe(false);
  expect(parsed.name).toBe('svg');
  expect(parsed.ns).toBe('http://www.w3.org/2000/svg');
  expect(parsed.width).toBeGreaterThan(300);
  expect(parsed.height).toBeGreaterThan(300);
  expect(parsed.stateClasses).toBe(0);
  expect(parsed.font).toBe(true);
  expect(parsed.steps).toEqual([
    '1',
    '2',
    '3',
    '4',
    '5',
    '6',
    '7',
    '8',
    '9',
    '10',
    '11',
    '12',
    '13',
    '13',
    '14',
  ]);
  const labels = parsed.labels.join(' ');
  for (let n = 1; n <= 14; n++) expect(labels).toContain(`${n}. `);
  expect(labels).toContain('modify by local');
  // the page's SVG itself is untouched (still marked)
  await player.expectStep(5, 14);
});

test('Download PNG: a PNG at twice the diagram size', async ({ player, page }) => {
  await player.open('?procedure=10.1.4.3.3');
  const box = await player.svg.evaluate((svg) => {
    const { width, height } = (svg as SVGSVGElement).viewBox.baseVal;
    return { width, height };
  });
  const { file, bytes } = await download(page, 'Download PNG');
  expect(file).toBe('10.1.4.3.3-diagram.png');
  if (process.env.REVIEW_SHOTS) await writeFile(`${process.env.REVIEW_SHOTS}/download.png`, bytes);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect(width).toBe(Math.ceil(box.width * 2));
  expect(height).toBe(Math.ceil(box.height * 2));
  expect(width).toBeGreaterThan(1000);
  expect(bytes.length).toBeGreaterThan(20_000);
  // the text was drawn: the image is not one colour (decoded in the page)
  const colours = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 97)
      seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return seen.size;
  }, bytes.toString('base64'));
  expect(colours).toBeGreaterThan(10);
});

test('Download trace (JSON): exactly what the CLI prints for the same scenario', async ({ player, page }) => {
  // a refused run, so that the error, the validation and the stores are all in it
  const scenario = preset('validation-refused');
  await player.open(scenarioAddress({ procedure: '10.1.4.3.2', scenario }));
  const { file, bytes } = await download(page, 'Download trace (JSON)');
  expect(file).toBe('10.1.4.3.2-trace.json');
  const expected = `${JSON.stringify(toTraceJson(simulate(scenario, '10.1.4.3.2')), null, 2)}\n`;
  expect(bytes.toString('utf8')).toBe(expected);
  expect(JSON.parse(expected).outcome).toBe('rejected');

  // and another procedure on the default scenario
  await player.pickProcedure('10.1.4.x.2');
  const other = await download(page, 'Download trace (JSON)');
  expect(other.file).toBe('10.1.4.x.2-trace.json');
  expect(other.bytes.toString('utf8')).toBe(
    `${JSON.stringify(toTraceJson(simulate(scenario, '10.1.4.x.2')), null, 2)}\n`,
  );
});

test('Download walkthrough (Markdown): the procedure heading and every step', async ({ player, page }) => {
  await player.open('?procedure=10.1.4.3.2');
  const { file, bytes } = await download(page, 'Download walkthrough (Markdown)');
  expect(file).toBe('10.1.4.3.2-walkthrough.md');
  const markdown = bytes.toString('utf8');
  expect(markdown.split('\n')[0]).toBe(
    '# 10.1.4.3.2 Migrated MC service user – primary MC system configures MC service UE',
  );
  for (let n = 1; n <= 14; n++) expect(markdown).toMatch(new RegExp(`^### ${n}\\. `, 'm'));
  expect(markdown).not.toMatch(/^### 15\. /m);
  expect(markdown).toContain('## Resulting profile');
  expect(markdown).toContain('**Spec note — The only acknowledgement:**');
});

test('Download diagram (PlantUML): what the CLI prints with --format plantuml', async ({ player, page }) => {
  const scenario = preset('validation-refused');
  await player.open(scenarioAddress({ procedure: '10.1.4.3.2', scenario }));
  const { file, bytes } = await download(page, 'Download diagram (PlantUML)');
  expect(file).toBe('10.1.4.3.2-diagram.puml');
  expect(bytes.toString('utf8')).toBe(toPlantUml(simulate(scenario, '10.1.4.3.2'), scenario).text);
});

test('Download test case (Markdown): of the SUT chosen, what the CLI prints with --format testcase', async ({
  player,
  page,
}) => {
  const scenario = preset('validation-refused');
  await player.open(scenarioAddress({ procedure: '10.1.4.3.2', scenario }));
  const run = simulate(scenario, '10.1.4.3.2');
  // the partner CMS by default
  const sut = page.getByLabel('System under test');
  await expect(sut).toHaveValue('partner-cms');
  const first = await download(page, 'Download test case (Markdown)');
  expect(first.file).toBe('10.1.4.3.2-testcase-partner-cms.md');
  expect(first.bytes.toString('utf8')).toBe(toTestCaseMarkdown(toTestCase(run, scenario, 'partner-cms')));
  // another SUT chosen
  await sut.selectOption('primary-cms');
  const second = await download(page, 'Download test case (Markdown)');
  expect(second.file).toBe('10.1.4.3.2-testcase-primary-cms.md');
  expect(second.bytes.toString('utf8')).toBe(toTestCaseMarkdown(toTestCase(run, scenario, 'primary-cms')));
  // a procedure the partner takes no part in offers only its own entities
  await player.pickProcedure('10.1.4.3.1');
  await expect(sut.getByRole('option')).toHaveText(['cmc', 'primary-cms']);
  await expect(sut).toHaveValue('primary-cms');
});
