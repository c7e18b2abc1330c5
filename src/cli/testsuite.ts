import { testSuite } from '../core/formats/testcase';
import { ENTITY_IDS } from '../core/model/ids';
import { choiceOf, usageLine, type CommandSpec } from './args';
import { runEntry, UsageError } from './io';
import { scenarioCommand } from './scenarioInput';

export type { Io } from './io';

export const TESTSUITE: CommandSpec = {
  name: 'testsuite',
  summary:
    'Prints, as a JSON array, a conformance-style test case for every procedure the system under test takes part in, for the scenario and for each preset (CONTRACT.md §13).',
  operands: '<scenario.json | -> --sut <entity>',
  operandHelp: ['<scenario.json | ->  a scenario file (CONTRACT.md §2), or - to read it from standard input'],
  options: [
    {
      name: 'sut',
      value: '<entity>',
      choices: ENTITY_IDS,
      help: 'the system under test (required); the test system plays every other entity',
    },
  ],
  examples: ['examples/metro-to-county.json --sut partner-cms'],
};

/** The test suite of CONTRACT.md §13: a JSON array of test cases. Exit 0, or 2 for bad input. */
export const main = scenarioCommand(
  TESTSUITE,
  (args) => {
    const sut = choiceOf(args, 'sut', ENTITY_IDS);
    if (sut === undefined)
      throw new UsageError(`--sut is required (one of ${ENTITY_IDS.join(', ')}); ${usageLine(TESTSUITE)}`);
    return { sut };
  },
  (scenario, opts, io) => {
    io.out(`${JSON.stringify(testSuite(scenario, opts.sut), null, 2)}\n`);
  },
);

runEntry(import.meta.url, 'testsuite', main);
