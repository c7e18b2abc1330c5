import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  closest,
  commandOf,
  editDistance,
  helpText,
  parseCommandLine,
  usageLine,
  type CommandSpec,
} from '../src/cli/args';
import { main as profileMain, PROFILE } from '../src/cli/profile';
import { progressOnStderr, type ProgressStream } from '../src/cli/progress';
import { main as simMain, SIM } from '../src/cli/sim';
import { main as sweepMain, SWEEP } from '../src/cli/sweep';
import { simulate } from '../src/core/engine/run';
import { PROCEDURE_IDS } from '../src/core/model/ids';
import type { Profile } from '../src/core/model/profile';
import { parseScenarioOrThrow } from '../src/core/model/scenario';
import { expectRefusal, runMain } from './support/cli';
import { EXAMPLE_PATH, exampleJson, lines, ROOT } from './support/fixtures';
import { shellWords } from './support/shell';

const sim = (argv: string[], files: Record<string, string> = {}, stdin = '') =>
  runMain(simMain, argv, files, stdin);
const sweep = (argv: string[], files: Record<string, string> = {}, stdin = '') =>
  runMain(sweepMain, argv, files, stdin);
const profile = (argv: string[], files: Record<string, string> = {}, stdin = '') =>
  runMain(profileMain, argv, files, stdin);

const BAD = resolve(ROOT, 'examples/bad.json');
const STRICT = resolve(ROOT, 'examples/strict-primary.json');
const CAPS = ['--vary', 'partner.policy.maxPriority=0..2'];

describe('--help and -h on every command (CONTRACT.md §14)', () => {
  it.each([
    [
      'sim',
      simMain,
      ['--procedure <id>', '--format <format>', 'json, text, mermaid, markdown, xml', 'ue.configuredBy'],
    ],
    [
      'sweep',
      sweepMain,
      ['--vary <path>=<values>', '--procedure <id>', 'json, csv', '10.1.4.3.2 and 10.1.4.3.3'],
    ],
    ['profile', profileMain, ['<profile.xml | ->', 'JSON array']],
  ] as const)(
    '%s: usage, options with their values and defaults, an example; stdout, exit 0',
    (name, main, words) => {
      for (const flag of ['--help', '-h']) {
        const result = runMain(main, [flag]);
        expect(result.code).toBe(0);
        expect(result.stderr).toBe('');
        const help = result.stdout;
        expect(help.startsWith(`usage: npm run --silent ${name} -- `)).toBe(true);
        // (the help wraps its lines: compare with the spaces and line breaks of the wrapping as one space)
        for (const word of words) expect(help.replace(/\s+/g, ' ')).toContain(word);
        expect(help).toMatch(new RegExp(`^examples?:\\n  npm run --silent ${name} -- examples/`, 'm'));
        expect(help).toContain('--all-errors');
        if (name !== 'profile') for (const id of PROCEDURE_IDS) expect(help).toContain(id);
      }
    },
  );

  it.each([
    ['sim', simMain, SIM],
    ['sweep', sweepMain, SWEEP],
    ['profile', profileMain, PROFILE],
  ] as const)('%s: every example of the help runs, exit 0', (_name, main, spec) => {
    for (const example of spec.examples) {
      const words = shellWords(example).words;
      const from = words.indexOf('<');
      const stdin = from < 0 ? '' : readFileSync(resolve(ROOT, words[from + 1] as string), 'utf8');
      const result = runMain(main, from < 0 ? words : words.slice(0, from), {}, stdin);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout.length).toBeGreaterThan(0);
    }
  });

  it('help wins over an otherwise incomplete command line', () => {
    expect(sweep(['--help']).code).toBe(0);
    expect(sim(['--format', 'text', '-h']).code).toBe(0);
  });
});

describe('unknown options, bad values, repeated options (CONTRACT.md §14)', () => {
  it.each([
    [sim, [EXAMPLE_PATH, '--fromat', 'text'], 'sim: unknown option --fromat (did you mean --format?)'],
    [
      sim,
      [EXAMPLE_PATH, '--procedur=10.1.4.3.2'],
      'sim: unknown option --procedur (did you mean --procedure?)',
    ],
    [sweep, [EXAMPLE_PATH, '--vray', 'title=a'], 'sweep: unknown option --vray (did you mean --vary?)'],
    [profile, ['--all-erors', '-'], 'profile: unknown option --all-erors (did you mean --all-errors?)'],
    [
      sim,
      [EXAMPLE_PATH, '--format', 'txt'],
      'sim: --format must be one of json, text, mermaid, markdown, xml, plantuml, testcase, testcase-json, got "txt" (did you mean text?)',
    ],
    [
      sim,
      [EXAMPLE_PATH, '--procedure', '10.1.4.3.4'],
      'sim: --procedure must be one of 10.1.4.3.1, 10.1.4.3.2, 10.1.4.3.3, 10.1.4.x.2, got "10.1.4.3.4" (did you mean 10.1.4.3.1?)',
    ],
    [
      sim,
      [EXAMPLE_PATH, '--procedure', '10.1.4.3.2', '--procedure', '10.1.4.3.3'],
      'sim: --procedure given twice ("10.1.4.3.2", "10.1.4.3.3"): give it once',
    ],
    [
      sim,
      [EXAMPLE_PATH, '--format', 'text', '--format=text'],
      'sim: --format given twice ("text", "text"): give it once',
    ],
    [
      sweep,
      [EXAMPLE_PATH, ...CAPS, '--format', 'csv', '--format', 'json'],
      'sweep: --format given twice ("csv", "json"): give it once',
    ],
    [
      sweep,
      [EXAMPLE_PATH, ...CAPS, '--procedure', '10.1.4.3.2', '--procedure', '10.1.4.3.2'],
      'sweep: --procedure "10.1.4.3.2" given twice: give each value once',
    ],
    [
      sim,
      [EXAMPLE_PATH, '--format'],
      'sim: --format needs a value: one of json, text, mermaid, markdown, xml, plantuml, testcase, testcase-json',
    ],
    [sim, [EXAMPLE_PATH, '--help=yes'], 'sim: --help takes no value, got "yes"'],
    [sim, [EXAMPLE_PATH, '--all-errors', '--all-errors'], 'sim: --all-errors given twice: give it once'],
  ] as const)('%#: %j', (command, argv, line) => {
    expect(expectRefusal(command([...argv]))).toBe(line);
  });

  it('an option far from every known one gets the usage instead of a guess', () => {
    const line = expectRefusal(sim([EXAMPLE_PATH, '--verbose']));
    expect(line).toMatch(
      /^sim: unknown option --verbose; usage: npm run --silent sim -- .*--help lists the options/,
    );
  });

  it('sweep runs each of several different procedures once', () => {
    const result = sweep([
      EXAMPLE_PATH,
      ...CAPS,
      '--procedure',
      '10.1.4.3.3',
      '--procedure',
      '10.1.4.3.2',
      '--format',
      'csv',
    ]);
    expect(result.code).toBe(0);
    const procedures = lines(result.stdout)
      .slice(1)
      .map((row) => row.split(',')[1]);
    expect(procedures).toEqual([...Array(3).fill('10.1.4.3.3'), ...Array(3).fill('10.1.4.3.2')]);
  });

  it('-- ends the options: what follows is a file name, even one starting with -', () => {
    const line = expectRefusal(sim(['--', '--format']));
    expect(line).toBe('sim: cannot read --format: no such file');
  });
});

describe('the argument layer (src/cli/args.ts)', () => {
  const SPEC: CommandSpec = {
    name: 'demo',
    summary: 'A demo.',
    operands: '<file>',
    operandHelp: ['<file>  a file'],
    options: [
      { name: 'timeout', value: '<ms>', help: 'how long' },
      { name: 'fault', value: '<id>', repeatable: true, help: 'a fault' },
      { name: 'quiet', short: 'q', help: 'say less' },
    ],
    examples: ['a.json'],
  };

  it('reads values, repeated values in order, flags, short flags and positionals', () => {
    const args = parseCommandLine(SPEC, ['a.json', '--timeout', '5', '--fault=x', '--fault', 'y', '-q']);
    expect(args.positionals).toEqual(['a.json']);
    expect(args.one('timeout')).toBe('5');
    expect(args.all('fault')).toEqual(['x', 'y']);
    expect(args.flag('quiet')).toBe(true);
    expect(args.help).toBe(false);
    expect(args.allErrors).toBe(false);
  });

  it('edit distance and the closest candidate', () => {
    expect(editDistance('fromat', 'format')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(closest('--fromat', ['--format', '--procedure'])).toBe('--format');
    expect(closest('--xyz', ['--format', '--procedure'])).toBeUndefined();
  });
});

describe('how a command is typed: in a clone, or where the package is installed', () => {
  it('names the npm script in a clone and the program of the package where it is installed', () => {
    expect(commandOf('sim')).toBe('npm run --silent sim --');
    expect(commandOf('sim', true)).toBe('mcx-sim');
    expect(commandOf('check', true)).toBe('mcx-check');
    // no program of its own in the package: the npm script's form
    expect(commandOf('testsuite', true)).toBe('npm run --silent testsuite --');
    expect(usageLine(SIM, true)).toMatch(/^usage: mcx-sim <scenario\.json/);
    // the package ships no examples/: its examples name the user's own file
    expect(helpText(SWEEP, true)).toContain('\n  mcx-sweep scenario.json');
    expect(helpText(SWEEP, true)).not.toContain('examples/');
    expect(helpText(SWEEP)).toContain('\n  npm run --silent sweep -- examples/metro-to-county.json');
  });
});

describe('--all-errors and JSON syntax errors', () => {
  it('bad.json: one line naming the first problem and a count; --all-errors lists them all', () => {
    const line = expectRefusal(sim([BAD]));
    expect(line).toBe(
      `sim: ${BAD}: ue.configuredBy: expected "primary" or "partner", got "home" (and 1 more problem; --all-errors lists them)`,
    );
    const all = sim([BAD, '--all-errors']);
    expect(all.code).toBe(2);
    expect(all.stdout).toBe('');
    expect(lines(all.stderr)).toEqual([
      `sim: ${BAD}: 2 problems`,
      '  ue.configuredBy: expected "primary" or "partner", got "home"',
      '  primary.profiles[1].priority: expected an integer 0..255, got "high"',
    ]);
  });

  it('{} lists every missing field with --all-errors', () => {
    const all = sim(['-', '--all-errors'], {}, '{}');
    expect(all.code).toBe(2);
    const problems = lines(all.stderr).slice(1);
    expect(lines(all.stderr)[0]).toBe(`sim: stdin: ${problems.length} problems`);
    expect(problems.length).toBeGreaterThan(5);
    expect(problems).toContain('  primary: expected an object, got nothing');
  });

  it.each([
    ['{\n  "format": "mcx-migration-scenario",\n  "version": 1,\n}\n', 'unexpected "}" at line 4, column 1'],
    ['{\n  "title": "a"\n  "version": 1\n}', 'unexpected "\\"" at line 3, column 3'],
    ['{\n  "title": "a",\n', 'unexpected the end of the text at line 3, column 1'],
    ['[1, 2] 3', 'unexpected "3" at line 1, column 8'],
  ])('a JSON syntax error names line and column: %j', (text, where) => {
    expect(expectRefusal(sim(['-'], {}, text))).toBe(`sim: stdin: (the scenario): not valid JSON: ${where}`);
  });
});

describe('profiles: the disabled candidate, --format xml with none, profile - on what sim writes', () => {
  it('a disabled profile for migration is named as such, not as missing', () => {
    const raw = exampleJson();
    (raw.primary.profiles[1] as { status?: boolean }).status = false;
    const result = sim(['s.json', '--format', 'json'], { 's.json': JSON.stringify(raw) });
    const trace = JSON.parse(result.stdout) as { outcome: string; error: { reason: string } };
    expect(trace.outcome).toBe('rejected');
    expect(trace.error.reason).toBe(
      'no enabled MC service user profile for migration to county.example (profile 2 names it but is disabled: status false)',
    );
  });

  it('sim --format xml on a rejected run: exit 0, nothing on stdout, one line on stderr saying why', () => {
    const result = sim([STRICT, '--format', 'xml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(lines(result.stderr)).toEqual([
      'sim: no profile to write: the client ends with none (the run was rejected at step 11a: validation failed: priority 3 is below the minimum of 5)',
    ]);
  });

  const example = parseScenarioOrThrow(readFileSync(EXAMPLE_PATH, 'utf8'));
  /** What a document carries: the Profile without the fields given beside it in a scenario (CONTRACT.md §5). */
  const documentFields = ({ xml: _xml, areas: _areas, migration: _migration, ...rest }: Profile) => rest;

  it.each(PROCEDURE_IDS)('profile - reads back what sim --format xml writes for %s', (procedure) => {
    const xml = sim([EXAMPLE_PATH, '--procedure', procedure, '--format', 'xml']);
    expect(xml.code).toBe(0);
    const back = profile(['-'], {}, xml.stdout);
    expect(back.stderr).toBe('');
    expect(back.code).toBe(0);
    const parsed = JSON.parse(back.stdout) as Profile | Profile[];
    const profiles = simulate(example, procedure).profiles;
    const read = Array.isArray(parsed) ? parsed : [parsed];
    // one document gives a Profile, several a list of them
    expect(Array.isArray(parsed)).toBe(profiles.length > 1);
    expect(read.map(documentFields)).toEqual(profiles.map(documentFields));
  });

  it('a broken document among several is named by its place', () => {
    const xml = sim([EXAMPLE_PATH, '--procedure', '10.1.4.3.1', '--format', 'xml']).stdout;
    const broken = `${xml}<?xml version="1.0"?>\n<nope/>\n`;
    expect(expectRefusal(profile(['-'], {}, broken))).toMatch(/^profile: stdin \(document 3 of 3\): /);
  });

  it('--format text shows a document-given profile by what it maps to, not as an escaped string', () => {
    const raw = exampleJson();
    raw.primary.profiles[1] = {
      xml: readFileSync(resolve(ROOT, 'examples/profile.xml'), 'utf8'),
      migration: { partners: ['county.example'] },
      areas: ['harbour'],
    };
    const text = sim(['s.json', '--format', 'text', '--procedure', '10.1.4.3.1'], {
      's.json': JSON.stringify(raw),
    });
    expect(text.code).toBe(0);
    expect(text.stdout).not.toContain('<mcptt-user-profile');
    expect(text.stdout).toContain(
      '    xml: read from a TS 24.484 mcptt-user-profile document: the fields above',
    );
    expect(text.stdout).toContain('    priority: 7');
  });
});

describe('sweep: null and lists as values', () => {
  it('partner.cache=null and partner.policy.areas as a JSON array of lists', () => {
    const result = sweep([
      EXAMPLE_PATH,
      '--vary',
      'partner.cache=null',
      '--vary',
      'partner.policy.areas=[["harbour"],[],["downtown","harbour"]]',
      '--procedure',
      '10.1.4.3.2',
    ]);
    expect(result.stderr).toBe('');
    const out = JSON.parse(result.stdout) as {
      vary: { path: string; values: unknown[] }[];
      cells: { values: unknown[]; outcome: string; violations: string[]; profile: Profile | null }[];
    };
    expect(out.vary).toEqual([
      { path: 'partner.cache', values: [null] },
      { path: 'partner.policy.areas', values: [['harbour'], [], ['downtown', 'harbour']] },
    ]);
    expect(out.cells.map((c) => [c.values, c.outcome, c.violations])).toEqual([
      [[null, ['harbour']], 'delivered', []],
      [[null, []], 'rejected', ['requireAreas']],
      [[null, ['downtown', 'harbour']], 'delivered', []],
    ]);
    expect(out.cells[2]?.profile?.areas).toEqual(['downtown', 'harbour']);
    // and as CSV, a list is one field holding its JSON
    const csv = sweep([
      EXAMPLE_PATH,
      '--vary',
      'partner.policy.areas=[["harbour","downtown"]]',
      '--procedure',
      '10.1.4.3.3',
      '--format',
      'csv',
    ]);
    expect(lines(csv.stdout)[1]).toBe('"[""harbour"",""downtown""]",10.1.4.3.3,delivered,');
  });

  it.each([
    ['partner.policy.areas=null', 'sweep: partner.policy.areas=null: expected a list, got null'],
    [
      'partner.policy.areas=[["harbour"]',
      /^sweep: partner\.policy\.areas=\[\["harbour"\]: values starting with \[ are a JSON array/,
    ],
    ['partner.policy.areas=[]', 'sweep: partner.policy.areas=[]: no values (the JSON array is empty)'],
  ] as const)('%s is refused in one line', (vary, message) => {
    const line = expectRefusal(sweep([EXAMPLE_PATH, '--vary', vary]));
    if (typeof message === 'string') expect(line).toBe(message);
    else expect(line).toMatch(message);
  });
});

describe('progress (src/cli/progress.ts)', () => {
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    const s: ProgressStream = { isTTY, write: (text: string) => written.push(text) };
    return { s, written };
  };

  it('says nothing when stderr is not a terminal, however long the work', () => {
    let t = 0;
    const { s, written } = stream(false);
    const p = progressOnStderr('sweep', 'cells', s, () => t);
    t = 60_000;
    p.update(5, 10);
    p.end();
    expect(written).toEqual([]);
  });

  it('on a terminal: nothing in the first second, then a line redrawn at most ten times a second, erased at the end', () => {
    let t = 0;
    const { s, written } = stream(true);
    const p = progressOnStderr('sweep', 'cells', s, () => t);
    t = 999;
    p.update(1, 2000);
    expect(written).toEqual([]);
    t = 1000;
    p.update(1000, 2000);
    t = 1050;
    p.update(1500, 2000);
    t = 1100;
    p.update(2000, 2000);
    p.end();
    p.end();
    expect(written).toEqual([
      '\r\x1b[2Ksweep: 1,000 of 2,000 cells (50%), 1 s',
      '\r\x1b[2Ksweep: 2,000 of 2,000 cells (100%), 1 s',
      '\r\x1b[2K',
    ]);
  });

  it('a short piece of work on a terminal prints nothing, not even the erasing', () => {
    const { s, written } = stream(true);
    const p = progressOnStderr('sweep', 'cells', s, () => 0);
    p.update(1, 1);
    p.end();
    expect(written).toEqual([]);
  });
});
