import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPolicy } from '../../src/core/policy';
import type { Profile } from '../../src/core/profile';
import { parseScenarioValue } from '../../src/core/scenario';
import { simulate } from '../../src/core/run';
import { BASE_SCENARIO } from '../../src/core/presets';
import { parseProfileXml, ProfileXmlError, toProfileXml } from '../../src/core/xml/profileXml';

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
