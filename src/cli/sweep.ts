import { PROCEDURE_IDS } from '../core/model/ids';
import {
  parseVary,
  sweep,
  SWEEP_PROCEDURES,
  SweepError,
  toSweepCsv,
  type SweepResult,
  type Vary,
} from '../core/explore/sweep';
import { choiceOf, choicesOf, usageLine, type CommandSpec } from './args';
import { runEntry, UsageError } from './io';
import { progressOnStderr } from './progress';
import { FAULT_OPTIONS, scenarioCommand } from './scenarioInput';

export type { Io } from './io';

const FORMATS = ['json', 'csv'] as const;

export const SWEEP: CommandSpec = {
  name: 'sweep',
  summary:
    'Runs procedures over every combination of values of some fields of a scenario and prints the outcome of each (CONTRACT.md §7).',
  operands: '<scenario.json | -> --vary <path>=<values>',
  operandHelp: ['<scenario.json | ->  a scenario file (CONTRACT.md §2), or - to read it from standard input'],
  options: [
    {
      name: 'vary',
      value: '<path>=<values>',
      repeatable: true,
      help: 'a field by its JSON path and its values: a..b (integers), a comma list (true,false; 2,4,8; null; words as written) or a JSON array of values ([["harbour"],[],null]); at least one',
    },
    {
      name: 'procedure',
      value: '<id>',
      choices: PROCEDURE_IDS,
      repeatable: true,
      default: '10.1.4.3.2 and 10.1.4.3.3',
      help: 'a procedure to run on every combination',
    },
    {
      name: 'format',
      value: '<format>',
      choices: FORMATS,
      default: 'json',
      help: 'json: { vary, procedures, cells }; csv: one row per cell',
    },
    ...FAULT_OPTIONS,
  ],
  notes: [
    'Cells go procedure by procedure, the last --vary varying fastest; at most 1,000,000 cells. Progress is shown on',
    'stderr when it is a terminal and the sweep lasts over a second.',
  ],
  examples: [
    'examples/metro-to-county.json --vary partner.policy.maxPriority=0..4',
    'examples/metro-to-county.json --vary partner.cache=null --vary \'partner.policy.areas=[["harbour"],[]]\' --format csv',
    "examples/metro-to-county.json --fault drop:1 --timeout cmc=5000 --vary 'faults[0].step=1..14' --vary timing.timeoutMs.cmc=null,5000 --format csv",
  ],
};

/** A SweepError is bad input: exit 2 with its line. */
function orUsage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof SweepError) throw new UsageError(error.message);
    throw error;
  }
}

/** `--format json`: one object (CONTRACT.md §7), one cell per line so that large sweeps stay readable. */
function writeJson(result: SweepResult, out: (text: string) => void): void {
  out(
    `{\n  "vary": ${JSON.stringify(result.vary)},\n  "procedures": ${JSON.stringify(result.procedures)},\n`,
  );
  out('  "cells": [');
  const CHUNK = 1000;
  for (let i = 0; i < result.cells.length; i += CHUNK) {
    const lines = result.cells.slice(i, i + CHUNK).map((cell) => `\n    ${JSON.stringify(cell)}`);
    out(`${i ? ',' : ''}${lines.join(',')}`);
  }
  out('\n  ]\n}\n');
}

/** The CLI of CONTRACT.md §7. Returns the exit code: 0 for a sweep that ran, 2 for bad input. */
export const main = scenarioCommand(
  SWEEP,
  (args) => {
    const specs = args.all('vary');
    if (!specs.length) throw new UsageError(`nothing to vary: give at least one --vary; ${usageLine(SWEEP)}`);
    const vary: Vary[] = orUsage(() => specs.map((spec) => parseVary(spec)));
    const procedures = choicesOf(args, 'procedure', PROCEDURE_IDS);
    return {
      format: choiceOf(args, 'format', FORMATS) ?? 'json',
      vary,
      procedures: procedures.length ? procedures : [...SWEEP_PROCEDURES],
    };
  },
  (scenario, opts, io) => {
    const progress = progressOnStderr('sweep', 'cells', { isTTY: io.errIsTerminal, write: io.err });
    try {
      const result = orUsage(() => sweep(scenario, opts.vary, opts.procedures, progress.update));
      progress.end();
      if (opts.format === 'csv') io.out(toSweepCsv(result));
      else writeJson(result, io.out);
    } finally {
      progress.end();
    }
  },
);

runEntry(import.meta.url, 'sweep', main);
