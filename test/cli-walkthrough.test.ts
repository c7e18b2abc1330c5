import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/sim';
import { simulate } from '../src/core/engine/run';
import { parseScenarioOrThrow } from '../src/core/model/scenario';
import { toWalkthrough } from '../src/core/formats/walkthrough';
import { runMain } from './support/cli';
import { EXAMPLE_PATH, ROOT } from './support/fixtures';

const REFUSED = resolve(ROOT, 'test/golden/scenarios/validation-min-priority.json');
const CONTINUED = resolve(ROOT, 'test/golden/scenarios/validation-continue.json');
const LOGGED =
  'validation failed (priority 3 is below the minimum of 5); logged, and processing continues in step 12 (onFailure: "continue")';

const run = (argv: string[]) => runMain(main, argv);

describe('sim --format markdown (CONTRACT.md §6)', () => {
  it('prints the walkthrough, the same document as the page download (without review notes)', () => {
    // given the example under 10.1.4.3.2
    const scenario = parseScenarioOrThrow(readFileSync(EXAMPLE_PATH, 'utf8'));
    // when printed as markdown
    const result = run([EXAMPLE_PATH, '--procedure', '10.1.4.3.2', '--format', 'markdown']);
    // then exit 0 and exactly toWalkthrough of the run
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(toWalkthrough(simulate(scenario, '10.1.4.3.2'), scenario));
    // and the procedure decides who configures the UE (the example's ue.configuredBy is "partner")
    expect(result.stdout).toContain('the UE configured by the primary MC system');
    expect(result.stdout).not.toContain('configured by the partner');
    expect(result.stdout).toContain('### 5. Configuration management server, primary MC system → ');
    expect(result.stdout).toContain('(CSC-17)');
  });

  it('numbers the refusal after step 11 as 11a, in the heading and the "refused at" sentence', () => {
    const result = run([REFUSED, '--format', 'markdown']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('### 11a. ');
    expect(result.stdout).not.toMatch(/^### 12\. /m);
    expect(result.stdout).toContain('receives no profile: refused at step 11a: validation failed');
    expect(result.stdout).toMatch(/Outcome: \*\*rejected\*\* at step 11a/);
  });

  it('--format text uses the same numbers, and names each message reference point', () => {
    const result = run([REFUSED, '--format', 'text']);
    expect(result.stdout).toMatch(/^11a\. primary-cms -> cmc \[CSC-4\] ERROR$/m);
    expect(result.stdout).toContain('Outcome: rejected at step 11a: validation failed');
    expect(result.stdout).not.toMatch(/^ +12\. /m);
  });

  it('a 10.1.4.3.1 text report lists no store of a user database (none is in that procedure)', () => {
    const result = run([EXAMPLE_PATH, '--procedure', '10.1.4.3.1', '--format', 'text']);
    expect(result.stdout).not.toContain('partner-udb');
    expect(result.stdout).not.toContain('Stored by');
    // while a migration procedure lists both databases' stores
    const migration = run([EXAMPLE_PATH, '--procedure', '10.1.4.3.2', '--format', 'text']);
    expect(migration.stdout).toContain('Stored by partner-udb: profile 2');
    expect(migration.stdout).toContain('Stored by primary-udb: profile 2');
  });
});

describe('a check that failed and was logged (onFailure "continue", 10.1.4.3.2 step 11) in the text and Markdown', () => {
  it('--format text: the log line under step 11, before step 12, and the validation marked as failed and logged', () => {
    const result = run([CONTINUED, '--format', 'text']);
    expect(result.code).toBe(0);
    const text = result.stdout;
    const step11 = text.indexOf(' 11. primary-cms (own action)');
    const step12 = text.indexOf(' 12. primary-cms -> primary-udb [CSC-13]');
    expect(step11).toBeGreaterThan(0);
    expect(step12).toBeGreaterThan(step11);
    expect(text.slice(step11, step12)).toContain(`     logged: ${LOGGED}\n`);
    expect(text.match(/logged: /g)).toHaveLength(1);
    expect(text).toContain('Outcome: delivered\n');
    expect(text).toContain(
      'Validation by the primary: failed (logged, and the migration went on: onFailure "continue")\n  - minPriority: priority 3 is below the minimum of 5',
    );
    // while the same check under "prohibit" logs nothing
    expect(run([REFUSED, '--format', 'text']).stdout).not.toContain('logged: ');
  });

  it('--format markdown: "Logged by" in the step 11 section, and the closing sentence with the violated rule', () => {
    const result = run([CONTINUED, '--format', 'markdown']);
    expect(result.code).toBe(0);
    const md = result.stdout;
    const step11 = md.slice(md.indexOf('### 11. '), md.indexOf('### 12. '));
    expect(step11).toContain(`**Logged by Configuration management server, primary MC system:** ${LOGGED}`);
    expect(md.match(/\*\*Logged by /g)).toHaveLength(1);
    expect(md).toContain('Outcome: **delivered**.');
    expect(md).toContain(
      '**failed**.\n\n- `minPriority`: priority 3 is below the minimum of 5\n\nAs the scenario reads step 11\'s "may" (`onFailure: "continue"`), the primary configuration management server logged the failed check',
    );
    const refused = run([REFUSED, '--format', 'markdown']).stdout;
    expect(refused).not.toContain('Logged by');
    expect(refused).not.toContain('logged the failed check');
    expect(refused).toContain('(`onFailure: "prohibit"`), the migration was refused');
  });
});

describe('the walkthrough read as a delegate would (CONTRACT.md §14)', () => {
  const STRICT = resolve(ROOT, 'examples/strict-primary.json');
  const CASES = [
    [EXAMPLE_PATH, '10.1.4.3.1'],
    [EXAMPLE_PATH, '10.1.4.3.2'],
    [EXAMPLE_PATH, '10.1.4.3.3'],
    [EXAMPLE_PATH, '10.1.4.x.2'],
    [STRICT, '10.1.4.3.2'],
    [CONTINUED, '10.1.4.3.2'],
  ] as const;
  const markdown = (file: string, procedure: string) => {
    const result = run([file, '--procedure', procedure, '--format', 'markdown']);
    expect(result.code).toBe(0);
    return result.stdout;
  };

  it.each(CASES)(
    '%s %s: each spec note given once, and every later mention refers to it',
    (file, procedure) => {
      const md = markdown(file, procedure);
      const given = [...md.matchAll(/^\*\*Spec note — (.+?):\*\* /gm)].map((m) => m[1]);
      expect(given.length).toBeGreaterThan(0);
      expect(new Set(given).size).toBe(given.length);
      for (const m of md.matchAll(/^\*Spec note — (.+?) — given (at the top|at step \w+); /gm)) {
        expect(given).toContain(m[1]);
      }
    },
  );

  it('10.1.4.3.2 on the example: 10 notes given, 5 referred to (15 before, of which 10 differed)', () => {
    const md = markdown(EXAMPLE_PATH, '10.1.4.3.2');
    expect(md.match(/^\*\*Spec note — /gm)).toHaveLength(10);
    expect(md.match(/^\*Spec note — /gm)).toHaveLength(5);
    expect(md.match(/A profile the partner did not ask for/g)).toHaveLength(3);
    expect(md).toContain(
      '*Spec note — A profile the partner did not ask for — given at step 5; it bears on this step too.*',
    );
  });

  it.each(CASES)(
    '%s %s: code spans are code, never escaped backticks; no panel in a document',
    (file, procedure) => {
      const md = markdown(file, procedure);
      expect(md).not.toContain('\\`');
      expect(md).not.toMatch(/\bpanel\b/);
    },
  );

  it('code spans of the notes come out as spans', () => {
    const md = markdown(EXAMPLE_PATH, '10.1.4.3.2');
    expect(md).toContain("the one of the scenario's `ue.service` (MCPTT by default)");
    expect(md).toContain('`primary.validation.onFailure: "prohibit"`');
  });

  it('delivered: the validation passed and the policy changes are stated', () => {
    const md = markdown(EXAMPLE_PATH, '10.1.4.3.2');
    const validation = md.slice(md.indexOf('## Validation by the primary MC system (step 11)'));
    expect(validation).toMatch(/^\*The simulator's check\* of the modified profile .*: \*\*passed\*\*\.$/m);
    expect(md).toContain("## Changes by the partner's policy (step 7)");
    expect(md).toContain('| priority | 7 | 3 | `maxPriority` |');
  });

  it("rejected: the validation failed with its rule, and the policy's changes the partner stored are kept", () => {
    const md = markdown(STRICT, '10.1.4.3.2');
    expect(md).toMatch(/\*\*failed\*\*\.\n\n- `minPriority`: priority 3 is below the minimum of 5\n/);
    expect(md).toContain("## Changes by the partner's policy (step 7)");
    expect(md).toContain('| priority | 7 | 3 | `maxPriority` |');
    expect(md).toContain(
      "*The simulator's note:* the partner MC service user database stored this modified profile at step 8 and keeps it",
    );
    expect(md).toContain('The configuration management client receives no profile: refused at step 11a');
    // 10.1.4.3.3 has no check: no validation section, but its changes
    const partner = markdown(EXAMPLE_PATH, '10.1.4.3.3');
    expect(partner).not.toContain('## Validation');
    expect(partner).toContain("## Changes by the partner's policy (step 8)");
  });

  it('says when --procedure overrides ue.configuredBy, and only then', () => {
    // the example's ue.configuredBy is "partner"
    expect(markdown(EXAMPLE_PATH, '10.1.4.3.2')).toContain(
      '*The simulator\'s note:* the scenario\'s `ue.configuredBy` is "partner", which picks 10.1.4.3.3; this walkthrough runs 10.1.4.3.2 as asked',
    );
    for (const procedure of ['10.1.4.3.3', '10.1.4.x.2', '10.1.4.3.1'])
      expect(markdown(EXAMPLE_PATH, procedure)).not.toContain('this walkthrough runs');
  });

  it("cites the reference points' sources", () => {
    const md = markdown(EXAMPLE_PATH, '10.1.4.3.2');
    expect(md).toContain(
      'CSC-4 (configuration management client ↔ configuration management server): TS 23.280 clause 7.5.2;',
    );
    expect(md).toContain(
      'CSC-13 (configuration management server ↔ MC service user database): TS 29.283 clause 4.1;',
    );
    expect(md).toContain(': TS 23.280 clause 7.5.2.17.');
    // 10.1.4.3.1 uses CSC-4 only, and names only it
    const own = markdown(EXAMPLE_PATH, '10.1.4.3.1');
    expect(own).toContain('CSC-4 (');
    expect(own).not.toContain('CSC-13 (');
  });
});
