import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatIssues,
  jsonPath,
  parseScenario,
  parseScenarioOrThrow,
  parseScenarioValue,
  ScenarioError,
  type ParseResult,
} from '../src/core/model/scenario';
import { jsonDepthIssues, valueLimitIssues } from '../src/core/model/limits';
import { parseProfileXml } from '../src/core/xml/profileXml';
import { exampleJson, type ExampleRaw } from './support/fixtures';
import { HOSTILE, profileDoc } from './support/hostileXml';
import { isoDateTime, validScenario } from './support/scenarioArbitrary';

const RUNS = { numRuns: 300 };

/** The contract of a result: ok with a scenario, or a non-empty list of issues, each with a path and a message. */
function expectWellFormed(result: ParseResult) {
  if (result.ok) {
    expect(result.scenario).toBeTypeOf('object');
    return;
  }
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(issue.path).toBeTypeOf('string');
    expect(issue.path.length).toBeGreaterThan(0);
    expect(issue.message).toBeTypeOf('string');
    expect(issue.message.length).toBeGreaterThan(0);
  }
}

/** Every path to a value in a JSON tree (the root excluded). */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...paths(v, [...prefix, i])]);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
  return [];
}

function setAt(root: unknown, path: (string | number)[], value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined && !Array.isArray(node)) delete node[last];
  else node[last] = value;
}

const EXAMPLE_PATHS = paths(exampleJson());

describe('the parser never throws', () => {
  it('for anything (default fast-check values)', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        // given any value
        // when parsed as a scenario
        // then it returns a well-formed result
        expectWellFormed(parseScenarioValue(value));
      }),
      RUNS,
    );
  });

  it('for exotic values too (bigints, boxed, maps, sets, typed and sparse arrays, dates, null prototypes)', () => {
    const exotic = fc.anything({
      maxDepth: 2,
      withBigInt: true,
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
      withDate: true,
      withNullPrototype: true,
      withObjectString: true,
      withUnicodeString: true,
    });
    fc.assert(
      fc.property(exotic, (value) => expectWellFormed(parseScenarioValue(value))),
      { numRuns: 150 },
    );
  });

  it('for a bad value beside valid ones: a bigint inside a null-prototype object', () => {
    // given the example whose version is an object JSON.stringify cannot render and String() cannot convert
    const raw = exampleJson();
    raw.version = Object.assign(Object.create(null) as object, { n: 1n });
    // when parsed
    const result = parseScenarioValue(raw);
    // then version is refused, with a message
    expectWellFormed(result);
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual(['version']);
  });

  it('for profiles given as { xml } with any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constant('<mcptt-user-profile/>'), fc.anything()), (xml) => {
        // given the example whose migration profile is an XML document of arbitrary text
        const raw = exampleJson();
        raw.primary.profiles[1] = { xml, migration: { partners: ['county.example'] } };
        // when parsed
        // then the result is well-formed
        expectWellFormed(parseScenarioValue(raw));
      }),
      { numRuns: 200 },
    );
  });

  it('for any JSON text and any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), fc.string({ unit: 'binary' })), (text) => {
        // given any text
        // when parsed
        // then the result is well-formed (a JSON syntax error is an issue too)
        expectWellFormed(parseScenario(text));
      }),
      RUNS,
    );
  });

  it('for the example with a random value at a random path, naming that path (or a duplicate index)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EXAMPLE_PATHS),
        fc.oneof(fc.anything(), fc.jsonValue(), fc.constant(undefined), fc.integer({ min: -5, max: 300 })),
        (path, value) => {
          // given the example with one value replaced (or removed)
          const raw = exampleJson();
          setAt(raw, path, value);
          // when parsed, as a value and as JSON text
          const result = parseScenarioValue(raw);
          const text = JSON.stringify(raw);
          const fromText = text === undefined ? null : parseScenario(text);
          // then both results are well-formed
          expectWellFormed(result);
          if (fromText) expectWellFormed(fromText);
          // and a refusal names the changed path, something within it or around it
          if (!result.ok) {
            const changed = jsonPath(path);
            const related = result.issues.some(
              (i) =>
                i.path.startsWith(changed) ||
                changed.startsWith(i.path) ||
                i.message.startsWith('duplicate profile index'),
            );
            expect(related, `${changed} -> ${formatIssues(result.issues)}`).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('parser examples', () => {
  it('names the field by its JSON path: the exact message of the contract', () => {
    // given the example with a priority that is not a number
    const raw = exampleJson();
    raw.primary.profiles[1]!.priority = 'high';
    // when parsed
    const result = parseScenarioValue(raw);
    // then the issue formats as the contract says
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { path: 'primary.profiles[1].priority', message: 'expected an integer 0..255, got "high"' },
    ]);
    expect(formatIssues(result.issues)).toBe(
      'primary.profiles[1].priority: expected an integer 0..255, got "high"',
    );
  });

  it('refuses a duplicate profile index at the second profile', () => {
    // given two profiles with index 1
    const raw = exampleJson();
    raw.primary.profiles[1]!.index = 1;
    // when parsed
    const result = parseScenarioValue(raw);
    // then the second is named, with the first
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: 'primary.profiles[1].index',
          message: 'duplicate profile index 1 (profile [0] has it already)',
        },
      ],
    });
  });

  it('refuses text that is not JSON, at the root', () => {
    // given broken JSON
    // when parsed
    const result = parseScenario('{ "format": "mcx-migration-scenario", ');
    // then one issue for the whole scenario
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]!.path).toBe('(the scenario)');
    expect(result.issues[0]!.message).toMatch(/^not valid JSON: /);
  });

  it('keeps unknown fields, at the top level and deep inside', () => {
    // given unknown fields everywhere
    const raw = exampleJson();
    const profile = raw.primary.profiles[1]!;
    raw['x-top'] = { a: [1, { b: null }] };
    raw.user['x-badge'] = 7;
    profile['x-vendor'] = { radio: 'TETRA', nested: { deep: ['kept'] } };
    (profile.migration as Record<string, unknown>)['x-reason'] = 'treaty';
    raw.primary.validation!['x-audit'] = true;
    (raw.partner.policy!.groups as Record<string, unknown>)['x-note'] = 'n';
    raw.partner.cache = { profile: { index: 9, 'x-old': 1 }, storedAt: '2026-10-01T08:00:00Z', 'x-src': 's' };
    // when parsed
    const result = parseScenarioValue(structuredClone(raw));
    // then the scenario is the input, unknown fields included
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario).toEqual(raw);
    expect(result.scenario.primary.profiles[1]!['x-vendor']).toEqual({
      radio: 'TETRA',
      nested: { deep: ['kept'] },
    });
  });

  it('reports every problem; formatIssues shows the first and counts the rest', () => {
    // given three bad fields
    const raw = exampleJson();
    raw.version = 2;
    raw.ue.configuredBy = 'nobody';
    raw.partner.cache = 5;
    // when parsed
    const result = parseScenarioValue(raw);
    // then three issues, in document order, and one line
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual(['version', 'ue.configuredBy', 'partner.cache']);
    expect(result.issues[2]!.message).toBe('expected null or an object, got 5');
    expect(formatIssues(result.issues)).toBe(
      'version: expected 1 (the only version this simulator reads), got 2 (and 2 more problems)',
    );
    expect(formatIssues(result.issues)).not.toContain('\n');
  });

  it('reports inside a cached profile with its full path', () => {
    // given a cache whose profile is bad
    const raw = exampleJson();
    raw.partner.cache = { profile: { index: 'x' }, storedAt: 'yesterday' };
    // when parsed
    const result = parseScenarioValue(raw);
    // then both fields are named
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual([
      'partner.cache.profile.index',
      'partner.cache.storedAt',
    ]);
  });

  it('names missing sections and the root', () => {
    // given an empty object and a list
    // when parsed
    const empty = parseScenarioValue({});
    const list = parseScenarioValue([]);
    // then the missing sections are named; a list is refused at the root
    expect(empty.ok ? [] : empty.issues.map((i) => i.path)).toEqual([
      'format',
      'version',
      'user',
      'ue',
      'primary',
      'partner',
    ]);
    expect(list.ok ? [] : list.issues).toEqual([
      { path: '(the scenario)', message: 'expected an object, got []' },
    ]);
  });

  it('jsonPath writes dots for names, brackets for indexes and odd names', () => {
    // given paths
    // when rendered
    // then
    expect(jsonPath(['primary', 'profiles', 1, 'priority'])).toBe('primary.profiles[1].priority');
    expect(jsonPath(['partner', 'we ird'])).toBe('partner["we ird"]');
    expect(jsonPath([0])).toBe('[0]');
    expect(jsonPath([])).toBe('(the scenario)');
  });

  it('parseScenarioOrThrow throws a ScenarioError carrying the issues', () => {
    // given a bad scenario
    // when parsed strictly
    const attempt = () => parseScenarioOrThrow('{"format": "x"}');
    // then a ScenarioError with the formatted first issue
    expect(attempt).toThrow(ScenarioError);
    try {
      attempt();
    } catch (e) {
      expect((e as ScenarioError).issues.length).toBeGreaterThan(1);
      expect((e as ScenarioError).message).toMatch(
        /^format: expected "mcx-migration-scenario", got "x" \(and \d+ more problems\)$/,
      );
    }
  });
});

describe('every valid scenario is accepted', () => {
  it('for scenarios generated from the rules of the contract, as JSON text (with or without a BOM)', () => {
    fc.assert(
      fc.property(validScenario, fc.boolean(), (scenario, bom) => {
        // given a valid scenario as the text of a file, perhaps starting with a UTF-8 byte order mark
        const json = JSON.stringify(scenario);
        // when parsed
        const result = parseScenario(bom ? `\uFEFF${json}` : json);
        // then it is accepted, unknown fields and all
        if (!result.ok) throw new Error(`refused: ${formatIssues(result.issues)}`);
        expect(result.scenario).toEqual(JSON.parse(json));
      }),
      { numRuns: 300 },
    );
  });
});

/** The issues of a refused result (the test fails if it was accepted). */
function issuesOf(result: ParseResult) {
  if (result.ok) throw new Error('accepted');
  return result.issues;
}

describe('limits (CONTRACT.md §6)', () => {
  it.each([
    ['the title', (raw: ExampleRaw) => void (raw.title = 'a'.repeat(12_000)), 'title', 12_000],
    [
      'a string in an unknown field, deep inside a profile',
      (raw: ExampleRaw) =>
        void (raw.primary.profiles[1]!['x-vendor'] = { notes: ['ok', 'b'.repeat(10_001)] }),
      'primary.profiles[1].x-vendor.notes[1]',
      10_001,
    ],
    [
      'a group URI',
      (raw: ExampleRaw) => void (raw.partner.policy!.groups = { add: [`sip:${'g'.repeat(20_000)}`] }),
      'partner.policy.groups.add[0]',
      20_004,
    ],
    [
      'a string named xml that is not a profile document',
      (raw: ExampleRaw) => void (raw['xml'] = `<x>${'x'.repeat(10_000)}</x>`),
      'xml',
      10_007,
    ],
  ])('refuses %s over 10,000 characters, naming its path and the limit', (_name, change, path, length) => {
    // given the example with one string over the limit
    const raw = exampleJson();
    change(raw);
    // when parsed
    // then one issue: the path, the length and the limit
    expect(issuesOf(parseScenario(JSON.stringify(raw)))).toEqual([
      {
        path,
        message: `a string of ${length.toLocaleString('en-US')} characters is over the limit of 10,000`,
      },
    ]);
  });

  it('refuses a key over 10,000 characters at the object that holds it', () => {
    const raw = exampleJson();
    Object.assign(raw.partner, { ['k'.repeat(10_001)]: 1 });
    expect(issuesOf(parseScenarioValue(raw))).toEqual([
      { path: 'partner', message: 'a key of 10,001 characters is over the limit of 10,000' },
    ]);
  });

  it('counts characters, not UTF-16 units: 10,000 emoji are within the limit, 10,001 are not', () => {
    const raw = exampleJson();
    raw.title = '😀'.repeat(10_000);
    expect(parseScenarioValue(raw).ok).toBe(true);
    raw.title += '😀';
    expect(issuesOf(parseScenarioValue(raw))[0]!.message).toBe(
      'a string of 10,001 characters is over the limit of 10,000',
    );
  });

  it('governs a profile document by the 1 MB document limit, not the string limit', () => {
    // given profiles given as documents of 200,000 characters, in the profile list and in the cache
    const doc = profileDoc(`<ProfileName>Big</ProfileName><!--${'x'.repeat(200_000)}-->`);
    const raw = exampleJson();
    raw.primary.profiles[0] = { xml: doc.replace('user-profile-index="1"', 'user-profile-index="7"') };
    raw.partner.cache = { profile: { xml: doc }, storedAt: '2026-10-01T08:00:00Z' };
    // when parsed with the document reader
    const result = parseScenario(JSON.stringify(raw), { readProfileXml: parseProfileXml });
    // then accepted, the documents kept
    if (!result.ok) throw new Error(formatIssues(result.issues));
    expect(result.scenario.primary.profiles[0]!.name).toBe('Big');
    expect(result.scenario.primary.profiles[0]!.xml).toHaveLength(doc.length);
  });

  it('refuses a scenario text over 4,000,000 bytes before reading it, naming the size and the limit', () => {
    // given the example padded to over 4 MB of UTF-8 with strings under the string limit, 2 bytes a character
    const raw = exampleJson();
    raw['x-padding'] = Array.from({ length: 250 }, () => 'é'.repeat(9_000));
    const text = JSON.stringify(raw);
    expect(text.length).toBeLessThan(4_000_000);
    const bytes = Buffer.byteLength(text, 'utf8');
    // when parsed
    // then refused as a whole, in bytes
    expect(issuesOf(parseScenario(text))).toEqual([
      {
        path: '(the scenario)',
        message: `the scenario is ${bytes.toLocaleString('en-US')} bytes, over the limit of 4,000,000 bytes (4 MB)`,
      },
    ]);
    // and a text of exactly 4,000,000 bytes is not refused for its size
    const exact = JSON.stringify({ ...exampleJson(), 'x-padding': [] });
    const padded = `${exact.slice(0, -1)}${' '.repeat(4_000_000 - Buffer.byteLength(exact))}}`;
    expect(Buffer.byteLength(padded)).toBe(4_000_000);
    expect(parseScenario(padded).ok).toBe(true);
  });

  it('refuses JSON nested 10,000 levels deep with one issue, no stack overflow, as text and as a value', () => {
    // given the example with an unknown field nested 10,000 levels deep, and one 200,000 deep as a value
    const raw = exampleJson();
    const text = JSON.stringify(raw).replace(/}$/, `,"x-deep":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    let deep: unknown = [];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    // when parsed
    const fromText = issuesOf(parseScenario(text));
    const fromValue = issuesOf(parseScenarioValue({ ...exampleJson(), 'x-deep': deep }));
    // then one issue each, at the field, naming the limit
    for (const issues of [fromText, fromValue]) {
      expect(issues).toHaveLength(1);
      expect(issues[0]!.path).toMatch(/^x-deep\[0\]\[0\].*…$/);
      expect(issues[0]!.message).toBe('nested more than 64 levels deep, over the limit of 64');
    }
  });

  it('accepts nesting of 64 levels (the scenario object is level 1) and refuses 65', () => {
    const nest = (levels: number): unknown => (levels === 0 ? 'leaf' : [nest(levels - 1)]);
    expect(parseScenarioValue({ ...exampleJson(), 'x-deep': nest(63) }).ok).toBe(true);
    expect(issuesOf(parseScenarioValue({ ...exampleJson(), 'x-deep': nest(64) }))[0]!.message).toBe(
      'nested more than 64 levels deep, over the limit of 64',
    );
  });

  it('finds nesting too deep in the text exactly where it finds it in the parsed value (property)', () => {
    // any JSON, wrapped in 0 to 80 objects and lists under any keys, at one level twice (two deep siblings)
    const key = fc.oneof(fc.string({ unit: 'binary', maxLength: 4 }), fc.nat(3));
    const wrapped = fc
      .tuple(
        fc.jsonValue({ maxDepth: 3 }),
        fc.integer({ min: 0, max: 80 }).chain((n) => fc.array(key, { minLength: n, maxLength: n })),
        fc.nat(80),
      )
      .map(([leaf, keys, twin]) =>
        keys.reduce<unknown>((inner, k, level) => {
          if (typeof k === 'number')
            return [...Array<null>(k).fill(null), inner, ...(level === twin ? [inner] : [])];
          return level === twin ? { [k]: inner, [`${k}'`]: inner } : { [k]: inner };
        }, leaf),
      );
    let deep = 0;
    fc.assert(
      fc.property(wrapped, (value) => {
        const fromValue = valueLimitIssues(value).filter((i) => i.message.startsWith('nested'));
        if (fromValue.length) deep++;
        expect(jsonDepthIssues(JSON.stringify(value))).toEqual(fromValue);
      }),
      { numRuns: 300 },
    );
    // and the property did meet nesting over the limit, often
    expect(deep).toBeGreaterThan(30);
  });

  it('accepts a UTF-8 byte order mark at the start of the text', () => {
    const text = JSON.stringify(exampleJson());
    const result = parseScenario(`\uFEFF${text}`);
    expect(result).toEqual(parseScenario(text));
    expect(result.ok).toBe(true);
  });
});

describe('storedAt (partner.cache.storedAt) is an ISO 8601 date and time', () => {
  const withStoredAt = (storedAt: unknown) => {
    const raw = exampleJson();
    raw.partner.cache = { profile: { index: 9 }, storedAt };
    return parseScenarioValue(raw);
  };

  it.each([
    '2026-10-01T08:00:00Z',
    '2026-10-01T10:00:00+02:00',
    '2026-10-01T03:30:00-04:30',
    '2026-10-01T08:00:00.5Z',
    '2026-10-01T08:00:00.123456+00:00',
    '2028-02-29T23:59:59Z',
    '2000-02-29T00:00:00Z',
  ])('accepts %s', (storedAt) => {
    expect(withStoredAt(storedAt).ok).toBe(true);
  });

  it.each([
    '1',
    '2026',
    '2026-10-01',
    '2026-10-01T08:00:00',
    '2026-10-01 08:00:00Z',
    '2026-10-01T08:00Z',
    'Thu, 01 Oct 2026 08:00:00 GMT',
    '2026-02-29T08:00:00Z',
    '1900-02-29T08:00:00Z',
    '2026-04-31T08:00:00Z',
    '2026-13-01T08:00:00Z',
    '2026-00-10T08:00:00Z',
    '2026-10-00T08:00:00Z',
    '2026-10-01T24:00:00Z',
    '2026-10-01T08:60:00Z',
    '2026-10-01T08:00:60Z',
    '2026-10-01T08:00:00+24:00',
    '2026-10-01T08:00:00.Z',
    ' 2026-10-01T08:00:00Z',
  ])('refuses %j, naming the field', (storedAt) => {
    expect(issuesOf(withStoredAt(storedAt))).toEqual([
      {
        path: 'partner.cache.storedAt',
        message: `expected an ISO 8601 date and time with its time zone (e.g. "2026-10-01T08:00:00Z"), got ${JSON.stringify(storedAt)}`,
      },
    ]);
  });

  it('accepts every moment in each form (property)', () => {
    fc.assert(
      fc.property(isoDateTime, (storedAt) => {
        expect(withStoredAt(storedAt).ok, storedAt).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('hostile profile documents in a scenario', () => {
  it('are refused at the path of their xml field, with the document reader', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...HOSTILE),
        fc.constantFrom<(string | number)[]>(
          ['primary', 'profiles', 0],
          ['primary', 'profiles', 1],
          ['partner', 'cache', 'profile'],
        ),
        (hostile, at) => {
          // given the example with one profile given as a hostile document
          const raw = exampleJson();
          if (at[0] === 'partner')
            raw.partner.cache = { profile: { xml: hostile.xml }, storedAt: '2026-10-01T08:00:00Z' };
          else raw.primary.profiles[at[2] as number] = { xml: hostile.xml, migration: { partners: ['*'] } };
          // when parsed as the CLI does
          const issues = issuesOf(parseScenario(JSON.stringify(raw), { readProfileXml: parseProfileXml }));
          // then one issue: the xml field, the document's one line
          expect(issues).toEqual([{ path: jsonPath([...at, 'xml']), message: hostile.message }]);
        },
      ),
      { numRuns: 40 },
    );
  });
});
