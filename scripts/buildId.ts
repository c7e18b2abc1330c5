/**
 * The build's id: a hash of everything the build is made from (the page, the app's and the core's sources, the
 * build's own configuration and scripts, the locked dependencies), so the same source always gives the same id and
 * any change to what is shipped gives another. vite.config.ts defines it for the page (src/app/buildId.ts).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const INPUTS = ['index.html', 'package-lock.json', 'vite.config.ts', 'scripts', 'src', 'public'];

function files(root: string, path: string): string[] {
  const full = join(root, path);
  let stat;
  try {
    stat = statSync(full);
  } catch {
    return [];
  }
  if (!stat.isDirectory()) return [path];
  return readdirSync(full)
    .sort()
    .flatMap((name) => files(root, join(path, name)));
}

/** Twelve hex digits of a SHA-256 over each input file's path and content, in a fixed order. */
export function buildId(root: string): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => files(root, input))) {
    hash.update(relative(root, join(root, file)).replaceAll('\\', '/'));
    hash.update('\0');
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}
