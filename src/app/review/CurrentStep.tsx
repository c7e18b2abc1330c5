import { useId } from 'react';
import { narrate, notesFor, notesForStep, sourceOf, type SpecNote } from '../../core/formats/narration';
import { citation, displayTitle, PROCEDURES } from '../../core/procedures';
import type { RunResult } from '../../core/engine/run';
import { stepHeading } from '../player/format';
import { NoteField } from './NoteField';

function SpecNotes({ notes }: { notes: readonly SpecNote[] }) {
  const id = useId();
  return (
    <>
      {notes.map((note) => (
        <div key={note.id} className="review-spec-note" role="note" aria-labelledby={`${id}-${note.id}`}>
          <h3 id={`${id}-${note.id}`}>
            <span className="review-spec-note-kind">Spec note:</span> {note.title}
          </h3>
          <p>{note.text}</p>
        </div>
      ))}
    </>
  );
}

/**
 * The current step in words: the clause's text, a plain-language explanation, the spec notes (where the clauses
 * are silent, ambiguous or differ) and the reviewer's note. Before step 1: the clause as a whole.
 */
export function CurrentStep({
  run,
  step,
  withNote = true,
  withSpecNotes = true,
}: {
  run: RunResult;
  step: number;
  /** The review note field (not in the quiz). */
  withNote?: boolean;
  /** The spec notes (not in the quiz: they discuss where a step may lead, e.g. 11a, before it is asked). */
  withSpecNotes?: boolean;
}) {
  const headingId = useId();
  const procedure = run.procedure;
  const current = run.steps[step - 1];
  const clause = PROCEDURES[procedure];
  return (
    // Without the note field it holds nothing focusable: focusable itself, so that a keyboard user can scroll it
    // (the presentation view caps its height).
    <section
      className="review-current-step panel"
      aria-labelledby={headingId}
      tabIndex={withNote ? undefined : 0}
    >
      <h2 id={headingId}>Current step</h2>
      {!current ? (
        <>
          <p className="review-current-route">
            Before step 1: {procedure} {displayTitle(procedure)} ({citation(procedure)})
          </p>
          {clause.preconditions.length > 0 && (
            <>
              <h3>Preconditions</h3>
              <ol className="review-preconditions">
                {clause.preconditions.map((text, i) => (
                  <li key={i}>{text}</li>
                ))}
              </ol>
            </>
          )}
          {withSpecNotes && <SpecNotes notes={notesFor(procedure, 0)} />}
        </>
      ) : (
        <>
          <p className="review-current-route">
            {stepHeading(current)}
            {current.kind === 'error' && <span className="badge badge-error">Error</span>}
            {current.assumption && <span className="badge badge-assumption">Simulator assumption</span>}
          </p>
          <div className="review-clause-quote">
            <blockquote>
              <p>{current.text}</p>
            </blockquote>
            <p className="review-clause-source">{sourceOf(procedure, current)}</p>
          </div>
          {current.log.map((entry, i) => (
            <p key={i} className="review-current-log">
              <strong>Logged:</strong> {entry}
            </p>
          ))}
          <Narration text={narrate(procedure, current, run)} />
          {withSpecNotes && <SpecNotes notes={notesForStep(procedure, current)} />}
        </>
      )}
      {withNote && <NoteField procedure={procedure} step={current ? current.n : 0} />}
    </section>
  );
}

function Narration({ text }: { text: string }) {
  if (!text) return null;
  return (
    <div className="review-narration">
      <h3>In plain words (the simulator's explanation)</h3>
      <p>{text}</p>
    </div>
  );
}
