/** What the checker's worker (./check.worker.ts) posts back to the page: the core's rows, less what the page does
 * not use (a counterexample's search moves), plus the finding in words. Types only. */
import type { CheckResultRow, Counterexample } from '../../core/explore/check';

/** A counterexample as posted: no search moves; `replayProblem` null when it replays. */
export type CheckCounterexample = Omit<Counterexample, 'moves' | 'replayProblem'> & {
  replayProblem: string | null;
};

/** One procedure and property: its verdict, the finding in words (null where it holds), its counterexample. */
export type CheckRow = Omit<CheckResultRow, 'counterexample'> & {
  finding: string | null;
  counterexample: CheckCounterexample | null;
};

/**
 * The search's end. `rows` are every row again: the rows posted on the way come through the callback's own channel,
 * which is not ordered with this answer.
 */
export type CheckEnd =
  { kind: 'done'; states: number; rows: CheckRow[] } | { kind: 'error'; message: string };
