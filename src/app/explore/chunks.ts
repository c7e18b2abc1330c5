/** How the worker cuts a sweep into chunks (./sweep.worker.ts), and what it posts back. Pure. */
import type { ProcedureId } from '../../core/model/ids';
import type { SweepCell, Vary } from '../../core/explore/sweep';

/** About this many cells per chunk: a few hundred milliseconds of work in all, in steps the page can show. */
export const CHUNK_CELLS = 256;

export interface SweepChunk {
  procedure: ProcedureId;
  /** The position of the chunk's first cell in its procedure's map (row-major: the last field fastest). */
  offset: number;
  cells: SweepCell[];
  /** Cells done so far, over every procedure. */
  done: number;
}

export type SweepEnd =
  { kind: 'done'; vary: Vary[] } | { kind: 'cancelled' } | { kind: 'error'; message: string };

export interface ChunkPlan {
  procedure: ProcedureId;
  /** The values of the first varied field this chunk takes: [from, to). */
  rows: { from: number; to: number };
  offset: number;
}

/**
 * The chunks of a sweep: rows of the first field (whole rows, at least one, about CHUNK_CELLS cells), the
 * procedures taking turns row chunk by row chunk, so that every map fills at the same pace.
 */
export function chunksOf(vary: readonly Vary[], procedures: readonly ProcedureId[]): ChunkPlan[] {
  const [first, ...rest] = vary;
  if (!first) return [];
  const rowCells = rest.reduce((n, v) => n * v.values.length, 1);
  const rowsPerChunk = Math.max(1, Math.floor(CHUNK_CELLS / Math.max(1, rowCells)));
  const plans: ChunkPlan[] = [];
  for (let from = 0; from < first.values.length; from += rowsPerChunk) {
    const to = Math.min(first.values.length, from + rowsPerChunk);
    for (const procedure of procedures)
      plans.push({ procedure, rows: { from, to }, offset: from * rowCells });
  }
  return plans;
}

/** Cells in a sweep's map of one procedure. */
export const cellsPerMap = (vary: readonly Vary[]) => vary.reduce((n, v) => n * v.values.length, 1);
