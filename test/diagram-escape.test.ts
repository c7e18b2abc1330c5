/**
 * Hostile and international text in the diagram: only Mermaid's grammar characters become entity codes,
 * and no code is left where Mermaid's hyphenation of a long word could cut it in two.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMermaid, keepCodesWhole, toMermaid } from '../src/core/formats/diagram';
import { simulate } from '../src/core/engine/run';
import { exampleScenario, lines } from './support/fixtures';

describe('escapeMermaid beyond ASCII', () => {
  it.each(['مرحبا', '👮‍♀️🚓', 'Großstadt', 'Ελλάδα', '東京', 'naïve café', 'typed …'])(
    'keeps %s as it is (no grammar there)',
    (text) => {
      expect(escapeMermaid(text)).toBe(text);
    },
  );

  it('codes control characters, lone surrogates and the characters of Mermaid’s placeholders', () => {
    // given text with a bell, a C1 control, a lone surrogate and Mermaid's own placeholder for "#59;"
    // when escaped
    // then each of them is a code (so that Mermaid cannot read ﬂ°°59¶ß as its placeholder)
    expect(escapeMermaid('a\u0007b\u0085c')).toBe('a#7;b#133;c');
    expect(escapeMermaid('\ud800')).toBe('#55296;');
    expect(escapeMermaid('ﬂ°°59¶ß')).toBe('#64258;°°59#182;ß');
  });
});

/** The estimated widths keepCodesWhole works with (px at 14px). */
const width = (unit: string) =>
  unit.length > 2 && unit.startsWith('#')
    ? 38 + 8.5 * (unit.length - 2)
    : unit.codePointAt(0)! > 0x7f
      ? 14
      : 8;
const unitsOf = (word: string) => word.match(/#\d+;|[\s\S]/gu) ?? [];

describe('keepCodesWhole', () => {
  it('leaves words that fit alone, and only adds spaces, each before a code', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'W', ';', '#', ':', '<', 'é', '🚓', ' '), maxLength: 120 }),
        fc.constantFrom(140, 220),
        (text, max) => {
          // given any mix of letters, grammar characters and spaces, escaped
          const escaped = escapeMermaid(text, 200);
          // when its codes are kept whole for lines of `max` px
          const kept = keepCodesWhole(escaped, max);
          // then removing the added spaces gives the escaped text back, and each added space is before a code
          expect(kept.replace(/ /g, '')).toBe(escaped.replace(/ /g, ''));
          for (let i = 0, j = 0; j < kept.length; j++) {
            if (kept[j] === escaped[i]) i++;
            else expect(kept[j] === ' ' && /^#\d+;/.test(kept.slice(j + 1)), kept).toBe(true);
          }
          // and in every word wider than a line, every code starts the word or ends well inside the line
          for (const word of kept.split(' ')) {
            const units = unitsOf(word);
            if (units.reduce((sum, u) => sum + width(u), 0) <= max) continue;
            let run = 0;
            for (const unit of units) {
              run += width(unit);
              if (unit.startsWith('#') && unit.length > 2 && run > width(unit)) {
                expect(run, `${unit} in ${word}`).toBeLessThanOrEqual(max - 10);
              }
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('changes nothing in ordinary diagrams (the ones the presets and the golden files draw)', () => {
    const escaped = escapeMermaid('error: validation failed: sip:metro-emergency@metro.example was removed');
    expect(keepCodesWhole(escaped, 140)).toBe(escaped);
  });

  it('breaks a long run of grammar characters before codes, in the box and in the labels', () => {
    // given a partner system id made of 14 letters and 13 semicolons (no profile names it: it reaches the errors)
    const id = 'a;b;c;d;e;f;g;h;i;j;k;l;m;n';
    const scenario = exampleScenario((s) => (s.partner.systemId = id));
    const { text } = toMermaid(simulate(scenario, '10.1.4.3.3'), scenario);
    // when drawn, then the box title and the labels carry it with spaces added before some codes only
    const box = lines(text).find((l) => l.startsWith('  box Partner'))!;
    expect(box.replace('  box Partner MC system ', '').replace(/ /g, '')).toBe(escapeMermaid(id));
    expect(box).toMatch(/ #59;/);
    for (const l of lines(text).filter((x) => x.includes('#59;'))) {
      for (const word of l.split(' ')) {
        const codes = unitsOf(word).filter((u) => /^#\d+;$/.test(u));
        expect(codes.length, word).toBeLessThanOrEqual(3);
      }
    }
  });
});
