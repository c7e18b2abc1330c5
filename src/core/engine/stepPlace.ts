/**
 * Where a delivered message sits in its procedure's clause: the one piece of logic both runners share (run.ts's
 * `Simulation` for the trace, fastRun.ts for a sweep's cells), so that a step's number and the check against the
 * clause table are the same in both.
 */
import type { Envelope } from '../entities/messages';
import type { ClauseStep, Procedure } from '../procedures';
import type { StepKind } from './run';

/** A run that has not ended after this many steps is an internal error (the longest procedure has 14). */
export const MAX_STEPS = 64;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A message between two entities, an entity's own action, or an error passed back. */
export const kindOf = (envelope: Envelope): StepKind => {
  if (envelope.message.type === 'profile.error') return 'error';
  return envelope.from === envelope.to ? 'action' : 'message';
};

/** A delivered message placed: a numbered clause step, or an extra one after the last (`11a`, `4b`). */
export type Placed =
  | { kind: 'message' | 'action'; number: string; clause: ClauseStep }
  | { kind: 'error'; number: string; clause: null; after: number };

/**
 * Places each delivered message of one run in turn: a numbered step must be the clause's next one (same entities,
 * same kind), else the run is an internal error; once an error has been passed back, every later step is extra. An
 * extra step takes the number of the clause step it follows and the next letter (CONTRACT.md §6).
 */
export class StepPlacer {
  private lastClauseStep = 0;
  private extraSince = 0;
  private offScript = false;

  constructor(private readonly procedure: Procedure) {}

  /** Places the `n`-th delivered message (1 first). */
  place(n: number, main: Envelope): Placed {
    const kind = kindOf(main);
    if (kind === 'error') {
      this.offScript = true;
      const letter = LETTERS[this.extraSince] ?? `.${this.extraSince + 1}`;
      this.extraSince += 1;
      return { kind, number: `${this.lastClauseStep}${letter}`, clause: null, after: this.lastClauseStep };
    }
    const clause = this.procedure.steps[n - 1];
    if (
      this.offScript ||
      !clause ||
      clause.from !== main.from ||
      clause.to !== main.to ||
      clause.kind !== kind
    ) {
      throw new Error(
        `internal error: step ${n} of ${this.procedure.id} went ${main.from} -> ${main.to} (${kind}), ` +
          `the clause says ${clause ? `${clause.from} -> ${clause.to} (${clause.kind})` : 'nothing'}`,
      );
    }
    this.lastClauseStep = clause.n;
    this.extraSince = 0;
    return { kind, number: String(clause.n), clause };
  }
}
