/** The files a reviewer takes away: names and contents (the save itself: ../download.ts). */
import type { ProcedureId } from '../../core/model/ids';
import { toTraceJson } from '../../core/formats/report';
import type { RunResult } from '../../core/engine/run';
import type { Scenario } from '../../core/model/scenario';
import { toWalkthrough, type ReviewNotes } from '../../core/formats/walkthrough';
import { toPlantUml } from '../../core/formats/plantuml';
import { toTestCase, toTestCaseMarkdown } from '../../core/formats/testcase';
import type { EntityId } from '../../core/model/ids';
import { exportedNotes } from './slice';

export function fileNames(procedure: ProcedureId, sut: EntityId) {
  return {
    svg: `${procedure}-diagram.svg`,
    png: `${procedure}-diagram.png`,
    plantuml: `${procedure}-diagram.puml`,
    trace: `${procedure}-trace.json`,
    walkthrough: `${procedure}-walkthrough.md`,
    testCase: `${procedure}-testcase-${sut}.md`,
  };
}

/** Exactly what `npm run sim -- <scenario> --procedure <id> --format json` prints. */
export const traceText = (run: RunResult) => `${JSON.stringify(toTraceJson(run), null, 2)}\n`;

export const walkthroughText = (run: RunResult, scenario: Scenario, notes: ReviewNotes | undefined) =>
  toWalkthrough(run, scenario, exportedNotes(notes));

/** Exactly what `npm run sim -- <scenario> --procedure <id> --format plantuml` prints. */
export const plantUmlText = (run: RunResult, scenario: Scenario) => toPlantUml(run, scenario).text;

/** Exactly what `npm run sim -- <scenario> --procedure <id> --format testcase --sut <sut>` prints. */
export const testCaseText = (run: RunResult, scenario: Scenario, sut: EntityId) =>
  toTestCaseMarkdown(toTestCase(run, scenario, sut));
