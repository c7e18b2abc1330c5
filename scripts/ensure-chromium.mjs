#!/usr/bin/env node
// Finds the system Chromium for Playwright, installing Debian's package when run as root; CHROMIUM_PATH pins another.
// Browsers cannot be downloaded by Playwright here: never `npx playwright install`.
import { execFileSync, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

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

const pinned = process.env.CHROMIUM_PATH;
if (pinned && !existsSync(pinned)) {
  console.error(`ensure-chromium: CHROMIUM_PATH is ${pinned}, which does not exist`);
  process.exit(1);
}
let path = pinned || find();
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
let version = 'version unknown';
try {
  version = execFileSync(path, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] })
    .toString()
    .trim();
} catch {
  /* Playwright says what is wrong when it launches it */
}
console.log(`ensure-chromium: ${path} (${version})`);
