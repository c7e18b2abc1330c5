import { ScenarioError } from '../core/model/scenario';
import { closeSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** What a CLI touches of the outside world, so tests can call `main` without a process. */
export interface Io {
  /** A file's text. Past `maxBytes` bytes it throws InputTooLarge rather than read on. */
  readFile: (path: string, maxBytes?: number) => string;
  readStdin: (maxBytes?: number) => string;
  out: (text: string) => void;
  err: (text: string) => void;
  /** stderr is a terminal: only then is progress shown (`progress.ts`). */
  errIsTerminal?: boolean;
}

/**
 * Bad input or arguments: exit 2 with this one line. `details`, when the user asked for every problem
 * (`--all-errors`), are printed after it, one per line.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

/** An input over its size limit; `bytes` is its size when known (a regular file), before any of it was read. */
export class InputTooLarge extends Error {
  constructor(readonly bytes?: number) {
    super('input over the size limit');
  }
}

/** How a file is named in messages: `-` is `stdin`. */
export const inputName = (file: string) => (file === '-' ? 'stdin' : file);

/**
 * Reads a file (or `-`, standard input) as text. Past `limit.bytes` it stops reading and refuses with
 * `limit.message(size)`, the size known only for a regular file.
 */
export function readInput(
  file: string,
  io: Io,
  limit?: { bytes: number; message: (bytes?: number) => string },
): string {
  try {
    return file === '-' ? io.readStdin(limit?.bytes) : io.readFile(file, limit?.bytes);
  } catch (error) {
    if (error instanceof InputTooLarge && limit) {
      throw new UsageError(`${inputName(file)}: ${limit.message(error.bytes)}`);
    }
    const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? String(error));
    throw new UsageError(`cannot read ${file}: ${why}`);
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Reads `fd` to its end as UTF-8, at most `maxBytes` bytes: a device or a pipe that never ends is refused too. */
function readCapped(fd: number, maxBytes: number | undefined): string {
  const stat = fstatSync(fd);
  if (maxBytes !== undefined && stat.isFile() && stat.size > maxBytes) throw new InputTooLarge(stat.size);
  const chunks: Buffer[] = [];
  const chunk = Buffer.allocUnsafe(1 << 16);
  let total = 0;
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? error.code : undefined;
      if (code === 'EOF') break;
      if (code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 10); // a non-blocking standard input with nothing yet: wait, then read on
      continue;
    }
    if (n === 0) break;
    total += n;
    if (maxBytes !== undefined && total > maxBytes) throw new InputTooLarge();
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString('utf8');
}

export const nodeIo: Io = {
  readFile: (path, maxBytes) => {
    const fd = openSync(path, 'r');
    try {
      return readCapped(fd, maxBytes);
    } finally {
      closeSync(fd);
    }
  },
  readStdin: (maxBytes) => readCapped(0, maxBytes),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  errIsTerminal: process.stderr.isTTY,
};

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();

/** An error that is the simulator's fault, as one line: its message, never its stack. */
export function internalError(name: string, error: unknown): string {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `${name}: internal error (a fault of the simulator, not of the input): ${oneLine(what)}\n`;
}

/** Runs a CLI's main: UsageError is exit 2 with its one line; any other error exit 1 with one line, no stack. */
export function runCli(name: string, main: () => number, io: Io): number {
  try {
    return main();
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${name}: ${oneLine(error.message)}\n`);
      for (const line of error.details) io.err(`  ${oneLine(line)}\n`);
      return 2;
    }
    // A scenario a procedure cannot run (a fault naming an own action) is bad input too.
    if (error instanceof ScenarioError) {
      io.err(`${name}: ${oneLine(error.message)}\n`);
      return 2;
    }
    io.err(internalError(name, error));
    return 1;
  }
}

/** True when the module at `url` (its `import.meta.url`) is the script node was started with, on any OS. */
export function isEntry(url: string, script: string | undefined = process.argv[1]): boolean {
  if (!script) return false;
  if (url === pathToFileURL(script).href) return true;
  try {
    // node runs the real path of a script reached through a symbolic link
    return url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

/**
 * Runs `main` when the module at `url` is the entry script, as a process: its exit code; an error that escapes
 * (even one thrown later, outside main) as one line and exit 1; a reader that closed the pipe early ends it quietly.
 */
export function runEntry(url: string, name: string, main: (argv: string[], io: Io) => number): void {
  if (!isEntry(url)) return;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  process.on('uncaughtException', (error) => {
    process.stderr.write(internalError(name, error));
    process.exit(1);
  });
  process.exitCode = main(process.argv.slice(2), nodeIo);
}
