/**
 * Every Playwright spec takes `test` from e2e/fixtures.ts, which fails a test on any console error or page error:
 * that is how the whole e2e suite stays free of console errors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../e2e/', import.meta.url);
const specs = readdirSync(dir).filter((name) => name.endsWith('.spec.ts'));

describe('e2e specs', () => {
  it('are there', () => {
    expect(specs.length).toBeGreaterThan(5);
  });

  it.each(specs)('%s takes `test` from ./fixtures', (name) => {
    const text = readFileSync(new URL(name, dir), 'utf8');
    expect(text).toMatch(/import \{[^}]*\btest\b[^}]*\} from '\.\/fixtures';/);
    // nothing but types from Playwright itself (its `test` would not watch the console)
    for (const [, names] of text.matchAll(/import \{([^}]*)\} from '@playwright\/test'/g)) {
      expect(names).not.toMatch(/\btest\b/);
    }
  });

  it.each(specs)('%s builds scenario addresses with the fixture, and takes the editor from it', (name) => {
    const text = readFileSync(new URL(name, dir), 'utf8');
    // scenarioAddress (on src/app/url.ts), not a copy of the encoding
    expect(text).not.toMatch(/from 'lz-string'|compressToEncodedURIComponent|[?&]scenario=\$\{/);
    // the `editor` fixture, not a page object made per test
    expect(text).not.toMatch(/new EditorPage\(page\)/);
  });
});
