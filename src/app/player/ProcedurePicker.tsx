import { memo, useId } from 'react';
import { PROCEDURE_IDS, isProcedureId, type ProcedureId } from '../../core/model/ids';
import { displayTitle, PROCEDURES } from '../../core/procedures';

export function procedureOption(id: ProcedureId): string {
  return `${id} — ${displayTitle(id)}`;
}

/** The procedure picker: the three procedures of the revised text, and the superseded draft, by clause. */
export const ProcedurePicker = memo(function ProcedurePicker({
  value,
  onChange,
}: {
  value: ProcedureId;
  onChange: (id: ProcedureId) => void;
}) {
  const id = useId();
  const procedure = PROCEDURES[value];
  return (
    <div className="player-picker">
      <label htmlFor={id}>Procedure</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          if (isProcedureId(e.target.value)) onChange(e.target.value);
        }}
      >
        {PROCEDURE_IDS.map((p) => (
          <option key={p} value={p}>
            {procedureOption(p)}
          </option>
        ))}
      </select>
      <p className="player-figure-title">
        Figure {value}-1: {procedure.figure}
        {procedure.superseded && (
          <span className="badge badge-superseded">superseded draft, kept for review and comparison</span>
        )}
      </p>
    </div>
  );
});
