/** Plain-text renderings of values for the player's panels: short, deterministic, no locale or clock. */
import { ENTITIES, type EntityId } from '../../core/model/ids';
import type { TraceStep } from '../../core/engine/run';

/** A value of a profile field or a change, as one line. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '—';
  if (value === null) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'no limit';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.length ? value.map(formatValue).join(', ') : '(none)';
  if (typeof value === 'object') {
    const partners = (value as { partners?: unknown }).partners;
    if (Array.isArray(partners) && Object.keys(value).length === 1) return `for ${partners.join(', ')}`;
    return JSON.stringify(value);
  }
  if (typeof value === 'bigint') return value.toString();
  // Profile fields are JSON: a function or a symbol is no field's value.
  return `(${typeof value})`;
}

/** `cmc → partner-cms` or `primary-udb (own action)`. */
export function route(from: EntityId, to: EntityId): string {
  return from === to ? `${from} (own action)` : `${from} → ${to}`;
}

/**
 * The step's heading in the list and the message panel: `3. primary-udb (own action)`, `11a. primary-cms → cmc
 * (CSC-4)`: the step's number as the clause gives it (a letter after the step an unnumbered one follows).
 */
export function stepHeading(step: TraceStep): string {
  return `${step.number}. ${route(step.from, step.to)}${step.referencePoint ? ` (${step.referencePoint})` : ''}`;
}

/** `step 7`, or `step 11a (12 of 12)` for an unnumbered step, whose number is not its position. */
function position(step: TraceStep, total: number): string {
  return step.number === String(step.n)
    ? `${step.number} of ${total}`
    : `${step.number} (${step.n} of ${total})`;
}

/** What the live region says about the current step. */
export function announce(step: TraceStep | undefined, total: number, outcome: string): string {
  if (!step) return `Before step 1 of ${total}.`;
  const who = step.from === step.to ? step.from : `${step.from} → ${step.to}`;
  const end = step.n === total ? ` End of the procedure: ${outcome}.` : '';
  return `Step ${position(step, total)}: ${who}: ${step.label}.${end}`;
}

export function entityTitle(id: EntityId): string {
  return ENTITIES[id].title;
}
