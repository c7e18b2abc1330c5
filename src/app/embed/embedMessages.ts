/**
 * The postMessage API of the embedded page (CONTRACT.md §8), as pure functions. The host sends
 * `{ type: "mcx:goto", step: <n>, procedure?: <id> }`; the page posts `{ type: "mcx:step", procedure, step, total }`.
 * A message of any other shape (another type, a field more or less, a step that is not a whole number in range, an
 * unknown procedure) is ignored: it changes nothing and none of it is shown.
 */
import { z } from 'zod';
import { PROCEDURE_IDS, type ProcedureId } from '../../core/model/ids';

export const GOTO_TYPE = 'mcx:goto';
export const STEP_TYPE = 'mcx:step';

const GOTO = z.strictObject({
  type: z.literal(GOTO_TYPE),
  // zod's int() is a safe integer: 1e300 and 2 ** 53 are refused here, larger than any run below.
  step: z.number().int().nonnegative(),
  procedure: z.enum(PROCEDURE_IDS).optional(),
});

export interface GotoMessage {
  step: number;
  procedure?: ProcedureId;
}

/** Where a goto leads: a procedure and a step of its run (0 = before step 1). */
export interface GotoTarget {
  procedure: ProcedureId;
  step: number;
}

export interface StepMessage {
  type: typeof STEP_TYPE;
  procedure: ProcedureId;
  step: number;
  total: number;
}

/** The goto a message asks for, or null for any other message. Never throws. */
export function parseGoto(data: unknown): GotoMessage | null {
  try {
    const parsed = GOTO.safeParse(data);
    if (!parsed.success) return null;
    const { step, procedure } = parsed.data;
    return procedure === undefined ? { step } : { step, procedure };
  } catch {
    return null;
  }
}

/**
 * Where a goto leads from the procedure shown (`current`), or null when its step is beyond the run of that
 * procedure (`countSteps`: how many steps it takes on the scenario shown).
 */
export function resolveGoto(
  goto: GotoMessage,
  current: ProcedureId,
  countSteps: (procedure: ProcedureId) => number,
): GotoTarget | null {
  const procedure = goto.procedure ?? current;
  return goto.step <= countSteps(procedure) ? { procedure, step: goto.step } : null;
}

/** The message the page posts to its parent after a step change. */
export function stepMessage(procedure: ProcedureId, step: number, total: number): StepMessage {
  return { type: STEP_TYPE, procedure, step, total };
}
