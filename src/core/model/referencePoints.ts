import { ENTITIES, type EntityId } from './ids';

/**
 * The reference points the messages of clause 10.1.4 travel over. The clauses name none of them: the names come
 * from the architecture the clauses sit in, as cited in `source` (the simulator's attribution, CONTRACT.md §6).
 */
export const REFERENCE_POINTS = {
  'CSC-4': {
    between: 'configuration management client ↔ configuration management server',
    source: 'TS 23.280 clause 7.5.2',
  },
  'CSC-13': {
    between: 'configuration management server ↔ MC service user database',
    source: 'TS 29.283 clause 4.1',
  },
  'CSC-17': {
    between: 'configuration management server ↔ configuration management server of the other MC system',
    source: 'TS 23.280 clause 7.5.2.17',
  },
} as const;

export type ReferencePoint = keyof typeof REFERENCE_POINTS;

/** The reference point between two entities; null for an entity's own action. */
export function referencePointOf(from: EntityId, to: EntityId): ReferencePoint | null {
  if (from === to) return null;
  const a = ENTITIES[from].kind;
  const b = ENTITIES[to].kind;
  if (a === 'client' || b === 'client') return 'CSC-4';
  if (a === 'udb' || b === 'udb') return 'CSC-13';
  return 'CSC-17';
}
