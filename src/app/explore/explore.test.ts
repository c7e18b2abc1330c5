import { describe, expect, it } from 'vitest';
import { tipPlace } from './CellTip';
import { PRESETS } from '../../core/model/presets';
import type { Scenario } from '../../core/model/scenario';
import { sweep, type SweepCell } from '../../core/explore/sweep';
import { cellDetails, cellName, decidingStep, KIND_ORDER, KINDS, kindOf, layerById, shade } from './cells';
import { chunksOf } from './chunks';
import { contrast, mix, readableInk } from './colour';
import { DEFAULT_AXES, readExploreUrl, withoutExplore, writeExploreUrl } from './exploreUrl';
import { axisTitle, defaultValues, fieldChoices, fieldName, migrationProfileIndex } from './fields';
import { cellAddress } from './openCell';
import { gridOf, nextBudget, placeChunk } from './useSweep';
import { decodeScenario, scenarioValue } from '../url';

const scenario: Scenario = PRESETS[0]!.scenario;
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe('readExploreUrl', () => {
  it('reads up to two fields and the procedures', () => {
    const reading = readExploreUrl(
      '?mode=explore&vary=partner.policy.maxPriority:0..7&vary=partner.policy.privateCall:true,false&procedures=10.1.4.3.3',
      scenario,
    );
    expect(reading).toEqual({
      axes: [
        { path: 'partner.policy.maxPriority', text: '0..7' },
        { path: 'partner.policy.privateCall', text: 'true,false' },
      ],
      procedures: ['10.1.4.3.3'],
      problems: [],
    });
  });

  it('defaults to the cap against the floor, for 10.1.4.3.2 and 10.1.4.3.3', () => {
    expect(readExploreUrl('?mode=explore', scenario)).toEqual({
      axes: DEFAULT_AXES,
      procedures: ['10.1.4.3.2', '10.1.4.3.3'],
      problems: [],
    });
  });

  it.each([
    [
      '?vary=partner.policy.maxPriority',
      'vary="partner.policy.maxPriority" in the address cannot be mapped (partner.policy.maxPriority: expected <path>:<values> (e.g. partner.policy.maxPriority:0..7)); it is left out.',
    ],
    [
      '?vary=partner.policy.maxPriority:7..0',
      'vary="partner.policy.maxPriority:7..0" in the address cannot be mapped (partner.policy.maxPriority:7..0: backwards range (7 > 0); write 0..7); it is left out.',
    ],
    [
      '?vary=partner.policy.nope:0..3',
      'vary="partner.policy.nope:0..3" in the address cannot be mapped (partner.policy.nope: unknown path: partner.policy has no field "nope"; it has areas, maxPriority, groups, maxAffiliations, privateCall); it is left out.',
    ],
  ])('%s: one problem naming it, and the default map', (search, problem) => {
    const reading = readExploreUrl(search, scenario);
    expect(reading.problems[0]).toBe(problem);
    expect(reading.problems[1]).toMatch(/^Showing the default map instead/);
    expect(reading.axes).toEqual(DEFAULT_AXES);
  });

  it('refuses a map over the page’s bound, a field varied twice, a third field', () => {
    const big = readExploreUrl(
      '?vary=partner.policy.maxPriority:0..200&vary=primary.validation.minPriority:0..200',
      scenario,
    );
    expect(big.axes).toEqual([{ path: 'partner.policy.maxPriority', text: '0..200' }]);
    expect(big.problems).toEqual([
      'vary="primary.validation.minPriority:0..200" in the address cannot be mapped (40,401 cells per map, more than the page draws (16,384); narrow the ranges, or use npm run sweep); it is left out.',
    ]);
    const twice = readExploreUrl(
      '?vary=partner.policy.maxPriority:0..2&vary=partner.policy.maxPriority:3..4',
      scenario,
    );
    expect(twice.problems[0]).toContain('partner.policy.maxPriority is varied twice');
    const three = readExploreUrl(
      '?vary=partner.policy.maxPriority:0..2&vary=primary.validation.minPriority:0..2&vary=partner.policy.privateCall:true,false',
      scenario,
    );
    expect(three.axes).toHaveLength(2);
    expect(three.problems).toEqual([
      'The address varies 3 fields; a map has two axes, so only the first two are shown.',
    ]);
  });

  it('keeps the known procedures and names the unknown ones', () => {
    expect(readExploreUrl('?procedures=10.1.4.3.2,x,y', scenario)).toMatchObject({
      procedures: ['10.1.4.3.2'],
      problems: [
        'procedures="10.1.4.3.2,x,y" in the address names unknown procedures "x" and "y" (expected some of 10.1.4.3.1, 10.1.4.3.2, 10.1.4.3.3, 10.1.4.x.2); showing 10.1.4.3.2.',
      ],
    });
    expect(readExploreUrl('?procedures=', scenario).procedures).toEqual(['10.1.4.3.2', '10.1.4.3.3']);
  });
});

describe('writeExploreUrl', () => {
  it('writes mode, vary and procedures, keeps the rest, drops the player’s step; reads back the same', () => {
    const state = {
      axes: [
        { path: 'partner.policy.maxPriority', text: '0..7' },
        { path: 'primary.validation.minPriority', text: '2,4' },
      ],
      procedures: ['10.1.4.3.2', '10.1.4.3.3'] as const,
    };
    const search = writeExploreUrl('?procedure=10.1.4.3.3&step=4&x=1', {
      ...state,
      procedures: [...state.procedures],
    });
    expect(search).toBe(
      '?procedure=10.1.4.3.3&x=1&mode=explore&vary=partner.policy.maxPriority:0..7&vary=primary.validation.minPriority:2,4&procedures=10.1.4.3.2,10.1.4.3.3',
    );
    expect(readExploreUrl(search, scenario)).toEqual({
      ...state,
      procedures: [...state.procedures],
      problems: [],
    });
    expect(withoutExplore(search)).toBe('?procedure=10.1.4.3.3&x=1');
  });
});

describe('fieldChoices', () => {
  it('offers the integer and true/false fields of the policy, the rules, the profile for migration and the preconditions', () => {
    const choices = fieldChoices(scenario);
    const paths = choices.map((c) => `${c.path} ${c.kind}`);
    expect(migrationProfileIndex(scenario)).toBe(1);
    expect(paths).toEqual([
      'partner.policy.maxPriority integer',
      'partner.policy.maxAffiliations integer',
      'partner.policy.privateCall boolean',
      'primary.validation.minPriority integer',
      'primary.validation.requireAreas boolean',
      'primary.profiles[1].index integer',
      'primary.profiles[1].status boolean',
      'primary.profiles[1].preSelected boolean',
      'primary.profiles[1].priority integer',
      'primary.profiles[1].maxAffiliations integer',
      'preconditions.migrationPermitted boolean',
      'preconditions.authenticatedInPartner boolean',
    ]);
    expect(choices.find((c) => c.path === 'partner.policy.maxPriority')?.current).toBe(3);
    expect(choices.find((c) => c.path === 'primary.profiles[1].status')?.current).toBeUndefined();
    expect(defaultValues('boolean')).toBe('false,true');
    expect(fieldName('primary.profiles[1].priority')).toBe('priority');
  });
});

describe('cells', () => {
  const result = sweep(scenario, [
    { path: 'partner.policy.maxPriority', values: range(0, 7) },
    { path: 'primary.validation.minPriority', values: range(0, 7) },
  ]);
  const at = (procedure: string, cap: number, floor: number): SweepCell => {
    const found = result.cells.find(
      (c) => c.procedure === procedure && c.values[0] === cap && c.values[1] === floor,
    );
    if (!found) throw new Error('no such cell');
    return found;
  };
  const paths = result.vary.map((v) => v.path);

  it('names a cell by its fields’ last names and values, the outcome and the violated rules', () => {
    expect(cellName(paths, at('10.1.4.3.2', 2, 5))).toBe(
      'maxPriority 2, minPriority 5: rejected (minPriority)',
    );
    expect(cellName(paths, at('10.1.4.3.3', 2, 5))).toBe('maxPriority 2, minPriority 5: delivered');
    expect(kindOf(at('10.1.4.3.2', 2, 5))).toBe('rejected-minPriority');
    expect(kindOf(at('10.1.4.3.3', 2, 5))).toBe('delivered');
    expect(
      kindOf({ outcome: 'rejected', violations: [], error: { step: 4, number: '3a', reason: 'x' } }),
    ).toBe('rejected-other');
    expect(kindOf({ outcome: 'rejected', violations: ['minPriority', 'requiredGroups'], error: null })).toBe(
      'rejected-several',
    );
    expect(kindOf({ outcome: 'delivered', violations: ['minPriority'], error: null })).toBe(
      'delivered-violated',
    );
  });

  it('opens a refusal at its error, a delivery at its last step', () => {
    expect(decidingStep(at('10.1.4.3.2', 2, 5), () => -1)).toBe(12);
    expect(decidingStep(at('10.1.4.3.3', 2, 5), () => 11)).toBe(11);
    const address = cellAddress(
      '?mode=explore&vary=a:1&procedures=10.1.4.3.2',
      scenario,
      result.vary,
      at('10.1.4.3.2', 2, 5),
    );
    expect(address).toMatch(/^\?procedure=10\.1\.4\.3\.2&step=12#scenario=/);
    const opened = decodeScenario(scenarioValue('', address.slice(address.indexOf('#'))) ?? '');
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.scenario.partner.policy?.maxPriority).toBe(2);
    expect(opened.scenario.primary.validation?.minPriority).toBe(5);
    expect(opened.scenario.ue.configuredBy).toBe('primary');
    const delivered = cellAddress('', scenario, result.vary, at('10.1.4.3.3', 2, 5));
    expect(delivered).toMatch(/^\?procedure=10\.1\.4\.3\.3&step=11#scenario=/);
  });

  it('gives every kind its own colour and mark, its mark readable on its fill', () => {
    const fills = new Set(KIND_ORDER.map((k) => KINDS[k].fill));
    const marks = new Set(KIND_ORDER.map((k) => KINDS[k].mark));
    expect(fills.size).toBe(KIND_ORDER.length);
    expect(marks.size).toBe(KIND_ORDER.length);
    for (const kind of KIND_ORDER)
      expect(contrast(KINDS[kind].fill, KINDS[kind].ink)).toBeGreaterThanOrEqual(4.5);
  });

  it('shades a layer between its lowest and highest value, with a readable ink', () => {
    expect(shade(3, 3, 7)).toBe(0.25);
    expect(shade(7, 3, 7)).toBe(1);
    expect(shade(5, 5, 5)).toBe(1);
    expect(mix('#ffffff', '#000000', 0.5)).toBe('#808080');
    expect(readableInk('#ffffff')).toBe('#000000');
    expect(readableInk('#0072b2')).toBe('#ffffff');
    const priority = layerById('priority');
    expect(priority.value(at('10.1.4.3.3', 2, 5))).toBe(2);
    expect(priority.value(at('10.1.4.3.2', 2, 5))).toBeNull();
    expect(layerById('nope').id).toBe('outcome');
    expect(cellDetails(paths, at('10.1.4.3.2', 2, 5), priority)).toBe(
      '10.1.4.3.2, maxPriority 2, minPriority 5: rejected (minPriority) at step 11a: validation failed: priority 2 is below the minimum of 5; resulting priority: none.',
    );
  });
});

describe('chunks', () => {
  it('cuts whole rows, the procedures taking turns, and places them back where the sweep puts them', () => {
    const vary = [
      { path: 'partner.policy.maxPriority', values: range(0, 63) },
      { path: 'primary.validation.minPriority', values: range(0, 63) },
    ];
    const plans = chunksOf(vary, ['10.1.4.3.2', '10.1.4.3.3']);
    expect(plans).toHaveLength(32);
    expect(plans[0]).toEqual({ procedure: '10.1.4.3.2', rows: { from: 0, to: 4 }, offset: 0 });
    expect(plans[1]).toEqual({ procedure: '10.1.4.3.3', rows: { from: 0, to: 4 }, offset: 0 });
    expect(plans[2]).toEqual({ procedure: '10.1.4.3.2', rows: { from: 4, to: 8 }, offset: 256 });
    expect(chunksOf([{ path: 'x', values: range(0, 999) }], ['10.1.4.3.2']).map((p) => p.rows)).toEqual([
      { from: 0, to: 256 },
      { from: 256, to: 512 },
      { from: 512, to: 768 },
      { from: 768, to: 1000 },
    ]);
    expect(gridOf(vary)).toEqual({ rows: 64, columns: 64 });
    expect(gridOf([vary[0]!])).toEqual({ rows: 1, columns: 64 });

    // The chunks of a small sweep, placed, are the whole sweep's cells in order.
    const small = [
      { path: 'partner.policy.maxPriority', values: range(0, 4) },
      { path: 'primary.validation.minPriority', values: range(0, 2) },
    ];
    const whole = sweep(scenario, small, ['10.1.4.3.2']).cells;
    let rows: readonly (readonly SweepCell[])[] = [];
    for (const r of [1, 0, 4, 2, 3]) {
      const part = sweep(scenario, [{ path: small[0]!.path, values: [r] }, small[1]!], ['10.1.4.3.2']).cells;
      const before = rows;
      rows = placeChunk(rows, 3, { procedure: '10.1.4.3.2', offset: r * 3, cells: part, done: 0 });
      // Rows the chunk does not touch stay the same arrays.
      before.forEach((row, i) => i !== r && expect(rows[i]).toBe(row));
    }
    expect(rows.flat()).toEqual(whole);
  });
});

describe('nextBudget', () => {
  it('halves the cells per frame after a slow frame, doubles after a fast one, within bounds', () => {
    expect(nextBudget(256, 150)).toBe(128);
    expect(nextBudget(32, 500)).toBe(32);
    expect(nextBudget(256, 10)).toBe(512);
    expect(nextBudget(1024, 10)).toBe(1024);
    expect(nextBudget(256, 60)).toBe(256);
  });
});

describe('tipPlace: the cell details beside the cell, inside the window', () => {
  const view = { width: 1400, height: 900 };
  const size = { width: 300, height: 40 };
  it('under the cell when it fits, at its left edge', () => {
    expect(tipPlace({ left: 100, top: 200, bottom: 232 }, size, view)).toEqual({ left: 100, top: 240 });
  });
  it('over the cell near the window’s bottom, and pulled in from its right edge', () => {
    expect(tipPlace({ left: 1300, top: 860, bottom: 892 }, size, view)).toEqual({ left: 1092, top: 812 });
  });
  it('at the top when neither fits', () => {
    expect(tipPlace({ left: 0, top: 20, bottom: 890 }, size, view)).toEqual({ left: 8, top: 8 });
  });
});

describe('axisTitle: whose field an axis varies', () => {
  it('names the owner before the field', () => {
    expect(axisTitle('partner.policy.maxPriority')).toBe('partner policy: maxPriority');
    expect(axisTitle('primary.validation.minPriority')).toBe('primary validation: minPriority');
    expect(axisTitle('primary.profiles[1].priority')).toBe('profile for migration: priority');
    expect(axisTitle('preconditions.migrationPermitted')).toBe('precondition: migrationPermitted');
    expect(axisTitle('timing.timeoutMs.cmc')).toBe('timeout of cmc');
    expect(axisTitle('faults[0].step')).toBe('faults[0]: step');
  });
});
