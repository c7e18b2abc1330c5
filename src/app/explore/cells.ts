/**
 * What a cell of an outcome map shows and says: its kind (the outcome, and the rule the primary found broken), a
 * colour and a text mark for each kind (never colour alone: Okabe–Ito colours, which stay apart under the common
 * colour-vision deficiencies, and a letter), its accessible name, and the values of the second layer. Pure.
 */
import { valueText, type SweepCell, type VaryValue } from '../../core/explore/sweep';
import type { Profile } from '../../core/model/profile';
import type { ValidationRule } from '../../core/model/validation';
import { fieldName } from './fields';

export type CellKind =
  | 'delivered'
  | 'delivered-violated'
  | 'rejected-minPriority'
  | 'rejected-requiredGroups'
  | 'rejected-requireAreas'
  | 'rejected-several'
  | 'rejected-other'
  | 'failed'
  | 'no-answer'
  | 'invalid';

export interface KindStyle {
  /** The legend's words (the simulator's). */
  label: string;
  /** The cell's text mark. */
  mark: string;
  fill: string;
  /** The mark's colour on that fill (contrast at least 4.5:1). */
  ink: string;
}

/** In the legend's order. */
export const KINDS: Record<CellKind, KindStyle> = {
  delivered: { label: 'delivered', mark: '✓', fill: '#0072B2', ink: '#ffffff' },
  'delivered-violated': {
    label: 'delivered, the check failed (onFailure: continue)',
    mark: '!',
    fill: '#56B4E9',
    ink: '#000000',
  },
  'rejected-minPriority': { label: 'rejected: minPriority', mark: 'P', fill: '#D55E00', ink: '#000000' },
  'rejected-requiredGroups': {
    label: 'rejected: requiredGroups',
    mark: 'G',
    fill: '#E69F00',
    ink: '#000000',
  },
  'rejected-requireAreas': { label: 'rejected: requireAreas', mark: 'A', fill: '#CC79A7', ink: '#000000' },
  'rejected-several': { label: 'rejected: several rules', mark: '+', fill: '#F0E442', ink: '#000000' },
  'rejected-other': {
    label: 'rejected before the check (see the cell)',
    mark: '×',
    fill: '#6b6b6b',
    ink: '#ffffff',
  },
  // CONTRACT.md §10: a fault or a timer ended the run, or the cell's fault does not fit its procedure.
  failed: { label: 'failed (a fault or a timer)', mark: '✗', fill: '#000000', ink: '#ffffff' },
  'no-answer': { label: 'no answer (the client still waits)', mark: '…', fill: '#009E73', ink: '#000000' },
  invalid: {
    label: 'invalid: the fault does not fit this procedure',
    mark: '∅',
    fill: '#d9d9d9',
    ink: '#000000',
  },
};

export const KIND_ORDER = Object.keys(KINDS) as CellKind[];

const RULE_KINDS: Record<ValidationRule, CellKind> = {
  minPriority: 'rejected-minPriority',
  requiredGroups: 'rejected-requiredGroups',
  requireAreas: 'rejected-requireAreas',
};

const isRule = (rule: string): rule is ValidationRule => Object.hasOwn(RULE_KINDS, rule);

export function kindOf(cell: Pick<SweepCell, 'outcome' | 'violations' | 'error'>): CellKind {
  if (cell.outcome === 'delivered') return cell.violations.length ? 'delivered-violated' : 'delivered';
  if (cell.outcome === 'failed' || cell.outcome === 'no-answer' || cell.outcome === 'invalid')
    return cell.outcome;
  // A rejection the validation check decided names the rules; any other (a precondition, no profile) names none.
  const rules = [...new Set(cell.violations)];
  if (rules.length > 1) return 'rejected-several';
  const [rule] = rules;
  return rule !== undefined && isRule(rule) ? RULE_KINDS[rule] : 'rejected-other';
}

/**
 * A cell's accessible name (CONTRACT.md §8): each varied field's last name and value, then the outcome and the
 * violated rules: `maxPriority 2, minPriority 5: rejected (minPriority)`.
 */
export function cellName(
  paths: readonly string[],
  cell: Pick<SweepCell, 'values' | 'outcome' | 'violations'>,
) {
  const fields = paths.map((path, i) => `${fieldName(path)} ${valueText(cell.values[i] as VaryValue)}`);
  const rules = cell.violations.length ? ` (${cell.violations.join(', ')})` : '';
  return `${fields.join(', ')}: ${cell.outcome}${rules}`;
}

/** The trace position that decided the outcome: the error's step for a refusal, else the run's last step. */
export function decidingStep(cell: Pick<SweepCell, 'error'>, totalSteps: () => number): number {
  return cell.error ? cell.error.step : totalSteps();
}

/** The second layer: an output of the run shown in each cell as a number. */
export interface Layer {
  id: string;
  label: string;
  /** The number to show, or null when the cell has none (rejected: no profile). */
  value: (cell: SweepCell) => number | null;
}

const ofProfile = (read: (p: Profile) => number | undefined) => (cell: SweepCell) =>
  cell.profile ? (read(cell.profile) ?? null) : null;

export const LAYERS: readonly Layer[] = [
  { id: 'outcome', label: 'Outcome only', value: () => null },
  { id: 'priority', label: 'Resulting priority', value: ofProfile((p) => p.priority) },
  { id: 'groups', label: 'Number of groups', value: ofProfile((p) => p.groups?.length ?? 0) },
  { id: 'maxAffiliations', label: 'Maximum affiliations', value: ofProfile((p) => p.maxAffiliations) },
  { id: 'areas', label: 'Number of areas', value: ofProfile((p) => p.areas?.length) },
  { id: 'rules', label: 'Policy rules that changed something', value: (cell) => cell.rules.length },
];

export const layerById = (id: string): Layer => LAYERS.find((l) => l.id === id) ?? (LAYERS[0] as Layer);

/** The shade of a layer's value between the map's lowest and highest: 0.25 (lowest) to 1 (highest) opacity. */
export function shade(value: number, low: number, high: number): number {
  if (high <= low) return 1;
  return 0.25 + (0.75 * (value - low)) / (high - low);
}

/** One line of details for a hovered or focused cell: its name, the deciding step and the reason, the layer. */
export function cellDetails(paths: readonly string[], cell: SweepCell, layer: Layer): string {
  const name = cellName(paths, cell);
  const decided = cell.error
    ? ` at step ${cell.error.number}: ${cell.error.reason}`
    : cell.profile
      ? `; priority ${cell.profile.priority ?? 'none'}, ${cell.profile.groups?.length ?? 0} group(s)`
      : '';
  const shown =
    layer.id === 'outcome' ? '' : `; ${layer.label.toLowerCase()}: ${layer.value(cell) ?? 'none'}`;
  return `${cell.procedure}, ${name}${decided}${shown}.`;
}
