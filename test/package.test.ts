/**
 * The package as a user gets it (CONTRACT.md §13): `npm pack` (which builds it), the tarball installed into an empty
 * folder with `--omit=dev`, then each bin and the typed API run there by Node alone. One build, one install, for
 * the whole file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as sim } from '../src/cli/sim';
import { main as sweepMain } from '../src/cli/sweep';
import { main as checkMain } from '../src/cli/check';
import { toMermaid } from '../src/core/formats/diagram';
import { simulate } from '../src/core/engine/run';
import { runMain } from './support/cli';
import { EXAMPLE_PATH, exampleScenario, ROOT } from './support/fixtures';

const NAME = 'mcx-migration-simulator';
let work = '';
let consumer = '';
let tarball = '';
const timings = { packMs: 0, installMs: 0, bytes: 0 };

/** npm as a user runs it: none of the npm run variables of a test started by `npm test`. */
const cleanEnv = () =>
  Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^npm_(package|lifecycle|config_(dry_run|omit|global))/i.test(k),
    ),
  );

/**
 * A command at the lowest CPU priority where there is `nice`: the build (tsc over the core) and the install run beside
 * the other test files, whose time-outs should not pay for them.
 */
const lowPriority = (command: string, args: string[]): [string, string[]] =>
  process.platform === 'win32' ? [command, args] : ['nice', ['-n', '19', command, ...args]];

function npm(args: string[], cwd: string): string {
  const [command, all] = lowPriority('npm', args);
  return execFileSync(command, all, {
    cwd,
    env: cleanEnv(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs a file with Node alone (no tsx), in the consumer's folder. */
function node(args: string[], input?: string) {
  const [command, all] = lowPriority(process.execPath, args);
  const result = spawnSync(command, all, { cwd: consumer, encoding: 'utf8', input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const bin = (name: string) => join(consumer, 'node_modules', '.bin', name);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'mcx-package-'));
  let start = Date.now();
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], ROOT)) as {
    filename: string;
    size: number;
    files: { path: string }[];
  }[];
  timings.packMs = Date.now() - start;
  const info = packed[0];
  if (!info) throw new Error('npm pack made nothing');
  tarball = join(work, info.filename);
  timings.bytes = info.size;
  files = info.files.map((f) => f.path);
  consumer = join(work, 'consumer');
  execFileSync('mkdir', [consumer]);
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  start = Date.now();
  npm(['install', tarball, '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], consumer);
  timings.installMs = Date.now() - start;
  console.log(
    `package: ${timings.bytes} bytes packed; npm pack (with its build) ${timings.packMs} ms; ` +
      `npm install --omit=dev ${timings.installMs} ms`,
  );
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

let files: string[] = [];

describe('npm pack', () => {
  it('holds the built API and command lines, the README and CONTRACT.md, and no sources or tests', () => {
    expect(files).toContain('dist-package/core/index.js');
    expect(files).toContain('dist-package/core/index.d.ts');
    expect(files).toContain('dist-package/cli/sim.js');
    expect(files).toContain('dist-package/cli/sweep.js');
    expect(files).toContain('dist-package/cli/check.js');
    expect(files).toContain('README.md');
    expect(files).toContain('CONTRACT.md');
    expect(
      files.filter((f) => /^(src|test|e2e|spec)\//.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts'))),
    ).toEqual([]);
  });

  it('installs with its runtime dependencies only', () => {
    const installed = JSON.parse(
      readFileSync(join(consumer, 'node_modules', NAME, 'package.json'), 'utf8'),
    ) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(installed.dependencies).sort()).toEqual([
      'fast-xml-parser',
      'lz-string',
      'xstate',
      'zod',
    ]);
  });
});

describe('the bins, on Node alone', () => {
  it.each([
    ['json', []],
    ['testcase', ['--sut', 'partner-udb']],
    ['testcase-json', []],
    ['plantuml', []],
    ['mermaid', ['--procedure', '10.1.4.3.2']],
  ] as const)('mcx-sim --format %s prints what npm run sim prints', (format, extra) => {
    const args = [EXAMPLE_PATH, '--format', format, ...extra];
    const installed = node([bin('mcx-sim'), ...args]);
    expect(installed.stderr).toBe('');
    expect(installed.code).toBe(0);
    expect(installed.stdout).toBe(runMain(sim, args).stdout);
  });

  it('mcx-sim reads standard input and refuses bad input with one line, exit 2', () => {
    expect(node([bin('mcx-sim'), '-'], readFileSync(EXAMPLE_PATH, 'utf8')).code).toBe(0);
    const refused = node([bin('mcx-sim'), EXAMPLE_PATH, '--format', 'testcase', '--sut', 'nobody']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^sim: --sut must be one of .*\n$/);
  });

  it("each program's help names it as it is typed where the package is installed", () => {
    for (const name of ['sim', 'sweep', 'check']) {
      const help = node([bin(`mcx-${name}`), '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^usage: mcx-${name} `));
      expect(help.stdout).toContain(`\n  mcx-${name} `);
      expect(help.stdout).not.toContain('npm run');
      expect(help.stdout).not.toContain('examples/');
    }
  });

  it('mcx-sweep prints what npm run sweep prints', () => {
    const args = [EXAMPLE_PATH, '--vary', 'partner.policy.maxPriority=1..4', '--format', 'csv'];
    const installed = node([bin('mcx-sweep'), ...args]);
    expect(installed.code).toBe(0);
    expect(installed.stdout).toBe(runMain(sweepMain, args).stdout);
  });

  it('mcx-check prints what npm run check prints (its verdicts and counterexamples; ms is a measurement)', () => {
    const args = [EXAMPLE_PATH, '--faults', '1'];
    const installed = node([bin('mcx-check'), ...args]);
    expect(installed.code).toBe(0);
    const strip = (text: string) => ({ ...(JSON.parse(text) as Record<string, unknown>), ms: 0 });
    expect(strip(installed.stdout)).toEqual(strip(runMain(checkMain, args).stdout));
  });
});

describe('the typed API', () => {
  it('computes what the core computes, from an ES module that imports the package by name', () => {
    const script = `
      import { readFileSync } from 'node:fs';
      import { parseScenario, simulate, sweep, parseVary, toMermaid, toPlantUml, toTestCase, scenarioUrl } from '${NAME}';
      const parsed = parseScenario(readFileSync(${JSON.stringify(EXAMPLE_PATH)}, 'utf8'));
      if (!parsed.ok) throw new Error('not parsed');
      const run = simulate(parsed.scenario, '10.1.4.3.2');
      const cells = sweep(parsed.scenario, [parseVary('partner.policy.maxPriority=2..3')]).cells.length;
      console.log(JSON.stringify({
        outcome: run.outcome,
        steps: run.steps.map((s) => s.number),
        mermaid: toMermaid(run, parsed.scenario).text,
        plantuml: toPlantUml(run, parsed.scenario).arrows,
        sequence: toTestCase(run, parsed.scenario, 'primary-udb').sequence.length,
        cells,
        url: scenarioUrl(parsed.scenario, { base: 'http://localhost:4173/', procedure: '10.1.4.3.2', step: 4 }),
      }));`;
    writeFileSync(join(consumer, 'api.mjs'), script);
    const result = node(['api.mjs']);
    expect(result.stderr).toBe('');
    const out = JSON.parse(result.stdout) as Record<string, unknown>;
    const scenario = exampleScenario();
    const run = simulate(scenario, '10.1.4.3.2');
    expect(out).toMatchObject({
      outcome: run.outcome,
      steps: run.steps.map((s) => s.number),
      mermaid: toMermaid(run, scenario).text,
      cells: 4,
    });
    expect(out.url).toMatch(/^http:\/\/localhost:4173\/\?procedure=10\.1\.4\.3\.2&step=4#scenario=/);
  });

  it('is typed for a TypeScript consumer resolving as Node does (nodenext)', () => {
    writeFileSync(
      join(consumer, 'consumer.ts'),
      `import { simulate, parseScenario, scenarioUrl, type Scenario, type RunResult } from '${NAME}';
      export function outcome(scenario: Scenario): 'delivered' | 'rejected' | 'failed' | 'no-answer' {
        const run: RunResult = simulate(scenario, '10.1.4.3.3');
        // @ts-expect-error: the types are real, so a field that does not exist is an error
        void run.noSuchField;
        // @ts-expect-error: a procedure id that does not exist is an error
        simulate(scenario, '10.1.4.9');
        return run.outcome;
      }
      export const parsed = parseScenario('{}').ok;
      export const url: string = scenarioUrl({} as Scenario, { base: 'http://localhost/' });
      `,
    );
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          lib: ['es2023', 'dom'],
          types: [],
          // Dependencies' declarations are theirs; ours are checked through the expected errors above.
          skipLibCheck: true,
        },
        files: ['consumer.ts'],
      }),
    );
    const result = node([tsc, '-p', 'tsconfig.json']);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  }, 120_000);
});
