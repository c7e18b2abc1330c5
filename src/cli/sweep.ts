import { parseArgs } from 'node:util';
import type { ProcedureId } from '../core/model/ids';
import {
  parseVary,
  sweep,
  SWEEP_PROCEDURES,
  SweepError,
  toSweepCsv,
  type SweepResult,
  type Vary,
} from '../core/explore/sweep';
import { argsOrUsage, formatOf, oneFile, procedureOf, runEntry, UsageError } from './io';
import { scenarioCommand, type ScenarioOptions } from './scenarioInput';

export type { Io } from './io';

const USAGE =
  'usage: npm run --silent sweep -- <scenario.json | -> --vary <path>=<values> [--vary …] ' +
  '[--procedure <id>]… [--format json|csv]';
const FORMATS = ['json', 'csv'] as const;

/** A SweepError is bad input: exit 2 with its line. */
function orUsage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof SweepError) throw new UsageError(error.message);
    throw error;
  }
}

function options(
  argv: string[],
): ScenarioOptions<{ format: (typeof FORMATS)[number]; vary: Vary[]; procedures: ProcedureId[] }> {
  const { values, positionals } = argsOrUsage(
    () =>
      parseArgs({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
          vary: { type: 'string', multiple: true },
          procedure: { type: 'string', multiple: true },
          format: { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
      }),
    USAGE,
  );
  if (values.help) return { help: true as const };
  const file = oneFile(positionals, USAGE);
  const format = formatOf(values.format, FORMATS);
  const procedures = (values.procedure ?? []).map(procedureOf);
  if (!values.vary?.length) throw new UsageError(`nothing to vary: give at least one --vary; ${USAGE}`);
  const vary: Vary[] = orUsage(() => (values.vary ?? []).map((spec) => parseVary(spec)));
  return {
    help: false as const,
    file,
    format,
    vary,
    procedures: procedures.length ? procedures : [...SWEEP_PROCEDURES],
  };
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
export const main = scenarioCommand('sweep', USAGE, options, (scenario, opts, io) => {
  const result = orUsage(() => sweep(scenario, opts.vary, opts.procedures));
  if (opts.format === 'csv') io.out(toSweepCsv(result));
  else writeJson(result, io.out);
});

runEntry(import.meta.url, 'sweep', main);
