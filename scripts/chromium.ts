import { execFileSync, execSync } from 'node:child_process';

/** Debian's Chromium (scripts/ensure-chromium.mjs installs it); Playwright's own browsers are never downloaded. */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync('command -v chromium || command -v chromium-browser', { shell: '/bin/sh' })
      .toString()
      .trim();
  } catch {
    return '/usr/bin/chromium';
  }
}

/**
 * The browser's major version, from `<path> --version` (`Chromium 156.0.8078.114 built on Debian GNU/Linux 12`), or
 * null when it cannot be run. (Debian's wrapper script may complain on stderr: ignored.)
 */
export function chromiumMajor(path: string = chromiumPath()): number | null {
  try {
    const version = execFileSync(path, ['--version'], {
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 30_000,
    });
    const major = /(\d+)\.\d+\.\d+/.exec(version.toString())?.[1];
    return major === undefined ? null : Number(major);
  } catch {
    return null;
  }
}

/**
 * The folder of this machine's screenshot baselines inside `e2e/<spec>-snapshots/`: the platform and the Chromium
 * major version (`linux-chromium156`). Pixels are exact only on one browser build: another platform or browser gets
 * its own baselines (`npm run screenshots:update`) instead of false failures.
 */
export function baselineFolder(path: string = chromiumPath()): string {
  return `${process.platform}-chromium${chromiumMajor(path) ?? '-unknown'}`;
}

/** Headless in a sandbox-less container, with nothing that reaches for the (closed) network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
