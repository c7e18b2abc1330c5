import type { ProcedureId } from '../../core/model/ids';
import { PROCEDURES } from '../../core/procedures';

/** The caption of a procedure's diagram on the page (and on the diagram painted before React, ./earlyView.ts). */
export const captionOf = (procedure: ProcedureId) =>
  `Figure ${procedure}-1: ${PROCEDURES[procedure].figure} (as simulated)`;
