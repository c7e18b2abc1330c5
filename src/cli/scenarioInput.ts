import { LIMITS, tooLarge } from '../core/model/limits';
import { FAULT_FORMS, FaultSpecError, withCommandLineFaults } from '../core/model/faultSpec';
import {
  formatIssues,
  jsonPath,
  parseScenario,
  parseScenarioValue,
  type ParseResult,
  type Scenario,
} from '../core/model/scenario';
import { parseProfileXml } from '../core/xml/profileXml';
import {
  helpText,
  oneOperand,
  parseCommandLine,
  type CommandSpec,
  type OptionSpec,
  type ParsedArgs,
} from './args';
import { inputName, readInput, runCli, UsageError, type Io } from './io';

/**
 * The scenario file a command line names (`-`: stdin), read up to the 4 MB limit and parsed with profile documents
 * allowed; a bad one is a UsageError of one line naming the file and the JSON path (exit 2). With `allErrors`, every
 * problem found follows that line, one per line.
 */
export function readScenarioInput(
  file: string,
  io: Io,
  allErrors = false,
  added: CommandLineFaults = {},
): Scenario {
  const text = readInput(file, io, {
    bytes: LIMITS.scenarioBytes,
    message: (bytes) => formatIssues([{ path: jsonPath([]), message: tooLarge('scenario', bytes) }]),
  });
  const options = { readProfileXml: parseProfileXml };
  let parsed: ParseResult = parseScenario(text, options);
  if (parsed.ok && hasAny(added)) {
    // The file is read as it is first (its own problems named as always); then the command line's faults and
    // timers are added to its JSON and the whole is read again, so a bad one is refused naming its field
    // (`faults[2].step`, `timing.retries`) by the same rules.
    const raw: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    let withFaults: Record<string, unknown>;
    try {
      withFaults = withCommandLineFaults(raw as Record<string, unknown>, added);
    } catch (error) {
      if (error instanceof FaultSpecError) throw new UsageError(error.message);
      throw error;
    }
    parsed = parseScenarioValue(withFaults, options);
  }
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

/** The faults, timers and retries a command line adds to its scenario (`--fault`, `--timeout`, `--retries`). */
export interface CommandLineFaults {
  readonly faults?: readonly string[];
  readonly timeouts?: readonly string[];
  readonly retries?: string;
}

const hasAny = (added: CommandLineFaults) =>
  Boolean(added.faults?.length || added.timeouts?.length || added.retries !== undefined);

/** The options of CONTRACT.md §10 that add faults and timers to the scenario, for the commands that run one. */
export const FAULT_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'fault',
    value: '<form>',
    repeatable: true,
    help: `a fault added to the scenario's own (CONTRACT.md §10): ${FAULT_FORMS}`,
  },
  {
    name: 'timeout',
    value: '<entity>=<ms>',
    repeatable: true,
    help: "how long an entity waits for an answer (timing.timeoutMs; the simulator's own figure: the clauses give none)",
  },
  {
    name: 'retries',
    value: '<n>',
    default: "the scenario's timing.retries, else 0",
    help: 'how many times the client asks again after its timer fires (timing.retries)',
  },
];

/** The command line's `--fault`, `--timeout` and `--retries`. */
export const commandLineFaults = (args: ParsedArgs): CommandLineFaults => ({
  faults: args.all('fault'),
  timeouts: args.all('timeout'),
  retries: args.one('retries'),
});

/**
 * A command on one scenario file (sim, sweep): its command line read by the argument layer, `--help` printed, its
 * own options checked (`options`), the scenario read and parsed, and the command run on it; a usage error or a bad
 * scenario is one line on stderr and exit 2 (`runCli`).
 */
export function scenarioCommand<O>(
  spec: CommandSpec,
  options: (args: ParsedArgs) => O,
  command: (scenario: Scenario, opts: O, io: Io) => void,
  alone?: (args: ParsedArgs, io: Io) => boolean,
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
        // A command that can answer without a scenario (`sim --assumptions`) does so here.
        if (alone?.(args, io)) return 0;
        const file = oneOperand(spec, args, 'scenario file');
        const opts = options(args);
        const added = spec.options.some((o) => o.name === 'fault') ? commandLineFaults(args) : {};
        command(readScenarioInput(file, io, args.allErrors, added), opts, io);
        return 0;
      },
      io,
    );
}
