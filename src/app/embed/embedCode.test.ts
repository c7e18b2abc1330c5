import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../core/model/presets';
import { buildLink } from '../editor/link';
import { readEmbedUrl, readUrl, scenarioValue, decodeScenario } from '../url';
import { buildEmbedCode, buildEmbedSrc, escapeAttribute, fullPageLink } from './embedCode';
import { simulate } from '../../core/engine/run';

const BASE = PRESETS[0]!.scenario;
const PAGE = 'https://example.org/course/sim/?procedure=10.1.4.3.3&step=2&mode=present#scenario=abc';

/** The attributes of the snippet, unescaped as a browser would (only the entities escapeAttribute writes). */
function attributes(code: string): Record<string, string> {
  const match = /^<iframe((?: [a-z]+="[^"]*")+)><\/iframe>$/.exec(code);
  if (!match) throw new Error(`not an iframe: ${code}`);
  const unescape = (text: string) =>
    text
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return Object.fromEntries(
    [...match[1]!.matchAll(/ ([a-z]+)="([^"]*)"/g)].map((m) => [m[1]!, unescape(m[2]!)]),
  );
}

describe('escapeAttribute', () => {
  it('escapes what could end the attribute or open markup', () => {
    expect(escapeAttribute(`a&b"c'd<e>f`)).toBe('a&amp;b&quot;c&#39;d&lt;e&gt;f');
  });
});

describe('buildEmbedCode', () => {
  it('is an iframe of the embedded page at this scenario, procedure and step', () => {
    const code = buildEmbedCode(PAGE, '10.1.4.3.2', 7, BASE);
    const attrs = attributes(code);
    expect(Object.keys(attrs)).toEqual(['src', 'title', 'width', 'height', 'loading']);
    expect(attrs).toMatchObject({ width: '800', height: '500', loading: 'lazy' });
    expect(attrs.title).toBe(`MC migration profile simulator: ${BASE.title}, 10.1.4.3.2`);
    const src = new URL(attrs.src!);
    // Copy link's address, with embed=1 first; the page's own mode and scenario are not carried over.
    expect(`${src.origin}${src.pathname}`).toBe('https://example.org/course/sim/');
    expect(src.search).toBe('?embed=1&procedure=10.1.4.3.2&step=7');
    expect(readEmbedUrl(src.search)).toEqual({ embed: true, problems: [] });
    const decoded = decodeScenario(scenarioValue(src.search, src.hash)!);
    expect(decoded).toEqual({ ok: true, scenario: BASE });
    expect(attrs.src).toBe(buildEmbedSrc(PAGE, '10.1.4.3.2', 7, BASE));
  });

  it('escapes a hostile title, which stays inside its attribute', () => {
    const title = `"><script>alert(1)</script><img src=x onerror='x'>`;
    const code = buildEmbedCode(PAGE, '10.1.4.3.3', 0, { ...BASE, title });
    expect(code).not.toMatch(/<script|<img/);
    expect(attributes(code).title).toBe(`MC migration profile simulator: ${title}, 10.1.4.3.3`);
  });

  it('opens where Copy link opens', () => {
    const src = new URL(attributes(buildEmbedCode(PAGE, '10.1.4.3.3', 4, BASE)).src!);
    const link = new URL(buildLink(PAGE, '10.1.4.3.3', 4, BASE));
    expect(src.hash).toBe(link.hash);
    const count = (s: typeof BASE, p: Parameters<typeof simulate>[1]) => simulate(s, p).steps.length;
    const defaults = { procedure: '10.1.4.3.2' as const, scenario: PRESETS[1]!.scenario };
    expect(readUrl(src.search, defaults, count, src.hash)).toEqual(
      readUrl(link.search, defaults, count, link.hash),
    );
  });
});

describe('fullPageLink', () => {
  it('is the same address without embed, at the step shown, with the scenario in the fragment', () => {
    const href = 'https://example.org/sim/?embed=1&procedure=10.1.4.3.3&step=2&mode=present#scenario=old&x=y';
    expect(fullPageLink(href, '10.1.4.3.2', 5, 'NEW')).toBe(
      'https://example.org/sim/?procedure=10.1.4.3.2&step=5&mode=present#x=y&scenario=NEW',
    );
  });
});

describe('readEmbedUrl', () => {
  it('embeds for embed=1, true or the bare name, not for 0, false or none', () => {
    for (const search of ['?embed=1', '?embed=true', '?embed', '?procedure=10.1.4.3.2&embed=1'])
      expect(readEmbedUrl(search)).toEqual({ embed: true, problems: [] });
    for (const search of ['', '?embed=0', '?embed=false', '?procedure=10.1.4.3.2'])
      expect(readEmbedUrl(search)).toEqual({ embed: false, problems: [] });
  });

  it('reports another value by name and shows the whole page', () => {
    expect(readEmbedUrl('?embed=%3Cb%3Eyes')).toEqual({
      embed: false,
      problems: ['Unknown embed value "<b>yes" in the address (expected embed=1); showing the whole page.'],
    });
  });
});
