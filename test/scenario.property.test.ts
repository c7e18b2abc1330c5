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
} from '../src/core/scenario';
import { exampleJson } from './support/fixtures';

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
