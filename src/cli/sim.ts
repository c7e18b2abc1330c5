import { parseArgs } from 'node:util';
import { toMermaid } from '../core/formats/diagram';
import type { ProcedureId } from '../core/model/ids';
import { toText, toTraceJson } from '../core/formats/report';
import { simulate } from '../core/engine/run';
import { toWalkthrough } from '../core/formats/walkthrough';
import { toProfileXml } from '../core/xml/profileXml';
import { toPlantUml } from '../core/formats/plantuml';
import { testCaseFor, toTestCaseJson, toTestCaseMarkdown } from '../core/formats/testcase';
import { argsOrUsage, formatOf, oneFile, procedureOf, runEntry, UsageError } from './io';
import { scenarioCommand, type ScenarioOptions } from './scenarioInput';

export type { Io } from './io';

const USAGE =
  'usage: npm run --silent sim -- <scenario.json | -> [--procedure <id>] ' +
  '[--format json|text|mermaid|markdown|xml|plantuml|testcase|testcase-json] [--sut <entity>]';
const FORMATS = [
  'json',
  'text',
  'mermaid',
  'markdown',
  'xml',
  'plantuml',
  'testcase',
  'testcase-json',
] as const;

function options(argv: string[]): ScenarioOptions<{
  format: (typeof FORMATS)[number];
  procedure: ProcedureId | undefined;
  sut: string | undefined;
}> {
  const { values, positionals } = argsOrUsage(
    () =>
      parseArgs({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
          procedure: { type: 'string' },
          format: { type: 'string' },
          sut: { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
      }),
    USAGE,
  );
  if (values.help) return { help: true as const };
  const file = oneFile(positionals, USAGE);
  const format = formatOf(values.format, FORMATS);
  const procedure = values.procedure === undefined ? undefined : procedureOf(values.procedure);
  if (values.sut !== undefined && format !== 'testcase' && format !== 'testcase-json')
    throw new UsageError('--sut goes with --format testcase or testcase-json');
  return { help: false as const, file, format, procedure, sut: values.sut };
}

/** The CLI of CONTRACT.md §3. Returns the exit code: 0 for any simulation that ran, 2 for bad input. */
export const main = scenarioCommand('sim', USAGE, options, (scenario, opts, io) => {
  const run = simulate(scenario, opts.procedure);
  if (opts.format === 'json') io.out(`${JSON.stringify(toTraceJson(run), null, 2)}\n`);
  else if (opts.format === 'text') io.out(toText(run, scenario.title));
  else if (opts.format === 'xml') io.out(run.profiles.map(toProfileXml).join(''));
  // The walkthrough: the same document as the page's "Download walkthrough (Markdown)", without review notes.
  else if (opts.format === 'markdown') io.out(toWalkthrough(run, scenario));
  else if (opts.format === 'plantuml') io.out(toPlantUml(run, scenario).text);
  else if (opts.format === 'testcase' || opts.format === 'testcase-json') {
    const testCase = testCaseFor(run, scenario, opts.sut);
    if (!testCase.ok) throw new UsageError(testCase.problem);
    io.out(
      opts.format === 'testcase' ? toTestCaseMarkdown(testCase.testCase) : toTestCaseJson(testCase.testCase),
    );
  } else io.out(toMermaid(run, scenario).text);
});

runEntry(import.meta.url, 'sim', main);
