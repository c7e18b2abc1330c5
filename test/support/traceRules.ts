/**
 * What a trace must show, stated from the clauses and the entity ids alone (not from the code that builds the trace):
 * shared by the example-based checks (test/outcomes.test.ts) and the property test (test/traceRules.property.test.ts).
 */
import type { EntityId, ProcedureId } from '../../src/core/model/ids';
import type { TraceStep } from '../../src/core/engine/run';

/** The steps whose requests the clauses say include "an identification of the partner MC system", by number. */
export const IDENTIFIES_PARTNER: Record<ProcedureId, readonly string[]> = {
  '10.1.4.3.1': [],
  '10.1.4.3.2': ['1', '2'],
  '10.1.4.3.3': ['3'],
  '10.1.4.x.2': ['5'],
};

/** What an entity is, read from its id: `cmc` the client, `*-cms` a server, `*-udb` a user database. */
function kindOfId(id: EntityId): 'client' | 'cms' | 'udb' {
  if (id === 'cmc') return 'client';
  if (id.endsWith('-cms')) return 'cms';
  if (id.endsWith('-udb')) return 'udb';
  throw new Error(`no kind for ${id}`);
}

/** CSC-4 between client and CMS, CSC-13 between CMS and UDB, CSC-17 between two CMSs, null for an own action. */
export function expectedReferencePoint(from: EntityId, to: EntityId): string | null {
  if (from === to) return null;
  const kinds = [kindOfId(from), kindOfId(to)].sort().join('-');
  const point = ({ 'client-cms': 'CSC-4', 'cms-udb': 'CSC-13', 'cms-cms': 'CSC-17' } as const)[kinds];
  if (!point) throw new Error(`no reference point between ${from} and ${to}`);
  return point;
}

/** The identification of the partner MC system a step's message carries, or null. */
export const partnerIdOf = (step: TraceStep): string | null =>
  step.message.type === 'profile.request' ? step.message.request.partnerSystemId : null;
