/** What the checker's worker (./check.worker.ts) posts back to the page. Types only. */
import type { TraceStep } from '../../core/engine/run';
import type { ProcedureId } from '../../core/model/ids';
import type { Scenario } from '../../core/model/scenario';
import type { Fault } from '../../core/model/schema';
import type { PropertyId } from '../../core/explore/properties';

export interface CheckCounterexample {
  steps: TraceStep[];
  faults: Fault[];
  /** The index into `steps` where it breaks; `steps.length` for a property of the end. */
  brokenAt: number;
  reason: string;
  scenario: Scenario | null;
  replays: boolean;
  replayProblem: string | null;
}

/** One procedure and property: its verdict, the finding in words (null where it holds), its counterexample. */
export interface CheckRow {
  procedure: ProcedureId;
  property: PropertyId;
  holds: boolean;
  states: number;
  finding: string | null;
  counterexample: CheckCounterexample | null;
}

/**
 * The search's end. `rows` are every row again: the rows posted on the way come through the callback's own channel,
 * which is not ordered with this answer.
 */
export type CheckEnd =
  { kind: 'done'; states: number; rows: CheckRow[] } | { kind: 'error'; message: string };
