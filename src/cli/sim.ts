import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { toMermaid } from '../core/diagram';
import { isProcedureId, PROCEDURE_IDS } from '../core/ids';
import { toText, toTraceJson } from '../core/report';
import { simulate } from '../core/run';
import { formatIssues, parseScenario } from '../core/scenario';

const USAGE =
  'usage: npm run --silent sim -- <scenario.json | -> [--procedure <id>] [--format json|text|mermaid]';
const FORMATS = ['json', 'text', 'mermaid'] as const;
type Format = (typeof FORMATS)[number];

export interface Io {
  readFile: (path: string) => string;
  readStdin: () => string;
  out: (text: string) => void;
  err: (text: string) => void;
}

class UsageError extends Error {}

function options(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        procedure: { type: 'string' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}; ${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true as const };
  if (positionals.length !== 1)
    throw new UsageError(`expected one scenario file (or - for standard input); ${USAGE}`);
  const format = values.format ?? 'json';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${format}"`);
  }
  const procedure = values.procedure;
  if (procedure !== undefined && !isProcedureId(procedure)) {
    throw new UsageError(`--procedure must be one of ${PROCEDURE_IDS.join(', ')}, got "${procedure}"`);
  }
  return { help: false as const, file: positionals[0] as string, format: format as Format, procedure };
}

function read(file: string, io: Io): string {
  try {
    return file === '-' ? io.readStdin() : io.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? String(error));
    throw new UsageError(`cannot read ${file}: ${why}`);
  }
}

/** The CLI of CONTRACT.md §3. Returns the exit code: 0 for any simulation that ran, 2 for bad input. */
export function main(argv: string[], io: Io): number {
  try {
    const opts = options(argv);
    if (opts.help) {
      io.out(`${USAGE}\n`);
      return 0;
    }
    const parsed = parseScenario(read(opts.file, io));
    if (!parsed.ok)
      throw new UsageError(`${opts.file === '-' ? 'stdin' : opts.file}: ${formatIssues(parsed.issues)}`);
    const run = simulate(parsed.scenario, opts.procedure);
    if (opts.format === 'json') io.out(`${JSON.stringify(toTraceJson(run), null, 2)}\n`);
    else if (opts.format === 'text') io.out(toText(run, parsed.scenario.title));
    else io.out(toMermaid(run, parsed.scenario).text);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`sim: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

const nodeIo: Io = {
  readFile: (path) => readFileSync(path, 'utf8'),
  readStdin: () => readFileSync(0, 'utf8'),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

if (process.argv[1] && /sim\.[cm]?[jt]s$/.test(process.argv[1])) {
  process.exitCode = main(process.argv.slice(2), nodeIo);
}
