/** The files a reviewer takes away: names, contents, and the save itself (a Blob URL and an <a download>). */
import type { ProcedureId } from '../../core/ids';
import { toTraceJson } from '../../core/report';
import type { RunResult } from '../../core/run';
import type { Scenario } from '../../core/scenario';
import { toWalkthrough, type ReviewNotes } from '../../core/walkthrough';
import { exportedNotes } from './slice';

export function fileNames(procedure: ProcedureId) {
  return {
    svg: `${procedure}-diagram.svg`,
    png: `${procedure}-diagram.png`,
    trace: `${procedure}-trace.json`,
    walkthrough: `${procedure}-walkthrough.md`,
  };
}

/** Exactly what `npm run sim -- <scenario> --procedure <id> --format json` prints. */
export const traceText = (run: RunResult) => `${JSON.stringify(toTraceJson(run), null, 2)}\n`;

export const walkthroughText = (run: RunResult, scenario: Scenario, notes: ReviewNotes | undefined) =>
  toWalkthrough(run, scenario, exportedNotes(notes));

/** Saves a file through the browser's download. */
export function saveFile(content: Blob, name: string): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL is released a little later for slow browsers.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
