import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/sweep';
import { expectRefusal, runMain } from './support/cli';
import { parseVary, sweep } from '../src/core/explore/sweep';
import { EXAMPLE_PATH, exampleJson, exampleScenario, lines, ROOT } from './support/fixtures';

const example = exampleScenario();

const run = (argv: string[], files: Record<string, string> = {}, stdin = '') =>
  runMain(main, argv, files, stdin);

const CAPS = ['--vary', 'partner.policy.maxPriority=0..4'];

describe('sweep CLI (main with a fake io)', () => {
  it('prints one JSON object: vary, procedures and the cells of sweep(...)', () => {
    // given the example
    // when swept over the partner's cap with the default procedures
    const result = run([EXAMPLE_PATH, ...CAPS]);
    // then exit 0, nothing on stderr, the object of CONTRACT.md §7
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const parsed = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['vary', 'procedures', 'cells']);
    const expected = sweep(example, [parseVary('partner.policy.maxPriority=0..4')]);
    expect(parsed).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(parsed.procedures).toEqual(['10.1.4.3.2', '10.1.4.3.3']);
    const cells = parsed.cells as Record<string, unknown>[];
    expect(Object.keys(cells[0] ?? {})).toEqual([
      'values',
      'procedure',
      'outcome',
      'error',
      'violations',
      'rules',
      'profile',
    ]);
    // one cell per line
    expect(lines(result.stdout)).toHaveLength(4 + 10 + 2);
  });

  it('--format csv: the header and one row per cell, exactly', () => {
    // given the example (the primary's floor is minPriority 2)
    // when swept over the cap as CSV
    const result = run([EXAMPLE_PATH, ...CAPS, '--format', 'csv']);
    // then a cap of 0 or 1 refuses 10.1.4.3.2 at its step 11 check; 10.1.4.3.3 has none
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'partner.policy.maxPriority,procedure,outcome,violations',
        '0,10.1.4.3.2,rejected,minPriority',
        '1,10.1.4.3.2,rejected,minPriority',
        '2,10.1.4.3.2,delivered,',
        '3,10.1.4.3.2,delivered,',
        '4,10.1.4.3.2,delivered,',
        '0,10.1.4.3.3,delivered,',
        '1,10.1.4.3.3,delivered,',
        '2,10.1.4.3.3,delivered,',
        '3,10.1.4.3.3,delivered,',
        '4,10.1.4.3.3,delivered,',
        '',
      ].join('\n'),
    );
  });

  it('--procedure in order, several --vary, violations joined with ; and quoted strings', () => {
    // given a scenario whose partner also drops every required group and area
    const raw = exampleJson();
    raw.partner.policy = { ...raw.partner.policy, areas: ['nowhere'], groups: { allow: [] } };
    const files = { 'strict.json': JSON.stringify(raw) };
    // when swept over the cap and the title (a string with a quote), 10.1.4.3.3 first
    const result = run(
      [
        'strict.json',
        '--vary=partner.policy.maxPriority=1,2',
        '--vary',
        'title=say "hi"',
        '--procedure',
        '10.1.4.3.3',
        '--procedure',
        '10.1.4.3.2',
        '--format=csv',
      ],
      files,
    );
    // then 10.1.4.3.2 breaks all three rules at a cap of 1, two at 2
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'partner.policy.maxPriority,title,procedure,outcome,violations',
        '1,"say ""hi""",10.1.4.3.3,delivered,',
        '2,"say ""hi""",10.1.4.3.3,delivered,',
        '1,"say ""hi""",10.1.4.3.2,rejected,minPriority;requiredGroups;requireAreas',
        '2,"say ""hi""",10.1.4.3.2,rejected,requiredGroups;requireAreas',
        '',
      ].join('\n'),
    );
  });

  it('reads the scenario from standard input with -', () => {
    const result = run(['-', ...CAPS, '--format', 'csv'], {}, readFileSync(EXAMPLE_PATH, 'utf8'));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(run([EXAMPLE_PATH, ...CAPS, '--format', 'csv']).stdout);
  });

  it('--help prints the usage', () => {
    const result = run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^usage: npm run --silent sweep -- <scenario.json \| -> --vary/);
  });
});

describe('sweep CLI: every bad sweep is exit 2, one line on stderr, nothing on stdout', () => {
  it.each([
    [[EXAMPLE_PATH], /^sweep: nothing to vary: give at least one --vary; usage: /],
    [
      [EXAMPLE_PATH, '--vary', 'partner.policy.nope=1'],
      'sweep: partner.policy.nope: unknown path: partner.policy has no field "nope"; it has areas, maxPriority, groups, maxAffiliations, privateCall',
    ],
    [
      [EXAMPLE_PATH, '--vary', 'primary.profiles[9].priority=1'],
      'sweep: primary.profiles[9].priority: unknown path: primary.profiles has no element [9] (it has 2: [0]..[1])',
    ],
    [
      [EXAMPLE_PATH, '--vary', 'partner.policy.maxPriority=300'],
      'sweep: partner.policy.maxPriority=300: expected an integer 0..255, got 300',
    ],
    [
      [EXAMPLE_PATH, '--vary', 'partner.policy.maxPriority=4..0'],
      'sweep: partner.policy.maxPriority=4..0: backwards range (4 > 0); write 0..4',
    ],
    [
      [
        EXAMPLE_PATH,
        '--vary',
        'partner.policy.maxPriority=0..255',
        '--vary',
        'primary.validation.minPriority=0..255',
        '--vary',
        'title=a,b,c,d,e,f,g,h',
      ],
      'sweep: the sweep has 1,048,576 cells (256 × 256 × 8 × 2 procedures), more than 1,000,000',
    ],
    [[EXAMPLE_PATH, '--vary', 'maxPriority'], /^sweep: maxPriority: expected <path>=<values>/],
    [
      [EXAMPLE_PATH, ...CAPS, '--procedure', '10.1.4.9'],
      /^sweep: --procedure must be one of 10\.1\.4\.3\.1, /,
    ],
    [[EXAMPLE_PATH, ...CAPS, '--format', 'xml'], 'sweep: --format must be one of json, csv, got "xml"'],
    [[EXAMPLE_PATH, ...CAPS, '--frobnicate'], /^sweep: unknown option --frobnicate; usage: /],
    [[...CAPS], /^sweep: expected one scenario file \(or - for standard input\); usage: /],
    [['missing.json', ...CAPS], 'sweep: cannot read missing.json: no such file'],
  ] as const)('%j', (argv, message) => {
    const line = expectRefusal(run([...argv]));
    if (typeof message === 'string') expect(line).toBe(message);
    else expect(line).toMatch(message);
  });

  it('a scenario the schema refuses is named by file and JSON path', () => {
    const raw = exampleJson();
    (raw.primary.profiles[1] as Record<string, unknown>).priority = 'high';
    const line = expectRefusal(run(['bad.json', ...CAPS], { 'bad.json': JSON.stringify(raw) }));
    expect(line).toBe(
      'sweep: bad.json: primary.profiles[1].priority: expected an integer 0..255, got "high"',
    );
  });
});

describe('npm run --silent sweep (a real process)', () => {
  const npm = (args: string[]) =>
    spawnSync('npm', ['run', '--silent', 'sweep', '--', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('exit 0 and the CSV on stdout; exit 2 and one line on stderr for a bad sweep', () => {
    const ok = npm(['examples/metro-to-county.json', ...CAPS, '--format', 'csv']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe(run([EXAMPLE_PATH, ...CAPS, '--format', 'csv']).stdout);
    const bad = npm(['examples/metro-to-county.json', '--vary', 'partner.policy.maxPriority=4..0']);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('sweep: partner.policy.maxPriority=4..0: backwards range (4 > 0); write 0..4\n');
  });
});
