import { ENTITIES, ENTITY_IDS, type EntityId } from '../model/ids';
import { involvedEntities } from '../procedures';
import { referencePointOf } from '../model/referencePoints';
import type { RunResult, TraceStep } from '../engine/run';
import type { Scenario } from '../model/schema';

/** Mermaid-safe participant names: the entity ids contain `-`, which Mermaid's arrows also use. */
export const PARTICIPANT: Record<EntityId, string> = {
  cmc: 'cmc',
  'primary-cms': 'primaryCms',
  'primary-udb': 'primaryUdb',
  'partner-cms': 'partnerCms',
  'partner-udb': 'partnerUdb',
};

const SAFE = /[A-Za-z0-9 ,.@_()'?!+=*/-]/;
/**
 * Beyond ASCII only control characters, lone surrogates and the two characters of Mermaid's own entity placeholders
 * (`ﬂ°°59¶ß` stands for `#59;` while it lays out) need a code: letters of any script and emoji are no grammar, and
 * each code Mermaid has to lay out is a word it may break in the middle (see `keepCodesWhole`).
 */
const ESCAPED_BEYOND_ASCII = /[\p{Cc}\p{Cs}\uFB02\u00B6]/u;

const isSafe = (c: string) => ((c.codePointAt(0) ?? 0) > 0x7f ? !ESCAPED_BEYOND_ASCII.test(c) : SAFE.test(c));

/**
 * Escapes user text for Mermaid's sequence grammar: every character that could end a statement (`;`, newline),
 * start a comment or directive (`%%`), an entity (`#`), an arrow (`>`), markup (`<`, `&`), math (`$$`) or a label
 * (`:`) becomes a Mermaid entity code (`#59;`), which Mermaid shows as the character itself.
 */
export function escapeMermaid(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  const escape = (c: string) => (isSafe(c) ? c : `#${c.codePointAt(0)};`);
  if (chars.length <= max) return chars.map(escape).join('');
  // The cut is marked with an ellipsis as a code, as ever: the layout of every diagram drawn so far keeps.
  return `${chars
    .slice(0, max - 1)
    .map(escape)
    .join('')}#8230;`;
}

/** Estimated widths (px at Mermaid's 14px): an ASCII character, another character, a code's placeholder. */
const charWidth = (c: string) => ((c.codePointAt(0) ?? 0) > 0x7f ? 14 : 8);
const codeWidth = (code: string) => 38 + 8.5 * (code.length - 2);

/**
 * Mermaid wraps a label (`wrap: true`) and hyphenates a word wider than the line character by character, while
 * each entity code is still its placeholder: a break inside one leaves `°59;` or a wrong character on screen. In a
 * word wider than `width`, a space goes before each code that would otherwise end past `width - 10` from where the
 * word (or the last such space) starts, so that every code begins a line or sits well inside one. Words that fit,
 * the usual case, are left as they are.
 */
export function keepCodesWhole(escaped: string, width: number): string {
  return escaped
    .split(' ')
    .map((word) => {
      const units = word.match(/#\d+;|[\s\S]/gu) ?? [];
      const wide = (u: string) => (u.length > 2 && u.startsWith('#') ? codeWidth(u) : charWidth(u));
      if (units.reduce((sum, u) => sum + wide(u), 0) <= width) return word;
      let run = 0;
      let out = '';
      for (const unit of units) {
        const w = wide(unit);
        if (unit.length > 2 && unit.startsWith('#') && run > 0 && run + w > width - 10) {
          out += ' ';
          run = 0;
        }
        out += unit;
        run += w;
      }
      return out;
    })
    .join(' ');
}

/** The narrowest line Mermaid wraps a message label to (`sequence.width`), and a box title (one actor's box). */
const MESSAGE_WIDTH = 140;
const BOX_WIDTH = 220;

export interface Diagram {
  /** Mermaid `sequenceDiagram` text. */
  text: string;
  /** The step number of each message arrow, in the order Mermaid draws them (a timer's note is no arrow). */
  arrows: number[];
  /** The step number of each note (a timer that fires), in the order Mermaid draws them. */
  notes: number[];
}

/** A system's box on the diagram: the entities of that system the diagram shows. */
export interface SystemBox {
  system: 'primary' | 'partner';
  systemId: string;
  ids: EntityId[];
}

/**
 * The system boxes of a run's diagram, for the Mermaid and the PlantUML texts alike: every entity the clause
 * involves (so that a refused run keeps the procedure's layout) and any other the run used; the client stands alone.
 */
export function systemBoxes(run: Pick<RunResult, 'steps' | 'procedure'>, scenario: Scenario): SystemBox[] {
  const used = new Set<EntityId>(involvedEntities(run.procedure));
  for (const s of run.steps) {
    used.add(s.from);
    used.add(s.to);
  }
  const box = (system: SystemBox['system'], systemId: string): SystemBox => ({
    system,
    systemId,
    ids: ENTITY_IDS.filter((id) => ENTITIES[id].system === system && used.has(id)),
  });
  return [box('primary', scenario.primary.systemId), box('partner', scenario.partner.systemId)].filter(
    (b) => b.ids.length > 0,
  );
}

/** What a step's label says before escaping: its words and what the diagram shows of what the message carries. */
export function labelWords(step: TraceStep): string {
  let label = step.label;
  if (step.message.type === 'profile.request' && step.message.request.partnerSystemId) {
    label += ` (partner ${step.message.request.partnerSystemId})`;
  }
  if (step.message.type === 'profile.provide' && step.message.profiles.length > 1) {
    label += ` (${step.message.profiles.length} profiles)`;
  }
  return label;
}

/** The marks after a label: lost, discarded, an assumption (CONTRACT.md §10). */
export const labelMarks = (step: TraceStep): string =>
  `${step.lost ? ' (lost)' : ''}${step.discarded ? ' (discarded)' : ''}${step.assumption ? ' (assumption)' : ''}`;

function participants(boxes: readonly SystemBox[]): string[] {
  const name = (id: EntityId) => `${PARTICIPANT[id]} as ${ENTITIES[id].short}`;
  const lines = [`  participant ${name('cmc')}`];
  for (const { system, systemId, ids } of boxes) {
    lines.push(
      `  box ${system === 'primary' ? 'Primary' : 'Partner'} MC system ${keepCodesWhole(escapeMermaid(systemId, 60), BOX_WIDTH)}`,
    );
    for (const id of ids) lines.push(`    participant ${name(id)}`);
    lines.push('  end');
  }
  return lines;
}

/**
 * A request or an own action is a solid arrow, an answer (a profile, an acknowledgement, an error returned) a dotted
 * one; a lost message ends in a cross (`-x`, `--x`: Mermaid's sequence arrows with a cross), and only a lost one.
 */
function arrowOf(step: TraceStep): string {
  const answer =
    step.kind === 'error' ||
    step.message.type === 'profile.provide' ||
    step.message.type === 'profile.stored';
  if (step.lost) return answer ? '--x' : '-x';
  return answer ? '-->>' : '->>';
}

export interface DiagramOptions {
  /** Each message's reference point before its label (`[CSC-17]`): the diagram's reference-point toggle. */
  referencePoints?: boolean;
}

function sidePoint(side: { from: EntityId; to: EntityId }, options: DiagramOptions): string {
  const point = options.referencePoints ? referencePointOf(side.from, side.to) : null;
  return point ? `[${point}] ` : '';
}

function labelOf(step: TraceStep, options: DiagramOptions): string {
  // The marker is added after the cut, so a long label keeps it.
  const point = options.referencePoints && step.referencePoint ? `[${step.referencePoint}] ` : '';
  return `${step.number}. ${point}${keepCodesWhole(escapeMermaid(labelWords(step)), MESSAGE_WIDTH)}${labelMarks(step)}`;
}

/** The whole run as a Mermaid sequence diagram: a pure function of the trace. */
export function toMermaid(
  run: Pick<RunResult, 'steps' | 'procedure'>,
  scenario: Scenario,
  options: DiagramOptions = {},
): Diagram {
  const lines = ['sequenceDiagram', ...participants(systemBoxes(run, scenario))];
  const arrows: number[] = [];
  const notes: number[] = [];
  for (const step of run.steps) {
    if (step.kind === 'timeout') {
      // A timer that fires is no message: a note over its entity.
      lines.push(
        `  Note over ${PARTICIPANT[step.to]}: ${step.number}. ${keepCodesWhole(escapeMermaid(step.label), MESSAGE_WIDTH)} (assumption)`,
      );
      notes.push(step.n);
      continue;
    }
    lines.push(
      `  ${PARTICIPANT[step.from]}${arrowOf(step)}${PARTICIPANT[step.to]}: ${labelOf(step, options)}`,
    );
    arrows.push(step.n);
    for (const side of step.also) {
      lines.push(
        `  ${PARTICIPANT[side.from]}-->>${PARTICIPANT[side.to]}: ${step.number}. ${sidePoint(side, options)}${keepCodesWhole(escapeMermaid(side.label), MESSAGE_WIDTH)}`,
      );
      arrows.push(step.n);
    }
  }
  return { text: lines.join('\n') + '\n', arrows, notes };
}
