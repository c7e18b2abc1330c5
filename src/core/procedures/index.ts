import type { ProcedureId } from '../ids';
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
