import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPolicy } from '../../src/core/model/policy';
import type { Profile } from '../../src/core/model/profile';
import { parseScenarioValue } from '../../src/core/model/scenario';
import { simulate } from '../../src/core/engine/run';
import { BASE_SCENARIO } from '../../src/core/model/presets';
import { parseProfileXml, ProfileXmlError, toProfileXml } from '../../src/core/xml/profileXml';
import { HOSTILE, profileDoc } from '../support/hostileXml';

const vendor = readFileSync(new URL('./vendor-profile.xml', import.meta.url), 'utf8');
const withoutXml = ({ xml: _xml, ...rest }: Profile) => rest;

describe('TS 24.484 profile import', () => {
  it('maps every element of CONTRACT.md §2', () => {
    // given a vendor document with a namespace prefix
    // when it is imported
    const profile = parseProfileXml(vendor);
    // then every mapped element is a Profile field
    expect(withoutXml(profile)).toEqual({
      index: 4,
      name: 'Traffic unit',
      preSelected: true,
      status: true,
      mcpttId: 'sip:bob@metro.example',
      organization: 'Metro Police',
      privateCall: ['sip:dispatch@metro.example'],
      emergencyGroup: 'sip:metro-emergency@metro.example',
      priority: 8,
      groups: ['sip:metro-emergency@metro.example', 'sip:traffic@metro.example'],
      maxAffiliations: 10,
    });
    expect(profile.xml).toBe(vendor);
  });

  it.each([
    ['not XML', 'this is not xml', /^not XML: /],
    [
      'another root',
      '<user-profile xmlns="urn:3gpp:mcptt:user-profile:1.0"/>',
      /root element is <user-profile>/,
    ],
    [
      'another namespace',
      '<mcptt-user-profile xmlns="urn:example:other" user-profile-index="1"/>',
      /namespace "urn:example:other", expected "urn:3gpp:mcptt:user-profile:1.0"/,
    ],
    ['no namespace', '<mcptt-user-profile user-profile-index="1"/>', /namespace \(none\)/],
    [
      'a priority that is not a number',
      vendor.replace('<up:Priority>8</up:Priority>', '<up:Priority>high</up:Priority>'),
      /^<Priority>: expected an integer 0\.\.255, got "high"$/,
    ],
    [
      'a priority out of range',
      vendor.replace('<up:Priority>8</up:Priority>', '<up:Priority>300</up:Priority>'),
      /^<Priority>: expected an integer 0\.\.255, got "300"$/,
    ],
    ['a bad index', vendor.replace('user-profile-index="4"', 'user-profile-index="x"'), /user-profile-index/],
    ['a missing index', vendor.replace(' user-profile-index="4"', ''), /user-profile-index is missing/],
    [
      'a bad Status',
      vendor.replace('<up:Status>true', '<up:Status>maybe'),
      /^<Status>: expected true or false/,
    ],
    [
      'bad MaxAffiliationsN2',
      vendor.replace('<up:MaxAffiliationsN2>10', '<up:MaxAffiliationsN2>-1'),
      /^<MaxAffiliationsN2>: expected an integer/,
    ],
  ])('refuses %s with one line naming the element', (_name, xml, message) => {
    // given a document that is not a valid profile document; when imported; then one clear line
    let error: unknown;
    try {
      parseProfileXml(xml);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProfileXmlError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('TS 24.484 profile export', () => {
  it('round-trips: import, export, import gives the same Profile', () => {
    const first = parseProfileXml(vendor);
    const second = parseProfileXml(toProfileXml(first));
    expect(withoutXml(second)).toEqual(withoutXml(first));
  });

  it('keeps unmapped elements, attributes and comments in place', () => {
    const out = toProfileXml(parseProfileXml(vendor));
    for (const kept of [
      "<!-- A vendor's export",
      '<up:UserAlias>',
      '<up:alias-entry>Bob</up:alias-entry>',
      '<up:MaxSimultaneousCallsN6>3</up:MaxSimultaneousCallsN6>',
      '<up:Authorised>true</up:Authorised>',
      '<v:Extension v:flag="on">vendor data &amp; more</v:Extension>',
      '<up:display-name>Emergency</up:display-name>',
      '<up:Common index="1">',
    ]) {
      expect(out).toContain(kept);
    }
    // in place: the alias stays between the user id and the organisation
    expect(out.indexOf('<up:UserAlias>')).toBeGreaterThan(out.indexOf('<up:MCPTTUserID>'));
    expect(out.indexOf('<up:UserAlias>')).toBeLessThan(out.indexOf('<up:MissionCriticalOrganization>'));
  });

  it('writes the policy-modified values into the same document', () => {
    // given the vendor profile and a partner policy
    const imported = parseProfileXml(vendor);
    const { profile } = applyPolicy(imported, {
      maxPriority: 3,
      groups: { allow: ['sip:metro-emergency@metro.example'], add: ['sip:mutual-aid@county.example'] },
      maxAffiliations: 5,
      privateCall: false,
    });
    // when exported
    const out = toProfileXml(profile);
    // then the mapped values changed, the rest is kept
    expect(out).toContain('<up:Priority>3</up:Priority>');
    expect(out).toContain('<up:MaxAffiliationsN2>5</up:MaxAffiliationsN2>');
    expect(out).not.toContain('sip:traffic@metro.example');
    expect(out).toContain('<up:uri-entry>sip:mutual-aid@county.example</up:uri-entry>');
    expect(out).toContain('<up:display-name>Emergency</up:display-name>');
    expect(out).not.toContain('sip:dispatch@metro.example');
    expect(out).toContain('<v:Extension');
    expect(withoutXml(parseProfileXml(out))).toEqual(withoutXml(profile));
  });

  it('builds a document from a profile that had none, starting with the XML declaration', () => {
    const out = toProfileXml({ index: 1, name: 'A & <B>', priority: 5, groups: ['sip:g@x'] });
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(out).toContain('xmlns="urn:3gpp:mcptt:user-profile:1.0"');
    expect(out).toContain('<ProfileName>A &amp; &lt;B&gt;</ProfileName>');
    expect(withoutXml(parseProfileXml(out))).toEqual({
      index: 1,
      name: 'A & <B>',
      priority: 5,
      groups: ['sip:g@x'],
    });
  });

  it('round-trips generated profiles (property)', () => {
    const text = fc
      .string({ minLength: 1, maxLength: 20 })
      .filter((s) => s.trim() === s && s.trim().length > 0);
    const uri = fc.stringMatching(/^sip:[a-z0-9.-]{1,12}@[a-z0-9.-]{1,12}$/);
    const profile = fc.record(
      {
        index: fc.integer({ min: 0, max: 255 }),
        name: text,
        status: fc.boolean(),
        preSelected: fc.constant(true),
        mcpttId: uri,
        organization: text,
        priority: fc.integer({ min: 0, max: 255 }),
        groups: fc.uniqueArray(uri, { maxLength: 5 }),
        emergencyGroup: uri,
        privateCall: fc.uniqueArray(uri, { maxLength: 5 }),
        maxAffiliations: fc.integer({ min: 0, max: 65535 }),
      },
      { requiredKeys: ['index'] },
    );
    fc.assert(
      fc.property(profile, (p) => {
        const once = parseProfileXml(toProfileXml(p));
        expect(withoutXml(once)).toEqual(p);
        expect(withoutXml(parseProfileXml(toProfileXml(once)))).toEqual(p);
      }),
      { numRuns: 200 },
    );
  });
});

describe('profiles given as documents in a scenario', () => {
  it('reads {xml} profiles and runs them through the partner policy', () => {
    // given the base scenario whose migration profile is a document
    const scenario = structuredClone(BASE_SCENARIO) as Record<string, unknown> & typeof BASE_SCENARIO;
    const doc = vendor
      .replace('user-profile-index="4"', 'user-profile-index="9"')
      .replaceAll('sip:bob@', 'sip:alice@');
    (scenario.primary.profiles as unknown[])[1] = {
      xml: doc,
      migration: { partners: ['county.example'] },
      areas: ['harbour'],
    };
    // when parsed and simulated
    const parsed = parseScenarioValue(scenario, { readProfileXml: parseProfileXml });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const run = simulate(parsed.scenario, '10.1.4.3.3');
    // then the delivered profile came from the document, modified by the policy, and exports into it
    expect(run.outcome).toBe('delivered');
    expect(run.profiles[0]?.index).toBe(9);
    expect(run.profiles[0]?.priority).toBe(3);
    expect(toProfileXml(run.profiles[0]!)).toContain('<v:Extension');
  });

  it('refuses a bad document with the JSON path of the xml field', () => {
    const scenario = structuredClone(BASE_SCENARIO);
    (scenario.primary.profiles as unknown[])[0] = { xml: vendor.replace('>8<', '>eight<') };
    const parsed = parseScenarioValue(scenario, { readProfileXml: parseProfileXml });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.issues[0]).toEqual({
        path: 'primary.profiles[0].xml',
        message: '<Priority>: expected an integer 0..255, got "eight"',
      });
    }
  });
});

describe('a parser without XML support', () => {
  it('refuses a document profile with a message saying so, naming the field', () => {
    const scenario = structuredClone(BASE_SCENARIO);
    (scenario.primary.profiles as unknown[])[0] = { xml: vendor };
    const parsed = parseScenarioValue(scenario);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.issues).toEqual([
        { path: 'primary.profiles[0].xml', message: 'TS 24.484 profile documents are not supported here' },
      ]);
    }
  });
});

/** The ProfileXmlError that reading `xml` throws (the test fails if it throws anything else, or nothing). */
function refusal(xml: string): string {
  try {
    parseProfileXml(xml);
  } catch (error) {
    expect(error).toBeInstanceOf(ProfileXmlError);
    return (error as ProfileXmlError).message;
  }
  throw new Error('the document was accepted');
}

describe('hostile documents (CONTRACT.md §6)', () => {
  it.each(HOSTILE.map((h) => [h.name, h] as const))(
    'refuses %s with one line naming it',
    (_name, hostile) => {
      // given a hostile document; when read; then one ProfileXmlError line saying what is wrong
      expect(refusal(hostile.xml)).toBe(hostile.message);
    },
  );

  it.each([
    [
      'a DTD declaration without a DOCTYPE',
      profileDoc('<!ENTITY x "y">'),
      'a DTD (<!ENTITY …>) is not allowed in a profile document (line 2)',
    ],
    [
      'a DOCTYPE anywhere, even in a comment',
      profileDoc('<!-- <!DOCTYPE x> -->'),
      'a DTD (<!DOCTYPE …>) is not allowed in a profile document (line 2)',
    ],
    [
      'elements 65 levels deep (the root and 64 more)',
      profileDoc(`${'<a>'.repeat(64)}${'</a>'.repeat(64)}`),
      'elements nested more than 64 levels deep, over the limit of 64, at <a> (line 2)',
    ],
    [
      'text after the root element',
      `${profileDoc()}garbage`,
      /^not XML: text after the root element <mcptt-user-profile> ends: "garbage" \(line 3\)$/,
    ],
    [
      'text before the root element',
      'this is not xml',
      'not XML: text before the root element: "this is not xml" (line 1)',
    ],
    [
      'a hexadecimal reference with no hexadecimal digits',
      profileDoc('<ProfileName>&#xZZ;</ProfileName>'),
      'bad character reference &#xZZ;: "ZZ" is not a hexadecimal number (line 2)',
    ],
    [
      'an empty reference',
      profileDoc('<ProfileName>&#;</ProfileName>'),
      'bad character reference &#;: "" is not a decimal number (line 2)',
    ],
    [
      'a reference to U+0000',
      profileDoc('<ProfileName>&#0;</ProfileName>'),
      'bad character reference &#0;: U+0000 is not a character XML allows (line 2)',
    ],
    [
      'a reference to a control character',
      profileDoc('<ProfileName>&#x1B;</ProfileName>'),
      'bad character reference &#x1B;: U+001B is not a character XML allows (line 2)',
    ],
    [
      'a reference beyond Unicode',
      profileDoc('<ProfileName>&#x110000;</ProfileName>'),
      'bad character reference &#x110000;: beyond U+10FFFF, the last Unicode code point (line 2)',
    ],
    [
      'a reference of 40 digits',
      profileDoc(`<ProfileName>&#${'9'.repeat(40)};</ProfileName>`),
      'bad character reference &#999999999999999999999…: beyond U+10FFFF, the last Unicode code point (line 2)',
    ],
    [
      'a reference to a surrogate (hexadecimal)',
      profileDoc('<ProfileName>&#xD800;</ProfileName>'),
      'bad character reference &#xD800;: U+D800 is a surrogate, not a character (line 2)',
    ],
    [
      'a reference to a surrogate (decimal)',
      profileDoc('<ProfileName>&#57343;</ProfileName>'),
      'bad character reference &#57343;: U+DFFF is a surrogate, not a character (line 2)',
    ],
    [
      'a bad reference in an attribute value',
      profileDoc('', ' v="&#0;"'),
      'bad character reference &#0;: U+0000 is not a character XML allows (line 2)',
    ],
    [
      'a bad reference in an element the mapping does not know',
      profileDoc('<Vendor>\n&#xFFFE;</Vendor>'),
      'bad character reference &#xFFFE;: U+FFFE is not a character XML allows (line 3)',
    ],
    [
      'an HTML entity',
      profileDoc('<ProfileName>&copy;</ProfileName>'),
      'unknown entity &copy;: XML defines only &lt; &gt; &amp; &apos; &quot; (and a DTD is not allowed) (line 2)',
    ],
    [
      'an & that starts no reference',
      profileDoc('<ProfileName>Fish & chips</ProfileName>'),
      'an "&" that starts no reference: write &amp; for the character & (line 2)',
    ],
    [
      'an element name the parser refuses (its error, wrapped)',
      profileDoc('<constructor/>'),
      /^not XML: .*"constructor"/,
    ],
    [
      'a mapped value over the string limit',
      profileDoc(`<ProfileName>${'n'.repeat(12_000)}</ProfileName>`),
      '<ProfileName>: a string of 12,000 characters is over the limit of 10,000',
    ],
    [
      'a group URI over the string limit',
      profileDoc(
        `<OnNetwork><MCPTTGroupInfo><entry><uri-entry>sip:${'g'.repeat(10_000)}</uri-entry></entry></MCPTTGroupInfo></OnNetwork>`,
      ),
      '<uri-entry> in <MCPTTGroupInfo>: a string of 10,004 characters is over the limit of 10,000',
    ],
    [
      'a document of 1,000,001 bytes',
      (() => {
        const skeleton = profileDoc('<!---->');
        return profileDoc(`<!--${'x'.repeat(1_000_001 - skeleton.length)}-->`);
      })(),
      'the document is 1,000,001 bytes, over the limit of 1,000,000 bytes (1 MB)',
    ],
    [
      'a document of 600,000 characters that is 1,200,000 bytes of UTF-8',
      (() => {
        const skeleton = profileDoc('<!---->');
        const e = 600_000 - skeleton.length;
        return profileDoc(`<!--${'é'.repeat(e)}-->`);
      })(),
      /^the document is 1,1\d\d,\d{3} bytes, over the limit of 1,000,000 bytes \(1 MB\)$/,
    ],
  ])('refuses %s', (_name, xml, message) => {
    const line = refusal(xml);
    if (typeof message === 'string') expect(line).toBe(message);
    else expect(line).toMatch(message);
    expect(line).not.toContain('\n');
  });

  it('accepts the limits themselves: 64 levels, 1,000,000 bytes, strings of 10,000 characters', () => {
    // given documents exactly at each limit
    const deep = profileDoc(`${'<a>'.repeat(63)}${'</a>'.repeat(63)}`);
    const skeleton = profileDoc('<ProfileName></ProfileName><!---->');
    const name = 'n'.repeat(10_000);
    const full = profileDoc(
      `<ProfileName>${name}</ProfileName><!--${'x'.repeat(1_000_000 - skeleton.length - name.length)}-->`,
    );
    expect(full.length).toBe(1_000_000);
    // when read; then accepted
    expect(parseProfileXml(deep).index).toBe(1);
    expect(parseProfileXml(full).name).toBe(name);
    // and the deep one exports, and the export reads back
    expect(parseProfileXml(toProfileXml(parseProfileXml(deep))).index).toBe(1);
  });
});

describe('character references (CONTRACT.md §6: the characters they name)', () => {
  it('reads Caf&#233; as Café, in text and in attributes, and writes it back as the character', () => {
    // given numeric and predefined references in a mapped element, an unmapped one and an attribute
    const xml = profileDoc(
      '<ProfileName>Caf&#233; &#x1F600; &lt;&#65;&gt;</ProfileName><Vendor note="Caf&#xE9;">Caf&#233;</Vendor>',
      ' XUI-URI="sip:caf&#233;@x"',
    ).replace('user-profile-index="1"', 'user-profile-index="&#52;"');
    // when read
    const profile = parseProfileXml(xml);
    // then each reference is its character
    expect(profile.name).toBe('Café 😀 <A>');
    expect(profile.index).toBe(4);
    // and the export writes characters, never a re-escaped reference
    const out = toProfileXml(profile);
    expect(out).toContain('<ProfileName>Café 😀 &lt;A&gt;</ProfileName>');
    expect(out).toContain('<Vendor note="Café">Café</Vendor>');
    expect(out).not.toContain('&amp;#');
    expect(out).not.toContain('&#');
    // and reads back the same
    expect(withoutXml(parseProfileXml(out))).toEqual(withoutXml(profile));
  });

  it('reads a reference to white space inside a value, and trims one at its ends as the mapping trims values', () => {
    expect(parseProfileXml(profileDoc('<ProfileName>A&#160;B&#x3000;&#32;</ProfileName>')).name).toBe(
      'A\u00a0B',
    );
  });

  it('round-trips any text written with references (property)', () => {
    // any XML character, written literally, as a decimal or as a hexadecimal reference
    const xmlChar = fc.oneof(
      fc.integer({ min: 0x21, max: 0xd7ff }),
      fc.integer({ min: 0xe000, max: 0xfffd }),
      fc.integer({ min: 0x10000, max: 0x10ffff }),
    );
    const written = fc.tuple(xmlChar, fc.constantFrom('literal', 'decimal', 'hex'));
    // the mapping trims a value (as it always has): a text that starts or ends with white space is another property
    const trimmed = fc.array(written, { minLength: 1, maxLength: 30 }).filter((chars) => {
      const text = chars.map(([c]) => String.fromCodePoint(c)).join('');
      return text.trim() === text;
    });
    fc.assert(
      fc.property(trimmed, (chars) => {
        const expected = chars.map(([c]) => String.fromCodePoint(c)).join('');
        const source = chars
          .map(([c, how]) => {
            if (how === 'decimal') return `&#${c};`;
            if (how === 'hex') return `&#x${c.toString(16)};`;
            const ch = String.fromCodePoint(c);
            return ch === '<' ? '&lt;' : ch === '&' ? '&amp;' : ch === '>' ? '&gt;' : ch;
          })
          .join('');
        // when read, exported and read again
        const once = parseProfileXml(profileDoc(`<ProfileName>${source}</ProfileName>`));
        const out = toProfileXml(once);
        // then the name is the characters, and the export holds no reference that was not an escape
        expect(once.name).toBe(expected);
        expect(out).not.toMatch(/&#/);
        expect(parseProfileXml(out).name).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
