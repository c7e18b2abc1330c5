/**
 * The page's side of the checker's worker (./check.worker.ts): a worker per search, ended by Cancel, by a newer
 * search or by leaving the mode (the search is one synchronous loop in the worker: ending it is the only way to stop
 * it). Rows arrive a procedure at a time, progress at most every 100 ms.
 */
import * as Comlink from 'comlink';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProcedureId } from '../../core/model/ids';
import type { Scenario } from '../../core/model/scenario';
import { errorLine } from '../notice';
import type { CheckApi } from './check.worker';
import type { CheckRow } from './checkRows';

export interface CheckRunState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  message: string | null;
  /** Distinct states explored so far, over every procedure. */
  states: number;
  faults: number;
  procedures: readonly ProcedureId[];
  rows: readonly CheckRow[];
}

const IDLE: CheckRunState = { status: 'idle', message: null, states: 0, faults: 0, procedures: [], rows: [] };

export function useCheck() {
  const [state, setState] = useState<CheckRunState>(IDLE);
  const current = useRef<Worker | null>(null);

  const stop = useCallback(() => {
    current.current?.terminate();
    current.current = null;
  }, []);

  const run = useCallback(
    (scenario: Scenario, faults: number, procedures: readonly ProcedureId[]) => {
      stop();
      const worker = new Worker(new URL('./check.worker.ts', import.meta.url), {
        type: 'module',
        name: 'check',
      });
      current.current = worker;
      const live = () => current.current === worker;
      setState({ status: 'running', message: null, states: 0, faults, procedures, rows: [] });
      const onRows = (rows: CheckRow[], states: number) => {
        if (live()) setState((s) => ({ ...s, states, rows: [...s.rows, ...rows] }));
      };
      const onProgress = (states: number) => {
        if (live()) setState((s) => ({ ...s, states: Math.max(s.states, states) }));
      };
      Comlink.wrap<CheckApi>(worker)
        .run(scenario, faults, [...procedures], Comlink.proxy(onRows), Comlink.proxy(onProgress))
        .then(
          (end) => {
            if (!live()) return;
            stop();
            setState((s) =>
              end.kind === 'done'
                ? { ...s, status: 'done', states: end.states, rows: end.rows }
                : { ...s, status: 'error', message: end.message },
            );
          },
          (error: unknown) => {
            if (!live()) return;
            stop();
            setState((s) => ({ ...s, status: 'error', message: `the check failed: ${errorLine(error)}` }));
          },
        );
    },
    [stop],
  );

  const cancel = useCallback(() => {
    if (!current.current) return;
    stop();
    setState((s) => (s.status === 'running' ? { ...s, status: 'cancelled' } : s));
  }, [stop]);

  // Leaving the mode stops the search.
  useEffect(() => stop, [stop]);

  return { state, run, cancel };
}
