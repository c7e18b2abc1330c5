import { toMermaid } from '../core/formats/diagram';
import { ENTITY_IDS, PROCEDURE_IDS } from '../core/model/ids';
import { toText, toTraceJson } from '../core/formats/report';
import { simulate } from '../core/engine/run';
import { toWalkthrough } from '../core/formats/walkthrough';
import { toProfileXml } from '../core/xml/profileXml';
import { toPlantUml } from '../core/formats/plantuml';
import { testCaseFor, toTestCaseJson, toTestCaseMarkdown } from '../core/formats/testcase';
import { choiceOf, type CommandSpec } from './args';
import { runEntry, UsageError } from './io';
import { FAULT_OPTIONS, scenarioCommand } from './scenarioInput';
import { assumptionsJson, assumptionsMarkdown } from '../core/procedures/assumptions';

export type { Io } from './io';

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

export const SIM: CommandSpec = {
  name: 'sim',
  summary:
    'Runs one procedure of TS 23.280 clause 10.1.4 on a scenario and prints what happened (CONTRACT.md §3).',
  operands: '<scenario.json | -> | --assumptions',
  operandHelp: [
    '<scenario.json | ->  a scenario file (CONTRACT.md §2), or - to read it from standard input',
    '--assumptions       instead of a scenario: print the assumption register (CONTRACT.md §10)',
  ],
  options: [
    {
      name: 'procedure',
      value: '<id>',
      choices: PROCEDURE_IDS,
      default: "the scenario's ue.configuredBy: primary picks 10.1.4.3.2, partner 10.1.4.3.3",
      help: 'the procedure to run',
    },
    {
      name: 'format',
      value: '<format>',
      choices: FORMATS,
      default: 'json',
      help: 'json: the trace; text: a report; mermaid: the sequence diagram; markdown: the walkthrough; xml: the profiles the client ends with, as TS 24.484 documents; plantuml: the sequence diagram as PlantUML; testcase, testcase-json: a conformance-style test description of the run for one system under test (CONTRACT.md §13)',
    },
    {
      name: 'sut',
      value: '<entity>',
      choices: ENTITY_IDS,
      default: 'partner-cms (primary-cms in 10.1.4.3.1, where the partner takes no part)',
      help: 'the system under test of --format testcase or testcase-json',
    },
    ...FAULT_OPTIONS,
    {
      name: 'assumptions',
      help: 'print every assumption the simulator makes where the clauses are silent (the register; --format json or markdown), without a scenario',
    },
  ],
  notes: [
    'Exit 0 for any simulation that ran (its outcome is in the output); exit 2 with one line on stderr for a bad',
    'file or argument.',
  ],
  examples: [
    'examples/metro-to-county.json --format text',
    'examples/metro-to-county.json --procedure 10.1.4.3.2 --format markdown',
    'examples/metro-to-county.json --format testcase --sut partner-udb',
    'examples/metro-to-county.json --fault drop:6 --timeout cmc=5000 --retries 1 --format text',
    '--assumptions --format markdown',
  ],
};

/** The CLI of CONTRACT.md §3 and §14. Returns the exit code: 0 for any simulation that ran, 2 for bad input. */
export const main = scenarioCommand(
  SIM,
  (args) => {
    const format = choiceOf(args, 'format', FORMATS) ?? 'json';
    const sut = choiceOf(args, 'sut', ENTITY_IDS);
    if (sut !== undefined && format !== 'testcase' && format !== 'testcase-json')
      throw new UsageError('--sut goes with --format testcase or testcase-json');
    return { format, procedure: choiceOf(args, 'procedure', PROCEDURE_IDS), sut };
  },
  (scenario, opts, io) => {
    const run = simulate(scenario, opts.procedure);
    if (opts.format === 'json') io.out(`${JSON.stringify(toTraceJson(run), null, 2)}\n`);
    else if (opts.format === 'text') io.out(toText(run, scenario.title));
    else if (opts.format === 'xml') {
      if (run.profiles.length) io.out(run.profiles.map(toProfileXml).join(''));
      else {
        // Nothing to print is not an error (the simulation ran), but an empty stdout alone would say nothing.
        const at = run.error ? ` at step ${run.error.number}: ${run.error.reason}` : '';
        io.err(`sim: no profile to write: the client ends with none (the run was ${run.outcome}${at})\n`);
      }
    }
    // The walkthrough: the same document as the page's "Download walkthrough (Markdown)", without review notes.
    else if (opts.format === 'markdown') io.out(toWalkthrough(run, scenario));
    else if (opts.format === 'plantuml') io.out(toPlantUml(run, scenario).text);
    else if (opts.format === 'testcase' || opts.format === 'testcase-json') {
      const testCase = testCaseFor(run, scenario, opts.sut);
      if (!testCase.ok) throw new UsageError(testCase.problem);
      io.out(
        opts.format === 'testcase'
          ? toTestCaseMarkdown(testCase.testCase)
          : toTestCaseJson(testCase.testCase),
      );
    } else io.out(toMermaid(run, scenario).text);
  },
  (args, io) => {
    if (!args.flag('assumptions')) return false;
    if (args.positionals.length)
      throw new UsageError("--assumptions takes no scenario file: it prints the simulator's own register");
    const format = choiceOf(args, 'format', FORMATS) ?? 'json';
    if (format !== 'json' && format !== 'markdown')
      throw new UsageError(`--assumptions is printed as --format json or markdown, got "${format}"`);
    io.out(format === 'json' ? assumptionsJson() : assumptionsMarkdown());
    return true;
  },
);

runEntry(import.meta.url, 'sim', main);
