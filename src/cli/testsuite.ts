import { CheckLimit } from '../core/explore/check';
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
    {
      name: 'faults',
      value: '<n>',
      help: 'also one case per counterexample of check --faults <n> in which the SUT takes part (marked "assumption": true)',
    },
  ],
  examples: [
    'examples/metro-to-county.json --sut partner-cms',
    'examples/metro-to-county.json --sut partner-udb --faults 1',
  ],
};

/** The test suite of CONTRACT.md §13: a JSON array of test cases. Exit 0, or 2 for bad input. */
export const main = scenarioCommand(
  TESTSUITE,
  (args) => {
    const sut = choiceOf(args, 'sut', ENTITY_IDS);
    if (sut === undefined)
      throw new UsageError(`--sut is required (one of ${ENTITY_IDS.join(', ')}); ${usageLine(TESTSUITE)}`);
    const faults = args.one('faults');
    if (faults !== undefined && (!/^\d+$/.test(faults) || Number(faults) > 64))
      throw new UsageError(`--faults: expected an integer 0..64, got "${faults}"; ${usageLine(TESTSUITE)}`);
    return { sut, faults: faults === undefined ? undefined : Number(faults) };
  },
  (scenario, opts, io) => {
    try {
      const suite = testSuite(scenario, opts.sut, opts.faults === undefined ? {} : { faults: opts.faults });
      io.out(`${JSON.stringify(suite, null, 2)}\n`);
    } catch (error) {
      if (error instanceof CheckLimit) throw new UsageError(error.message.replace(/^check: /, ''));
      throw error;
    }
  },
);

runEntry(import.meta.url, 'testsuite', main);
