/**
 * Hostile input for the editor and the review notes: markup and script, Mermaid's own grammar, TeX, a very long
 * string, right-to-left text and emoji; and the checks that the page survived each one.
 */
import type { Page } from '@playwright/test';
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
 * an ellipsis (core/diagram.ts escapeMermaid).
 */
export function shownInDiagram(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}
