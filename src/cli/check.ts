import { CHECK_KINDS, CHECK_PROCEDURES, check, CheckLimit, type CheckKind } from '../core/explore/check';
import { toCheckJson, toCheckMarkdown } from '../core/explore/checkReport';
import { PROCEDURE_IDS } from '../core/model/ids';
import { choiceOf, choicesOf, usageLine, type CommandSpec } from './args';
import { runEntry, UsageError } from './io';
import { progressOnStderr } from './progress';
import { scenarioCommand } from './scenarioInput';

export type { Io } from './io';

const FORMATS = ['json', 'markdown'] as const;

export const CHECK: CommandSpec = {
  name: 'check',
  summary:
    'Explores every run of each procedure from a scenario (any message in flight next, any armed timer firing, up to --faults drops or duplicates) and says whether each property holds, with a shortest counterexample where one fails (CONTRACT.md §11).',
  operands: '<scenario.json | ->',
  operandHelp: ['<scenario.json | ->  a scenario file (CONTRACT.md §2), or - to read it from standard input'],
  options: [
    {
      name: 'procedure',
      value: '<id>',
      choices: PROCEDURE_IDS,
      repeatable: true,
      default: '10.1.4.3.2 and 10.1.4.3.3',
      help: 'a procedure to explore',
    },
    {
      name: 'faults',
      value: '<n>',
      default: '0',
      help: 'at most this many drops or duplicates in one run (an integer, 0 or more)',
    },
    {
      name: 'kinds',
      value: '<kinds>',
      default: 'drop,duplicate',
      help: 'the faults the search may use, a comma list of drop and duplicate',
    },
    {
      name: 'format',
      value: '<format>',
      choices: FORMATS,
      default: 'json',
      help: 'json: { faults, procedures, states, ms, results }; markdown: a report',
    },
  ],
  notes: [
    "The scenario's own faults are left out; its timers (timing.timeoutMs) and retries are kept. A search stops at",
    '1,000,000 states with exit 2 and one line. Progress is shown on stderr when it is a terminal.',
  ],
  examples: ['examples/metro-to-county.json --faults 1', 'examples/metro-to-county.json --format markdown'],
};

function faultsOf(value: string | undefined): number {
  if (value === undefined) return 0;
  if (!/^\d+$/.test(value) || Number(value) > 64)
    throw new UsageError(`--faults: expected an integer 0..64, got "${value}"; ${usageLine(CHECK)}`);
  return Number(value);
}

function kindsOf(value: string | undefined): CheckKind[] {
  if (value === undefined) return [...CHECK_KINDS];
  const kinds: CheckKind[] = [];
  for (const word of value.split(',')) {
    const kind = CHECK_KINDS.find((k) => k === word.trim());
    if (!kind)
      throw new UsageError(`--kinds: unknown kind "${word}" (the kinds are ${CHECK_KINDS.join(', ')})`);
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  return kinds;
}

/** The CLI of CONTRACT.md §11. Exit 0 whatever the verdicts; 2 for bad input or a search that reached its limit. */
export const main = scenarioCommand(
  CHECK,
  (args) => {
    const procedures = choicesOf(args, 'procedure', PROCEDURE_IDS);
    return {
      faults: faultsOf(args.one('faults')),
      kinds: kindsOf(args.one('kinds')),
      format: choiceOf(args, 'format', FORMATS) ?? 'json',
      procedures: procedures.length ? procedures : [...CHECK_PROCEDURES],
    };
  },
  (scenario, opts, io) => {
    const progress = progressOnStderr('check', 'states', { isTTY: io.errIsTerminal, write: io.err });
    const start = performance.now();
    try {
      const result = check(scenario, {
        faults: opts.faults,
        kinds: opts.kinds,
        procedures: opts.procedures,
        progress: (states) => progress.update(states, 1_000_000),
      });
      progress.end();
      const ms = Math.round(performance.now() - start);
      io.out(opts.format === 'markdown' ? toCheckMarkdown(result, ms) : toCheckJson(result, ms));
    } catch (error) {
      if (error instanceof CheckLimit) throw new UsageError(error.message.replace(/^check: /, ''));
      throw error;
    } finally {
      progress.end();
    }
  },
);

runEntry(import.meta.url, 'check', main);
