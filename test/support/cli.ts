import { expect } from 'vitest';
import type { Io } from '../../src/cli/io';
import { fakeIo, lines } from './fixtures';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a CLI's `main` with a fake io (files served from the map, then from disk). */
export function runMain(
  main: (argv: string[], io: Io) => number,
  argv: string[],
  files: Record<string, string> = {},
  stdin = '',
): CliResult {
  const { io, stdout, stderr } = fakeIo(files, stdin);
  const code = main(argv, io);
  return { code, stdout: stdout(), stderr: stderr() };
}

/** A refusal: exit 2, nothing on stdout, exactly one line on stderr; returns that line. */
export function expectRefusal(result: CliResult): string {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(lines(result.stderr)).toHaveLength(1);
  expect(result.stderr.endsWith('\n')).toBe(true);
  return result.stderr.trimEnd();
}
