import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SPEC_NOTES } from '../src/core/formats/narration';
import { runOutcome } from '../src/core/engine/fastRun';
import { simulate, type RunResult, type TraceStep } from '../src/core/engine/run';
import { DEFAULT_TIMING, perturbed } from '../src/core/engine/schedule';
import {
  ASSUMPTIONS,
  assumptionById,
  assumptionsJson,
  assumptionsMarkdown,
} from '../src/core/procedures/assumptions';
import { PROCEDURE_IDS, type ProcedureId } from '../src/core/model/ids';
import { LIMITS } from '../src/core/model/limits';
import { PRESETS } from '../src/core/model/presets';
import { parseScenarioValue, ScenarioError, type Scenario } from '../src/core/model/scenario';
import { getProcedure } from '../src/core/procedures';
import { exampleJson, exampleScenario, type ExampleRaw } from './support/fixtures';

type Raw = ExampleRaw & { timing?: unknown; faults?: unknown };

const withRaw = (change: (raw: Raw) => void): Scenario => exampleScenario((raw) => change(raw as Raw));
const withFaults = (faults: unknown[], timing?: unknown): Scenario =>
  withRaw((raw) => {
    raw.faults = faults;
    if (timing) raw.timing = timing;
  });

const numbers = (run: RunResult) => run.steps.map((s) => s.number);
const stepAt = (run: RunResult, number: string, pick: (s: TraceStep) => boolean = () => true) =>
  run.steps.find((s) => s.number === number && pick(s));

/** The message steps of a procedure, by the numbers the clause gives them. */
const messageSteps = (id: ProcedureId) => getProcedure(id).steps.filter((s) => s.kind === 'message');

/** simulate and the sweep's runner agree on everything a sweep cell reads. */
function agree(scenario: Scenario, procedure: ProcedureId): RunResult {
  const run = simulate(scenario, procedure);
  const fast = runOutcome(scenario, procedure);
  expect(fast.outcome).toBe(run.outcome);
  expect(fast.error).toEqual(run.error);
  expect(fast.profiles).toEqual(run.profiles);
  expect(fast.stores).toEqual(run.stores);
  expect(fast.changes).toEqual(run.changes);
  expect(fast.validation).toEqual(run.validation);
  return run;
}

describe('the virtual clock', () => {
  it('gives each step the time its message arrives, by the latencies and the action time of the scenario', () => {
    // given latencies and an action time
    const timing = { latencyMs: { 'CSC-4': 100, 'CSC-13': 1, 'CSC-17': 1000 }, actionMs: 7 };
    const run = simulate(
      withRaw((raw) => ((raw as Raw).timing = timing)),
      '10.1.4.3.3',
    );
    // when reading the steps' times
    let t = 0;
    for (const step of run.steps) {
      // then each is the previous one plus its reference point's latency (or the action time)
      t += step.referencePoint ? timing.latencyMs[step.referencePoint] : timing.actionMs;
      expect(step.at, `step ${step.number}`).toBe(t);
    }
    expect(run.outcome).toBe('delivered');
  });

  it('property: on any preset, procedure and figures, each step comes one latency (or action time) after the last', () => {
    const ms = fc.integer({ min: 0, max: 1000 });
    fc.assert(
      fc.property(
        fc.constantFrom(...PRESETS),
        fc.constantFrom(...PROCEDURE_IDS),
        fc.record({ 'CSC-4': ms, 'CSC-13': ms, 'CSC-17': ms }),
        ms,
        (preset, procedure, latencyMs, actionMs) => {
          const scenario = { ...preset.scenario, timing: { latencyMs, actionMs } };
          const run = simulate(scenario, procedure, { snapshots: false });
          let t = 0;
          for (const step of run.steps) {
            t += step.referencePoint ? latencyMs[step.referencePoint] : actionMs;
            expect(step.at).toBe(t);
          }
          // and the figures change nothing else
          const plain = simulate(preset.scenario, procedure, { snapshots: false });
          expect(run.steps.map((s) => [s.number, s.text])).toEqual(
            plain.steps.map((s) => [s.number, s.text]),
          );
          expect(run.outcome).toBe(plain.outcome);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('property: with any faults and timers, steps come in order of time', () => {
    const step = fc.integer({ min: 1, max: 14 });
    const fault = fc.oneof(
      fc.record({ kind: fc.constant('drop'), step }),
      fc.record({ kind: fc.constant('delay'), step, byMs: fc.integer({ min: 1, max: 5000 }) }),
      fc.record({ kind: fc.constant('duplicate'), step }),
    );
    fc.assert(
      fc.property(
        fc.array(fault, { maxLength: 3 }),
        fc.dictionary(
          fc.constantFrom('cmc', 'partner-cms', 'primary-cms'),
          fc.integer({ min: 1, max: 3000 }),
        ),
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom(...PROCEDURE_IDS),
        (faults, timeoutMs, retries, procedure) => {
          const scenario = withFaults(faults, { timeoutMs, retries });
          let run: RunResult;
          try {
            run = simulate(scenario, procedure, { snapshots: false });
          } catch (error) {
            expect(error).toBeInstanceOf(ScenarioError);
            return;
          }
          const times = run.steps.map((s) => s.at);
          expect(times).toEqual([...times].sort((a, b) => a - b));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("fills what the scenario leaves out with the simulator's own figures", () => {
    const run = simulate(exampleScenario(), '10.1.4.3.3');
    expect(run.steps[0]?.at).toBe(DEFAULT_TIMING.latencyMs['CSC-4']);
    expect(run.steps.map((s) => s.at)).toEqual([...run.steps.map((s) => s.at)].sort((a, b) => a - b));
  });

  it('gives the same trace for the same scenario', () => {
    const scenario = withFaults([{ kind: 'duplicate', step: 1 }], { timeoutMs: { cmc: 300 }, retries: 1 });
    expect(JSON.stringify(simulate(scenario, '10.1.4.3.3').steps)).toBe(
      JSON.stringify(simulate(scenario, '10.1.4.3.3').steps),
    );
  });
});

describe('faults', () => {
  it.each(PROCEDURE_IDS.flatMap((p) => messageSteps(p).map((s) => [p, s.n] as const)))(
    '%s: dropping step %i loses it; with no timers the client is left waiting (no-answer)',
    (procedure, n) => {
      const run = agree(withFaults([{ kind: 'drop', step: n }]), procedure);
      const lost = run.steps.filter((s) => s.lost);
      expect(lost.map((s) => s.number)).toEqual([String(n)]);
      expect(lost[0]?.fault).toEqual({ kind: 'drop' });
      expect(lost[0]?.basis).toContain('drop');
      // nothing follows a lost message: it was the last step
      expect(run.steps[run.steps.length - 1]).toBe(lost[0]);
      expect(run.outcome).toBe('no-answer');
      expect(run.error?.number).toBe(String(n));
      expect(run.error?.reason).toMatch(/lost \(dropped\)/);
    },
  );

  it.each(PROCEDURE_IDS.flatMap((p) => messageSteps(p).map((s) => [p, s.n] as const)))(
    '%s: delaying step %i moves it and every later step by the delay; the outcome stays',
    (procedure, n) => {
      const plain = simulate(exampleScenario(), procedure);
      const run = agree(withFaults([{ kind: 'delay', step: n, byMs: 5000 }]), procedure);
      expect(numbers(run)).toEqual(numbers(plain));
      expect(run.outcome).toBe(plain.outcome);
      run.steps.forEach((s, i) => {
        const before = plain.steps[i]?.at ?? 0;
        expect(s.at).toBe(
          Number(s.number) >= n && s.n >= (stepAt(plain, String(n))?.n ?? 0) ? before + 5000 : before,
        );
      });
      expect(stepAt(run, String(n))?.fault).toEqual({ kind: 'delay' });
    },
  );

  it.each(PROCEDURE_IDS.flatMap((p) => messageSteps(p).map((s) => [p, s.n] as const)))(
    '%s: duplicating step %i delivers it twice; the client still ends with one profile',
    (procedure, n) => {
      const plain = simulate(exampleScenario(), procedure);
      const run = agree(withFaults([{ kind: 'duplicate', step: n }]), procedure);
      const copies = run.steps.filter((s) => s.number === String(n) && s.fault?.kind === 'duplicate');
      expect(copies).toHaveLength(1);
      expect(copies[0]?.assumption).toBe(true);
      expect(run.outcome).toBe(plain.outcome);
      expect(run.profiles).toEqual(plain.profiles);
    },
  );

  it('a duplicate request to a busy server is discarded; an answer after the client is configured too', () => {
    const run = agree(withFaults([{ kind: 'duplicate', step: 2 }]), '10.1.4.3.3');
    const copy = run.steps.find((s) => s.number === '2' && s.fault?.kind === 'duplicate');
    expect(copy?.discarded).toBe(true);
    expect(copy?.basis).toEqual(['discard', 'duplicate']);
    const last = run.steps.filter((s) => s.number === '11');
    expect(last.length).toBeGreaterThanOrEqual(1);
  });

  it.each(['10.1.4.3.2', '10.1.4.3.3', '10.1.4.x.2'] as const)(
    '%s: a partner UDB that is down for good loses what is sent to it (no-answer)',
    (procedure) => {
      const run = agree(withFaults([{ kind: 'down', entity: 'partner-udb' }]), procedure);
      const lost = run.steps.filter((s) => s.lost);
      expect(lost).toHaveLength(1);
      expect(lost[0]?.to).toBe('partner-udb');
      expect(lost[0]?.fault).toEqual({ kind: 'down' });
      expect(run.outcome).toBe('no-answer');
    },
  );

  it('down for a while: a retry that reaches a server still busy with the first request is discarded', () => {
    // the partner UDB is down for the first second (step 7 is lost); the client waits 2 s and asks once more
    const scenario = withFaults([{ kind: 'down', entity: 'partner-udb', fromMs: 0, untilMs: 1000 }], {
      timeoutMs: { cmc: 2000 },
      retries: 1,
    });
    const run = agree(scenario, '10.1.4.3.3');
    expect(run.steps.filter((s) => s.lost).map((s) => s.number)).toEqual(['7']);
    // the retry is step 1 again (an assumption), at the timer's time plus the latency of CSC-4
    const retry = run.steps.filter((s) => s.number === '1')[1];
    expect(retry?.at).toBe(2000 + 30);
    // the partner CMS still waits for its UDB (it has no timer): the retry arrives where nothing waits for it
    expect(retry?.discarded).toBe(true);
    expect(retry?.basis).toEqual(['discard']);
    expect(run.steps.filter((s) => s.kind === 'timeout').map((s) => s.basis[1])).toEqual([
      'client-retry',
      'client-gives-up',
    ]);
    expect(run.outcome).toBe('failed');
  });

  it('down for a while: a request lost in the window, then a retry after it: delivered', () => {
    const scenario = withFaults([{ kind: 'down', entity: 'partner-cms', fromMs: 0, untilMs: 100 }], {
      timeoutMs: { cmc: 2000 },
      retries: 1,
    });
    const run = agree(scenario, '10.1.4.3.3');
    expect(run.steps.filter((s) => s.lost).map((s) => s.number)).toEqual(['1']);
    const retry = run.steps.filter((s) => s.number === '1')[1];
    expect(retry?.basis).toEqual(['repeat']);
    expect(run.outcome).toBe('delivered');
  });

  it('down then up: an own action due while the entity is down is done when it is back (a pause)', () => {
    // the partner UDB receives step 7 at 175 ms (30 + 60 + 5 + 10 + 5 + 60 + 5); it is down from 176 ms to 5 s
    const run = agree(
      withFaults([{ kind: 'down', entity: 'partner-udb', fromMs: 176, untilMs: 5000 }]),
      '10.1.4.3.3',
    );
    expect(stepAt(run, '7')?.at).toBe(175);
    expect(stepAt(run, '8')?.at).toBe(5000);
    expect(run.outcome).toBe('delivered');
  });

  it.each([
    ['10.1.4.3.2', 'partner-udb', '8'],
    ['10.1.4.3.2', 'primary-udb', '13'],
    ['10.1.4.3.3', 'partner-udb', '9'],
    ['10.1.4.x.2', 'partner-udb', '11'],
  ] as const)(
    '%s: store-fails on %s: its store (step %s) fails, an error reaches the client: failed',
    (procedure, entity, store) => {
      const run = agree(withFaults([{ kind: 'store-fails', entity }]), procedure);
      expect(stepAt(run, store)?.fault).toEqual({ kind: 'store-fails' });
      expect(run.stores[entity]).toBeNull();
      expect(run.outcome).toBe('failed');
      expect(run.error?.reason).toMatch(/could not store/);
      const errors = run.steps.filter((s) => s.kind === 'error');
      expect(errors[errors.length - 1]?.to).toBe('cmc');
      for (const e of errors) expect(e.basis[0]).toBe('store-fails');
    },
  );

  it('a fault on a step the procedure lacks, or on an own action, is refused naming the field; nth limits a fault to one delivery', () => {
    // step 14 exists in 10.1.4.3.2 only; 10.1.4.3.3 refuses it
    expect(() => simulate(withFaults([{ kind: 'drop', step: 14 }]), '10.1.4.3.3')).toThrow(ScenarioError);
    expect(() => simulate(withFaults([{ kind: 'drop', step: 4 }]), '10.1.4.3.3')).toThrow(
      /faults\[0\]\.step: step 4 of 10\.1\.4\.3\.3 is an own action/,
    );
    expect(() => runOutcome(withFaults([{ kind: 'drop', step: 14 }]), '10.1.4.3.3')).toThrow(
      /faults\[0\]\.step: 10\.1\.4\.3\.3 has no step 14/,
    );
    // nth: 2 drops only the retry; the answer to the first request comes late, while the client still waits
    const scenario = withFaults([{ kind: 'drop', step: 1, nth: 2 }], { timeoutMs: { cmc: 150 }, retries: 1 });
    const run = agree(scenario, '10.1.4.3.3');
    const firsts = run.steps.filter((s) => s.number === '1');
    expect(firsts.map((s) => s.lost)).toEqual([false, true]);
    expect(run.outcome).toBe('delivered');
  });
});

describe('timers', () => {
  it('a client timer that fires with no retries left: failed, a timeout step over the client', () => {
    const run = agree(withFaults([{ kind: 'drop', step: 6 }], { timeoutMs: { cmc: 5000 } }), '10.1.4.3.3');
    const timeout = run.steps.find((s) => s.kind === 'timeout');
    expect(timeout).toMatchObject({ from: 'cmc', to: 'cmc', at: 5000, assumption: true });
    expect(timeout?.basis).toEqual(['timers', 'client-gives-up']);
    expect(run.outcome).toBe('failed');
    expect(run.error).toMatchObject({ step: timeout?.n, number: timeout?.number });
    expect(run.error?.reason).toMatch(/timer fired after 5000 ms/);
  });

  it('a timeout of null is no timer, as if absent: the same run, and the run is not perturbed', () => {
    const off = agree(withFaults([{ kind: 'drop', step: 6 }], { timeoutMs: { cmc: null } }), '10.1.4.3.3');
    const absent = agree(withFaults([{ kind: 'drop', step: 6 }], {}), '10.1.4.3.3');
    expect(off).toEqual(absent);
    expect(off.outcome).toBe('no-answer');
    expect(perturbed(withFaults([], { timeoutMs: { cmc: null } }))).toBe(false);
    expect(perturbed(withFaults([], { timeoutMs: { cmc: null, 'partner-cms': 300 } }))).toBe(true);
  });

  it('"what if step 6 never arrives in 10.1.4.3.3?": the partner CMS stops waiting and tells the client', () => {
    const run = agree(
      withFaults([{ kind: 'drop', step: 6 }], { timeoutMs: { cmc: 5000, 'partner-cms': 3000 } }),
      '10.1.4.3.3',
    );
    const timeout = run.steps.find((s) => s.kind === 'timeout');
    expect(timeout?.to).toBe('partner-cms');
    expect(timeout?.at).toBe(30 + 3000);
    const error = run.steps.find((s) => s.kind === 'error');
    expect(error).toMatchObject({ from: 'partner-cms', to: 'cmc', assumption: true });
    expect(error?.basis).toEqual(['server-timeout']);
    expect(run.outcome).toBe('failed');
    expect(run.error?.reason).toMatch(/partner-cms stopped waiting: its timer fired after 3000 ms/);
  });

  it('a late answer racing a timer: the answer after the timer fired is discarded', () => {
    // step 6 arrives 8 s late; the partner CMS waits 3 s
    const run = agree(
      withFaults([{ kind: 'delay', step: 6, byMs: 8000 }], { timeoutMs: { 'partner-cms': 3000 } }),
      '10.1.4.3.3',
    );
    const late = stepAt(run, '6');
    expect(late?.discarded).toBe(true);
    expect(late?.fault).toEqual({ kind: 'delay' });
    expect(late?.basis).toContain('discard');
    expect(run.outcome).toBe('failed');
    expect(run.stores['partner-udb']).toBeNull();
  });

  it('an answer that beats the timer disarms it: nothing fires', () => {
    const run = agree(
      withFaults([{ kind: 'delay', step: 6, byMs: 1000 }], { timeoutMs: { 'partner-cms': 3000, cmc: 9000 } }),
      '10.1.4.3.3',
    );
    expect(run.steps.some((s) => s.kind === 'timeout')).toBe(false);
    expect(run.outcome).toBe('delivered');
  });

  it('retries: the client asks again after each timer; the late answer to the first request is taken', () => {
    // step 11 of the first pass is 3 s late; the client waits 1 s, twice
    const run = agree(
      withFaults([{ kind: 'delay', step: 11, byMs: 3000, nth: 1 }], { timeoutMs: { cmc: 1000 }, retries: 2 }),
      '10.1.4.3.3',
    );
    const timeouts = run.steps.filter((s) => s.kind === 'timeout');
    expect(timeouts.map((s) => s.basis[1])).toEqual(['client-retry']);
    expect(run.steps.filter((s) => s.number === '1')).toHaveLength(2);
    expect(run.outcome).toBe('delivered');
    // the second pass's answer comes after the client holds a profile: discarded
    const answers = run.steps.filter((s) => s.number === '11');
    expect(answers.map((s) => s.discarded)).toEqual([false, true]);
  });

  it('the draft: a partner UDB timer sends its error through the partner CMS to the client', () => {
    const run = agree(
      withFaults([{ kind: 'drop', step: 9 }], { timeoutMs: { 'partner-udb': 2000 } }),
      '10.1.4.x.2',
    );
    expect(run.steps.find((s) => s.kind === 'timeout')?.to).toBe('partner-udb');
    expect(run.steps.filter((s) => s.kind === 'error').map((s) => `${s.from}>${s.to}`)).toEqual([
      'partner-udb>partner-cms',
      'partner-cms>cmc',
    ]);
    expect(run.outcome).toBe('failed');
  });

  it('10.1.4.3.2: the primary CMS waiting for step 10 times out; the partner still stores (not told)', () => {
    const run = agree(
      withFaults([{ kind: 'drop', step: 10 }], { timeoutMs: { 'primary-cms': 1000 } }),
      '10.1.4.3.2',
    );
    expect(run.outcome).toBe('failed');
    expect(run.stores['partner-udb']).not.toBeNull();
    expect(run.stores['primary-udb']).toBeNull();
  });
});

describe('the scenario schema for timing and faults', () => {
  const refused = (change: (raw: Raw) => void) => {
    const raw = exampleJson() as Raw;
    change(raw);
    const parsed = parseScenarioValue(raw);
    if (parsed.ok) throw new Error('expected a refusal');
    return `${parsed.issues[0]?.path}: ${parsed.issues[0]?.message}`;
  };

  it.each([
    [(r: Raw) => (r.timing = { actionMs: -5 }), 'timing.actionMs: expected an integer 0..3600000, got -5'],
    [
      (r: Raw) => (r.timing = { timeoutMs: { 'partner-xyz': 10 } }),
      'timing.timeoutMs.partner-xyz: unknown entity',
    ],
    [(r: Raw) => (r.timing = { timeoutMs: 5 }), 'timing.timeoutMs: expected an object, got 5'],
    [
      (r: Raw) => (r.timing = { timeoutMs: { cmc: 0 } }),
      'timing.timeoutMs.cmc: expected an integer 1..3600000',
    ],
    [(r: Raw) => (r.timing = { retries: 11 }), 'timing.retries: expected an integer 0..10, got 11'],
    [
      (r: Raw) => (r.timing = { latencyMs: { 'CSC-99': 10 } }),
      'timing.latencyMs.CSC-99: unknown reference point',
    ],
    [
      (r: Raw) => (r.faults = [{ kind: 'down', entity: 'nobody' }]),
      'faults[0].entity: expected an entity id',
    ],
    [(r: Raw) => (r.faults = [{ kind: 'explode', step: 1 }]), 'faults[0].kind: expected one of drop'],
    [(r: Raw) => (r.faults = [{ kind: 'delay', step: 1 }]), 'faults[0].byMs: expected a delay'],
    [(r: Raw) => (r.faults = [{ kind: 'drop' }]), 'faults[0].step: expected the number of a message'],
    [
      (r: Raw) => (r.faults = [{ kind: 'down', entity: 'cmc', fromMs: 500, untilMs: 100 }]),
      'faults[0].untilMs: expected a time after fromMs (500), got 100',
    ],
    [
      (r: Raw) => (r.faults = [{ kind: 'store-fails', entity: 'partner-cms' }]),
      'faults[0].entity: expected a user database',
    ],
    [
      (r: Raw) => (r.faults = Array.from({ length: 10_000 }, () => ({ kind: 'drop', step: 1 }))),
      `faults: a list of 10,000 faults is over the limit of ${LIMITS.faults}`,
    ],
  ])('refuses with one line naming the field (%#)', (change, line) => {
    expect(refused(change)).toContain(line);
  });
});

describe('the assumption register', () => {
  const runs = (): RunResult[] => {
    const scenarios: Scenario[] = [
      ...PRESETS.map((p) => p.scenario),
      withFaults([{ kind: 'drop', step: 6 }], { timeoutMs: { cmc: 5000, 'partner-cms': 3000 } }),
      withFaults([{ kind: 'duplicate', step: 2 }]),
      withFaults([{ kind: 'store-fails', entity: 'primary-udb' }]),
      withFaults([{ kind: 'delay', step: 11, byMs: 3000, nth: 1 }], { timeoutMs: { cmc: 1000 }, retries: 2 }),
      withFaults([{ kind: 'down', entity: 'partner-udb', fromMs: 0, untilMs: 1000 }], {
        timeoutMs: { cmc: 2000 },
      }),
    ];
    return scenarios.flatMap((s) =>
      PROCEDURE_IDS.flatMap((p) => {
        try {
          return [simulate(s, p)];
        } catch (e) {
          if (e instanceof ScenarioError) return [];
          throw e;
        }
      }),
    );
  };

  it('lists every id a step names in basis, and every assumption step names one', () => {
    for (const run of runs()) {
      for (const step of run.steps) {
        if (step.assumption) expect(step.basis.length, `${run.procedure} ${step.number}`).toBeGreaterThan(0);
        else expect(step.basis).toEqual([]);
        for (const id of step.basis) expect(assumptionById(id), id).toBeDefined();
      }
    }
  });

  it('has unique ids, each entry applying at a step its procedure has', () => {
    expect(new Set(ASSUMPTIONS.map((a) => a.id)).size).toBe(ASSUMPTIONS.length);
    for (const a of ASSUMPTIONS) {
      const where = Object.entries(a.where);
      expect(where.length, a.id).toBeGreaterThan(0);
      for (const [procedure, steps] of where) {
        const have = getProcedure(procedure as ProcedureId).steps.map((s) => String(s.n));
        for (const n of steps) expect(have, `${a.id} ${procedure}`).toContain(n);
      }
    }
  });

  it('keeps the id of each spec note that is an assumption (the walkthrough and the register name it alike)', () => {
    const notes = new Set(SPEC_NOTES.map((n) => n.id));
    const fromNotes = ASSUMPTIONS.filter((a) => notes.has(a.id)).map((a) => a.id);
    expect(fromNotes.sort()).toEqual(
      [
        'applicable-profile',
        'cached-profile',
        'download-necessary',
        'migration-service',
        'partner-id',
        'primary-store',
        'service-id',
        'step11-error',
        'step11-may',
        'step13-ack',
      ].sort(),
    );
  });

  it("names the field of step 11's two readings", () => {
    const readings = assumptionById('step11-may')?.readings ?? [];
    expect(readings.map((r) => `${r.field}=${String(r.value)}`)).toEqual([
      'primary.validation.onFailure=prohibit',
      'primary.validation.onFailure=continue',
    ]);
  });

  it('renders as JSON (the contract fields) and as Markdown (a section per entry)', () => {
    const json = JSON.parse(assumptionsJson()) as Record<string, unknown>[];
    expect(json).toHaveLength(ASSUMPTIONS.length);
    for (const entry of json)
      expect(Object.keys(entry)).toEqual(['id', 'title', 'text', 'readings', 'silent', 'where']);
    const md = assumptionsMarkdown();
    expect(md.match(/^## /gm)).toHaveLength(ASSUMPTIONS.length);
    expect(md).toContain('`primary.validation.onFailure` = `"continue"`');
  });
});
