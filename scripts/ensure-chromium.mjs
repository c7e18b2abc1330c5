#!/usr/bin/env node
// Finds the system Chromium for Playwright, installing Debian's package when run as root.
// Browsers cannot be downloaded by Playwright here: never `npx playwright install`.
import { execSync } from 'node:child_process';

const find = () => {
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      return execSync(`command -v ${name}`, { stdio: ['ignore', 'pipe', 'ignore'], shell: '/bin/sh' })
        .toString()
        .trim();
    } catch {
      /* try the next name */
    }
  }
  return '';
};

let path = process.env.CHROMIUM_PATH || find();
if (!path) {
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    console.log('ensure-chromium: installing Debian chromium (apt-get install -y chromium)…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
      stdio: 'inherit',
      shell: '/bin/sh',
    });
    path = find();
  } else {
    console.error('ensure-chromium: no Chromium found; install it with: sudo apt-get install -y chromium');
    process.exit(1);
  }
}
if (!path) {
  console.error('ensure-chromium: chromium is still not on PATH after installing it');
  process.exit(1);
}
console.log(`ensure-chromium: ${path}`);
