import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Io } from '../../src/cli/sim';
import { parseScenarioOrThrow, type Scenario } from '../../src/core/model/scenario';

/** The repository root (test/support/../..). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const EXAMPLE_PATH = resolve(ROOT, 'examples', 'metro-to-county.json');

/** The example scenario as raw JSON (a fresh copy each call). */
export function exampleJson(): ExampleRaw {
  return JSON.parse(readFileSync(EXAMPLE_PATH, 'utf8')) as ExampleRaw;
}

/** The example scenario, parsed, optionally changed first (the change works on a fresh copy). */
export function exampleScenario(change?: (raw: ExampleRaw) => void): Scenario {
  const raw = exampleJson();
  change?.(raw);
  return parseScenarioOrThrow(raw);
}

/** A loose view of the example's JSON for editing in tests. */
export interface ExampleRaw {
  [key: string]: unknown;
  title: string;
  version: unknown;
  user: { serviceIds: Record<string, unknown>; [key: string]: unknown };
  ue: { configuredBy: string; service?: unknown };
  preconditions?: { migrationPermitted?: boolean; authenticatedInPartner?: boolean };
  primary: {
    systemId: string;
    profiles: Record<string, unknown>[];
    validation?: Record<string, unknown>;
  };
  partner: { systemId: string; policy?: Record<string, unknown>; cache?: unknown };
}

/** A CLI io that keeps what the CLI writes; files are served from a map, then from disk. */
export function fakeIo(files: Record<string, string> = {}, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    readFile: (path) => {
      if (path in files) return files[path] as string;
      return readFileSync(path, 'utf8');
    },
    readStdin: () => stdin,
    out: (text) => void out.push(text),
    err: (text) => void err.push(text),
  };
  return {
    io,
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

/** Lines of a text, without the empty string after a final newline. */
export function lines(text: string): string[] {
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
}
