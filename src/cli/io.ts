import { readFileSync } from 'node:fs';

/** What a CLI touches of the outside world, so tests can call `main` without a process. */
export interface Io {
  readFile: (path: string) => string;
  readStdin: () => string;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Bad input or arguments: exit 2 with this one line. */
export class UsageError extends Error {}

export function readInput(file: string, io: Io): string {
  try {
    return file === '-' ? io.readStdin() : io.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? String(error));
    throw new UsageError(`cannot read ${file}: ${why}`);
  }
}

export const nodeIo: Io = {
  readFile: (path) => readFileSync(path, 'utf8'),
  readStdin: () => readFileSync(0, 'utf8'),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Runs a CLI's main, mapping UsageError to exit 2 with one line on stderr. */
export function runCli(name: string, main: () => number, io: Io): number {
  try {
    return main();
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${name}: ${error.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return 2;
    }
    throw error;
  }
}

/** True when this module is the script node was started with. */
export function isEntry(url: string): boolean {
  const script = process.argv[1];
  return !!script && url.endsWith(script.split('/').slice(-2).join('/'));
}
