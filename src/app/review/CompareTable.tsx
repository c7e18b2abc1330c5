import { useEffect, useRef } from 'react';
import type { CompareRow, WordSegment } from '../../core/explore/compare';
import type { ProcedureId } from '../../core/model/ids';
import type { ClauseStep } from '../../core/procedures';
import { route } from '../player/format';
import { STATUS_TEXT } from './compareMarks';

function Words({ words }: { words: readonly WordSegment[] }) {
  return (
    <>
      {words.map((w, i) => {
        const space = i > 0 ? ' ' : '';
        if (w.type === 'removed')
          return (
            <span key={i}>
              {space}
              <del>
                <span className="visually-hidden">[removed: </span>
                {w.text}
                <span className="visually-hidden">]</span>
              </del>
            </span>
          );
        if (w.type === 'added')
          return (
            <span key={i}>
              {space}
              <ins>
                <span className="visually-hidden">[added: </span>
                {w.text}
                <span className="visually-hidden">]</span>
              </ins>
            </span>
          );
        return (
          <span key={i}>
            {space}
            {w.text}
          </span>
        );
      })}
    </>
  );
}

const stepCell = (step: ClauseStep | null) =>
  step ? `${step.n}. ${route(step.from, step.to)}` : <span className="muted">—</span>;

/** The two procedures' steps aligned by who acts, with the change of each row and the word diff of its text. */
export function CompareTable({
  left,
  right,
  rows,
  current,
}: {
  left: ProcedureId;
  right: ProcedureId;
  rows: readonly CompareRow[];
  /** The row stepped to with the arrow keys, if any. */
  current: number | null;
}) {
  const currentRef = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    currentRef.current?.scrollIntoView({ block: 'nearest' });
  }, [current]);
  const count = (status: CompareRow['status']) => rows.filter((r) => r.status === status).length;
  return (
    <section className="panel review-compare-steps" aria-labelledby="compare-steps-heading">
      <h2 id="compare-steps-heading">Steps side by side</h2>
      <p className="muted">
        {count('same')} same, {count('reworded')} reworded, {count('removed')} only in {left} (removed),{' '}
        {count('added')} only in {right} (added). In the text, <del>removed words</del> are struck and{' '}
        <ins>added words</ins> underlined.
      </p>
      <table className="review-compare-table">
        <caption className="visually-hidden">
          Steps of {left} and {right}, aligned
        </caption>
        <thead>
          <tr>
            <th scope="col">{left}</th>
            <th scope="col">{right}</th>
            <th scope="col">Change</th>
            <th scope="col">Clause text (word diff)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr
              key={i}
              ref={i === current ? currentRef : undefined}
              className={`review-compare-row review-row-${row.status}${i === current ? ' review-compare-current' : ''}`}
              aria-current={i === current ? 'true' : undefined}
              data-status={row.status}
              data-left={row.left?.n}
              data-right={row.right?.n}
            >
              <td>{stepCell(row.left)}</td>
              <td>{stepCell(row.right)}</td>
              <td>
                <span className={`badge badge-${row.status}`}>{STATUS_TEXT[row.status]}</span>
              </td>
              <td className="review-compare-text">
                <Words words={row.words} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
