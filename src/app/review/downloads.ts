/** The files a reviewer takes away: names and contents (the save itself: ../download.ts). */
import type { ProcedureId } from '../../core/model/ids';
import { toTraceJson } from '../../core/formats/report';
import type { RunResult } from '../../core/engine/run';
import type { Scenario } from '../../core/model/scenario';
import { toWalkthrough, type ReviewNotes } from '../../core/formats/walkthrough';
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
