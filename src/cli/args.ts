/**
 * The one argument layer of the command-line tools (CONTRACT.md §14). Each command declares its options here, one
 * line each; the layer parses them, writes `--help` from the declarations and refuses, in one line, an unknown
 * option (with the closest known one), a missing or unknown value, an option given twice that takes one value and a
 * repeatable option given the same value twice. Node's `parseArgs` is not used: its messages advise `--` placement
 * in a way that is wrong under `npm run`, and it takes the last of a repeated option silently.
 */
import { UsageError } from './io';

/** One option as a command declares it. */
export interface OptionSpec {
  /** The long name, without `--`. */
  readonly name: string;
  /** A one-letter alias, without `-`. */
  readonly short?: string;
  /** The value's placeholder in the help (`<id>`); without it the option is a flag and takes no value. */
  readonly value?: string;
  /** The values it takes; any other is refused naming them. */
  readonly choices?: readonly string[];
  /** May be given more than once (each value once). */
  readonly repeatable?: boolean;
  /** What the help says the option defaults to. */
  readonly default?: string;
  readonly help: string;
}

/** A command: what its help prints and the options it takes. */
export interface CommandSpec {
  /** `sim`: the npm script that runs it. */
  readonly name: string;
  /** One sentence: what the command does. */
  readonly summary: string;
  /** The positional arguments as the usage line shows them (`<scenario.json | ->`). */
  readonly operands: string;
  /** What the positional arguments are, for the help. */
  readonly operandHelp: readonly string[];
  readonly options: readonly OptionSpec[];
  /** Lines on defaults and behaviour, for the help. */
  readonly notes?: readonly string[];
  /** At least one example command line (without `npm run --silent <name> --`). */
  readonly examples: readonly [string, ...string[]];
}

/** Options every command takes. */
export const COMMON_OPTIONS: readonly OptionSpec[] = [
  { name: 'all-errors', help: 'for bad input, list every problem found (one per line), not only the first' },
  { name: 'help', short: 'h', help: 'print this help and exit' },
];

/** What a command line says: the positional arguments and each option's values, in order. */
export interface ParsedArgs {
  readonly help: boolean;
  readonly allErrors: boolean;
  readonly positionals: readonly string[];
  /** The value of an option that takes one, or undefined. */
  one(name: string): string | undefined;
  /** Every value of a repeatable option, in order. */
  all(name: string): string[];
  /** Whether a flag was given. */
  flag(name: string): boolean;
}

/** Levenshtein distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    prev = row;
  }
  return prev[b.length] as number;
}

/** The candidate closest to `word`, when it is close enough to be what was meant (a typo, not another word). */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  const allowed = Math.max(1, Math.floor(Math.max(word.length, 1) / 3));
  return bestDistance <= allowed ? best : undefined;
}

const allOptions = (spec: CommandSpec) => [...spec.options, ...COMMON_OPTIONS];

/** The commands the installed package gives as programs of their own (package.json `bin`). */
const PACKAGE_BINS: readonly string[] = ['sim', 'sweep', 'check'];

/** Whether these command lines run from the installed package (dist-package/), not from a clone of the repository. */
const fromPackage = /\/dist-package\/cli\//.test(import.meta.url);

/**
 * How a user types the command: `npm run --silent sim --` in a clone of the repository, `mcx-sim` where the package
 * is installed (there is no npm script there to run).
 */
export function commandOf(name: string, packaged = fromPackage): string {
  return packaged && PACKAGE_BINS.includes(name) ? `mcx-${name}` : `npm run --silent ${name} --`;
}

/** `sim` → `npm run --silent sim -- <scenario.json | -> [options]` (`mcx-sim <scenario.json | -> [options]`). */
export const usageLine = (spec: CommandSpec, packaged = fromPackage) =>
  `usage: ${commandOf(spec.name, packaged)} ${spec.operands} [options]`;

const HELP_WIDTH = 100;

/** Words into lines of at most `width` characters (a longer word gets a line of its own). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines;
}

/** The command's help (`--help`, `-h`): usage, operands, each option with its values and default, an example. */
export function helpText(spec: CommandSpec, packaged = fromPackage): string {
  const label = (o: OptionSpec) =>
    `${o.short ? `-${o.short}, ` : ''}--${o.name}${o.value ? ` ${o.value}` : ''}${o.repeatable ? ' …' : ''}`;
  const options = allOptions(spec);
  const width = Math.max(...options.map((o) => label(o).length)) + 2;
  const lines = [usageLine(spec, packaged), '', ...wrap(spec.summary, HELP_WIDTH), '', 'arguments:'];
  for (const line of spec.operandHelp) lines.push(`  ${line}`);
  lines.push('', 'options:');
  for (const o of options) {
    const extra = [
      o.choices ? `one of ${o.choices.join(', ')}` : '',
      o.repeatable ? 'may be repeated' : '',
      o.default ? `default: ${o.default}` : '',
    ].filter(Boolean);
    const text = `${o.help}${extra.length ? ` (${extra.join('; ')})` : ''}`;
    wrap(text, HELP_WIDTH - width - 2).forEach((line, i) =>
      lines.push(`  ${(i ? '' : label(o)).padEnd(width)}${line}`),
    );
  }
  if (spec.notes?.length) {
    lines.push('');
    for (const note of spec.notes) lines.push(note);
  }
  lines.push('', spec.examples.length > 1 ? 'examples:' : 'example:');
  // The package ships no examples/ folder: there an example names the user's own scenario file.
  for (const example of spec.examples) {
    const given = packaged ? example.replace(/\bexamples\/[\w-]+\.json\b/g, 'scenario.json') : example;
    lines.push(`  ${commandOf(spec.name, packaged)} ${given}`);
  }
  return `${lines.join('\n')}\n`;
}

function unknownOption(spec: CommandSpec, given: string): UsageError {
  const names = allOptions(spec).map((o) => `--${o.name}`);
  const meant = given.startsWith('--') ? closest(given, names) : undefined;
  const hint = meant ? ` (did you mean ${meant}?)` : `; ${usageLine(spec)} (--help lists the options)`;
  return new UsageError(`unknown option ${given}${hint}`);
}

/** The value `value` checked against the option's choices. */
function checked(option: OptionSpec, value: string): string {
  if (!option.choices || option.choices.includes(value)) return value;
  const meant = closest(value, option.choices);
  const hint = meant ? ` (did you mean ${meant}?)` : '';
  return failValue(option, value, hint);
}

const failValue = (option: OptionSpec, value: string, hint: string): never => {
  throw new UsageError(
    `--${option.name} must be one of ${(option.choices ?? []).join(', ')}, got "${value}"${hint}`,
  );
};

/** Reads a command line by the command's declarations; a usage error of one line for anything it refuses. */
export function parseCommandLine(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const options = allOptions(spec);
  const values = new Map<string, string[]>();
  const positionals: string[] = [];
  const add = (option: OptionSpec, value: string) => {
    const list = values.get(option.name) ?? [];
    if (list.length && !option.repeatable) {
      const what = option.value ? ` (${[...list, value].map((v) => `"${v}"`).join(', ')})` : '';
      throw new UsageError(`--${option.name} given twice${what}: give it once`);
    }
    if (option.value && list.includes(value))
      throw new UsageError(`--${option.name} "${value}" given twice: give each value once`);
    list.push(value);
    values.set(option.name, list);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const eq = long ? arg.indexOf('=') : -1;
    const name = long ? arg.slice(2, eq < 0 ? undefined : eq) : arg.slice(1);
    const option = options.find((o) => (long ? o.name === name : o.short === name));
    if (!option) throw unknownOption(spec, long && eq >= 0 ? arg.slice(0, eq) : arg);
    if (!option.value) {
      if (eq >= 0) throw new UsageError(`--${option.name} takes no value, got "${arg.slice(eq + 1)}"`);
      add(option, '');
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next !== undefined && (next === '-' || !next.startsWith('--'))) {
        value = next;
        i++;
      }
    }
    if (value === undefined) {
      const what = option.choices ? `: one of ${option.choices.join(', ')}` : ` (${option.value})`;
      throw new UsageError(`--${option.name} needs a value${what}`);
    }
    add(option, checked(option, value));
  }
  return {
    help: values.has('help'),
    allErrors: values.has('all-errors'),
    positionals,
    one: (name) => values.get(name)?.[0],
    all: (name) => [...(values.get(name) ?? [])],
    flag: (name) => values.has(name),
  };
}

/** The one file a command reads (or `-`, standard input), or a usage error naming what it expects. */
export function oneOperand(spec: CommandSpec, args: ParsedArgs, what: string): string {
  const [file] = args.positionals;
  if (args.positionals.length !== 1 || file === undefined)
    throw new UsageError(`expected one ${what} (or - for standard input); ${usageLine(spec)}`);
  return file;
}

/** The value of an option declared with `choices`, typed as one of them. */
export function choiceOf<C extends string>(
  args: ParsedArgs,
  name: string,
  choices: readonly C[],
): C | undefined {
  const value = args.one(name);
  return choices.find((c) => c === value);
}

/** The values of a repeatable option declared with `choices`, typed as such. */
export function choicesOf<C extends string>(args: ParsedArgs, name: string, choices: readonly C[]): C[] {
  return args.all(name).flatMap((value) => choices.filter((c) => c === value));
}
