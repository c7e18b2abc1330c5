import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HOSTILE, profileDoc } from '../support/hostileXml';

/** Counts what reaches the XML library: a hostile document must be refused before it does. */
const calls = vi.hoisted(() => ({ validate: 0, parse: 0 }));

vi.mock('fast-xml-parser', async (importOriginal) => {
  const original = await importOriginal<typeof import('fast-xml-parser')>();
  class CountingParser extends original.XMLParser {
    override parse(xml: string | Uint8Array) {
      calls.parse++;
      return super.parse(xml);
    }
  }
  const validate: typeof original.XMLValidator.validate = (...args) => {
    calls.validate++;
    return original.XMLValidator.validate(...args);
  };
  return { ...original, XMLParser: CountingParser, XMLValidator: { validate } };
});

const { parseProfileXml, ProfileXmlError } = await import('../../src/core/xml/profileXml');

describe('the cheap checks run before the XML library', () => {
  beforeEach(() => {
    calls.validate = 0;
    calls.parse = 0;
  });

  it.each(HOSTILE.map((h) => [h.name, h] as const))(
    '%s never reaches the validator or the parser',
    (_name, hostile) => {
      // given a hostile document; when read
      expect(() => parseProfileXml(hostile.xml)).toThrow(ProfileXmlError);
      // then it was refused by the one linear pass, before the library saw it
      expect(calls).toEqual({ validate: 0, parse: 0 });
    },
  );

  it('a valid document goes on to the validator and the parser, once each', () => {
    // given a valid document; when read; then the library read it once
    expect(parseProfileXml(profileDoc('<ProfileName>A</ProfileName>')).name).toBe('A');
    expect(calls).toEqual({ validate: 1, parse: 1 });
  });
});
