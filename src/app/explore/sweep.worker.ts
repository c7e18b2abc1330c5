/**
 * The sweep off the main thread: the core's `sweep` in chunks of rows, each chunk posted as soon as it is
 * done (progress, and a map that draws as it comes), the events looked at between chunks so that a newer request or
 * a Cancel stops the older one. Exposed with comlink (./sweepClient.ts is the page's side).
 */
import * as Comlink from 'comlink';
import type { ProcedureId } from '../../core/model/ids';
import type { Scenario } from '../../core/model/scenario';
import { sweep, SweepError, type Vary } from '../../core/explore/sweep';
import { checkSweep } from '../../core/explore/sweepVary';
import { chunksOf, type SweepChunk, type SweepEnd } from './chunks';

// The request being worked on; any other id stops at its next chunk.
let current = 0;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const api = {
  async run(
    id: number,
    scenario: Scenario,
    vary: Vary[],
    procedures: ProcedureId[],
    onChunk: (chunk: SweepChunk) => void,
  ): Promise<SweepEnd> {
    current = id;
    let checked: Vary[];
    try {
      checked = checkSweep(scenario, vary, procedures).map((d) => ({ path: d.path, values: d.values }));
    } catch (error) {
      if (error instanceof SweepError) return { kind: 'error', message: error.message };
      throw error;
    }
    const chunks = chunksOf(checked, procedures);
    let done = 0;
    for (const chunk of chunks) {
      await nextTask();
      if (current !== id) return { kind: 'cancelled' };
      const slice = chunk.rows;
      const [first, ...rest] = checked;
      if (!first) break;
      const part = sweep(
        scenario,
        [{ path: first.path, values: first.values.slice(slice.from, slice.to) }, ...rest],
        [chunk.procedure],
      );
      done += part.cells.length;
      onChunk({ procedure: chunk.procedure, offset: chunk.offset, cells: part.cells, done });
    }
    return { kind: 'done', vary: checked };
  },
  cancel(id: number): void {
    if (current === id) current = 0;
  },
};

export type SweepApi = typeof api;

Comlink.expose(api);
