/**
 * Accessibility scans with axe-core: a scan fails on any violation of impact serious or critical; the others
 * (minor, moderate) are printed in the test output and attached to the report, never failing the test.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect } from './fixtures';

const BLOCKING = new Set(['serious', 'critical']);

export interface ScanOptions {
  /** Rules to skip on one selector only (third-party markup we cannot change), with the reason. */
  skip?: { rule: string; selector: string; why: string }[];
  /** Parts of the page left out of this scan, because another scan of the same page already covered them. */
  exclude?: string[];
}

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

function describe(violations: Violation[]): string {
  return violations
    .map(
      (v) =>
        `[${v.impact}] ${v.id}: ${v.help}\n` +
        v.nodes
          .slice(0, 8)
          .map(
            (n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`,
          )
          .join('\n'),
    )
    .join('\n');
}

/**
 * Scans the whole page (WCAG 2.x A and AA and axe's best practices). `skip` drops a rule only for the nodes under
 * its selector: the rest of the page is still checked against it.
 */
export async function expectAccessible(
  page: Page,
  info: TestInfo,
  label: string,
  options: ScanOptions = {},
): Promise<void> {
  // everything loaded (the editor and the review views come after the first diagram), nothing busy
  await expect(page.getByText(/^Loading/)).toHaveCount(0);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  // Legacy mode: axe runs in the page in one pass (the app has no frames), without the extra blank page that the
  // default mode opens per scan to merge frames' results: about half a scan's time on the two-core machine.
  let builder = new AxeBuilder({ page });
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder
    .setLegacyMode(true)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const violations: Violation[] = [];
  for (const v of results.violations) {
    const selectors = options.skip?.filter((s) => s.rule === v.id).map((s) => s.selector) ?? [];
    // axe's own exclude would drop every rule under the selector: only this rule's nodes there are dropped.
    const nodes = [];
    for (const node of v.nodes) {
      const inside = await page.evaluate(
        ({ target, selectors }) => {
          const el = document.querySelector(target);
          return !!el && selectors.some((s) => el.closest(s) !== null);
        },
        { target: String(node.target[0]), selectors },
      );
      if (!selectors.length || !inside) nodes.push(node);
    }
    if (nodes.length) violations.push({ ...v, nodes });
  }
  const blocking = violations.filter((v) => BLOCKING.has(v.impact ?? ''));
  const other = violations.filter((v) => !BLOCKING.has(v.impact ?? ''));
  const scheme = await page.evaluate(() =>
    matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
  );
  if (other.length) {
    const text = describe(other);
    console.log(`axe (${label}, ${scheme}): ${other.length} minor/moderate\n${text}`);
    await info.attach(`axe ${label} ${scheme} (minor, moderate)`, { body: text, contentType: 'text/plain' });
  }
  expect(
    blocking.map((v) => `[${v.impact}] ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `serious or critical axe violations (${label}, ${scheme}):\n${describe(blocking)}`,
  ).toEqual([]);
}
