/**
 * The page's side of the sweep worker (./sweep.worker.ts): one worker for the page, made when the explore mode first
 * asks; each request has an id, a newer one stops the older (the worker checks between chunks, and chunks of an
 * older request that still arrive are dropped here), Cancel stops the current one and keeps what was drawn.
 */
import * as Comlink from 'comlink';
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { ProcedureId } from '../../core/ids';
import type { Scenario } from '../../core/scenario';
import type { SweepCell, Vary } from '../../core/sweep';
import { errorLine } from '../notice';
import { cellsPerMap, type SweepChunk } from './chunks';
import type { SweepApi } from './sweep.worker';

/** One map's cells, row by row (a row array is replaced only when a chunk fills it: unchanged rows keep theirs). */
export type MapRows = readonly (readonly SweepCell[])[];

export interface SweepState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  /** The sweep's one-line refusal (status error). */
  message: string | null;
  done: number;
  total: number;
  vary: readonly Vary[];
  procedures: readonly ProcedureId[];
  rows: Partial<Record<ProcedureId, MapRows>>;
  /** Columns of every map (the last field's values; the only field's when one is varied). */
  columns: number;
}

export const IDLE: SweepState = {
  status: 'idle',
  message: null,
  done: 0,
  total: 0,
  vary: [],
  procedures: [],
  rows: {},
  columns: 0,
};

let remote: Comlink.Remote<SweepApi> | null = null;
function worker(): Comlink.Remote<SweepApi> {
  remote ??= Comlink.wrap<SweepApi>(
    new Worker(new URL('./sweep.worker.ts', import.meta.url), { type: 'module', name: 'sweep' }),
  );
  return remote;
}

/** The grid of a sweep: one row per value of the first field and a column per value of the second (one row alone). */
export function gridOf(vary: readonly Vary[]): { rows: number; columns: number } {
  if (vary.length < 2) return { rows: 1, columns: vary[0]?.values.length ?? 0 };
  return { rows: vary[0]?.values.length ?? 0, columns: cellsPerMap(vary.slice(1)) };
}

/** Puts a chunk's cells into a map's rows: the rows it touches are new arrays, the others stay. */
export function placeChunk(rows: MapRows, columns: number, chunk: SweepChunk): MapRows {
  const next = rows.slice();
  const touched = new Map<number, SweepCell[]>();
  chunk.cells.forEach((cell, k) => {
    const at = chunk.offset + k;
    const r = Math.floor(at / columns);
    let row = touched.get(r);
    if (!row) touched.set(r, (row = (next[r] ?? []).slice()));
    row[at % columns] = cell;
  });
  for (const [r, row] of touched) next[r] = row;
  return next;
}

let lastId = 0;

export function useSweep() {
  const [state, setState] = useState<SweepState>(IDLE);
  const current = useRef(0);

  const run = useCallback((scenario: Scenario, vary: readonly Vary[], procedures: readonly ProcedureId[]) => {
    const id = ++lastId;
    current.current = id;
    const { columns } = gridOf(vary);
    const total = cellsPerMap(vary) * procedures.length;
    setState({
      status: 'running',
      message: null,
      done: 0,
      total,
      vary,
      procedures,
      rows: Object.fromEntries(procedures.map((p) => [p, []])),
      columns,
    });
    const onChunk = (chunk: SweepChunk) => {
      if (current.current !== id) return;
      // Drawing a chunk may wait for input: the page answers first.
      startTransition(() =>
        setState((s) =>
          current.current !== id
            ? s
            : {
                ...s,
                done: Math.max(s.done, chunk.done),
                rows: {
                  ...s.rows,
                  [chunk.procedure]: placeChunk(s.rows[chunk.procedure] ?? [], columns, chunk),
                },
              },
        ),
      );
    };
    worker()
      .run(id, scenario, [...vary], [...procedures], Comlink.proxy(onChunk))
      .then(
        (end) => {
          if (current.current !== id) return;
          startTransition(() =>
            setState((s) => {
              if (current.current !== id) return s;
              if (end.kind === 'error') return { ...s, status: 'error', message: end.message };
              if (end.kind === 'cancelled') return { ...s, status: 'cancelled' };
              return { ...s, status: 'done', vary: end.vary };
            }),
          );
        },
        (error: unknown) => {
          if (current.current !== id) return;
          setState((s) => ({ ...s, status: 'error', message: `the sweep failed: ${errorLine(error)}` }));
        },
      );
  }, []);

  const cancel = useCallback(() => {
    const id = current.current;
    if (!id) return;
    void worker().cancel(id);
    current.current = 0;
    setState((s) => (s.status === 'running' ? { ...s, status: 'cancelled' } : s));
  }, []);

  // Leaving the mode stops the sweep.
  useEffect(
    () => () => {
      if (current.current) void worker().cancel(current.current);
      current.current = 0;
    },
    [],
  );

  return { state, run, cancel };
}
