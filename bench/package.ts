/**
 * The package's size (CONTRACT.md §13): `npm pack` (which builds dist-package/) into a scratch folder, and the time an
 * install of the tarball with `--omit=dev` takes in an empty folder (the registry or npm's cache supplies the four
 * runtime dependencies).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PackageBench {
  /** The tarball's size. */
  bytes: number;
  unpackedBytes: number;
  files: number;
  /** `npm pack`, its build included. */
  packMs: number;
  /** `npm install <tarball> --omit=dev` into an empty folder. */
  installMs: number;
}

export function benchPackage(): PackageBench {
  const work = mkdtempSync(join(tmpdir(), 'mcx-bench-package-'));
  try {
    let start = Date.now();
    const [info] = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    ) as { filename: string; size: number; unpackedSize: number; entryCount: number }[];
    if (!info) throw new Error('npm pack made nothing');
    const packMs = Date.now() - start;
    const consumer = join(work, 'consumer');
    mkdirSync(consumer);
    writeFileSync(join(consumer, 'package.json'), '{"name":"consumer","private":true}');
    start = Date.now();
    execFileSync('npm', ['install', join(work, info.filename), '--omit=dev', '--no-audit', '--no-fund'], {
      cwd: consumer,
      stdio: 'ignore',
    });
    return {
      bytes: info.size,
      unpackedBytes: info.unpackedSize,
      files: info.entryCount,
      packMs,
      installMs: Date.now() - start,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
