import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/sim';
import { toMermaid } from '../src/core/diagram';
import { toText, toTraceJson } from '../src/core/report';
import { simulate } from '../src/core/run';
import { parseScenarioOrThrow } from '../src/core/scenario';
import { EXAMPLE_PATH, exampleJson, fakeIo, lines, ROOT } from './support/fixtures';

const example = parseScenarioOrThrow(readFileSync(EXAMPLE_PATH, 'utf8'));

function run(argv: string[], files: Record<string, string> = {}, stdin = '') {
  const { io, stdout, stderr } = fakeIo(files, stdin);
  const code = main(argv, io);
  return { code, stdout: stdout(), stderr: stderr() };
}

/** A refusal: exit 2, nothing on stdout, exactly one line on stderr. */
function expectRefusal(result: ReturnType<typeof run>): string {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(lines(result.stderr)).toHaveLength(1);
  expect(result.stderr.endsWith('\n')).toBe(true);
  return result.stderr.trimEnd();
}

describe('sim CLI (main with a fake io)', () => {
  it('prints the trace as JSON by default, equal to toTraceJson(simulate(...))', () => {
    // given the example file
    // when run without options
    const result = run([EXAMPLE_PATH]);
    // then exit 0, nothing on stderr, one JSON object: the default procedure's trace
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const parsed: unknown = JSON.parse(result.stdout);
    expect(parsed).toEqual(JSON.parse(JSON.stringify(toTraceJson(simulate(example)))));
    expect((parsed as { procedure: string }).procedure).toBe('10.1.4.3.3');
    expect(Object.keys(parsed as object)).toEqual([
      'procedure',
      'outcome',
      'steps',
      'profiles',
      'changes',
      'validation',
      'error',
      'stores',
    ]);
  });

  it.each(['10.1.4.3.1', '10.1.4.3.2', '10.1.4.3.3', '10.1.4.x.2'] as const)(
    '--procedure %s runs that procedure',
    (p) => {
      // given the example
      // when a procedure is named
      const result = run([EXAMPLE_PATH, '--procedure', p]);
      // then its trace is printed
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual(
        JSON.parse(JSON.stringify(toTraceJson(simulate(example, p)))),
      );
    },
  );

  it('--format text prints the report, --format mermaid the diagram', () => {
    // given the example
    // when run with each format
    const text = run([EXAMPLE_PATH, '--format', 'text']);
    const mermaid = run([EXAMPLE_PATH, '--format=mermaid', '--procedure', '10.1.4.3.2']);
    // then they are toText and toMermaid of the run
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(toText(simulate(example), example.title));
    expect(mermaid.code).toBe(0);
    expect(mermaid.stdout).toBe(toMermaid(simulate(example, '10.1.4.3.2'), example).text);
    expect(mermaid.stdout.startsWith('sequenceDiagram\n')).toBe(true);
  });

  it('reads the scenario from standard input with -', () => {
    // given the example on stdin
    // when the file is -
    const result = run(['-', '--procedure', '10.1.4.3.1'], {}, readFileSync(EXAMPLE_PATH, 'utf8'));
    // then it runs
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).procedure).toBe('10.1.4.3.1');
  });

  it('exits 0 for a rejected run: the outcome is in the output', () => {
    // given a scenario whose primary refuses the modified profile
    const raw = exampleJson();
    raw.ue.configuredBy = 'primary';
    raw.primary.validation!.minPriority = 5;
    // when run
    const result = run(['s.json'], { 's.json': JSON.stringify(raw) });
    // then exit 0 with outcome rejected
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ outcome: 'rejected', error: { step: 12 } });
  });

  it('bad file: exit 2, one line naming the file', () => {
    // given a file that does not exist
    // when run
    const line = expectRefusal(run(['/nonexistent/scenario.json']));
    // then the line names it
    expect(line).toBe('sim: cannot read /nonexistent/scenario.json: no such file');
  });

  it('a directory: exit 2, one line', () => {
    // given a directory
    // when run
    const line = expectRefusal(run([ROOT]));
    // then
    expect(line).toBe(`sim: cannot read ${ROOT}: is a directory`);
  });

  it('bad JSON: exit 2, one line naming the file and the root path', () => {
    // given text that is not JSON
    // when run
    const line = expectRefusal(run(['bad.json'], { 'bad.json': '{ "format": ' }));
    // then
    expect(line).toMatch(/^sim: bad\.json: \(the scenario\): not valid JSON: /);
  });

  it('bad field: exit 2, one line naming the JSON path', () => {
    // given a priority that is not a number
    const raw = exampleJson();
    raw.primary.profiles[1]!.priority = 'high';
    // when run
    const line = expectRefusal(run(['s.json'], { 's.json': JSON.stringify(raw) }));
    // then the contract's message
    expect(line).toBe('sim: s.json: primary.profiles[1].priority: expected an integer 0..255, got "high"');
  });

  it('several bad fields, one with a newline in its value: still one line', () => {
    // given two bad fields, the first a string with newlines
    const raw = exampleJson();
    raw.version = 'one\ntwo';
    raw.ue = { configuredBy: 'nobody' };
    // when run
    const line = expectRefusal(run(['s.json'], { 's.json': JSON.stringify(raw) }));
    // then the first is named and the rest counted
    expect(line).toBe(
      'sim: s.json: version: expected 1 (the only version this simulator reads), got "one\\ntwo" (and 1 more problem)',
    );
  });

  it.each([
    [['--frobnicate', EXAMPLE_PATH], /Unknown option '--frobnicate'/],
    [[EXAMPLE_PATH, '--format', 'yaml'], /--format must be one of json, text, mermaid(, \w+)*, got "yaml"/],
    [[EXAMPLE_PATH, '--procedure', '10.1.4.9'], /--procedure must be one of .*got "10\.1\.4\.9"/],
    [[], /expected one scenario file/],
    [[EXAMPLE_PATH, EXAMPLE_PATH], /expected one scenario file/],
  ])('bad arguments %j: exit 2, one line', (argv, message) => {
    // given bad arguments
    // when run
    const line = expectRefusal(run(argv));
    // then the line says what is wrong
    expect(line).toMatch(/^sim: /);
    expect(line).toMatch(message);
  });

  it('--help prints the usage and exits 0', () => {
    // given --help
    // when run
    const result = run(['--help']);
    // then
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^usage: npm run --silent sim -- /);
    expect(result.stderr).toBe('');
  });
});

describe('sim CLI (real process)', () => {
  const npm = (args: string[]) =>
    spawnSync('npm', ['run', '--silent', 'sim', '--', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('npm run --silent sim -- examples/metro-to-county.json: exit 0, the JSON trace on stdout', () => {
    // given the example
    // when the CLI runs as a process
    const result = npm(['examples/metro-to-county.json']);
    // then exit 0 and the trace
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(toTraceJson(simulate(example)))));
  });

  it('npm run --silent sim -- with a missing file: exit 2, one stderr line, empty stdout', () => {
    // given a missing file
    // when the CLI runs as a process
    const result = npm(['examples/missing.json']);
    // then exit 2, nothing on stdout, one line on stderr (npm's own warnings about the user config aside)
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const ours = lines(result.stderr).filter((l) => !/^npm (warn|WARN)/.test(l));
    expect(ours).toEqual(['sim: cannot read examples/missing.json: no such file']);
  });
});
