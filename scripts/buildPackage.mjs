/**
 * Builds the package's files (`npm run build:package`, run by `npm pack`): tsc compiles the core's API and the command
 * lines to dist-package/; then, since the sources import without file extensions (as Vite and tsx resolve them) and
 * Node's ES modules do not, every relative import of the output, JavaScript and declarations, is given its file
 * (`./run` -> `./run.js`, `../procedures` -> `../procedures/index.js`), and each command line its `#!` line.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist-package');
const BINS = ['cli/sim.js', 'cli/sweep.js', 'cli/check.js'];

rmSync(OUT, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.package.json')], { stdio: ['ignore', 2, 2] }); // stdout stays for npm pack --json

const files = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });

/** The file a relative specifier means, as the output has it: `x.js`, or `x/index.js` for a folder. */
function withFile(from, specifier) {
  if (/\.(js|json)$/.test(specifier)) return specifier;
  const base = resolve(dirname(from), specifier);
  if (existsSync(`${base}.js`)) return `${specifier}.js`;
  if (existsSync(join(base, 'index.js'))) return `${specifier}/index.js`;
  throw new Error(`${from}: cannot resolve ${specifier}`);
}

const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;
for (const file of files(OUT)) {
  if (!/\.(js|d\.ts)$/.test(file)) continue;
  const text = readFileSync(file, 'utf8');
  const fixed = text.replace(SPECIFIER, (_all, head, quote, specifier) => {
    return `${head}${quote}${withFile(file, specifier)}${quote}`;
  });
  if (fixed !== text) writeFileSync(file, fixed);
}

for (const bin of BINS) {
  const path = join(OUT, bin);
  writeFileSync(path, `#!/usr/bin/env node\n${readFileSync(path, 'utf8')}`);
  chmodSync(path, 0o755);
}
console.error(`built ${OUT}`);
