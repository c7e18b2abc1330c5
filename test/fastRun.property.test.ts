/**
 * The sweep's runner (src/core/engine/fastRun.ts) drives the same machines as `simulate` without an actor system: for every
 * scenario, its outcome, error (step, number, reason), validation, changes, profiles and stores are `simulate`'s.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runOutcome, type RunOutcome } from '../src/core/engine/fastRun';
import { PROCEDURE_IDS, type ProcedureId } from '../src/core/model/ids';
import { PRESETS } from '../src/core/model/presets';
import { simulate } from '../src/core/engine/run';
import { parseScenarioOrThrow, parseScenarioValue, type Scenario } from '../src/core/model/scenario';
import type { PathKey } from '../src/core/model/scenarioPath';
import { cellScenario, sweep, type SweepCell } from '../src/core/explore/sweep';
import { build, type VaryValue } from '../src/core/explore/sweepVary';
import { exampleJson, type ExampleRaw } from './support/fixtures';
import { validScenario } from './support/scenarioArbitrary';

/** The fields of `simulate`'s result that `runOutcome` returns. */
function expected(scenario: Scenario, procedure: ProcedureId): RunOutcome {
  const run = simulate(scenario, procedure, { snapshots: false });
  return {
    procedure: run.procedure,
    outcome: run.outcome,
    error: run.error,
    validation: run.validation,
    changes: run.changes,
    profiles: run.profiles,
    stores: run.stores,
  };
}

const procedure = fc.constantFrom(...PROCEDURE_IDS);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const SYSTEMS = ['county.example', 'metro.example', 'harbour.example'];

/** What a variation of the example changes: the inputs that steer the procedures' branches. */
const variation = fc.record({
  maxPriority: maybe(fc.integer({ min: 0, max: 9 })),
  minPriority: maybe(fc.integer({ min: 0, max: 9 })),
  onFailure: maybe(fc.constantFrom('prohibit', 'continue')),
  requireAreas: maybe(fc.boolean()),
  noValidation: fc.boolean(),
  noPolicy: fc.boolean(),
  policyAreas: maybe(fc.subarray(['county-north', 'harbour', 'downtown'])),
  privateCall: maybe(fc.boolean()),
  migrationPermitted: maybe(fc.boolean()),
  authenticatedInPartner: maybe(fc.boolean()),
  noPreconditions: fc.boolean(),
  // the migration profile: for the partner, for "*", for another system, none; enabled or not
  partners: fc.oneof(
    fc.constant(null),
    fc.subarray([...SYSTEMS, '*'], { minLength: 1 }),
    fc.constant(['elsewhere.example']),
  ),
  migrationDisabled: fc.boolean(),
  firstAlsoForMigration: maybe(fc.constantFrom('*', 'county.example')),
  partnerSystemId: fc.constantFrom(...SYSTEMS),
  primarySystemId: fc.constantFrom('metro.example', 'capital.example'),
  service: maybe(fc.constantFrom('mcptt', 'mcvideo', 'mcdata')),
  profileService: maybe(fc.constantFrom('mcvideo', 'mcdata', 'none')),
  cache: fc.boolean(),
  priority: maybe(fc.integer({ min: 0, max: 9 })),
  configuredBy: fc.constantFrom('primary', 'partner'),
});

type Variation = typeof variation extends fc.Arbitrary<infer V> ? V : never;

/** The example unchanged, as a variation. */
const AS_IS: Variation = {
  maxPriority: undefined,
  minPriority: undefined,
  onFailure: undefined,
  requireAreas: undefined,
  noValidation: false,
  noPolicy: false,
  policyAreas: undefined,
  privateCall: undefined,
  migrationPermitted: undefined,
  authenticatedInPartner: undefined,
  noPreconditions: false,
  partners: ['county.example'],
  migrationDisabled: false,
  firstAlsoForMigration: undefined,
  partnerSystemId: 'county.example',
  primarySystemId: 'metro.example',
  service: undefined,
  profileService: undefined,
  cache: false,
  priority: undefined,
  configuredBy: 'partner',
};

/**
 * One variation for each way the procedures end, run before the random ones: 400 random draws reach a refusal at
 * 10.1.4.3.2 step 11a only now and then (its procedure, a floor above the capped priority and `prohibit` together).
 */
const BRANCHES: [Variation, ProcedureId][] = [
  [AS_IS, '10.1.4.3.2'],
  [{ ...AS_IS, maxPriority: 2, minPriority: 5, onFailure: 'prohibit' }, '10.1.4.3.2'],
  [{ ...AS_IS, migrationPermitted: false }, '10.1.4.3.2'],
  [{ ...AS_IS, partners: ['elsewhere.example'] }, '10.1.4.3.2'],
  [{ ...AS_IS, partners: ['elsewhere.example'] }, '10.1.4.3.3'],
  [{ ...AS_IS, partners: ['elsewhere.example'] }, '10.1.4.x.2'],
];

/** The example with a variation applied, parsed (every variation is a valid scenario). */
function varied(v: Variation): Scenario {
  const raw: ExampleRaw = exampleJson();
  const policy = raw.partner.policy ?? {};
  if (v.maxPriority !== undefined) policy.maxPriority = v.maxPriority;
  if (v.policyAreas !== undefined) policy.areas = v.policyAreas;
  if (v.privateCall !== undefined) policy.privateCall = v.privateCall;
  if (v.noPolicy) delete raw.partner.policy;
  const validation = raw.primary.validation ?? {};
  if (v.minPriority !== undefined) validation.minPriority = v.minPriority;
  if (v.onFailure !== undefined) validation.onFailure = v.onFailure;
  if (v.requireAreas !== undefined) validation.requireAreas = v.requireAreas;
  if (v.noValidation) delete raw.primary.validation;
  const preconditions = raw.preconditions ?? {};
  if (v.migrationPermitted !== undefined) preconditions.migrationPermitted = v.migrationPermitted;
  if (v.authenticatedInPartner !== undefined) preconditions.authenticatedInPartner = v.authenticatedInPartner;
  if (v.noPreconditions) delete raw.preconditions;
  const [first, second] = raw.primary.profiles;
  if (!first || !second) throw new Error('the example has two profiles');
  if (v.partners === null) delete second.migration;
  else second.migration = { partners: v.partners };
  if (v.migrationDisabled) second.status = false;
  if (v.firstAlsoForMigration) first.migration = { partners: [v.firstAlsoForMigration] };
  if (v.priority !== undefined) second.priority = v.priority;
  raw.partner.systemId = v.partnerSystemId;
  raw.primary.systemId = v.primarySystemId;
  raw.user.serviceIds.mcvideo = 'sip:alice-video@metro.example';
  if (v.service) raw.ue.service = v.service;
  if (v.profileService === 'none') delete second.mcpttId;
  else if (v.profileService) second.mcpttId = raw.user.serviceIds.mcvideo;
  if (v.service === 'mcdata') raw.user.serviceIds.mcdata = 'sip:alice-data@metro.example';
  if (v.cache) {
    raw.partner.cache = {
      profile: { index: 9, name: 'Old', priority: 1, migration: { partners: ['*'] } },
      storedAt: '2026-10-01T08:00:00Z',
    };
  }
  raw.ue.configuredBy = v.configuredBy;
  return parseScenarioOrThrow(raw);
}

describe('runOutcome equals simulate', () => {
  it('on every preset, for each procedure', () => {
    for (const preset of PRESETS) {
      for (const id of PROCEDURE_IDS) {
        expect(runOutcome(preset.scenario, id), `${preset.id} ${id}`).toEqual(expected(preset.scenario, id));
      }
    }
  });

  it('the error carries the step number of the clause step it follows (11a, 3a, 1a)', () => {
    const refused = PRESETS.find((p) => p.id === 'validation-refused');
    if (!refused) throw new Error('preset validation-refused');
    expect(runOutcome(refused.scenario, '10.1.4.3.2').error).toEqual(
      expected(refused.scenario, '10.1.4.3.2').error,
    );
    expect(runOutcome(refused.scenario, '10.1.4.3.2').error?.number).toBe('11a');
  });

  it('on variations of the example: caps, floors, onFailure, preconditions, migration profiles, ids, service, cache', () => {
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(variation, procedure, (v, id) => {
        const scenario = varied(v);
        const want = expected(scenario, id);
        expect(runOutcome(scenario, id)).toEqual(want);
        outcomes.add(`${want.outcome} ${want.error?.number ?? ''}`);
      }),
      { numRuns: 400, examples: BRANCHES },
    );
    // the variations reach the branches: delivered, and refused at each place the procedures refuse
    expect([...outcomes].sort()).toEqual(
      expect.arrayContaining([
        'delivered ',
        'rejected 11a',
        'rejected 1a',
        'rejected 3a',
        'rejected 4a',
        'rejected 6a',
      ]),
    );
  });

  it('on any valid scenario', () => {
    fc.assert(
      fc.property(validScenario, procedure, (raw, id) => {
        const parsed = parseScenarioValue(raw);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
        expect(runOutcome(parsed.scenario, id)).toEqual(expected(parsed.scenario, id));
      }),
      { numRuns: 150 },
    );
  });

  it('run after run on cells that share what did not change (as a sweep builds them)', () => {
    // A sweep's cells are copies of one scenario sharing every object not on the way to a varied field, so the runner
    // reuses initial snapshots and transitions from one cell to the next: each must still be a run of its own cell.
    const places: { keys: PathKey[]; values: fc.Arbitrary<VaryValue> }[] = [
      { keys: ['partner', 'policy', 'maxPriority'], values: fc.integer({ min: 0, max: 9 }) },
      { keys: ['primary', 'validation', 'minPriority'], values: fc.integer({ min: 0, max: 9 }) },
      { keys: ['primary', 'validation', 'onFailure'], values: fc.constantFrom('prohibit', 'continue') },
      { keys: ['preconditions', 'migrationPermitted'], values: fc.boolean() },
      { keys: ['primary', 'profiles', 1, 'priority'], values: fc.integer({ min: 0, max: 9 }) },
      { keys: ['primary', 'profiles', 1, 'status'], values: fc.boolean() },
      { keys: ['partner', 'systemId'], values: fc.constantFrom(...SYSTEMS) },
      { keys: ['ue', 'service'], values: fc.constantFrom('mcptt', 'mcvideo') },
    ];
    const change = fc.oneof(...places.map((p) => p.values.map((value) => ({ keys: p.keys, value }))));
    fc.assert(
      fc.property(
        variation,
        fc.array(change, { minLength: 1, maxLength: 12 }),
        procedure,
        (v, changes, id) => {
          let cell = varied(v);
          for (const { keys, value } of changes) {
            // as the sweep builds a cell: a copy of the objects on the way to the field, the rest shared
            cell = build(cell, [{ path: keys.join('.'), keys, values: [value] }], [value]);
            expect(parseScenarioValue(cell).ok).toBe(true);
            expect(runOutcome(cell, id)).toEqual(expected(cell, id));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

/** What a sweep cell holds of a plain run (CONTRACT.md §7). */
function cellOfRun(scenario: Scenario, procedure: ProcedureId): Omit<SweepCell, 'values'> {
  const run = simulate(scenario, procedure);
  return {
    procedure,
    outcome: run.outcome,
    error: run.error,
    violations: (run.validation?.violations ?? []).map((v) => v.rule),
    rules: run.changes.map((c) => c.rule).filter((rule, i, all) => all.indexOf(rule) === i),
    profile: run.profiles.length === 1 ? (run.profiles[0] ?? null) : null,
    ...(procedure === '10.1.4.3.1' ? { profiles: run.profiles } : {}),
  };
}

describe('the sweep path (views of the cells, kept transitions, the memo) gives plain runs', () => {
  const FIELDS: [string, fc.Arbitrary<VaryValue>][] = [
    ['partner.policy.maxPriority', fc.integer({ min: 0, max: 9 })],
    ['primary.validation.minPriority', fc.integer({ min: 0, max: 9 })],
    ['primary.validation.onFailure', fc.constantFrom('prohibit', 'continue')],
    ['primary.validation.requireAreas', fc.boolean()],
    ['primary.profiles[1].priority', fc.integer({ min: 0, max: 9 })],
    ['primary.profiles[1].status', fc.boolean()],
    [
      'primary.profiles[1].mcpttId',
      fc.constantFrom('sip:alice@metro.example', 'sip:alice-video@metro.example'),
    ],
    ['preconditions.migrationPermitted', fc.boolean()],
    ['preconditions.authenticatedInPartner', fc.boolean()],
    ['partner.policy.privateCall', fc.boolean()],
    ['partner.systemId', fc.constantFrom('county.example', 'harbour.example')],
    ['primary.systemId', fc.constantFrom('metro.example', 'capital.example')],
    ['ue.service', fc.constantFrom('mcptt', 'mcvideo')],
    ['title', fc.constantFrom('a', 'b')],
  ];
  const varies = fc
    .uniqueArray(fc.constantFrom(...FIELDS), { minLength: 1, maxLength: 3, selector: ([path]) => path })
    .chain((fields) =>
      fc.tuple(
        ...fields.map(([path, value]) =>
          fc.array(value, { minLength: 1, maxLength: 4 }).map((values) => ({ path, values })),
        ),
      ),
    );
  const procedures = fc.uniqueArray(procedure, { minLength: 1, maxLength: 4 });

  it('every cell of a sweep of a varied example equals a plain run of its scenario', () => {
    fc.assert(
      fc.property(variation, varies, procedures, (v, vary, ids) => {
        const base = varied({ ...v, noPolicy: false, noValidation: false });
        const { cells } = sweep(base, vary, ids);
        for (const cell of cells) {
          const { values, ...rest } = cell;
          const scenario = cellScenario(base, vary, values);
          expect(rest).toEqual(cellOfRun(scenario, cell.procedure));
          // and a plain run after the sweep takes nothing from its views
          expect(runOutcome(scenario, cell.procedure)).toEqual(expected(scenario, cell.procedure));
        }
      }),
      { numRuns: 120 },
    );
  });
});

/** Faults and timing a scenario may carry (CONTRACT.md §10), any of them, for any procedure. */
const ENTITY = fc.constantFrom('cmc', 'primary-cms', 'primary-udb', 'partner-cms', 'partner-udb');
const fault = fc.oneof(
  fc.record({
    kind: fc.constant('drop'),
    step: fc.integer({ min: 1, max: 14 }),
    nth: maybe(fc.integer({ min: 1, max: 3 })),
  }),
  fc.record({
    kind: fc.constant('delay'),
    step: fc.integer({ min: 1, max: 14 }),
    byMs: fc.integer({ min: 1, max: 9000 }),
    nth: maybe(fc.integer({ min: 1, max: 3 })),
  }),
  fc.record({
    kind: fc.constant('duplicate'),
    step: fc.integer({ min: 1, max: 14 }),
    nth: maybe(fc.integer({ min: 1, max: 3 })),
  }),
  fc
    .record({
      entity: ENTITY,
      fromMs: fc.integer({ min: 0, max: 400 }),
      length: maybe(fc.integer({ min: 1, max: 3000 })),
    })
    .map(({ entity, fromMs, length }) => ({
      kind: 'down',
      entity,
      fromMs,
      ...(length === undefined ? {} : { untilMs: fromMs + length }),
    })),
  fc.record({ kind: fc.constant('store-fails'), entity: fc.constantFrom('primary-udb', 'partner-udb') }),
);
const timing = fc.record(
  {
    latencyMs: fc.record(
      {
        'CSC-4': fc.integer({ min: 0, max: 200 }),
        'CSC-13': fc.integer({ min: 0, max: 50 }),
        'CSC-17': fc.integer({ min: 0, max: 500 }),
      },
      { requiredKeys: [] },
    ),
    actionMs: fc.integer({ min: 0, max: 50 }),
    // null: no timer, the same as absent (a sweep's way to turn a timer off)
    timeoutMs: fc.dictionary(ENTITY, fc.option(fc.integer({ min: 1, max: 4000 }), { nil: null }), {
      maxKeys: 5,
    }),
    retries: fc.integer({ min: 0, max: 3 }),
  },
  { requiredKeys: [] },
);

describe('runOutcome equals simulate with faults and timing', () => {
  it('on variations of the example with any faults and timing, for each procedure (or both refuse)', () => {
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(
        variation,
        fc.array(fault, { maxLength: 3 }),
        maybe(timing),
        procedure,
        (v, faults, t, id) => {
          const raw = JSON.parse(JSON.stringify(varied(v))) as Record<string, unknown>;
          raw.faults = faults;
          if (t) raw.timing = t;
          const scenario = parseScenarioOrThrow(raw);
          let want: RunOutcome | Error;
          try {
            want = expected(scenario, id);
          } catch (error) {
            want = error as Error;
          }
          if (want instanceof Error) {
            // a fault naming a step the procedure lacks or an own action: refused by both, the same line
            expect(want.message).toMatch(/^faults\[\d+\]\.step: /);
            expect(() => runOutcome(scenario, id)).toThrow(want.message);
            outcomes.add('refused');
            return;
          }
          expect(runOutcome(scenario, id)).toEqual(want);
          outcomes.add(want.outcome);
        },
      ),
      { numRuns: 400 },
    );
    expect([...outcomes].sort()).toEqual(['delivered', 'failed', 'no-answer', 'refused', 'rejected']);
  });

  it('a sweep over a fault step and a timer: each cell is a plain run, or invalid with the reason', () => {
    const base = parseScenarioOrThrow({
      ...exampleJson(),
      faults: [{ kind: 'drop', step: 1 }],
      timing: { timeoutMs: { cmc: 1000, 'partner-cms': 500 }, retries: 1 },
    });
    const vary = [
      { path: 'faults[0].step', values: Array.from({ length: 14 }, (_, i) => i + 1) },
      { path: 'timing.timeoutMs.cmc', values: [null, 100, 400, 1000] },
    ];
    const { cells } = sweep(base, vary, ['10.1.4.3.2', '10.1.4.3.3']);
    expect(cells).toHaveLength(2 * 14 * 4);
    for (const cell of cells) {
      const { values, ...rest } = cell;
      const scenario = cellScenario(base, vary, values);
      if (cell.outcome === 'invalid') {
        expect(cell.reason).toMatch(/^faults\[0\]\.step: /);
        expect(() => simulate(scenario, cell.procedure)).toThrow(cell.reason);
      } else expect(rest).toEqual(cellOfRun(scenario, cell.procedure));
    }
    // 10.1.4.3.3's own actions (4, 8, 9) and the numbers it lacks (12 to 14): invalid cells, not the end of the sweep
    const invalid = cells.filter((c) => c.procedure === '10.1.4.3.3' && c.outcome === 'invalid');
    expect(new Set(invalid.map((c) => c.values[0]))).toEqual(new Set([4, 8, 9, 12, 13, 14]));
  });
});
