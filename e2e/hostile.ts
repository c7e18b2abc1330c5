/**
 * Hostile input for the editor and the review notes: markup and script, Mermaid's own grammar, TeX, a very long
 * string, right-to-left text and emoji; and the checks that the page survived each one.
 */
import type { Page } from '@playwright/test';
import { PRESETS } from '../src/core/model/presets';
import { expect, type PlayerPage } from './fixtures';

export interface Payload {
  name: string;
  text: string;
}

export const LONG = `${'Lorem-ipsum_'.repeat(833)}end!`; // 10,000 characters

export const PAYLOADS: Payload[] = [
  { name: 'img onerror', text: '<img src=x onerror="window.__pwned=1">' },
  { name: 'script', text: '<script>window.__pwned=1</script>' },
  { name: 'Mermaid arrow', text: 'a-->>b: x' },
  { name: 'Mermaid directive', text: '%%{init: {"theme":"forest"}}%%' },
  { name: 'semicolon', text: ';' },
  { name: 'hash', text: '#' },
  { name: 'end', text: 'end' },
  { name: 'newline', text: 'first line\nsecond line' },
  { name: 'TeX', text: '$$x^2$$' },
  { name: '10,000 characters', text: LONG },
  { name: 'right-to-left', text: 'مرحبا' },
  { name: 'emoji', text: '👮‍♀️🚓' },
];

/** Nothing ran that a payload carried: no flag set, no image element made of it. */
export async function expectNotPwned(page: Page): Promise<void> {
  const found = await page.evaluate(() => ({
    flag: typeof (window as { __pwned?: unknown }).__pwned,
    elements: [...document.querySelectorAll('img, script, iframe, object, embed')].filter((e) =>
      /__pwned|^x$/.test(e.textContent + (e.getAttribute('src') ?? '')),
    ).length,
  }));
  expect(found).toEqual({ flag: 'undefined', elements: 0 });
}

/** The diagram is drawn (tagged with its steps) and shows no error. */
export async function expectDiagram(player: PlayerPage): Promise<void> {
  await expect(player.figure).toHaveAttribute('aria-busy', 'false');
  await expect(player.figure.getByText('The diagram could not be drawn')).toHaveCount(0);
  await expect(player.svg.locator('[data-step]').first()).toBeAttached();
  // Mermaid's own error drawing ("Syntax error in text") is not there either
  await expect(player.figure.locator('.error-icon, .error-text')).toHaveCount(0);
}

/**
 * The text Mermaid shows for a user string: white space flattened and, past `max` characters (code points), cut with
 * an ellipsis (core/formats/diagram.ts escapeMermaid).
 */
export function shownInDiagram(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/**
 * Scenarios no address may bring down the page with, each as the JSON a link would carry and the reason
 * the page gives: profile documents with a DTD (an external entity, a broken declaration) or 5,000 nested elements,
 * a 3 MB title, JSON nested 10,000 deep.
 */
export interface HostileScenario {
  name: string;
  json: () => string;
  /** What the alert says, after "could not be loaded (". */
  reason: RegExp;
}

const happy = PRESETS.find((p) => p.id === 'happy-path')!.scenario;

/** The happy path with its first profile given as this TS 24.484 document. */
function withDocument(xml: string): string {
  const [first, ...rest] = happy.primary.profiles;
  return JSON.stringify({ ...happy, primary: { ...happy.primary, profiles: [{ ...first, xml }, ...rest] } });
}
const profileDocument = (inner: string) =>
  `<?xml version="1.0"?><mcptt-user-profile xmlns="urn:3gpp:mcptt:user-profile:1.0" user-profile-index="1">${inner}</mcptt-user-profile>`;

export const HOSTILE_SCENARIOS: HostileScenario[] = [
  {
    name: 'a profile document with a DTD of an external entity',
    json: () =>
      withDocument(
        `<!DOCTYPE up [<!ENTITY e SYSTEM "file:///etc/passwd">]>${profileDocument('<ProfileName>&e;</ProfileName>')}`,
      ),
    reason: /^primary\.profiles\[0\]\.xml: a DTD \(<!DOCTYPE …>\) is not allowed in a profile document/,
  },
  {
    name: 'a profile document with a broken DTD',
    json: () => withDocument(`<!DOCTYPE up [<!ENTITY>]>${profileDocument('')}`),
    reason: /^primary\.profiles\[0\]\.xml: a DTD \(<!DOCTYPE …>\) is not allowed in a profile document/,
  },
  {
    name: 'a profile document of 5,000 nested elements',
    json: () => withDocument(profileDocument(`${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}`)),
    reason: /^primary\.profiles\[0\]\.xml: elements nested more than 64 levels deep, over the limit of 64/,
  },
  {
    name: 'a 3 MB title',
    json: () => JSON.stringify({ ...happy, title: 'x'.repeat(3_000_000) }),
    reason: /^title: a string of 3,000,000 characters is over the limit of 10,000/,
  },
  {
    name: 'JSON nested 10,000 deep',
    json: () =>
      JSON.stringify(happy).replace(/}$/, `,"extra":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`),
    reason: /^extra\.a\.a[.a]*…: nested more than 64 levels deep, over the limit of 64/,
  },
];
