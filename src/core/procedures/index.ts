import type { EntityId, ProcedureId } from '../model/ids';
import { P10_1_4_3_1 } from './p10_1_4_3_1';
import { P10_1_4_3_2 } from './p10_1_4_3_2';
import { P10_1_4_3_3 } from './p10_1_4_3_3';
import { P10_1_4_X_2 } from './p10_1_4_x_2';
import type { Procedure } from './types';

export type { ClauseBranch, ClauseStep, Procedure } from './types';

/** Every procedure, revised text first, the superseded draft last. */
export const PROCEDURES: Record<ProcedureId, Procedure> = {
  '10.1.4.3.1': P10_1_4_3_1,
  '10.1.4.3.2': P10_1_4_3_2,
  '10.1.4.3.3': P10_1_4_3_3,
  '10.1.4.x.2': P10_1_4_X_2,
};

export function getProcedure(id: ProcedureId): Procedure {
  return PROCEDURES[id];
}

/** The entities a procedure's numbered steps involve (the client always). */
export function involvedEntities(id: ProcedureId): ReadonlySet<EntityId> {
  const used = new Set<EntityId>(['cmc']);
  for (const step of PROCEDURES[id].steps) {
    used.add(step.from);
    used.add(step.to);
  }
  return used;
}

/**
 * How the simulator cites a procedure (and a step of it): the revised text is TS 23.280's clause, the draft is a draft
 * change request to TS 23.280, not a clause of the specification.
 */
export function citation(id: ProcedureId, step?: number | string): string {
  const where = PROCEDURES[id].superseded ? `draft CR to TS 23.280, clause ${id}` : `TS 23.280 clause ${id}`;
  return step === undefined ? where : `${where}, step ${step}`;
}

/** A procedure's title with, for the superseded draft, what it is. */
export function displayTitle(id: ProcedureId): string {
  const procedure = PROCEDURES[id];
  return procedure.superseded ? `${procedure.title} (earlier draft, superseded)` : procedure.title;
}
