import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProcedureId } from '../src/core/model/ids';
import { simulate, type RunResult } from '../src/core/engine/run';
import { parseScenarioValue } from '../src/core/model/scenario';
import { getPath, parsePath, setPath, unknownPathReason } from '../src/core/model/scenarioPath';
import {
  cellScenario,
  parseVary,
  sweep,
  SweepError,
  toSweepCsv,
  type SweepCell,
  type Vary,
  type VaryValue,
} from '../src/core/explore/sweep';
import { parseProfileXml } from '../src/core/xml/profileXml';
import { exampleJson, exampleScenario, ROOT } from './support/fixtures';

/** Counts the runs the sweep asks for: the memo must save the ones a field the run never reads would repeat. */
const runs = vi.hoisted(() => ({ count: 0 }));
vi.mock('../src/core/engine/fastRun', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/core/engine/fastRun')>();
  return {
    ...actual,
    runOutcome: (...args: Parameters<typeof actual.runOutcome>) => {
      runs.count++;
      return actual.runOutcome(...args);
    },
  };
});

const example = exampleScenario();
const ALL_RULES = ['areas', 'maxPriority', 'groups.allow', 'groups.add', 'maxAffiliations', 'privateCall'];

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof SweepError) return error.message;
    throw error;
  }
  throw new Error('expected a SweepError');
}

describe('parseVary', () => {
  it('reads a..b as the integers from a to b, inclusive', () => {
    expect(parseVary('partner.policy.maxPriority=0..4')).toEqual({
      path: 'partner.policy.maxPriority',
      values: [0, 1, 2, 3, 4],
    });
    expect(parseVary('a=-2..-1').values).toEqual([-2, -1]);
    expect(parseVary('a=3..3').values).toEqual([3]);
  });

  it('reads a comma list: booleans, numbers, other strings as written', () => {
    expect(parseVary('preconditions.migrationPermitted=true,false').values).toEqual([true, false]);
    expect(parseVary('partner.policy.maxPriority=2,4,8').values).toEqual([2, 4, 8]);
    expect(parseVary('primary.profiles[1].migration.partners[0]=county.example,*,-1.5,True').values).toEqual([
      'county.example',
      '*',
      -1.5,
      'True',
    ]);
    expect(parseVary('title=a=b').values).toEqual(['a=b']);
  });

  it("reads the page's <path>:<values> when told so", () => {
    expect(parseVary('partner.policy.maxPriority:0..2', ':')).toEqual({
      path: 'partner.policy.maxPriority',
      values: [0, 1, 2],
    });
    expect(refusal(() => parseVary('partner.policy.maxPriority=1', ':'))).toBe(
      'partner.policy.maxPriority=1: expected <path>:<values> (e.g. partner.policy.maxPriority:0..7)',
    );
  });

  it('refuses a backwards range, a range of non-integers, no values, a bad path and too many values', () => {
    expect(refusal(() => parseVary('partner.policy.maxPriority=4..0'))).toBe(
      'partner.policy.maxPriority=4..0: backwards range (4 > 0); write 0..4',
    );
    expect(refusal(() => parseVary('a=1.5..3'))).toBe(
      'a=1.5..3: a range is a..b with integers a ≤ b (e.g. 0..7)',
    );
    expect(refusal(() => parseVary('a='))).toBe('a=: no values (a..b or a comma list)');
    expect(refusal(() => parseVary('maxPriority'))).toBe(
      'maxPriority: expected <path>=<values> (e.g. partner.policy.maxPriority=0..7)',
    );
    expect(refusal(() => parseVary('partner..policy=1'))).toBe(
      'partner..policy=1: "partner..policy" is not a JSON path (e.g. primary.profiles[1].priority)',
    );
    expect(refusal(() => parseVary('a=0..1000000'))).toBe(
      'a=0..1000000: 1,000,001 values, more than 1,000,000 cells',
    );
  });
});

describe('JSON paths on a scenario', () => {
  it('parses names and indexes, and nothing else', () => {
    expect(parsePath('primary.profiles[1].priority')).toEqual(['primary', 'profiles', 1, 'priority']);
    expect(parsePath('partner-x.$y_z')).toEqual(['partner-x', '$y_z']);
    for (const bad of ['', '.a', '[0]', 'a.', 'a[01]', 'a[-1]', 'a b', 'a.1', 'a[x]'])
      expect(parsePath(bad)).toBeNull();
  });

  it('sets a value on a copy: the input is untouched, only the objects on the way are new', () => {
    // given the example
    const before = structuredClone(example);
    // when a profile's priority is set
    const out = setPath(example, ['primary', 'profiles', 1, 'priority'], 1) as typeof example;
    // then the copy has it, the input does not, and the rest is shared
    expect(getPath(out, ['primary', 'profiles', 1, 'priority'])).toBe(1);
    expect(example).toEqual(before);
    expect(out.primary.profiles).not.toBe(example.primary.profiles);
    expect(out.primary.profiles[0]).toBe(example.primary.profiles[0]);
    expect(out.partner).toBe(example.partner);
    // and objects missing on the way are created
    expect(setPath({}, ['a', 'b'], true)).toEqual({ a: { b: true } });
  });

  it('knows the fields the schema names, under objects the scenario has or the schema allows', () => {
    const bare = exampleScenario((raw) => {
      delete raw.preconditions;
      delete raw.primary.validation;
      delete raw.partner.policy;
    });
    for (const path of [
      'partner.policy.maxPriority',
      'partner.policy.groups.allow',
      'primary.validation.minPriority',
      'preconditions.migrationPermitted',
      'primary.profiles[1].priority',
      'primary.profiles[1].migration.partners[0]',
    ]) {
      expect(unknownPathReason(bare, parsePath(path) ?? []), path).toBeNull();
    }
    expect(unknownPathReason(bare, ['partner', 'policy', 'nope'])).toBe(
      'partner.policy has no field "nope"; it has areas, maxPriority, groups, maxAffiliations, privateCall',
    );
    expect(unknownPathReason(bare, ['primary', 'profiles', 9, 'priority'])).toBe(
      'primary.profiles has no element [9] (it has 2: [0]..[1])',
    );
    expect(unknownPathReason(bare, ['primary', 'profiles', 0, 'areas', 0])).toBe(
      'primary.profiles[0].areas has no element [0] (it is not in the scenario)',
    );
    expect(unknownPathReason(bare, ['title', 'x'])).toBe('title is not an object');
  });

  it('knows an unknown field the scenario holds (it is kept and passed through)', () => {
    const custom = exampleScenario((raw) => {
      raw.partner.policy = { ...raw.partner.policy, note: 'x' };
    });
    expect(unknownPathReason(custom, ['partner', 'policy', 'note'])).toBeNull();
    expect(unknownPathReason(example, ['partner', 'policy', 'note'])).not.toBeNull();
  });
});

describe('sweep: the example, cells worked out by hand', () => {
  // The example's migration profile (index 2) has priority 7; the partner caps it at maxPriority; the primary's
  // validation (10.1.4.3.2 step 11) needs at least minPriority 2. 10.1.4.3.3 has no primary check.
  const result = sweep(example, [parseVary('partner.policy.maxPriority=0..4')]);

  it('runs 10.1.4.3.2 and then 10.1.4.3.3, each over the values in order', () => {
    expect(result.vary).toEqual([{ path: 'partner.policy.maxPriority', values: [0, 1, 2, 3, 4] }]);
    expect(result.procedures).toEqual(['10.1.4.3.2', '10.1.4.3.3']);
    expect(result.cells.map((c) => [c.procedure, ...c.values])).toEqual([
      ['10.1.4.3.2', 0],
      ['10.1.4.3.2', 1],
      ['10.1.4.3.2', 2],
      ['10.1.4.3.2', 3],
      ['10.1.4.3.2', 4],
      ['10.1.4.3.3', 0],
      ['10.1.4.3.3', 1],
      ['10.1.4.3.3', 2],
      ['10.1.4.3.3', 3],
      ['10.1.4.3.3', 4],
    ]);
  });

  it('a cap below the primary floor: 10.1.4.3.2 is refused at its step 11 check', () => {
    // 14 steps when delivered; refused, the error is the 12th step of the trace, right after step 11: numbered 11a
    expect(result.cells[1]).toEqual({
      values: [1],
      procedure: '10.1.4.3.2',
      outcome: 'rejected',
      error: {
        step: 12,
        number: '11a',
        reason: 'validation failed: priority 1 is below the minimum of 2',
      },
      violations: ['minPriority'],
      rules: ALL_RULES,
      profile: null,
    });
    expect(result.cells[0]).toMatchObject({
      outcome: 'rejected',
      violations: ['minPriority'],
      profile: null,
    });
  });

  it('a cap at or above the floor: delivered with the capped priority and every policy rule applied', () => {
    for (const cap of [2, 3, 4]) {
      const cell = result.cells[cap] as SweepCell;
      expect(cell).toMatchObject({ outcome: 'delivered', error: null, violations: [], rules: ALL_RULES });
      expect(cell.profile).toEqual({
        index: 2,
        name: 'Mutual aid: County',
        mcpttId: 'sip:alice@metro.example',
        organization: 'Metro Police',
        priority: cap,
        groups: ['sip:metro-emergency@metro.example', 'sip:mutual-aid@county.example'],
        emergencyGroup: 'sip:metro-emergency@metro.example',
        privateCall: [],
        maxAffiliations: 5,
        areas: ['harbour', 'county-north'],
        migration: { partners: ['county.example'] },
      });
    }
  });

  it('10.1.4.3.3 delivers at every cap: the primary does not check the modified profile there', () => {
    const partner = result.cells.slice(5);
    expect(partner.map((c) => [c.outcome, c.profile?.priority, c.violations])).toEqual(
      [0, 1, 2, 3, 4].map((cap) => ['delivered', cap, []]),
    );
  });

  it('the last varied field varies fastest; a failed precondition refuses before the policy runs', () => {
    const two = sweep(
      example,
      [parseVary('partner.policy.maxPriority=1,2'), parseVary('preconditions.migrationPermitted=true,false')],
      ['10.1.4.3.2'],
    );
    expect(two.cells.map((c) => [...c.values, c.outcome])).toEqual([
      [1, true, 'rejected'],
      [1, false, 'rejected'],
      [2, true, 'delivered'],
      [2, false, 'rejected'],
    ]);
    const refused = two.cells[1] as SweepCell;
    expect(refused).toMatchObject({ violations: [], rules: [], profile: null });
    expect(refused.error).toMatchObject({
      step: 2,
      reason: expect.stringMatching(/not permitted to migrate/),
    });
  });

  it('partner.policy.privateCall=true keeps the private call list: that rule no longer changes anything', () => {
    const cells = sweep(example, [parseVary('partner.policy.privateCall=true,false')], ['10.1.4.3.3']).cells;
    expect(cells[0]?.rules).toEqual(ALL_RULES.filter((r) => r !== 'privateCall'));
    expect(cells[0]?.profile?.privateCall).toEqual([
      'sip:dispatch@metro.example',
      'sip:sergeant@metro.example',
    ]);
    expect(cells[1]?.rules).toEqual(ALL_RULES);
    expect(cells[1]?.profile?.privateCall).toEqual([]);
  });

  it('fields the scenario lacks but the schema allows: primary.validation.minPriority with no validation', () => {
    const bare = exampleScenario((raw) => delete raw.primary.validation);
    const cells = sweep(bare, [parseVary('primary.validation.minPriority=3,4')], ['10.1.4.3.2']).cells;
    // the cap is 3: a floor of 3 passes, a floor of 4 refuses
    expect(cells.map((c) => [c.outcome, c.violations])).toEqual([
      ['delivered', []],
      ['rejected', ['minPriority']],
    ]);
    expect(bare.primary.validation).toBeUndefined();
  });

  it('10.1.4.3.1 delivers every profile: its cells list them', () => {
    const [cell] = sweep(example, [parseVary('title=x')], ['10.1.4.3.1']).cells;
    expect(cell?.profile).toBeNull();
    expect(cell?.profiles?.map((p) => p.index)).toEqual([1, 2]);
  });

  it('never changes the scenario it sweeps', () => {
    const before = structuredClone(example);
    sweep(example, [
      parseVary('partner.policy.maxPriority=0..2'),
      parseVary('primary.profiles[1].priority=5,9'),
    ]);
    expect(example).toEqual(before);
  });
});

describe('sweep: a profile given as a TS 24.484 document', () => {
  const vendor = readFileSync(resolve(ROOT, 'test/xml/vendor-profile.xml'), 'utf8')
    .replace('user-profile-index="4"', 'user-profile-index="9"')
    .replaceAll('sip:bob@', 'sip:alice@');
  const raw = exampleJson();
  raw.primary.profiles[1] = { xml: vendor, migration: { partners: ['county.example'] } };
  const parsed = parseScenarioValue(raw, { readProfileXml: parseProfileXml });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const scenario = parsed.scenario;

  it("sweeps the document's fields; the cell keeps the document (for export)", () => {
    const vary = [parseVary('primary.profiles[1].priority=1,2')];
    const cells = sweep(scenario, vary, ['10.1.4.3.2']).cells;
    expect(cells.map((c) => [c.outcome, c.profile?.priority, c.violations])).toEqual([
      ['rejected', undefined, ['minPriority']],
      ['delivered', 2, []],
    ]);
    expect(cellScenario(scenario, vary, [2]).primary.profiles[1]?.xml).toBe(vendor);
  });

  it('refuses to vary the document itself', () => {
    expect(refusal(() => sweep(scenario, [parseVary('primary.profiles[1].xml=x')]))).toBe(
      "primary.profiles[1].xml: a TS 24.484 document cannot be varied; vary the profile's fields",
    );
  });
});

describe('sweep: refused before anything runs', () => {
  const refused = (vary: string[], procedures?: ProcedureId[]) =>
    refusal(() =>
      sweep(
        example,
        vary.map((v) => parseVary(v)),
        procedures,
      ),
    );

  it('names the unknown path', () => {
    expect(refused(['partner.policy.nope=1'])).toBe(
      'partner.policy.nope: unknown path: partner.policy has no field "nope"; it has areas, maxPriority, groups, maxAffiliations, privateCall',
    );
    expect(refused(['primary.profiles[9].priority=1'])).toBe(
      'primary.profiles[9].priority: unknown path: primary.profiles has no element [9] (it has 2: [0]..[1])',
    );
  });

  it('names the path and the value the schema refuses', () => {
    expect(refused(['partner.policy.maxPriority=0..300'])).toBe(
      'partner.policy.maxPriority=256: expected an integer 0..255, got 256',
    );
    expect(refused(['preconditions.migrationPermitted=true,maybe'])).toBe(
      'preconditions.migrationPermitted=maybe: expected true or false, got "maybe"',
    );
    expect(refused(['primary.profiles[0].index=2'])).toBe(
      'primary.profiles[0].index=2: primary.profiles[1].index: duplicate profile index 2 (profile [0] has it already)',
    );
  });

  it('checks combinations of profile indexes (they must stay unique)', () => {
    expect(refused(['primary.profiles[0].index=3,4', 'primary.profiles[1].index=5,4'])).toBe(
      'primary.profiles[0].index=4, primary.profiles[1].index=4: primary.profiles[1].index: duplicate profile index 4 (profile [0] has it already)',
    );
  });

  it('refuses more than 1,000,000 cells, nothing varied, a field varied twice or inside another', () => {
    expect(
      refused([
        'partner.policy.maxPriority=0..255',
        'primary.validation.minPriority=0..255',
        'title=a,b,c,d,e,f,g,h',
      ]),
    ).toBe('the sweep has 1,048,576 cells (256 × 256 × 8 × 2 procedures), more than 1,000,000');
    expect(refused([])).toBe('nothing to vary: give at least one <path>=<values>');
    expect(refused(['title=a', 'title=b'])).toBe('title is varied twice: vary each field once');
    expect(refused(['partner.policy=1', 'partner.policy.maxPriority=1'])).toBe(
      'partner.policy and partner.policy.maxPriority overlap: vary each field once',
    );
  });

  it('cellScenario refuses values the schema refuses', () => {
    const vary: Vary[] = [{ path: 'partner.policy.maxPriority', values: [1] }];
    expect(refusal(() => cellScenario(example, vary, ['high']))).toBe(
      'partner.policy.maxPriority=high: expected an integer 0..255, got "high"',
    );
    expect(cellScenario(example, vary, [1]).partner.policy?.maxPriority).toBe(1);
  });
});

describe('sweep: memoised on the varied fields a run looks at', () => {
  beforeEach(() => {
    runs.count = 0;
  });

  it('10.1.4.3.3 never looks at the primary validation: one run stands for every minPriority', () => {
    const cells = sweep(example, [parseVary('primary.validation.minPriority=0..9')], ['10.1.4.3.3']).cells;
    expect(runs.count).toBe(1);
    expect(cells).toHaveLength(10);
    expect(new Set(cells.map((c) => JSON.stringify({ ...c, values: null })))).toHaveProperty('size', 1);
  });

  it('10.1.4.3.2 looks at it: one run per value', () => {
    const cells = sweep(example, [parseVary('primary.validation.minPriority=0..9')], ['10.1.4.3.2']).cells;
    expect(runs.count).toBe(10);
    expect(cells.map((c) => c.outcome)).toEqual([
      ...Array(4).fill('delivered'),
      ...Array(6).fill('rejected'),
    ]);
  });

  it('a refused precondition ends the run before the policy is read: one run for all its caps', () => {
    sweep(
      example,
      [
        parseVary('preconditions.migrationPermitted=true,false'),
        parseVary('partner.policy.maxPriority=0..4'),
      ],
      ['10.1.4.3.2'],
    );
    expect(runs.count).toBe(5 + 1);
  });

  it('a value given twice is run once', () => {
    sweep(example, [parseVary('partner.policy.maxPriority=3,3,3')], ['10.1.4.3.2']);
    expect(runs.count).toBe(1);
  });

  it("the bench's sweep (10.1.4.3.2, cap × floor) reads both fields in every cell: every cell is a run", () => {
    const vary = ['partner.policy.maxPriority=0..15', 'primary.validation.minPriority=0..15'].map((v) =>
      parseVary(v),
    );
    const cells = sweep(example, vary, ['10.1.4.3.2']).cells;
    expect(runs.count).toBe(256);
    expect(new Set(cells.map((c) => c.outcome))).toEqual(new Set(['delivered', 'rejected']));
  });
});

describe('toSweepCsv', () => {
  it('quotes fields holding commas, quotes or line breaks', () => {
    const csv = toSweepCsv({
      vary: [{ path: 'title', values: ['a,b', 'say "hi"'] }],
      procedures: ['10.1.4.3.3'],
      cells: sweep(example, [{ path: 'title', values: ['a,b', 'say "hi"'] }], ['10.1.4.3.3']).cells,
    });
    expect(csv).toBe(
      'title,procedure,outcome,violations\n"a,b",10.1.4.3.3,delivered,\n"say ""hi""",10.1.4.3.3,delivered,\n',
    );
  });
});

/** What a cell should say of a plain run (CONTRACT.md §7), computed from the RunResult directly. */
function expectedCell(run: RunResult): Omit<SweepCell, 'values' | 'procedure'> {
  const error = run.error;
  return {
    outcome: run.outcome,
    error: error
      ? {
          step: error.step,
          number: 'number' in error && typeof error.number === 'string' ? error.number : String(error.step),
          reason: error.reason,
        }
      : null,
    violations: (run.validation?.violations ?? []).map((v) => v.rule),
    rules: run.changes.map((c) => c.rule).filter((rule, i, all) => all.indexOf(rule) === i),
    profile: run.profiles.length === 1 ? (run.profiles[0] ?? null) : null,
    ...(run.procedure === '10.1.4.3.1' ? { profiles: run.profiles } : {}),
  };
}

describe('sweep: every cell is a plain run of its scenario (property)', () => {
  const FIELDS: [string, fc.Arbitrary<VaryValue>][] = [
    ['partner.policy.maxPriority', fc.integer({ min: 0, max: 9 })],
    ['primary.validation.minPriority', fc.integer({ min: 0, max: 9 })],
    ['primary.profiles[1].priority', fc.integer({ min: 0, max: 9 })],
    ['partner.policy.maxAffiliations', fc.integer({ min: 0, max: 20 })],
    ['preconditions.migrationPermitted', fc.boolean()],
    ['preconditions.authenticatedInPartner', fc.boolean()],
    ['partner.policy.privateCall', fc.boolean()],
    ['primary.validation.requireAreas', fc.boolean()],
    ['primary.profiles[1].status', fc.boolean()],
    [
      'primary.profiles[1].migration.partners[0]',
      fc.constantFrom('county.example', '*', 'elsewhere.example'),
    ],
    ['partner.policy.areas[0]', fc.constantFrom('county-north', 'downtown', 'nowhere')],
    ['partner.systemId', fc.constantFrom('county.example', 'other.example')],
  ];
  const varies = fc
    .uniqueArray(fc.constantFrom(...FIELDS), { minLength: 1, maxLength: 3, selector: ([path]) => path })
    .chain((fields) =>
      fc.tuple(
        ...fields.map(([path, value]) =>
          fc.array(value, { minLength: 1, maxLength: 3 }).map((values) => ({ path, values })),
        ),
      ),
    );
  const procedures = fc.uniqueArray(
    fc.constantFrom<ProcedureId>('10.1.4.3.1', '10.1.4.3.2', '10.1.4.3.3', '10.1.4.x.2'),
    {
      minLength: 1,
      maxLength: 4,
    },
  );

  it('outcome, error, violations, rules and profile equal those of simulate(cellScenario(...))', () => {
    fc.assert(
      fc.property(varies, procedures, (vary, ids) => {
        const result = sweep(example, vary, ids);
        const perProcedure = vary.reduce((n, v) => n * v.values.length, 1);
        expect(result.cells).toHaveLength(perProcedure * ids.length);
        result.cells.forEach((cell, i) => {
          expect(cell.procedure).toBe(ids[Math.floor(i / perProcedure)]);
          // the odometer: the last field varies fastest
          let rest = i % perProcedure;
          const values = vary
            .map((v) => v.values)
            .reverse()
            .map((values) => {
              const value = values[rest % values.length];
              rest = Math.floor(rest / values.length);
              return value;
            })
            .reverse();
          expect(cell.values).toEqual(values);
          const run = simulate(cellScenario(example, vary, cell.values), cell.procedure);
          expect({ ...cell, values: undefined, procedure: undefined }).toEqual({
            ...expectedCell(run),
            values: undefined,
            procedure: undefined,
          });
        });
      }),
      { numRuns: 40, seed: 1311 },
    );
  });
});
