import { LIMITS, tooLarge } from '../core/model/limits';
import { formatIssues, jsonPath, parseScenario, type Scenario } from '../core/model/scenario';
import { parseProfileXml } from '../core/xml/profileXml';
import { inputName, readInput, runCli, UsageError, type Io } from './io';

/**
 * The scenario file a command line names (`-`: stdin), read up to the 4 MB limit and parsed with profile documents
 * allowed; a bad one is a UsageError of one line naming the file and the JSON path (exit 2).
 */
export function readScenarioInput(file: string, io: Io): Scenario {
  const text = readInput(file, io, {
    bytes: LIMITS.scenarioBytes,
    message: (bytes) => formatIssues([{ path: jsonPath([]), message: tooLarge('scenario', bytes) }]),
  });
  const parsed = parseScenario(text, { readProfileXml: parseProfileXml });
  if (!parsed.ok) throw new UsageError(`${inputName(file)}: ${formatIssues(parsed.issues)}`);
  return parsed.scenario;
}

/** What a scenario command's options say: `--help`, or the scenario file and the rest of its options. */
export type ScenarioOptions<O> = { help: true } | ({ help: false; file: string } & O);

/**
 * A command on one scenario file (sim, sweep): its options read, `--help` printed, the scenario read and parsed, and
 * the command run on it; a usage error or a bad scenario is one line on stderr and exit 2 (`runCli`).
 */
export function scenarioCommand<O>(
  name: string,
  usage: string,
  options: (argv: string[]) => ScenarioOptions<O>,
  command: (scenario: Scenario, opts: O, io: Io) => void,
): (argv: string[], io: Io) => number {
  return (argv, io) =>
    runCli(
      name,
      () => {
        const opts = options(argv);
        if (opts.help) {
          io.out(`${usage}\n`);
          return 0;
        }
        command(readScenarioInput(opts.file, io), opts, io);
        return 0;
      },
      io,
    );
}
