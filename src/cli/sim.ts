import { toMermaid } from '../core/formats/diagram';
import { PROCEDURE_IDS } from '../core/model/ids';
import { toText, toTraceJson } from '../core/formats/report';
import { simulate } from '../core/engine/run';
import { toWalkthrough } from '../core/formats/walkthrough';
import { toProfileXml } from '../core/xml/profileXml';
import { choiceOf, type CommandSpec } from './args';
import { runEntry } from './io';
import { scenarioCommand } from './scenarioInput';

export type { Io } from './io';

const FORMATS = ['json', 'text', 'mermaid', 'markdown', 'xml'] as const;

export const SIM: CommandSpec = {
  name: 'sim',
  summary:
    'Runs one procedure of TS 23.280 clause 10.1.4 on a scenario and prints what happened (CONTRACT.md §3).',
  operands: '<scenario.json | ->',
  operandHelp: ['<scenario.json | ->  a scenario file (CONTRACT.md §2), or - to read it from standard input'],
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
      help: 'json: the trace; text: a report; mermaid: the sequence diagram; markdown: the walkthrough; xml: the profiles the client ends with, as TS 24.484 documents',
    },
  ],
  notes: [
    'Exit 0 for any simulation that ran (its outcome is in the output); exit 2 with one line on stderr for a bad',
    'file or argument.',
  ],
  examples: [
    'examples/metro-to-county.json --format text',
    'examples/metro-to-county.json --procedure 10.1.4.3.2 --format markdown',
  ],
};

/** The CLI of CONTRACT.md §3 and §14. Returns the exit code: 0 for any simulation that ran, 2 for bad input. */
export const main = scenarioCommand(
  SIM,
  (args) => ({
    format: choiceOf(args, 'format', FORMATS) ?? 'json',
    procedure: choiceOf(args, 'procedure', PROCEDURE_IDS),
  }),
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
    else io.out(toMermaid(run, scenario).text);
  },
);

runEntry(import.meta.url, 'sim', main);
