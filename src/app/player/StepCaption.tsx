import { useEffect, useState } from 'react';
import type { RunResult } from '../../core/engine/run';
import { ENTITIES, type EntityId } from '../../core/model/ids';
import { displayTitle } from '../../core/procedures';
import { STORAGE_KEY } from '../storageKey';

/** Set once the reader has stepped: the hint under the diagram is for a first visit only. */
const STEPPED_KEY = `${STORAGE_KEY}.stepped`;

function readStepped(): boolean {
  try {
    return localStorage.getItem(STEPPED_KEY) === '1';
  } catch {
    return false;
  }
}

/** Whether this browser has stepped through a procedure before; noted at the first step away from the start. */
function useFirstVisit(step: number): boolean {
  const [first, setFirst] = useState(() => !readStepped());
  // Stepped away from the start: no hint from now on (set while rendering, React's way for state derived from props).
  if (first && step !== 0) setFirst(false);
  const stepped = !first;
  useEffect(() => {
    if (!stepped) return;
    try {
      localStorage.setItem(STEPPED_KEY, '1');
    } catch {
      /* no storage: the hint shows again next time */
    }
  }, [stepped]);
  return first;
}

/** The diagram's name of an entity (`Partner UDB`), and `(own action)` for a step it takes on its own. */
function who(from: EntityId, to: EntityId): string {
  return from === to
    ? `${ENTITIES[from].short} (own action)`
    : `${ENTITIES[from].short} → ${ENTITIES[to].short}`;
}

/**
 * The current step's clause words right under the diagram, stuck to the bottom of the window while the diagram runs
 * past it: in view beside the arrow they describe, on any screen (the step's panel, with the explanation and the
 * notes, comes further down). Before step 1 on a first visit: how to start.
 */
export function StepCaption({ run, step }: { run: RunResult; step: number }) {
  const first = useFirstVisit(step);
  const current = run.steps[step - 1];
  return (
    <div className="player-now panel" data-dock="">
      {current ? (
        <p>
          <strong>
            {current.number}. {who(current.from, current.to)}:
          </strong>{' '}
          <q className="player-now-words">{current.text}</q>
        </p>
      ) : (
        <p>
          <strong>Before step 1</strong> of {run.procedure} {displayTitle(run.procedure)}.
          {first && (
            <span className="player-now-hint">
              {' '}
              Press <kbd>Play</kbd>, or <kbd>→</kbd> for one step at a time (the simulator&apos;s hint).
            </span>
          )}
        </p>
      )}
    </div>
  );
}
