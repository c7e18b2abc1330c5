/**
 * Progress of long work on standard error, for the command-line tools (sweep; the checker). Only when stderr is a
 * terminal (a pipe or a file gets nothing, so logs and scripts stay clean), only once the work has lasted a second
 * (short runs print nothing), at most ten times a second, and never on stdout (which carries the result). The line
 * is redrawn in place and erased at the end.
 */

/** Where progress goes: stderr, or a stand-in for tests. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  /** `done` of `total` units so far; cheap enough to call for every unit. */
  readonly update: (done: number, total: number) => void;
  /** Erases the line, if one was drawn; safe to call twice. */
  readonly end: () => void;
}

const group = (n: number) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const PROGRESS_DELAY_MS = 1000;
const REDRAW_MS = 100;

/** `stream`: the CLI's stderr as its `Io` has it (`{ isTTY: io.errIsTerminal, write: io.err }`). */
export function progressOnStderr(
  label: string,
  unit: string,
  stream: ProgressStream,
  now: () => number = () => performance.now(),
): Progress {
  if (!stream.isTTY) return { update: () => undefined, end: () => undefined };
  const start = now();
  let next = start + PROGRESS_DELAY_MS;
  let drawn = false;
  return {
    update: (done, total) => {
      const t = now();
      if (t < next) return;
      next = t + REDRAW_MS;
      const percent = total ? Math.floor((done / total) * 100) : 0;
      const seconds = ((t - start) / 1000).toFixed(0);
      stream.write(
        `\r\x1b[2K${label}: ${group(done)} of ${group(total)} ${unit} (${percent}%), ${seconds} s`,
      );
      drawn = true;
    },
    end: () => {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
