import { LIMITS, tooLarge } from '../core/model/limits';
import { formatIssues, jsonPath, parseScenario, type Scenario } from '../core/model/scenario';
import { parseProfileXml } from '../core/xml/profileXml';
import { helpText, oneOperand, parseCommandLine, type CommandSpec, type ParsedArgs } from './args';
import { inputName, readInput, runCli, UsageError, type Io } from './io';

/**
 * The scenario file a command line names (`-`: stdin), read up to the 4 MB limit and parsed with profile documents
 * allowed; a bad one is a UsageError of one line naming the file and the JSON path (exit 2). With `allErrors`, every
 * problem found follows that line, one per line.
 */
export function readScenarioInput(file: string, io: Io, allErrors = false): Scenario {
  const text = readInput(file, io, {
    bytes: LIMITS.scenarioBytes,
    message: (bytes) => formatIssues([{ path: jsonPath([]), message: tooLarge('scenario', bytes) }]),
  });
  const parsed = parseScenario(text, { readProfileXml: parseProfileXml });
  if (parsed.ok) return parsed.scenario;
  const name = inputName(file);
  if (allErrors && parsed.issues.length > 1) {
    throw new UsageError(
      `${name}: ${parsed.issues.length} problems`,
      parsed.issues.map((i) => `${i.path}: ${i.message}`),
    );
  }
  const [first, ...rest] = parsed.issues;
  if (!first || !rest.length) throw new UsageError(`${name}: ${formatIssues(parsed.issues)}`);
  const more = `and ${rest.length} more problem${rest.length > 1 ? 's' : ''}; --all-errors lists them`;
  throw new UsageError(`${name}: ${first.path}: ${first.message} (${more})`);
}

/**
 * A command on one scenario file (sim, sweep): its command line read by the argument layer, `--help` printed, its
 * own options checked (`options`), the scenario read and parsed, and the command run on it; a usage error or a bad
 * scenario is one line on stderr and exit 2 (`runCli`).
 */
export function scenarioCommand<O>(
  spec: CommandSpec,
  options: (args: ParsedArgs) => O,
  command: (scenario: Scenario, opts: O, io: Io) => void,
): (argv: string[], io: Io) => number {
  return (argv, io) =>
    runCli(
      spec.name,
      () => {
        const args = parseCommandLine(spec, argv);
        if (args.help) {
          io.out(helpText(spec));
          return 0;
        }
        const file = oneOperand(spec, args, 'scenario file');
        const opts = options(args);
        command(readScenarioInput(file, io, args.allErrors), opts, io);
        return 0;
      },
      io,
    );
}
