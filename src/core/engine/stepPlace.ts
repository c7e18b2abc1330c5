/**
 * Where a delivered message sits in its procedure's clause, and what the run's steps add up to: the logic both
 * runners share (run.ts's `Simulation` for the trace, fastRun.ts for a sweep's cells), so that a step's number, the
 * check against the clause table and the outcome are the same in both.
 */
import type { Envelope } from '../entities/messages';
import type { ClauseStep, Procedure } from '../procedures';
import type { FaultKind } from '../model/schema';
import { clauseStepOf } from './schedule';
import type { Outcome, RunError, StepKind } from './run';

/** A run that has not ended after this many steps is an internal error (the longest procedure has 14). */
export const MAX_STEPS = 64;
/** The same with faults or timers: duplicates and retries repeat steps (at most 11 attempts of 14 steps, doubled). */
export const MAX_PERTURBED_STEPS = 4096;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A message between two entities, an entity's own action, an error passed back, or a timer firing. */
export const kindOf = (envelope: Envelope): StepKind => {
  if (envelope.message.type === 'profile.error') return 'error';
  if (envelope.message.type === 'timer.fire') return 'timeout';
  return envelope.from === envelope.to ? 'action' : 'message';
};

/** A delivered message placed: a numbered clause step, or an extra one after the last (`11a`, `4b`). */
export type Placed =
  | { kind: 'message' | 'action'; number: string; clause: ClauseStep }
  | { kind: 'error' | 'timeout'; number: string; clause: null; after: number };

/**
 * Places each delivered message of one run in turn. Strict (a run without faults or timers): a numbered step must be
 * the clause's next one (same entities, same kind), else the run is an internal error; once an error has been passed
 * back, every later step is extra. Otherwise (faults and timers reorder, repeat and lose messages) a message is the
 * clause step it is by its entities, kind and message, wherever it comes. An extra step takes the number of the
 * clause step it follows and the next letter not yet used after it (CONTRACT.md §6).
 */
export class StepPlacer {
  private lastClauseStep = 0;
  private readonly letters = new Map<number, number>();
  private offScript = false;

  constructor(
    private readonly procedure: Procedure,
    private readonly strict = true,
  ) {}

  /** Places the `n`-th delivered message (1 first). */
  place(n: number, main: Envelope): Placed {
    const kind = kindOf(main);
    if (kind === 'error' || kind === 'timeout') {
      this.offScript = true;
      const used = this.letters.get(this.lastClauseStep) ?? 0;
      this.letters.set(this.lastClauseStep, used + 1);
      const letter = LETTERS[used] ?? `.${used + 1}`;
      return { kind, number: `${this.lastClauseStep}${letter}`, clause: null, after: this.lastClauseStep };
    }
    const clause = this.strict ? this.procedure.steps[n - 1] : clauseStepOf(this.procedure, main);
    if (
      (this.strict && this.offScript) ||
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
    return { kind, number: String(clause.n), clause };
  }
}

/** What the tally needs of a step. */
export interface Tallied {
  n: number;
  number: string;
  envelope: Envelope;
  lost: boolean;
  discarded: boolean;
  fault: FaultKind | null;
}

/**
 * The outcome and the error a run's steps add up to (CONTRACT.md §3, §10), from the steps as they are delivered and
 * the client's state at the end.
 */
export class Tally {
  private firstError: RunError | null = null;
  private firstTrouble: { n: number; number: string; what: string } | null = null;
  private lastClientTimer: { n: number; number: string } | null = null;

  note(step: Tallied): void {
    const { envelope, n, number } = step;
    if (step.lost || step.discarded) {
      const route = `${envelope.from} -> ${envelope.to}`;
      this.firstTrouble ??= {
        n,
        number,
        what: step.lost
          ? `the message of step ${number} (${route}) was lost (${step.fault === 'drop' ? 'dropped' : 'an entity was down'})`
          : `step ${number} (${route}) arrived where nothing waited for it`,
      };
      return;
    }
    const message = envelope.message;
    if (message.type === 'profile.error') {
      this.firstError ??= { step: n, number, reason: message.reason };
    } else if (message.type === 'timer.fire' && envelope.to === 'cmc') {
      this.lastClientTimer = { n, number };
    }
  }

  /** The outcome, given the client's state and error at the end (`lastStep`: the run's last step). */
  result(
    clientState: string,
    clientError: { reason: string; cause: 'timeout' | 'store-fails' | null } | null,
    lastStep: { n: number; number: string } | null,
  ): { outcome: Outcome; error: RunError | null } {
    if (clientState === 'configured') return { outcome: 'delivered', error: null };
    if (clientState === 'failed') {
      const at = this.lastClientTimer ?? lastStep;
      return {
        outcome: 'failed',
        error: { step: at?.n ?? 0, number: at?.number ?? '', reason: clientError?.reason ?? 'failed' },
      };
    }
    if (clientState === 'refused') {
      return { outcome: clientError?.cause ? 'failed' : 'rejected', error: this.firstError };
    }
    // Still waiting, and nothing more can happen.
    const at = this.firstTrouble ?? lastStep;
    const why = this.firstTrouble ? `: ${this.firstTrouble.what}` : '';
    return {
      outcome: 'no-answer',
      error: {
        step: at?.n ?? 0,
        number: at?.number ?? '',
        reason: `no answer: the client is still waiting and nothing more is in flight${why}`,
      },
    };
  }
}
