/**
 * The page's side of the sweep worker (./sweep.worker.ts): one worker for the page, made when the explore mode first
 * asks; each request has an id, a newer one stops the older (the worker checks between chunks, and chunks of an
 * older request that still arrive are dropped here), Cancel stops the current one and keeps what was drawn.
 */
import * as Comlink from 'comlink';
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { ProcedureId } from '../../core/model/ids';
import type { Scenario } from '../../core/model/scenario';
import type { SweepCell, Vary } from '../../core/explore/sweep';
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

/**
 * Cells drawn per animation frame: 256 to start with, halved (down to 32) when the last frame took over 100 ms,
 * doubled (up to 1,024) when it took under 40 ms: each frame's task stays short on a slow or busy machine too.
 */
export const DRAW_CELLS_PER_FRAME = 256;
const DRAW_LIMITS = { low: 32, high: 1024, slowMs: 100, fastMs: 40 } as const;

/** The next frame's budget, from the last one's and how long that frame took. */
export function nextBudget(budget: number, frameMs: number): number {
  if (frameMs > DRAW_LIMITS.slowMs) return Math.max(DRAW_LIMITS.low, budget / 2);
  if (frameMs < DRAW_LIMITS.fastMs) return Math.min(DRAW_LIMITS.high, budget * 2);
  return budget;
}

type End = { kind: 'done'; vary: Vary[] } | { kind: 'cancelled' } | { kind: 'error'; message: string };

function ended(s: SweepState, end: End): SweepState {
  if (end.kind === 'error') return { ...s, status: 'error', message: end.message };
  if (end.kind === 'cancelled') return { ...s, status: 'cancelled' };
  // The vary the maps were drawn with stays (the same fields and values): a new array would redraw every row.
  return { ...s, status: 'done' };
}

/**
 * Draws the chunks as they come, at most DRAW_CELLS_PER_FRAME cells per animation frame; the sweep's end is applied
 * once everything before it is drawn.
 */
class Drawer {
  private queue: SweepChunk[] = [];
  private end: End | null = null;
  private frame: number | null = null;
  private budget = DRAW_CELLS_PER_FRAME;
  private lastDraw: number | null = null;

  constructor(private readonly apply: (update: (s: SweepState) => SweepState) => void) {}

  push(chunk: SweepChunk): void {
    this.queue.push(chunk);
    this.schedule();
  }

  finish(end: End): void {
    this.end = end;
    this.schedule();
  }

  stop(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    this.queue = [];
    this.end = null;
  }

  private schedule(): void {
    this.frame ??= requestAnimationFrame(() => this.draw());
  }

  private draw(): void {
    this.frame = null;
    // The time since the last draw: that draw's render, commit, layout and paint (when nothing else ran).
    const now = performance.now();
    if (this.lastDraw !== null) this.budget = nextBudget(this.budget, now - this.lastDraw);
    const taken: SweepChunk[] = [];
    let budget = this.budget;
    while (this.queue.length && budget > 0) {
      const chunk = this.queue.shift();
      if (!chunk) break;
      if (chunk.cells.length > budget) {
        // A part of the chunk now, the rest first in the next frame.
        const rest = chunk.cells.length - budget;
        this.queue.unshift({ ...chunk, offset: chunk.offset + budget, cells: chunk.cells.slice(budget) });
        taken.push({ ...chunk, cells: chunk.cells.slice(0, budget), done: chunk.done - rest });
        break;
      }
      taken.push(chunk);
      budget -= chunk.cells.length;
    }
    const finish = this.queue.length === 0 ? this.end : null;
    if (finish) this.end = null;
    this.apply((s) => {
      let next = s;
      for (const chunk of taken) {
        next = {
          ...next,
          done: Math.max(next.done, chunk.done),
          rows: {
            ...next.rows,
            [chunk.procedure]: placeChunk(next.rows[chunk.procedure] ?? [], next.columns, chunk),
          },
        };
      }
      return finish ? ended(next, finish) : next;
    });
    if (this.queue.length) {
      this.lastDraw = now;
      this.schedule();
    } else this.lastDraw = null;
  }
}

export function useSweep() {
  const [state, setState] = useState<SweepState>(IDLE);
  const current = useRef(0);
  // A frame's cells are a transition: React renders them in slices of a few milliseconds (one long task otherwise).
  // A transition may still be waiting to render when Cancel (or a new sweep) replaces the state: React then applies
  // it after that update, and a cancelled sweep's last frame was drawn after "Cancelled after N cells" (e2e caught
  // 2,304 cells for 256). Each frame's update is kept only while its sweep is still the current one.
  const [drawer] = useState(
    () =>
      new Drawer((update) => {
        const id = current.current;
        startTransition(() => setState((s) => (current.current === id ? update(s) : s)));
      }),
  );

  const run = useCallback(
    (scenario: Scenario, vary: readonly Vary[], procedures: readonly ProcedureId[]) => {
      const id = ++lastId;
      current.current = id;
      drawer.stop();
      const { columns } = gridOf(vary);
      setState({
        status: 'running',
        message: null,
        done: 0,
        total: cellsPerMap(vary) * procedures.length,
        vary,
        procedures,
        rows: Object.fromEntries(procedures.map((p) => [p, []])),
        columns,
      });
      const onChunk = (chunk: SweepChunk) => {
        if (current.current === id) drawer.push(chunk);
      };
      worker()
        .run(id, scenario, [...vary], [...procedures], Comlink.proxy(onChunk))
        .then(
          (result) => {
            if (current.current === id) drawer.finish(result);
          },
          (error: unknown) => {
            if (current.current === id) {
              drawer.finish({ kind: 'error', message: `the sweep failed: ${errorLine(error)}` });
            }
          },
        );
    },
    [drawer],
  );

  const cancel = useCallback(() => {
    const id = current.current;
    if (!id) return;
    void worker().cancel(id);
    current.current = 0;
    drawer.stop();
    setState((s) => (s.status === 'running' ? { ...s, status: 'cancelled' } : s));
  }, [drawer]);

  // Leaving the mode stops the sweep.
  useEffect(
    () => () => {
      if (current.current) void worker().cancel(current.current);
      current.current = 0;
      drawer.stop();
    },
    [drawer],
  );

  return { state, run, cancel };
}
