import { useId } from 'react';
import type { ProcedureId } from '../../core/model/ids';
import { useApp } from '../store';

/** The reviewer's note on a step (0: the clause as a whole), kept in this browser and exported in the walkthrough. */
export function NoteField({ procedure, step }: { procedure: ProcedureId; step: number }) {
  const id = useId();
  const text = useApp((s) => s.notes[procedure]?.[step] ?? '');
  const setNote = useApp((s) => s.setNote);
  return (
    <div className="review-note">
      <label htmlFor={id}>{`Review note for step ${step}`}</label>
      <textarea
        id={id}
        rows={3}
        value={text}
        aria-describedby={`${id}-hint`}
        onChange={(event) => setNote(procedure, step, event.target.value)}
      />
      <p id={`${id}-hint`} className="hint">
        {step === 0 ? 'A note on the clause as a whole. ' : ''}Kept in this browser; included in the
        walkthrough download.
      </p>
    </div>
  );
}
