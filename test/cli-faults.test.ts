/**
 * The command line's faults, timers and the assumption register (CONTRACT.md §10): `--fault`, `--timeout`,
 * `--retries` on sim and sweep, added to the scenario's own and refused by its rules in one line naming the field;
 * `sim --assumptions` without a scenario.
 */
import { describe, expect, it } from 'vitest';
import { main as simMain } from '../src/cli/sim';
import { main as sweepMain } from '../src/cli/sweep';
import { simulate } from '../src/core/engine/run';
import { toTraceJson } from '../src/core/formats/report';
import { parseScenarioValue } from '../src/core/model/scenario';
import { ASSUMPTIONS, assumptionsJson, assumptionsMarkdown } from '../src/core/procedures/assumptions';
import { expectRefusal, runMain } from './support/cli';
import { EXAMPLE_PATH, exampleJson } from './support/fixtures';

const sim = (argv: string[], files: Record<string, string> = {}) => runMain(simMain, argv, files);
const sweep = (argv: string[]) => runMain(sweepMain, argv);

interface TraceStep {
  number: string;
  kind: string;
  lost?: boolean;
  at: number;
}
interface Trace {
  outcome: string;
  steps: TraceStep[];
  error?: { reason: string };
}

describe('sim --fault, --timeout, --retries', () => {
  it('a dropped message is lost, and the client waits for ever: the same trace as the scenario holding the fault', () => {
    const result = sim([EXAMPLE_PATH, '--fault', 'drop:6']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const trace = JSON.parse(result.stdout) as Trace;
    expect(trace.outcome).toBe('no-answer');
    expect(trace.steps.find((s) => s.number === '6')?.lost).toBe(true);
    const raw = { ...exampleJson(), faults: [{ kind: 'drop', step: 6 }] };
    const parsed = parseScenarioValue(raw);
    if (!parsed.ok) throw new Error('the example with a fault is valid');
    expect(trace).toEqual(JSON.parse(JSON.stringify(toTraceJson(simulate(parsed.scenario)))));
  });

  it("with the client's timer and a retry it asks again, then fails naming its timer", () => {
    const result = sim([EXAMPLE_PATH, '--fault', 'drop:6', '--timeout', 'cmc=5000', '--retries', '1']);
    const trace = JSON.parse(result.stdout) as Trace;
    expect(trace.outcome).toBe('failed');
    expect(trace.steps.filter((s) => s.kind === 'timeout')).toHaveLength(2);
    expect(trace.error?.reason).toMatch(/timer fired after 5000 ms/);
  });

  it("adds its faults after the scenario's own", () => {
    const file = JSON.stringify({ ...exampleJson(), faults: [{ kind: 'delay', step: 1, byMs: 100 }] });
    const result = sim(['s.json', '--fault', 'drop:6'], { 's.json': file });
    const trace = JSON.parse(result.stdout) as Trace;
    expect(trace.steps.find((s) => s.number === '1')?.at).toBe(130);
    expect(trace.steps.find((s) => s.number === '6')?.lost).toBe(true);
  });

  it.each([
    [['--fault', 'drop:4'], 'sim: faults[0].step: step 4 of 10.1.4.3.3 is an own action'],
    [['--fault', 'drop:99'], 'sim: faults[0].step: 10.1.4.3.3 has no step 99'],
    [['--fault', 'down:nobody'], 'sim: --fault down:nobody: expected an entity id'],
    [['--fault', 'explode:1'], 'sim: --fault explode:1: unknown kind "explode"'],
    [['--timeout', 'cmc=-5'], 'sim: --timeout cmc=-5: expected a time in ms'],
    [['--timeout', 'nobody=5'], 'sim: --timeout nobody=5: expected an entity id'],
    [['--fault', 'down:cmc:500..100'], 'faults[0].untilMs: expected a time after fromMs (500), got 100'],
    [['--retries', '11'], 'timing.retries: expected an integer 0..10, got 11'],
    [['--retries', 'x'], 'sim: --retries x: expected an integer ≥ 0'],
    [['--retries', '1', '--retries', '2'], 'sim: --retries given twice ("1", "2"): give it once'],
  ])('refuses %j in one line naming the field', (options, message) => {
    expect(expectRefusal(sim([EXAMPLE_PATH, ...options]))).toContain(message);
  });

  it('refuses 10,000 faults in one line naming faults, before any is read', () => {
    const options = Array.from({ length: 10_000 }, (_, i) => ['--fault', `drop:${i + 1}`]).flat();
    expect(expectRefusal(sim([EXAMPLE_PATH, ...options]))).toMatch(/: faults: /);
  });

  it("a bad file is named as always, before the command line's faults are read", () => {
    expect(expectRefusal(sim(['examples/bad.json', '--fault', 'drop:6']))).toMatch(
      /^sim: examples\/bad.json: ue.configuredBy:/,
    );
  });
});

describe('sim --assumptions', () => {
  it('prints the register as JSON by default and as Markdown, without a scenario', () => {
    const json = sim(['--assumptions']);
    expect(json.code).toBe(0);
    expect(json.stdout).toBe(assumptionsJson());
    expect((JSON.parse(json.stdout) as unknown[]).length).toBe(ASSUMPTIONS.length);
    const markdown = sim(['--assumptions', '--format', 'markdown']);
    expect(markdown.stdout).toBe(assumptionsMarkdown());
  });

  it("names the field where a reading can be chosen (step 11's onFailure)", () => {
    const entries = JSON.parse(sim(['--assumptions']).stdout) as {
      readings: { field: string }[];
    }[];
    const fields = entries.flatMap((e) => e.readings.map((r) => r.field));
    expect(fields.some((f) => f.includes('onFailure'))).toBe(true);
  });

  it.each([
    [[EXAMPLE_PATH, '--assumptions'], '--assumptions takes no scenario file'],
    [
      ['--assumptions', '--format', 'text'],
      '--assumptions is printed as --format json or markdown, got "text"',
    ],
  ])('refuses %j in one line', (argv, message) => {
    expect(expectRefusal(sim(argv))).toContain(message);
  });
});

describe('sweep with --fault and --timeout', () => {
  it("over faults[0].step, with and without the client's timer: invalid cells for an own action", () => {
    const result = sweep([
      EXAMPLE_PATH,
      '--fault',
      'drop:1',
      '--timeout',
      'cmc=5000',
      '--vary',
      'faults[0].step=1..14',
      '--vary',
      'timing.timeoutMs.cmc=null,5000',
      '--procedure',
      '10.1.4.3.3',
    ]);
    expect(result.code).toBe(0);
    const { cells } = JSON.parse(result.stdout) as { cells: { outcome: string }[] };
    expect(cells).toHaveLength(28);
    // step 4, an own action: invalid, with and without the timer
    expect(cells[6]?.outcome).toBe('invalid');
    expect(cells[7]?.outcome).toBe('invalid');
    // step 6 lost: the client waits for ever without its timer, and fails with it
    expect(cells[10]?.outcome).toBe('no-answer');
    expect(cells[11]?.outcome).toBe('failed');
  });
});
