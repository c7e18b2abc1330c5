import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/check';
import { check } from '../src/core/explore/check';
import { simulate } from '../src/core/engine/run';
import { expectRefusal, runMain } from './support/cli';
import { EXAMPLE_PATH, exampleScenario } from './support/fixtures';

const run = (argv: string[]) => runMain(main, argv);

describe('check CLI (main with a fake io)', () => {
  it('prints the JSON of CONTRACT.md §11: one result per procedure and property', () => {
    const result = run([EXAMPLE_PATH, '--faults', '1']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const parsed = JSON.parse(result.stdout) as {
      faults: number;
      procedures: string[];
      states: number;
      ms: number;
      results: {
        procedure: string;
        property: string;
        holds: boolean;
        counterexample: { steps: unknown[]; faults: unknown[]; brokenAt: number; scenario: unknown } | null;
      }[];
    };
    expect(Object.keys(parsed)).toEqual(['faults', 'procedures', 'states', 'ms', 'results']);
    expect(parsed.faults).toBe(1);
    expect(parsed.procedures).toEqual(['10.1.4.3.2', '10.1.4.3.3']);
    expect(parsed.results).toHaveLength(12);
    const core = check(exampleScenario(), { faults: 1 });
    expect(parsed.states).toBe(core.states);
    expect(parsed.results.map((r) => r.holds)).toEqual(core.results.map((r) => r.holds));
    // each counterexample's scenario, run through sim, gives its steps
    for (const r of parsed.results) {
      if (!r.counterexample) continue;
      const scenario = r.counterexample.scenario as Parameters<typeof simulate>[0];
      const steps = JSON.parse(
        JSON.stringify(simulate(scenario, r.procedure as '10.1.4.3.2').steps),
      ) as unknown[];
      expect(steps).toEqual(r.counterexample.steps);
    }
  });

  it('markdown: the table, the findings in words, each counterexample as numbered steps', () => {
    const result = run([EXAMPLE_PATH, '--format', 'markdown', '--procedure', '10.1.4.3.3']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('| 10.1.4.3.3 | `validated-only` | **fails** |');
    expect(result.stdout).toContain(
      '10.1.4.3.3 validated-only fails without any fault: a property of the clause as written, not of a fault. The run ends after step 11 (partner-cms → cmc',
    );
    expect(result.stdout).toMatch(/^11\. \d+ ms, step 11 \(partner-cms → cmc/m);
  });

  it('refuses bad input with exit 2 and one line', () => {
    expect(expectRefusal(run([EXAMPLE_PATH, '--faults', '-1']))).toMatch(/--faults: expected an integer/);
    expect(expectRefusal(run([EXAMPLE_PATH, '--faults', '1.5']))).toMatch(/--faults/);
    expect(expectRefusal(run([EXAMPLE_PATH, '--kinds', 'drop,delay']))).toMatch(/unknown kind "delay"/);
    expect(expectRefusal(run([EXAMPLE_PATH, '--procedure', '10.1.4.3.9']))).toMatch(/10\.1\.4\.3\.9/);
  });
});
