import { parseArgs } from 'node:util';
import { toMermaid } from '../core/diagram';
import { isProcedureId, PROCEDURE_IDS } from '../core/ids';
import { toText, toTraceJson } from '../core/report';
import { simulate } from '../core/run';
import { toWalkthrough } from '../core/walkthrough';
import { toProfileXml } from '../core/xml/profileXml';
import { runCli, runEntry, UsageError, type Io } from './io';
import { readScenarioInput } from './scenarioInput';

export type { Io } from './io';

const USAGE =
  'usage: npm run --silent sim -- <scenario.json | -> [--procedure <id>] [--format json|text|mermaid|markdown|xml]';
const FORMATS = ['json', 'text', 'mermaid', 'markdown', 'xml'] as const;
type Format = (typeof FORMATS)[number];

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

/** The CLI of CONTRACT.md §3. Returns the exit code: 0 for any simulation that ran, 2 for bad input. */
export function main(argv: string[], io: Io): number {
  return runCli(
    'sim',
    () => {
      const opts = options(argv);
      if (opts.help) {
        io.out(`${USAGE}\n`);
        return 0;
      }
      const scenario = readScenarioInput(opts.file, io);
      const run = simulate(scenario, opts.procedure);
      if (opts.format === 'json') io.out(`${JSON.stringify(toTraceJson(run), null, 2)}\n`);
      else if (opts.format === 'text') io.out(toText(run, scenario.title));
      else if (opts.format === 'xml') io.out(run.profiles.map(toProfileXml).join(''));
      // The walkthrough: the same document as the page's "Download walkthrough (Markdown)", without review notes.
      else if (opts.format === 'markdown') io.out(toWalkthrough(run, scenario));
      else io.out(toMermaid(run, scenario).text);
      return 0;
    },
    io,
  );
}

runEntry(import.meta.url, 'sim', main);
