// @vitest-environment jsdom
/**
 * 1,000 broken scenario files through the editor's import path: each is a valid preset with one mutation (a wrong
 * type, a number out of range, a required field missing, a duplicate profile index, a bad enum value, an empty
 * required string or list, a string over 10,000 characters, a profile given as a hostile TS 24.484 document, a
 * truncated file). Each is refused, the message names the JSON path of the mutation
 * (or a field within it or around it), and the store's scenario stays the one on screen.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE } from '../../../test/support/hostileXml';
import { PRESETS } from '../../core/model/presets';
import { jsonPath } from '../../core/model/scenario';
import { useApp } from '../store';
import { importText } from './file';
import { Toolbar } from './Toolbar';

type Key = string | number;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Mutation {
  kind: string;
  /** Where the file was changed. */
  path: Key[];
  /** The new value there; `undefined` removes it. */
  value?: unknown;
  /** Where the refusal must point (the changed path, unless the schema names another one, e.g. a duplicate). */
  expected?: Key[];
  /** The file is cut short after the change (not JSON any more). */
  truncate?: number;
  /** What the refusal must say after the path, exactly. */
  message?: string;
}

const BASES: Json[] = PRESETS.map((p) => structuredClone(p.scenario) as unknown as Json);

/** Every path into a JSON tree, with its value (the root left out). */
function entries(value: Json, prefix: Key[] = []): [Key[], Json][] {
  if (Array.isArray(value))
    return value.flatMap((v, i) => [[[...prefix, i], v] as [Key[], Json], ...entries(v, [...prefix, i])]);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [
      [[...prefix, k], v] as [Key[], Json],
      ...entries(v, [...prefix, k]),
    ]);
  return [];
}

const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function get(root: Json, path: Key[]): unknown {
  let node: unknown = root;
  for (const key of path) node = (node as Record<Key, unknown> | undefined)?.[key];
  return node;
}

function apply(base: Json, m: Mutation): string {
  const root = structuredClone(base);
  let node = root as Record<Key, unknown>;
  for (const key of m.path.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<Key, unknown>;
  }
  const last = m.path[m.path.length - 1]!;
  if (m.value === undefined) delete node[last];
  else node[last] = m.value;
  const text = JSON.stringify(root, null, 2);
  return m.truncate === undefined ? text : text.slice(0, Math.floor(text.length * m.truncate));
}

/** Fields that must be there (CONTRACT.md §2), as patterns over a path ('#' = any list index). */
const REQUIRED = [
  'format',
  'version',
  'user',
  'user.serviceIds',
  'user.serviceIds.mcptt',
  'ue',
  'ue.configuredBy',
  'primary',
  'primary.systemId',
  'primary.profiles',
  'primary.profiles.#.index',
  'primary.profiles.#.migration.partners',
  'partner',
  'partner.systemId',
  'partner.cache.profile',
  'partner.cache.storedAt',
  'partner.cache.profile.index',
];
/** Strings that must not be empty. */
const NON_EMPTY = [
  'user.serviceIds.mcptt',
  'user.serviceIds.mcvideo',
  'user.serviceIds.mcdata',
  'primary.systemId',
  'partner.systemId',
  'primary.profiles.#.groups.#',
  'primary.profiles.#.emergencyGroup',
  'primary.profiles.#.privateCall.#',
  'primary.profiles.#.areas.#',
  'primary.profiles.#.migration.partners.#',
  'primary.validation.requiredGroups.#',
  'partner.policy.areas.#',
  'partner.policy.groups.allow.#',
  'partner.policy.groups.add.#',
];
/** Integer fields and their ranges, by the name of the field (wherever it is). */
const RANGES: Record<string, [number, number]> = {
  index: [0, 255],
  priority: [0, 255],
  maxPriority: [0, 255],
  minPriority: [0, 255],
  maxAffiliations: [0, 65535],
};

const pattern = (path: Key[]) => path.map((k) => (typeof k === 'number' ? '#' : k)).join('.');

/** Paths of `base` that match one of `patterns`. */
const matching = (base: Json, patterns: readonly string[]) =>
  entries(base)
    .map(([path]) => path)
    .filter((path) => patterns.includes(pattern(path)));

const ANY_VALUE = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -1000, max: 100_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 6 })), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
);

/** A value of another kind than the one at `path`. */
function wrongType(base: Json): fc.Arbitrary<Mutation> {
  const all = entries(base);
  return fc.constantFrom(...all).chain(([path, original]) =>
    ANY_VALUE.filter(
      // `cache` is an object or null: null is no wrong type there
      (v) => kindOf(v) !== kindOf(original) && !(v === null && pattern(path) === 'partner.cache'),
    ).map((value) => ({
      kind: 'wrong type',
      path,
      value,
    })),
  );
}

/** An integer field (present or added) out of its range, or not whole. */
function outOfRange(base: Json): fc.Arbitrary<Mutation> {
  const profiles = (get(base, ['primary', 'profiles']) as Json[]).length;
  const places: Key[][] = [
    ...Array.from({ length: profiles }, (_, i) =>
      ['index', 'priority', 'maxAffiliations'].map((f) => ['primary', 'profiles', i, f]),
    ).flat(),
    ['partner', 'policy', 'maxPriority'],
    ['partner', 'policy', 'maxAffiliations'],
    ['primary', 'validation', 'minPriority'],
  ];
  return fc.constantFrom(...places).chain((path) => {
    const [lo, hi] = RANGES[path[path.length - 1] as string]!;
    return fc
      .oneof(
        fc.integer({ min: -1_000_000, max: lo - 1 }),
        fc.integer({ min: hi + 1, max: 2_000_000_000 }),
        fc.double({ min: lo, max: hi, noNaN: true }).filter((v) => !Number.isInteger(v)),
        fc.constantFrom(-1, hi + 1, 1e21, -0.5, lo + 0.5),
      )
      .map((value) => ({ kind: 'out of range', path, value }));
  });
}

function missing(base: Json): fc.Arbitrary<Mutation> {
  return fc.constantFrom(...matching(base, REQUIRED)).map((path) => ({ kind: 'missing', path }));
}

function emptied(base: Json): fc.Arbitrary<Mutation> {
  const lists: Key[][] = [
    ['primary', 'profiles'],
    ...matching(base, ['primary.profiles.#.migration.partners']),
  ];
  return fc.oneof(
    fc
      .tuple(fc.constantFrom(...matching(base, NON_EMPTY)), fc.constantFrom('', ' ', '\t\n '))
      .map(([path, value]) => ({ kind: 'empty string', path, value })),
    fc.constantFrom(...lists).map((path) => ({ kind: 'empty list', path, value: [] })),
  );
}

function duplicateIndex(base: Json): fc.Arbitrary<Mutation> {
  const profiles = get(base, ['primary', 'profiles']) as { index: number }[];
  const n = profiles.length;
  return fc.oneof(
    // one profile takes another's index: the later of the two is named
    fc
      .tuple(fc.nat(n - 1), fc.nat(n - 1))
      .filter(([i, j]) => i !== j)
      .map(([i, j]) => ({
        kind: 'duplicate index',
        path: ['primary', 'profiles', j, 'index'],
        value: profiles[i]!.index,
        expected: ['primary', 'profiles', Math.max(i, j), 'index'],
      })),
    // a copy of a profile added at the end
    fc.nat(n - 1).map((i) => ({
      kind: 'duplicate index',
      path: ['primary', 'profiles', n],
      value: structuredClone(profiles[i]),
      expected: ['primary', 'profiles', n, 'index'],
    })),
  );
}

function badEnum(base: Json): fc.Arbitrary<Mutation> {
  const hasCache = get(base, ['partner', 'cache']) != null;
  const options: fc.Arbitrary<Mutation>[] = [
    fc
      .oneof(fc.string(), fc.constantFrom('mcx-migration-scenario ', 'MCX-MIGRATION-SCENARIO', 'scenario'))
      .filter((v) => v !== 'mcx-migration-scenario')
      .map((value) => ({ kind: 'bad enum', path: ['format'], value })),
    fc
      .oneof(fc.integer(), fc.constantFrom('1', 2, 0, 1.5, '2'))
      .filter((v) => v !== 1)
      .map((value) => ({ kind: 'bad enum', path: ['version'], value })),
    fc
      .oneof(fc.string(), fc.constantFrom('both', 'PRIMARY', 'Partner', ''))
      .filter((v) => v !== 'primary' && v !== 'partner')
      .map((value) => ({ kind: 'bad enum', path: ['ue', 'configuredBy'], value })),
    // a cached profile stored at no time
    fc.constantFrom('yesterday', 'not a date', '', '2026-13-45T99:00:00Z').map((storedAt) =>
      hasCache
        ? { kind: 'bad enum', path: ['partner', 'cache', 'storedAt'], value: storedAt }
        : {
            kind: 'bad enum',
            path: ['partner', 'cache'],
            value: { profile: { index: 1 }, storedAt },
            expected: ['partner', 'cache', 'storedAt'],
          },
    ),
  ];
  return fc.oneof(...options);
}

/**
 * A profile given as a hostile TS 24.484 document (a DTD, entity expansion, 5,000 levels, two roots, 3 MB), in the
 * profile list or in the partner's cache: refused at the path of its `xml` field with the document's one line.
 */
function hostileDocument(base: Json): fc.Arbitrary<Mutation> {
  const profiles = (get(base, ['primary', 'profiles']) as Json[]).length;
  const places: Key[][] = [
    ...Array.from({ length: profiles }, (_, i) => ['primary', 'profiles', i]),
    ['partner', 'cache'],
  ];
  return fc.tuple(fc.constantFrom(...places), fc.constantFrom(...HOSTILE)).map(([path, hostile]) => {
    const inCache = path[0] === 'partner';
    const profile = { xml: hostile.xml, migration: { partners: ['*'] } };
    return {
      kind: 'hostile document',
      path,
      value: inCache ? { profile, storedAt: '2026-10-01T08:00:00Z' } : profile,
      expected: [...path, ...(inCache ? ['profile'] : []), 'xml'],
      message: hostile.message,
    };
  });
}

/** A string of any field (a value or a key) over the limit of 10,000 characters. */
function overLimit(base: Json): fc.Arbitrary<Mutation> {
  const strings = entries(base).filter(([, v]) => typeof v === 'string');
  return fc
    .tuple(fc.constantFrom(...strings), fc.integer({ min: 10_001, max: 30_000 }))
    .map(([[path], n]) => ({
      kind: 'over a limit',
      path,
      value: 's'.repeat(n),
      message: `a string of ${n.toLocaleString('en-US')} characters is over the limit of 10,000`,
    }));
}

/** The file cut short, after any of the other mutations or none: not JSON, refused as a whole. */
const truncated = fc.double({ min: 0.05, max: 0.95, noNaN: true }).map((truncate): Mutation => ({
  kind: 'truncated',
  path: ['format'],
  value: 'mcx-migration-scenario',
  expected: [],
  truncate,
}));

const BROKEN = fc.constantFrom(...BASES.keys()).chain((b) => {
  const base = BASES[b]!;
  return fc
    .oneof(
      wrongType(base),
      outOfRange(base),
      missing(base),
      emptied(base),
      duplicateIndex(base),
      badEnum(base),
      hostileDocument(base),
      overLimit(base),
      truncated,
    )
    .map((mutation) => ({ base: b, mutation, text: apply(base, mutation) }));
});

/** Whether `issue` is `expected`, within it or around it (JSON paths as the core writes them). */
function related(issue: string, expected: string): boolean {
  const within = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}[`);
  return within(issue, expected) || within(expected, issue);
}

const PREFIX = '“broken.json” is not a valid scenario: ';

/** Imports `text` as the Import button does, and resolves with the notices it adds. */
async function upload(text: string): Promise<string[]> {
  const before = useApp.getState().notices.length;
  const file = new File([text], 'broken.json', { type: 'application/json' });
  // jsdom's File has no text(); the browser's has.
  Object.assign(file, { text: () => Promise.resolve(text) });
  const added = new Promise<string[]>((resolve) => {
    const stop = useApp.subscribe((s) => {
      if (s.notices.length > before) {
        stop();
        resolve(s.notices.slice(before).map((n) => n.text));
      }
    });
  });
  fireEvent.change(screen.getByLabelText('Import'), { target: { files: [file] } });
  return added;
}

describe('1,000 broken scenario files through Import', () => {
  beforeAll(() => {
    useApp.setState({ scenario: PRESETS[0]!.scenario, past: [], future: [], notices: [] });
    render(<Toolbar />);
  });
  afterAll(() => cleanup());

  it('are each refused, naming the path of the mutation, and the scenario is kept', async () => {
    const kinds = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(BROKEN, async ({ mutation, text }) => {
        kinds.set(mutation.kind, (kinds.get(mutation.kind) ?? 0) + 1);
        const expected = jsonPath(mutation.expected ?? mutation.path);
        const state = useApp.getState();
        const { scenario, past, future, procedure, step } = state;

        // when the file is read
        const result = await importText('broken.json', text);
        // then it is refused, the message naming the mutated field, within it or around it
        expect(result.ok, `${mutation.kind} at ${expected} accepted`).toBe(false);
        if (result.ok) return;
        expect(result.message.startsWith(PREFIX), result.message).toBe(true);
        const path = result.message.slice(PREFIX.length).split(': ')[0]!;
        expect(related(path, expected), `${mutation.kind} at ${expected}: ${result.message}`).toBe(true);
        if (mutation.message !== undefined) {
          expect(result.message).toBe(
            `${PREFIX}${expected}: ${mutation.message}. The current scenario is kept.`,
          );
        }
        expect(result.message).toMatch(/\. The current scenario is kept\.$/);

        // and through the Import button: the same message as a notice, and nothing else changes
        const notices = await upload(text);
        expect(notices).toEqual([result.message]);
        const after = useApp.getState();
        expect(after.scenario).toBe(scenario);
        expect(after.past).toBe(past);
        expect(after.future).toBe(future);
        expect([after.procedure, after.step]).toEqual([procedure, step]);
        useApp.setState({ notices: [] });
      }),
      { numRuns: 1000 },
    );
    // every kind of breakage was tried
    expect([...kinds.keys()].sort()).toEqual([
      'bad enum',
      'duplicate index',
      'empty list',
      'empty string',
      'hostile document',
      'missing',
      'out of range',
      'over a limit',
      'truncated',
      'wrong type',
    ]);
  }, 60_000);
});
