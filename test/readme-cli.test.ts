/**
 * The README's command-line sections run as written (CONTRACT.md §14): every command of their ```sh blocks is run
 * from the repository's root, through the CLI's `main` (fast), and a few through the shell and npm for real.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../src/cli/io';
import { main as checkMain } from '../src/cli/check';
import { main as profileMain } from '../src/cli/profile';
import { main as simMain } from '../src/cli/sim';
import { main as sweepMain } from '../src/cli/sweep';
import { main as testsuiteMain } from '../src/cli/testsuite';
import { fakeIo, lines, ROOT } from './support/fixtures';
import { shellWords } from './support/shell';

const MAINS: Record<string, (argv: string[], io: Io) => number> = {
  sim: simMain,
  sweep: sweepMain,
  profile: profileMain,
  testsuite: testsuiteMain,
  check: checkMain,
};

const README = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
/**
 * From "## Command line" to the next section that is not about this repository's command line ("Use it in your own
 * tests" installs the package elsewhere: test/package.test.ts runs that).
 */
const SECTION = README.slice(
  README.indexOf('## Command line'),
  README.indexOf('## Use it in your own tests'),
);

const blocks = (lang: string) =>
  [...SECTION.matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((m) => m[1] as string);

interface Command {
  line: string;
  words: string[];
  expectedExit: number;
}

/** Every command of the section's sh blocks, continuation lines joined. */
const COMMANDS: Command[] = blocks('sh').flatMap((block) =>
  block
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const { words, comment } = shellWords(line);
      return { line: line.trim(), words, expectedExit: /\bexit 2\b/.test(comment) ? 2 : 0 };
    }),
);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a pipeline of `cat <file>` and `npm run --silent <command> -- …` stages, with `< file`, through `main`. */
function runInProcess(words: string[]): Outcome {
  const stages: string[][] = [[]];
  for (const word of words) {
    if (word === '|') stages.push([]);
    else stages[stages.length - 1]?.push(word);
  }
  let stdin = '';
  let last: Outcome = { code: 0, stdout: '', stderr: '' };
  for (const stage of stages) {
    if (stage[0] === 'cat' && stage.length === 2) {
      stdin = readFileSync(resolve(ROOT, stage[1] as string), 'utf8');
      continue;
    }
    const [npm, run, silent, name, dashes, ...rest] = stage;
    expect([npm, run, silent, dashes]).toEqual(['npm', 'run', '--silent', '--']);
    const main = MAINS[name ?? ''];
    if (!main) throw new Error(`no command ${name} in the README's command: ${stage.join(' ')}`);
    // `> file` keeps what is printed out of the terminal: the test reads stdout instead.
    const to = rest.indexOf('>');
    const words = to < 0 ? rest : rest.slice(0, to);
    const from = words.indexOf('<');
    const argv = from < 0 ? words : words.slice(0, from);
    if (from >= 0) stdin = readFileSync(resolve(ROOT, words[from + 1] as string), 'utf8');
    const { io, stdout, stderr } = fakeIo({}, stdin);
    const code = main(argv, io);
    last = { code, stdout: stdout(), stderr: last.stderr + stderr() };
    stdin = last.stdout;
  }
  return last;
}

describe("the README's command-line sections", () => {
  it('show every command and format, and name only files that ship', () => {
    const text = COMMANDS.map((c) => c.line).join('\n');
    for (const command of ['sim', 'sweep', 'profile'])
      expect(text).toContain(`npm run --silent ${command} -- `);
    for (const format of ['text', 'markdown', 'mermaid', 'xml', 'csv'])
      expect(text).toContain(`--format ${format}`);
    expect(COMMANDS.length).toBeGreaterThanOrEqual(12);
    const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const name of Object.keys(MAINS)) expect(pkg.scripts[name]).toBe(`tsx src/cli/${name}.ts`);
  });

  it.each(COMMANDS.map((c) => [c.line, c] as const))('%s', (_line, command) => {
    const result = runInProcess(command.words);
    expect(result.code, result.stderr).toBe(command.expectedExit);
    if (command.expectedExit === 0) {
      expect(result.stderr).toBe('');
      expect(result.stdout.length).toBeGreaterThan(0);
    } else {
      expect(result.stdout).toBe('');
      expect(lines(result.stderr).length).toBeGreaterThanOrEqual(1);
    }
  });

  it('each sample output (```text) is what one of the commands prints', () => {
    const printed = COMMANDS.map((c) => runInProcess(c.words)).flatMap((r) => [r.stdout, r.stderr]);
    const samples = blocks('text');
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples) expect(printed).toContain(sample);
  });

  // Through the shell and npm, as a reader would type them: slow (npm and tsx start each time), so a few only.
  it.each([
    'npm run --silent sim -- examples/metro-to-county.json --format text',
    'npm run --silent sim -- examples/metro-to-county.json --procedure 10.1.4.3.1 --format xml | npm run --silent profile -- -',
    'cat examples/metro-to-county.json | npm run --silent sim -- -',
  ])(
    'for real: %s',
    (line) => {
      const command = COMMANDS.find((c) => c.line.startsWith(line));
      expect(command, `${line} is no longer in the README`).toBeDefined();
      const stdout = execFileSync('sh', ['-c', line], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
      expect(stdout).toBe(runInProcess(command?.words ?? []).stdout);
    },
    90_000,
  );
});
