import { ENTITIES, ENTITY_IDS, type EntityId } from './ids';
import { getProcedure } from './procedures';
import type { RunResult, TraceStep } from './run';
import type { Scenario } from './schema';

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
 * Escapes user text for Mermaid's sequence grammar: every character that could end a statement (`;`, newline),
 * start a comment or directive (`%%`), an entity (`#`), an arrow (`>`), markup (`<`, `&`), math (`$$`) or a label
 * (`:`) becomes a Mermaid entity code (`#59;`), which Mermaid shows as the character itself.
 */
export function escapeMermaid(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  const cut = chars.length > max ? [...chars.slice(0, max - 1), '…'] : chars;
  return cut.map((c) => (SAFE.test(c) ? c : `#${c.codePointAt(0)};`)).join('');
}

export interface Diagram {
  /** Mermaid `sequenceDiagram` text. */
  text: string;
  /** The step number of each message arrow, in the order Mermaid draws them. */
  arrows: number[];
}

function participants(scenario: Scenario, used: ReadonlySet<EntityId>): string[] {
  const lines: string[] = [];
  const name = (id: EntityId) => `${PARTICIPANT[id]} as ${ENTITIES[id].short}`;
  lines.push(`  participant ${name('cmc')}`);
  const box = (system: 'primary' | 'partner', systemId: string) => {
    const ids = ENTITY_IDS.filter((id) => ENTITIES[id].system === system && used.has(id));
    if (!ids.length) return;
    lines.push(
      `  box ${system === 'primary' ? 'Primary' : 'Partner'} MC system ${escapeMermaid(systemId, 60)}`,
    );
    for (const id of ids) lines.push(`    participant ${name(id)}`);
    lines.push('  end');
  };
  box('primary', scenario.primary.systemId);
  box('partner', scenario.partner.systemId);
  return lines;
}

function arrowOf(step: TraceStep): string {
  if (step.kind === 'error') return '--x';
  if (step.kind === 'action') return '->>';
  return step.message.type === 'profile.provide' || step.message.type === 'profile.stored' ? '-->>' : '->>';
}

function labelOf(step: TraceStep): string {
  let label = step.label;
  if (step.message.type === 'profile.request' && step.message.request.partnerSystemId) {
    label += ` (partner ${step.message.request.partnerSystemId})`;
  }
  if (step.message.type === 'profile.provide' && step.message.profiles.length > 1) {
    label += ` (${step.message.profiles.length} profiles)`;
  }
  // The marker is added after the cut, so a long label keeps it.
  return `${step.n}. ${escapeMermaid(label)}${step.assumption ? ' (assumption)' : ''}`;
}

/** The whole run as a Mermaid sequence diagram: a pure function of the trace. */
export function toMermaid(run: Pick<RunResult, 'steps' | 'procedure'>, scenario: Scenario): Diagram {
  // Every entity the clause involves, so that a refused run keeps the procedure's layout.
  const used = new Set<EntityId>(['cmc']);
  for (const s of getProcedure(run.procedure).steps) {
    used.add(s.from);
    used.add(s.to);
  }
  for (const s of run.steps) {
    used.add(s.from);
    used.add(s.to);
  }
  const lines = ['sequenceDiagram', ...participants(scenario, used)];
  const arrows: number[] = [];
  for (const step of run.steps) {
    lines.push(`  ${PARTICIPANT[step.from]}${arrowOf(step)}${PARTICIPANT[step.to]}: ${labelOf(step)}`);
    arrows.push(step.n);
    for (const side of step.also) {
      lines.push(
        `  ${PARTICIPANT[side.from]}-->>${PARTICIPANT[side.to]}: ${step.n}. ${escapeMermaid(side.label)}`,
      );
      arrows.push(step.n);
    }
  }
  return { text: lines.join('\n') + '\n', arrows };
}
