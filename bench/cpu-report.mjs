/**
 * Preloaded into every Node process of a benchmarked command (`NODE_OPTIONS=--import …`): at exit, appends the
 * process's CPU time (user + system, microseconds) to the file BENCH_CPU_FILE names, one line per process, so the
 * bench can add up the CPU time of npm, tsx and the CLI it starts.
 */
import { appendFileSync } from 'node:fs';

const file = process.env.BENCH_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const used = process.cpuUsage();
    appendFileSync(file, `${process.pid} ${used.user + used.system}\n`);
  });
}
