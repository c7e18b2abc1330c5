import { readFileSync } from 'node:fs';
import { EditorPage, expect, test } from './fixtures';

/** A vendor's TS 24.484 document (with elements the simulator does not map), made Alice's profile 2. */
const vendor = readFileSync(new URL('../test/xml/vendor-profile.xml', import.meta.url), 'utf8')
  .replaceAll('sip:bob@', 'sip:alice@')
  .replace('user-profile-index="4"', 'user-profile-index="2"');

test('imports a profile document, applies the partner policy and downloads the modified document', async ({
  editor,
  page,
  player,
}) => {
  // given the happy path, whose migration profile is profile 2
  await player.open();
  // when a document for profile 2 is imported
  await editor.importProfile('traffic.xml', vendor);
  await expect(editor.aside.getByText('Replaced profile 2 from “traffic.xml”.')).toBeVisible();
  // then the partner's policy applies to the document's values (priority 8 capped at 3)
  await expect(editor.change('priority')).toHaveText('priority: 8 → 3 rule maxPriority');
  // and the resulting profile downloads as the same document, modified, vendor elements kept in place
  const downloading = page.waitForEvent('download');
  await editor.result.getByRole('button', { name: 'Download resulting profile (XML)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('10.1.4.3.3-resulting-profile.xml');
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  expect(text).toContain('<up:Priority>3</up:Priority>');
  expect(text).toContain('<up:MaxAffiliationsN2>5</up:MaxAffiliationsN2>');
  expect(text).toContain('<up:uri-entry>sip:mutual-aid@county.example</up:uri-entry>');
  expect(text).not.toContain('sip:traffic@metro.example');
  expect(text).toContain('<v:Extension v:flag="on">vendor data &amp; more</v:Extension>');
  expect(text).toContain('<up:alias-entry>Bob</up:alias-entry>');
});

test('refuses a file that is not a profile document, naming the element, and changes nothing', async ({
  editor,
  player,
}) => {
  await player.open();
  const before = await editor.result.textContent();
  await editor.importProfile(
    'bad.xml',
    vendor.replace('<up:Priority>8</up:Priority>', '<up:Priority>high</up:Priority>'),
  );
  await expect(player.alerts).toHaveText(
    /“bad\.xml” is not an MCPTT user profile document: <Priority>: expected an integer 0\.\.255, got "high"\. Nothing was changed\./,
  );
  expect(await editor.result.textContent()).toBe(before);
  await editor.importProfile('other.xml', '<profile xmlns="urn:example"/>');
  await expect(player.alerts.last()).toHaveText(/root element is <profile>, expected <mcptt-user-profile>/);
});

test('a scenario holding a profile document survives a reload and opens from its address', async ({
  editor,
  page,
  player,
  browser,
  baseURL,
}) => {
  await player.open();
  await editor.importProfile('traffic.xml', vendor);
  await expect(editor.change('priority')).toHaveText('priority: 8 → 3 rule maxPriority');
  // the saved session
  await page.reload();
  await expect(editor.change('priority')).toHaveText('priority: 8 → 3 rule maxPriority');
  await expect(player.alerts).toHaveCount(0);
  // the address, in a fresh browser context (no storage)
  const address = page.url();
  expect(address).toContain('scenario=');
  const context = await browser.newContext({ baseURL });
  const fresh = await context.newPage();
  const errors: string[] = [];
  fresh.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await fresh.goto(address);
  await expect(new EditorPage(fresh).change('priority')).toHaveText('priority: 8 → 3 rule maxPriority');
  await expect(fresh.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
  await context.close();
});
