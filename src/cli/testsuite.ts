import { parseArgs } from 'node:util';
import { isEntityId, sutProblem, testSuite } from '../core/formats/testcase';
import { ENTITY_IDS, type EntityId } from '../core/model/ids';
import { argsOrUsage, oneFile, runEntry, UsageError } from './io';
import { scenarioCommand, type ScenarioOptions } from './scenarioInput';

export type { Io } from './io';

const USAGE = 'usage: npm run --silent testsuite -- <scenario.json | -> --sut <entity>';

function options(argv: string[]): ScenarioOptions<{ sut: EntityId }> {
  const { values, positionals } = argsOrUsage(
    () =>
      parseArgs({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: { sut: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      }),
    USAGE,
  );
  if (values.help) return { help: true as const };
  const file = oneFile(positionals, USAGE);
  if (values.sut === undefined)
    throw new UsageError(`--sut is required (one of ${ENTITY_IDS.join(', ')}); ${USAGE}`);
  // Every entity takes part in 10.1.4.3.2: only an unknown one has no test case.
  const sut = values.sut;
  if (!isEntityId(sut)) throw new UsageError(sutProblem('10.1.4.3.2', sut) ?? '');
  return { help: false as const, file, sut };
}

/** The test suite of CONTRACT.md §13: a JSON array of test cases. Exit 0, or 2 for bad input. */
export const main = scenarioCommand('testsuite', USAGE, options, (scenario, opts, io) => {
  io.out(`${JSON.stringify(testSuite(scenario, opts.sut), null, 2)}\n`);
});

runEntry(import.meta.url, 'testsuite', main);
