import { useEffect, useId, useMemo, useState } from 'react';
import { compareProcedures } from '../../core/explore/compare';
import { PROCEDURE_IDS, isProcedureId, type ProcedureId } from '../../core/model/ids';
import { displayTitle, PROCEDURES } from '../../core/procedures';
import type { Scenario } from '../../core/model/scenario';
import { procedureOption } from '../player/ProcedurePicker';
import { ownsKey } from '../player/usePlayback';
import { useUrlSync } from '../player/useUrlSync';
import { DEFAULT_SCENARIO, useApp } from '../store';
import type { ComparePair } from '../url';
import { runOf, type RunView } from '../useRun';
import { CompareDiagram } from './CompareDiagram';
import { CompareTable } from './CompareTable';
import { marksOf } from './compareMarks';

/**
 * The run that shows every step of the clause: the current scenario's, unless it ends early (an error, a refusal);
 * then the default scenario's, which runs every procedure to the end.
 */
function fullRun(scenario: Scenario, id: ProcedureId): { view: RunView; note: string | null } {
  const own = runOf(scenario, id);
  const full = own.run.outcome === 'delivered' && own.run.steps.length === PROCEDURES[id].steps.length;
  if (full) return { view: own, note: null };
  const where = own.run.error ? ` at step ${own.run.error.number} (${own.run.error.reason})` : '';
  return {
    view: runOf(DEFAULT_SCENARIO, id),
    note: `With the current scenario, ${id} ends early${where}; its diagram shows the default scenario, where every step of the clause runs.`,
  };
}

function SidePicker({
  label,
  value,
  onChange,
}: {
  label: string;
  value: ProcedureId;
  onChange: (id: ProcedureId) => void;
}) {
  const id = useId();
  return (
    <div className="review-compare-picker">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          if (isProcedureId(event.target.value)) onChange(event.target.value);
        }}
      >
        {PROCEDURE_IDS.map((p) => (
          <option key={p} value={p}>
            {procedureOption(p)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** `?compare=<left>,<right>`: two procedures side by side, each diagram with its differing steps marked. */
export function CompareView({ pair }: { pair: ComparePair }) {
  // A new pair starts its own walk through the rows.
  return <ComparePair key={pair.join(',')} pair={pair} />;
}

/**
 * The row being looked at, stepped by the arrow keys as the player steps (→ next, ← previous, Home the first):
 * the row is marked in the table and its steps on both diagrams, each scrolled into view.
 */
function useCurrentRow(count: number): number | null {
  const [current, setCurrent] = useState<number | null>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (!['ArrowRight', 'ArrowLeft', 'Home'].includes(event.key)) return;
      if (ownsKey(event.target, event.key)) return;
      event.preventDefault();
      setCurrent((row) => {
        if (event.key === 'Home') return 0;
        if (event.key === 'ArrowRight') return row === null ? 0 : Math.min(row + 1, count - 1);
        return row === null ? 0 : Math.max(row - 1, 0);
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [count]);
  return current;
}

function ComparePair({ pair }: { pair: ComparePair }) {
  // The address may carry a scenario; the player's place (procedure, step) stays in it for the way back.
  useUrlSync();
  const [left, right] = pair;
  const scenario = useApp((s) => s.scenario);
  const setCompare = useApp((s) => s.setCompare);
  const rows = useMemo(() => compareProcedures(left, right), [left, right]);
  const marks = useMemo(() => marksOf(rows), [rows]);
  const current = useCurrentRow(rows.length);
  const currentRow = current === null ? null : rows[current];
  const sides = [fullRun(scenario, left), fullRun(scenario, right)] as const;
  // Choosing the other side's procedure swaps the two.
  const choose = (side: 0 | 1, id: ProcedureId) => {
    const other = pair[side === 0 ? 1 : 0];
    if (id === other) setCompare([pair[1], pair[0]]);
    else setCompare(side === 0 ? [id, right] : [left, id]);
  };

  return (
    <>
      <div className="player-bar review-compare-bar">
        <h2>
          Compare {left} with {right}
        </h2>
        <div className="review-compare-pickers">
          <SidePicker label="Left side" value={left} onChange={(id) => choose(0, id)} />
          <SidePicker label="Right side" value={right} onChange={(id) => choose(1, id)} />
          <button type="button" className="btn" onClick={() => setCompare(null)}>
            Back to the player
          </button>
        </div>
        <p className="review-compare-legend">
          <span className="review-legend review-legend-removed">Removed</span> only on the left ·{' '}
          <span className="review-legend review-legend-added">Added</span> only on the right ·{' '}
          <span className="review-legend review-legend-reworded">Reworded</span> same step, other words ·{' '}
          <kbd>←</kbd> <kbd>→</kbd> step through the rows
        </p>
      </div>
      {sides.map(
        ({ note }, i) =>
          note && (
            <p key={i} className="review-compare-note muted">
              {note}
            </p>
          ),
      )}
      <div className="review-compare-figures">
        {([left, right] as const).map((id, i) => (
          <CompareDiagram
            key={i}
            id={id}
            diagram={sides[i]!.view.diagram}
            marks={i === 0 ? marks.left : marks.right}
            current={(i === 0 ? currentRow?.left?.n : currentRow?.right?.n) ?? null}
            caption={`${id}: ${displayTitle(id)}`}
          />
        ))}
      </div>
      <CompareTable left={left} right={right} rows={rows} current={current} />
    </>
  );
}
