import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isEntry, nodeIo, runCli } from '../src/cli/io';
import { main as profileMain } from '../src/cli/profile';
import { main } from '../src/cli/sim';
import { expectRefusal, runMain } from './support/cli';
import { toMermaid } from '../src/core/formats/diagram';
import { toText, toTraceJson } from '../src/core/formats/report';
import { simulate } from '../src/core/engine/run';
import { parseScenarioOrThrow } from '../src/core/model/scenario';
import { EXAMPLE_PATH, exampleJson, fakeIo, lines, ROOT, type ExampleRaw } from './support/fixtures';
import { HOSTILE, profileDoc } from './support/hostileXml';

const example = parseScenarioOrThrow(readFileSync(EXAMPLE_PATH, 'utf8'));

const run = (argv: string[], files: Record<string, string> = {}, stdin = '') =>
  runMain(main, argv, files, stdin);

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
      'sim: s.json: version: expected 1 (the only version this simulator reads), got "one\\ntwo" (and 1 more problem; --all-errors lists them)',
    );
  });

  it.each([
    [['--frobnicate', EXAMPLE_PATH], /^sim: unknown option --frobnicate; usage: /],
    [
      [EXAMPLE_PATH, '--format', 'yaml'],
      /--format must be one of json, text, mermaid(, [\w-]+)*, got "yaml"/,
    ],
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

/** The example with its migration profile given as the document `xml`. */
function withDocument(xml: string): string {
  const raw = exampleJson();
  raw.primary.profiles[1] = { xml, migration: { partners: ['county.example'] } };
  return JSON.stringify(raw);
}

const DTD = HOSTILE[0]!;
/** A line of a stack trace, as node prints them. */
const STACK_FRAME = /^\s+at /m;

describe('sim CLI: hostile input and limits (CONTRACT.md §6)', () => {
  it.each(HOSTILE.map((h) => [h.name, h] as const))(
    'a scenario whose profile is %s: exit 2, one line naming the xml field',
    (_name, hostile) => {
      const line = expectRefusal(run(['s.json'], { 's.json': withDocument(hostile.xml) }));
      expect(line).toBe(`sim: s.json: primary.profiles[1].xml: ${hostile.message}`);
    },
  );

  it.each([
    [
      'a title of 12,000 characters',
      (raw: ExampleRaw) => void (raw.title = 't'.repeat(12_000)),
      'sim: s.json: title: a string of 12,000 characters is over the limit of 10,000',
    ],
    [
      'a cache stored at "1"',
      (raw: ExampleRaw) => void (raw.partner.cache = { profile: { index: 9 }, storedAt: '1' }),
      'sim: s.json: partner.cache.storedAt: expected an ISO 8601 date and time with its time zone (e.g. "2026-10-01T08:00:00Z"), got "1"',
    ],
  ])('%s: exit 2, one line', (_name, change, expected) => {
    const raw = exampleJson();
    change(raw);
    expect(expectRefusal(run(['s.json'], { 's.json': JSON.stringify(raw) }))).toBe(expected);
  });

  it('JSON nested 10,000 levels deep: exit 2, one line naming the field and the limit', () => {
    const text = JSON.stringify(exampleJson()).replace(
      /}$/,
      `,"x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
    );
    const line = expectRefusal(run(['-'], {}, text));
    expect(line).toMatch(
      /^sim: stdin: x\[0\]\[0\][[\]0]*…: nested more than 64 levels deep, over the limit of 64$/,
    );
  });

  it('a scenario over 4 MB: exit 2, one line with its size and the limit', () => {
    const raw = exampleJson();
    raw['x-padding'] = Array.from({ length: 500 }, () => 'p'.repeat(9_000));
    const text = JSON.stringify(raw);
    const line = expectRefusal(run(['big.json'], { 'big.json': text }));
    expect(line).toBe(
      `sim: big.json: (the scenario): the scenario is ${text.length.toLocaleString('en-US')} bytes, over the limit of 4,000,000 bytes (4 MB)`,
    );
  });

  describe('reading files with the real io', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const realIo = () => {
      const { io, stdout, stderr } = fakeIo();
      return { io: { ...io, readFile: nodeIo.readFile }, stdout, stderr };
    };

    it('a file over 4 MB is refused from its size, before it is read', () => {
      // given a file of 4,000,001 bytes
      const path = join(dir, 'big.json');
      writeFileSync(path, ' '.repeat(4_000_001));
      // when run
      const { io, stdout, stderr } = realIo();
      const code = main([path], io);
      // then exit 2, one line
      expectRefusal({ code, stdout: stdout(), stderr: stderr() });
      expect(stderr()).toBe(
        `sim: ${path}: (the scenario): the scenario is 4,000,001 bytes, over the limit of 4,000,000 bytes (4 MB)\n`,
      );
    });

    it.runIf(existsSync('/dev/zero'))('an input that never ends (/dev/zero) is refused after 4 MB', () => {
      const { io, stdout, stderr } = realIo();
      const code = main(['/dev/zero'], io);
      expectRefusal({ code, stdout: stdout(), stderr: stderr() });
      expect(stderr()).toBe(
        'sim: /dev/zero: (the scenario): the scenario is over the limit of 4,000,000 bytes (4 MB)\n',
      );
    });

    it('profile: a document over 1 MB is refused from its size', () => {
      const path = join(dir, 'big.xml');
      writeFileSync(path, profileDoc(`<!--${'x'.repeat(1_000_000)}-->`));
      const { io, stdout, stderr } = realIo();
      const code = profileMain([path], io);
      expectRefusal({ code, stdout: stdout(), stderr: stderr() });
      expect(stderr()).toMatch(
        /^profile: .*big\.xml: the document is 1,000,\d{3} bytes, over the limit of 1,000,000 bytes \(1 MB\)\n$/,
      );
    });
  });

  it('an internal error: exit 1, one line, no stack', () => {
    // given a main that fails as a bug would
    const { io, stdout, stderr } = fakeIo();
    // when run
    const code = runCli(
      'sim',
      () => {
        throw new TypeError('Cannot read properties of undefined (reading "steps")');
      },
      io,
    );
    // then exit 1 and one line saying whose fault it is
    expect(code).toBe(1);
    expect(stdout()).toBe('');
    expect(stderr()).toBe(
      'sim: internal error (a fault of the simulator, not of the input): TypeError: Cannot read properties of undefined (reading "steps")\n',
    );
  });
});

describe('isEntry: the module node was started with, on any OS', () => {
  it('compares file URLs: a path with a space is itself, another directory with the same tail is not', () => {
    const path = resolve(ROOT, 'my dir', 'cli', 'sim.ts');
    expect(isEntry(pathToFileURL(path).href, path)).toBe(true);
    expect(isEntry(pathToFileURL(path).href, resolve(ROOT, 'elsewhere', 'cli', 'sim.ts'))).toBe(false);
    expect(isEntry(pathToFileURL(path).href, undefined)).toBe(false);
  });

  it('resolves a relative script and a symbolic link to it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'entry-'));
    try {
      const real = join(realpathSync(dir), 'sim.ts');
      writeFileSync(real, '');
      symlinkSync(real, join(dir, 'link.ts'));
      expect(isEntry(pathToFileURL(real).href, join(dir, 'link.ts'))).toBe(true);
      expect(isEntry(pathToFileURL(resolve('src/cli/sim.ts')).href, 'src/cli/sim.ts')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the CLIs as processes: bad input is one line, never a stack', () => {
  const npm = (script: string, args: string[], input?: string) =>
    spawnSync('npm', ['run', '--silent', script, '--', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      ...(input === undefined ? {} : { input }),
    });
  const ours = (stderr: string) => lines(stderr).filter((l) => !/^npm (warn|WARN)/.test(l));

  it('profile with a DTD document: exit 2, one line, nothing on stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'profile-cli-'));
    try {
      const path = join(dir, 'dtd.xml');
      writeFileSync(path, DTD.xml);
      const result = npm('profile', [path]);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).not.toMatch(STACK_FRAME);
      expect(ours(result.stderr)).toEqual([`profile: ${path}: ${DTD.message}`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sim with a DTD document in the scenario: exit 2, one line, nothing on stdout', () => {
    const result = npm('sim', ['-'], withDocument(DTD.xml));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(ours(result.stderr)).toEqual([`sim: stdin: primary.profiles[1].xml: ${DTD.message}`]);
  });

  it('an error that escapes main, even later: exit 1, one line, no stack', () => {
    // given an entry script whose main throws, and throws again after it returned
    const dir = mkdtempSync(join(tmpdir(), 'entry-'));
    try {
      const script = join(dir, 'demo.ts');
      const io = pathToFileURL(resolve(ROOT, 'src/cli/io.ts')).href;
      writeFileSync(
        script,
        `import { runEntry } from ${JSON.stringify(io)};\n` +
          `runEntry(import.meta.url, 'demo', () => { setTimeout(() => { throw new RangeError('later'); }); return 0; });\n`,
      );
      // when run as a process
      const result = spawnSync(resolve(ROOT, 'node_modules/.bin/tsx'), [script], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      // then one line and exit 1
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(
        'demo: internal error (a fault of the simulator, not of the input): RangeError: later\n',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
