import { describe, expect, it } from 'vitest';
import { cmsContext, cmsSetup } from '../src/core/entities/cms';
import { ENTITY_MACHINES } from '../src/core/entities/networkMachine';
import { primaryCmsMachine } from '../src/core/entities/primaryCmsMachine';
import { ENTITY_IDS, PROCEDURE_IDS } from '../src/core/model/ids';
import { PRESETS, presetScenario } from '../src/core/model/presets';
import { scenarioFor, simulate } from '../src/core/engine/run';
import {
  activeStates,
  chartEntities,
  coverageOf,
  presetCoverage,
  runCoverage,
  statechartOf,
  statechartOfMachine,
  trackOf,
  visitedBy,
} from '../src/core/engine/statecharts';
import { layoutStatechart } from '../src/core/formats/statechartLayout';

const runs = ['primary-configures', 'happy-path'].flatMap((preset) =>
  PROCEDURE_IDS.map((procedure) => ({
    preset,
    procedure,
    run: simulate(scenarioFor(presetScenario(preset), procedure), procedure, { transitions: true }),
  })),
);

describe('statecharts read from the machines', () => {
  it('has every state and every transition each machine defines, in its order', () => {
    for (const id of ENTITY_IDS) {
      const machine = ENTITY_MACHINES[id];
      const chart = statechartOf(id);
      expect(chart.states.map((s) => s.id)).toEqual(Object.keys(machine.config.states ?? {}));
      expect(chart.states.filter((s) => s.initial).map((s) => s.id)).toEqual([chart.initial]);
      let count = 0;
      for (const node of Object.values(machine.root.states)) {
        for (const list of node.transitions.values()) count += list.length;
      }
      expect(chart.transitions).toHaveLength(count);
      expect(new Set(chart.transitions.map((t) => t.key)).size).toBe(count);
    }
  });

  it('names guards as written, combined ones too', () => {
    const partner = statechartOf('partner-cms');
    expect(partner.transitions.map((t) => t.guard)).toContain('preconditionsMet and not fetchesViaUdb');
    const primary = statechartOf('primary-cms');
    const validating = primary.transitions.filter((t) => t.source === 'validating');
    expect(validating.map((t) => [t.target, t.guard])).toEqual([
      ['storing', 'validationPasses'],
      ['storing', 'failedCheckContinues'],
      ['idle', 'failedCheckProhibits'],
    ]);
    const failed = primary.transitions.find((t) => t.guard === 'preconditionFailed');
    expect(failed).toMatchObject({ source: 'idle', target: 'idle', targetless: true });
  });

  it('shows a state added to a machine, with its transitions, and lays it out', () => {
    const extended = cmsSetup.createMachine({
      id: 'primaryCms',
      context: cmsContext,
      initial: 'idle',
      states: {
        ...primaryCmsMachine.config.states,
        auditing: { on: { 'cms.validate': { target: 'idle' } } },
      },
    });
    const chart = statechartOfMachine('primary-cms', extended);
    expect(chart.states.map((s) => s.id)).toContain('auditing');
    expect(chart.transitions.some((t) => t.source === 'auditing' && t.target === 'idle')).toBe(true);
    const layout = layoutStatechart(chart);
    expect(layout.states.map((s) => s.id)).toContain('auditing');
    expect(layout.edges.map((e) => e.id)).toContain('auditing->idle');
  });
});

describe('what a run did on each statechart', () => {
  it('has, at every step, the state of the entity panel and a transition for every change of state', () => {
    for (const { run } of runs) {
      expect(run.transitions).toHaveLength(run.snapshots.length);
      for (const id of chartEntities(run)) {
        const track = trackOf(run, id);
        const byKey = new Map(track.chart.transitions.map((t) => [t.key, t]));
        run.snapshots.forEach((snapshot, k) => {
          expect(track.active[k]).toEqual([String(snapshot[id].state)]);
          for (const key of track.taken[k]!) expect(byKey.has(key)).toBe(true);
          if (k > 0 && snapshot[id].state !== run.snapshots[k - 1]![id].state) {
            const last = byKey.get(track.taken[k]!.at(-1)!);
            expect(last?.target).toBe(snapshot[id].state);
          }
        });
      }
    }
  });

  it('records the transitions of 10.1.4.3.2 as the clause takes them', () => {
    const run = simulate(presetScenario('primary-configures'), '10.1.4.3.2', { transitions: true });
    const at = (k: number) => run.transitions[k]!.map((t) => `${t.entity} ${t.key}`);
    expect(at(0)).toEqual([]);
    expect(at(1)).toEqual(['cmc idle:client.start:0', 'primary-cms idle:profile.request:2']);
    expect(at(11)).toEqual(['primary-cms validating:cms.validate:0']);
    // Step 13: the UDB stores, and its acknowledgement reaches the CMS in the same step.
    expect(at(13)).toEqual(['primary-udb storing:udb.store:1', 'primary-cms storing:profile.stored:0']);
    const track = trackOf(run, 'primary-cms');
    expect(track.active[10]).toEqual(['validating']);
    expect(track.active[11]).toEqual(['storing']);
    expect(track.firstEntered.get('storing')).toBe(11);
    expect(track.firstEntered.get('idle')).toBe(0);
    expect([...visitedBy(track, 4)].sort()).toEqual(['awaitingModified', 'awaitingProfile', 'idle']);
  });

  it('records transitions only when asked (with the snapshots); a track of a run without them is refused', () => {
    const run = simulate(presetScenario('happy-path'), '10.1.4.3.3', { snapshots: false });
    expect(run.transitions).toEqual([]);
    const plain = simulate(presetScenario('happy-path'), '10.1.4.3.3');
    expect(plain.snapshots.length).toBeGreaterThan(1);
    expect(plain.transitions).toEqual([]);
    expect(() => trackOf(plain, 'cmc')).toThrow(/recorded its transitions/);
    const asked = simulate(presetScenario('happy-path'), '10.1.4.3.3', {
      snapshots: false,
      transitions: true,
    });
    expect(asked.transitions).toHaveLength(asked.snapshots.length);
    // The same run either way: recording reads the machines, it changes nothing.
    const { snapshots: _s, transitions: _t, ...rest } = asked;
    const { snapshots: _s2, transitions: _t2, ...plainRest } = plain;
    expect(rest).toEqual(plainRest);
    expect(asked.snapshots).toEqual(plain.snapshots);
  });

  it('reads nested state values as paths', () => {
    expect(activeStates('idle')).toEqual(['idle']);
    expect(activeStates({ waiting: 'retry' })).toEqual(['waiting', 'waiting.retry']);
  });
});

describe('coverage', () => {
  it('counts what a run visited of each machine of its procedure', () => {
    const run = simulate(presetScenario('validation-refused'), '10.1.4.3.2', { transitions: true });
    const primary = runCoverage(run).find((c) => c.entity === 'primary-cms')!;
    expect(primary.states).toMatchObject({ total: 6, visited: 4, missed: ['obtaining', 'storing'] });
    expect(primary.transitions.total).toBe(18);
    expect(primary.transitions.missed).toContain('validating → storing on cms.validate [validationPasses]');
    expect(primary.transitions.missed).not.toContain(
      'validating → idle on cms.validate [failedCheckProhibits]',
    );
  });

  it('adds up every preset under every procedure', () => {
    const all = presetCoverage();
    expect(all.runs).toBe(PRESETS.length * PROCEDURE_IDS.length);
    for (const c of all.coverage) {
      expect(c.states.visited + c.states.missed.length).toBe(c.states.total);
      expect(c.transitions.visited + c.transitions.missed.length).toBe(c.transitions.total);
      // Each machine is at least as covered across the presets as by any one run.
      const one = coverageOf(statechartOf(c.entity), [trackOf(runs[0]!.run, c.entity)]);
      expect(c.transitions.visited).toBeGreaterThanOrEqual(one.transitions.visited);
    }
  });
});

describe('the layout', () => {
  it('places every state inside the chart, none over another, one edge per pair of states', () => {
    for (const id of ENTITY_IDS) {
      const chart = statechartOf(id);
      const layout = layoutStatechart(chart);
      expect(layout.states.map((s) => s.id)).toEqual(chart.states.map((s) => s.id));
      for (const s of layout.states) {
        expect(s.x).toBeGreaterThanOrEqual(0);
        expect(s.y).toBeGreaterThanOrEqual(0);
        expect(s.x + s.width).toBeLessThanOrEqual(layout.width);
        expect(s.y + s.height).toBeLessThanOrEqual(layout.height);
      }
      for (const [i, a] of layout.states.entries()) {
        for (const b of layout.states.slice(i + 1)) {
          const apart =
            a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
          expect(apart, `${id}: ${a.id} and ${b.id} overlap`).toBe(true);
        }
      }
      const keys = layout.edges.flatMap((e) => e.keys).sort();
      expect(keys).toEqual(chart.transitions.map((t) => t.key).sort());
      // Small enough to sit beside the sequence diagram.
      expect(layout.width).toBeLessThan(420);
    }
  });
});
