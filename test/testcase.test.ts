import { describe, expect, it } from 'vitest';
import { main as sim } from '../src/cli/sim';
import { main as testsuite } from '../src/cli/testsuite';
import { simulate, type RunResult } from '../src/core/engine/run';
import {
  defaultSut,
  participantsOf,
  testSuite,
  toTestCase,
  toTestCaseMarkdown,
  type TestCase,
} from '../src/core/formats/testcase';
import { ENTITY_IDS, PROCEDURE_IDS, type EntityId } from '../src/core/model/ids';
import { PRESETS, presetScenario } from '../src/core/model/presets';
import { expectRefusal, runMain } from './support/cli';
import { EXAMPLE_PATH, exampleScenario } from './support/fixtures';
import { check } from '../src/core/explore/check';

/** The SUT's part of a run, read straight off the trace: each step's main message and the deliveries beside it. */
function sutSteps(run: RunResult, sut: EntityId) {
  return run.steps.flatMap((step) =>
    [{ from: step.from, to: step.to }, ...step.also]
      .filter((m) => m.from === sut || m.to === sut)
      .map((m) => ({ from: m.from, to: m.to, number: step.number })),
  );
}

const cases = PRESETS.flatMap((preset) =>
  PROCEDURE_IDS.flatMap((procedure) =>
    participantsOf(procedure).map(
      (sut) => [`${preset.id} ${procedure} ${sut}`, preset.id, procedure, sut] as const,
    ),
  ),
);

describe('toTestCase', () => {
  it('covers every procedure with every entity that takes part as the SUT', () => {
    // given the cases of this file
    const pairs = new Set(cases.map(([, , procedure, sut]) => `${procedure} ${sut}`));
    // then each procedure has each of its entities as a SUT (10.1.4.3.1: the client and the primary CMS)
    expect(pairs.size).toBe(2 + 5 + 5 + 5);
  });

  it.each(cases)(
    '%s: the sequence is exactly the SUT’s steps, checks exactly on what it sends or does',
    (_t, id, procedure, sut) => {
      // given a preset's run of a procedure
      const scenario = presetScenario(id);
      const run = simulate(scenario, procedure);
      // when its test case for this SUT is made
      const tc = toTestCase(run, scenario, sut);
      // then the sequence is the SUT's steps of the trace, in order, numbered from 1
      expect(tc.sequence.map(({ from, to, number }) => ({ from, to, number }))).toEqual(sutSteps(run, sut));
      expect(tc.sequence.map((s) => s.st)).toEqual(tc.sequence.map((_, i) => i + 1));
      // and a step has a check exactly when the SUT sends it or does it itself; a stimulus has none
      for (const s of tc.sequence) expect(s.check === null, `St ${s.st}`).toBe(s.from !== sut);
      // and contents hold what the SUT sends, stimuli what it receives
      expect(Object.keys(tc.contents)).toEqual(
        tc.sequence.filter((s) => s.from === sut).map((s) => String(s.st)),
      );
      expect(Object.keys(tc.stimuli)).toEqual(
        tc.sequence.filter((s) => s.from !== sut).map((s) => String(s.st)),
      );
      // and the conformance requirements quote the clause's words of those steps
      for (const s of tc.sequence) {
        const step = run.steps.find((t) => t.number === s.number);
        expect(tc.requirements.find((r) => r.number === s.number)?.text).toBe(step?.text);
      }
    },
  );

  it('checks the addresses and the partner’s identification of a request the SUT sends', () => {
    // given 10.1.4.3.2, whose steps 1-2 include the partner's identification, with the primary CMS as the SUT
    const scenario = presetScenario('primary-configures');
    const tc = toTestCase(simulate(scenario, '10.1.4.3.2'), scenario, 'primary-cms');
    // when reading the check of step 2 (primary CMS -> primary UDB)
    const step2 = tc.sequence.find((s) => s.number === '2');
    // then it names the receiver, the reference point, the MC service ID and the partner's identification
    expect(step2?.check).toContain('(primary-udb) over CSC-13');
    expect(step2?.check).toContain('MC service ID sip:alice@metro.example');
    expect(step2?.check).toContain('identification of the partner MC system, county.example');
    expect(tc.contents[String(step2?.st)]).toEqual({
      type: 'profile.request',
      serviceId: 'sip:alice@metro.example',
      purpose: 'migration',
      partnerSystemId: 'county.example',
    });
    // and the partner CMS's request of 10.1.4.3.3 step 2, which the clause gives no identification, is checked without
    const other = toTestCase(simulate(scenario, '10.1.4.3.3'), scenario, 'partner-cms');
    expect(other.sequence.find((s) => s.number === '2')?.check).not.toContain('identification');
  });

  it('checks the profile’s fields after the policy, and each change by its rule', () => {
    // given the happy path with the partner UDB as the SUT
    const scenario = presetScenario('happy-path');
    const run = simulate(scenario, '10.1.4.3.3');
    const tc = toTestCase(run, scenario, 'partner-udb');
    // when reading its modify step and the profile it provides
    const modify = tc.sequence.find((s) => s.message === 'modify by local policy');
    const provide = tc.sequence.find((s) => s.from === 'partner-udb' && s.to === 'partner-cms');
    // then the modify check names each change and its rule, and the provide check the modified fields
    for (const change of run.changes) expect(modify?.check).toContain(`(${change.rule})`);
    expect(provide?.check).toContain('priority 3');
    expect(provide?.check).toContain('maxAffiliations 5');
    expect(tc.contents[String(provide?.st)]).toEqual({ type: 'profile.provide', profiles: run.profiles });
  });

  it('checks the error the SUT returns, and the validation that failed', () => {
    // given the refused validation with the primary CMS as the SUT
    const scenario = presetScenario('validation-refused');
    const run = simulate(scenario, '10.1.4.3.2');
    const tc = toTestCase(run, scenario, 'primary-cms');
    // when reading the last steps
    const validate = tc.sequence.find((s) => s.number === '11');
    const error = tc.sequence.find((s) => s.number === '11a');
    // then the validation fails naming the rule, and the error to the client carries the reason
    expect(validate?.check).toContain('the check fails (minPriority)');
    expect(error?.check).toContain(
      'returns an error to the configuration management client (cmc) over CSC-4',
    );
    expect(error?.check).toContain(run.error?.reason ?? 'no reason');
    expect(tc.outcome).toBe('rejected');
  });

  it('marks a step the clause is silent about as the simulator’s assumption, in the requirements too', () => {
    // given a precondition the partner CMS refuses (an error the clause does not describe)
    const scenario = presetScenario('precondition-not-met');
    const tc = toTestCase(simulate(scenario, '10.1.4.3.3'), scenario, 'partner-cms');
    // then the error step and its requirement are marked
    expect(tc.sequence.at(-1)).toMatchObject({ to: 'cmc', assumption: true });
    expect(tc.requirements.at(-1)?.assumption).toBe(true);
    expect(toTestCaseMarkdown(tc)).toContain('(the clause is silent: simulator assumption)');
  });

  it('says that the SUT has nothing to do when the run ends before it is reached', () => {
    // given a precondition the partner CMS refuses, and the primary UDB as the SUT
    const scenario = presetScenario('precondition-not-met');
    const run = simulate(scenario, '10.1.4.3.3');
    const tc = toTestCase(run, scenario, 'primary-udb');
    // then its sequence is empty and the purpose says so
    expect(tc.sequence).toEqual([]);
    expect(tc.purpose.then).toEqual([
      `the SUT receives nothing and sends nothing: the run ends at step ${run.steps.at(-1)?.number}`,
    ]);
  });

  it('quotes the clause’s pre-conditions and the scenario’s as pre-test conditions', () => {
    const scenario = presetScenario('precondition-not-met');
    const tc = toTestCase(simulate(scenario, '10.1.4.3.3'), scenario, 'partner-cms');
    expect(tc.preconditions[0]).toContain(
      '"The MC service user is permitted to migrate to the partner MC system, and the relevant authorizations',
    );
    expect(tc.preconditions).toContain(
      "The scenario's preconditions: migrationPermitted true, authenticatedInPartner false.",
    );
  });

  it('refuses a SUT that takes no part in the procedure', () => {
    const scenario = presetScenario('non-migrated');
    expect(() => toTestCase(simulate(scenario, '10.1.4.3.1'), scenario, 'partner-cms')).toThrow(
      'takes no part in 10.1.4.3.1 (its entities: cmc, primary-cms)',
    );
    expect(defaultSut('10.1.4.3.1')).toBe('primary-cms');
    expect(defaultSut('10.1.4.3.3')).toBe('partner-cms');
  });
});

describe('testSuite', () => {
  it('holds, for the scenario and every preset, a case per procedure the SUT takes part in', () => {
    // given the example and the primary UDB (in 10.1.4.3.2, 10.1.4.3.3 and the draft, not in 10.1.4.3.1)
    const suite: TestCase[] = testSuite(presetScenario('happy-path'), 'primary-udb');
    // then 3 procedures for each of 1 + 8 sources, ids unique, each the primary UDB's
    expect(suite).toHaveLength(3 * (1 + PRESETS.length));
    expect(new Set(suite.map((t) => t.id)).size).toBe(suite.length);
    expect(suite.every((t) => t.sut === 'primary-udb' && !t.assumption)).toBe(true);
    expect(suite.map((t) => t.id)).toContain('TC_10.1.4.3.2_primary-udb_validation-refused');
  });
});

describe('sim --format testcase|testcase-json, --sut', () => {
  it('prints the test case of the run, the partner CMS by default', () => {
    const result = runMain(sim, [EXAMPLE_PATH, '--format', 'testcase-json']);
    expect(result.code).toBe(0);
    const tc = JSON.parse(result.stdout) as TestCase;
    expect(tc).toMatchObject({ sut: 'partner-cms', procedure: '10.1.4.3.3' });
    const markdown = runMain(sim, [EXAMPLE_PATH, '--format', 'testcase', '--sut', 'partner-cms']);
    expect(markdown.stdout).toBe(toTestCaseMarkdown(tc));
  });

  it.each(ENTITY_IDS)('takes %s as the SUT of 10.1.4.3.2', (sut) => {
    const result = runMain(sim, [
      EXAMPLE_PATH,
      '--procedure',
      '10.1.4.3.2',
      '--format',
      'testcase-json',
      '--sut',
      sut,
    ]);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as TestCase).sut).toBe(sut);
  });

  it.each([
    [
      ['--format', 'testcase', '--sut', 'partner'],
      'sim: --sut must be one of cmc, primary-cms, primary-udb, partner-cms, partner-udb, got "partner"',
    ],
    [
      ['--procedure', '10.1.4.3.1', '--format', 'testcase-json', '--sut', 'partner-udb'],
      'sim: --sut partner-udb takes no part in 10.1.4.3.1 (its entities: cmc, primary-cms)',
    ],
    [['--sut', 'partner-cms'], 'sim: --sut goes with --format testcase or testcase-json'],
  ])('refuses %j with one line', (args, line) => {
    expect(expectRefusal(runMain(sim, [EXAMPLE_PATH, ...args]))).toBe(line);
  });
});

describe('testsuite CLI', () => {
  it('prints the suite as a JSON array', () => {
    const result = runMain(testsuite, [EXAMPLE_PATH, '--sut', 'cmc']);
    expect(result.code).toBe(0);
    const suite = JSON.parse(result.stdout) as TestCase[];
    expect(suite).toHaveLength(4 * (1 + PRESETS.length));
  });

  it('--faults adds one case per counterexample of check in which the SUT takes part, marked as an assumption', () => {
    const plain = JSON.parse(runMain(testsuite, [EXAMPLE_PATH, '--sut', 'partner-udb']).stdout) as TestCase[];
    const result = runMain(testsuite, [EXAMPLE_PATH, '--sut', 'partner-udb', '--faults', '1']);
    expect(result.code).toBe(0);
    const suite = JSON.parse(result.stdout) as TestCase[];
    expect(suite.slice(0, plain.length)).toEqual(plain);
    const added = suite.slice(plain.length);
    const expected = check(exampleScenario(), {
      procedures: ['10.1.4.3.2', '10.1.4.3.3', '10.1.4.x.2'],
      faults: 1,
    }).results.filter((r) =>
      r.counterexample?.steps.some((s) => s.from === 'partner-udb' || s.to === 'partner-udb'),
    );
    expect(added.map((c) => c.id)).toEqual(
      expected.map((r) => `TC_${r.procedure}_partner-udb_check_${r.property}`),
    );
    expect(added.every((c) => c.assumption)).toBe(true);
    // the client's dropped request never reaches the partner UDB: no case for it
    expect(added.some((c) => c.id.endsWith('_check_answered'))).toBe(false);
  });

  it.each([
    [[EXAMPLE_PATH], /^testsuite: --sut is required \(one of cmc, primary-cms/],
    [[EXAMPLE_PATH, '--sut', 'udb'], /^testsuite: --sut must be one of cmc, .*got "udb"$/],
    [
      [EXAMPLE_PATH, '--sut', 'cmc', '--faults', 'one'],
      /^testsuite: --faults: expected an integer 0\.\.64, got "one"/,
    ],
  ])('refuses %j with one line', (args, line) => {
    expect(expectRefusal(runMain(testsuite, args))).toMatch(line);
  });
});
