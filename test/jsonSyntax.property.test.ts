import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, lineAndColumn } from '../src/core/model/jsonSyntax';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('jsonErrorOffset agrees with JSON.parse on what is JSON', () => {
  it('finds no error in any JSON text', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(jsonErrorOffset(text)).toBeNull();
      }),
    );
  });

  it('finds an error, inside the text or at its end, exactly when JSON.parse refuses a cut or altered text', () => {
    fc.assert(
      fc.property(
        fc.json(),
        fc.nat(),
        fc.constantFrom('', '}', ']', ',', '"', ':', 'x', '\n'),
        (text, at, insert) => {
          const i = at % (text.length + 1);
          const broken = text.slice(0, i) + insert + text.slice(i + 1);
          const offset = jsonErrorOffset(broken);
          if (parses(broken)) expect(offset).toBeNull();
          else {
            expect(offset).not.toBeNull();
            expect(offset).toBeLessThanOrEqual(broken.length);
          }
        },
      ),
    );
  });

  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('{\n  "a": }', 9)).toEqual({ line: 2, column: 8 });
    expect(lineAndColumn('x', 0)).toEqual({ line: 1, column: 1 });
  });
});
