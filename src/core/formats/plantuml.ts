/**
 * The run as a PlantUML sequence diagram (`sim --format plantuml`, the page's "Download diagram (PlantUML)"): the
 * participants, system boxes and step numbers of the Mermaid text (`diagram.ts`), from the same trace, for the
 * documents of specification and test teams. A pure function of the trace.
 */
import { ENTITIES, type EntityId } from '../model/ids';
import { referencePointOf } from '../model/referencePoints';
import type { RunResult, TraceStep } from '../engine/run';
import type { Scenario } from '../model/schema';
import {
  labelMarks,
  labelWords,
  PARTICIPANT,
  systemBoxes,
  type Diagram,
  type DiagramOptions,
} from './diagram';

const SAFE = /[A-Za-z0-9 ,.@()'?!+=:-]/;

/**
 * Escapes user text for a PlantUML label: every character that PlantUML could read as markup (Creole's `**`, `//`,
 * `__`, `~~`, `""`, `--`; HTML-like tags; `[[links]]`; `\n`) becomes an HTML entity (`&#47;`), which PlantUML shows
 * as the character itself. A `-` is kept unless it is one of two in a row, an `@` unless it starts a word. Whitespace runs become one space; past
 * `max` characters the text is cut with an ellipsis.
 */
export function escapePlantUml(text: string, max = 80): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  const cut = chars.length > max ? [...chars.slice(0, max - 1), '…'] : chars;
  return cut
    .map((c, i) => {
      const doubledDash = c === '-' && (cut[i - 1] === '-' || cut[i + 1] === '-');
      // `@` starting a word could read as a directive (`@enduml`); inside an address (`alice@metro`) it is kept.
      const directive = c === '@' && (i === 0 || cut[i - 1] === ' ');
      return SAFE.test(c) && !doubledDash && !directive ? c : `&#${c.codePointAt(0)};`;
    })
    .join('');
}

/**
 * As in the Mermaid text (CONTRACT.md §10): an answer (an error too) is dotted, and only a lost message ends in a
 * cross.
 */
function arrowOf(step: TraceStep): string {
  const answer =
    step.kind === 'error' ||
    step.message.type === 'profile.provide' ||
    step.message.type === 'profile.stored';
  if (step.lost) return answer ? '-->x' : '->x';
  return answer ? '-->' : '->';
}

function labelOf(step: TraceStep, options: DiagramOptions): string {
  const point = options.referencePoints && step.referencePoint ? `[${step.referencePoint}] ` : '';
  return `${step.number}. ${escapePlantUml(`${point}${labelWords(step)}`)}${labelMarks(step)}`;
}

/** The whole run as PlantUML text; `arrows` and `notes` are the step of each arrow and note in order, as `toMermaid` gives them. */
export function toPlantUml(
  run: Pick<RunResult, 'steps' | 'procedure'>,
  scenario: Scenario,
  options: DiagramOptions = {},
): Diagram {
  const lines = ['@startuml', 'autonumber stop', 'skinparam sequenceMessageAlign left'];
  const name = (id: EntityId) => `participant "${escapePlantUml(ENTITIES[id].short)}" as ${PARTICIPANT[id]}`;
  lines.push(name('cmc'));
  for (const { system, systemId, ids } of systemBoxes(run, scenario)) {
    lines.push(
      `box "${system === 'primary' ? 'Primary' : 'Partner'} MC system ${escapePlantUml(systemId, 60)}"`,
    );
    for (const id of ids) lines.push(`  ${name(id)}`);
    lines.push('end box');
  }
  const arrows: number[] = [];
  const notes: number[] = [];
  for (const step of run.steps) {
    if (step.kind === 'timeout') {
      // A timer that fires is no message: a note over its entity, as in the Mermaid text.
      lines.push(
        `note over ${PARTICIPANT[step.to]} : ${step.number}. ${escapePlantUml(step.label)} (assumption)`,
      );
      notes.push(step.n);
      continue;
    }
    lines.push(
      `${PARTICIPANT[step.from]} ${arrowOf(step)} ${PARTICIPANT[step.to]} : ${labelOf(step, options)}`,
    );
    arrows.push(step.n);
    for (const side of step.also) {
      const sidePoint = options.referencePoints ? referencePointOf(side.from, side.to) : null;
      const point = sidePoint ? `[${sidePoint}] ` : '';
      lines.push(
        `${PARTICIPANT[side.from]} --> ${PARTICIPANT[side.to]} : ${step.number}. ${escapePlantUml(`${point}${side.label}`)}`,
      );
      arrows.push(step.n);
    }
  }
  lines.push('@enduml');
  return { text: `${lines.join('\n')}\n`, arrows, notes };
}
