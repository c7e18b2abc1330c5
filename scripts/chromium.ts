import { execSync } from 'node:child_process';

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

/** Headless in a sandbox-less container, with nothing that reaches for the (closed) network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
