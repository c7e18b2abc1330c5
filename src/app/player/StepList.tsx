import { memo, useEffect, useRef } from 'react';
import type { TraceStep } from '../../core/engine/run';
import type { ReviewNotes } from '../../core/formats/walkthrough';
import { stepHeading } from './format';
import { useReducedMotion } from './media';
import { scrollIntoViewSoon } from './scroll';

/** The ordered list named "Steps": one item per step, the current one `aria-current="step"`; a click jumps there. */
export function StepList({
  steps,
  current,
  onSelect,
  notes,
}: {
  steps: readonly TraceStep[];
  current: number;
  onSelect: (step: number) => void;
  /** Review notes by step: a step with one shows it. */
  notes?: ReviewNotes;
}) {
  const listRef = useRef<HTMLOListElement>(null);
  const reduced = useReducedMotion();
  useEffect(() => {
    scrollIntoViewSoon('steps', listRef.current?.querySelector('[aria-current="step"]'), !reduced);
  }, [current, reduced]);
  return (
    <section className="player-steps panel" aria-labelledby="steps-heading">
      <h2 id="steps-heading">Steps</h2>
      <ol aria-label="Steps" className="player-step-list" ref={listRef}>
        {steps.map((step) => (
          <StepItem
            key={step.n}
            step={step}
            state={step.n === current ? 'current' : step.n < current ? 'done' : 'todo'}
            note={notes?.[step.n]?.trim() ? notes[step.n] : undefined}
            onSelect={onSelect}
          />
        ))}
      </ol>
    </section>
  );
}

/** One step; stepping re-renders only the items whose state changed. */
const StepItem = memo(function StepItem({
  step,
  state,
  note,
  onSelect,
}: {
  step: TraceStep;
  state: 'current' | 'done' | 'todo';
  note: string | undefined;
  onSelect: (step: number) => void;
}) {
  return (
    <li
      aria-current={state === 'current' ? 'step' : undefined}
      className={`player-step player-step-${state}${step.kind === 'error' ? ' player-step-error' : ''}`}
      onClick={() => onSelect(step.n)}
    >
      <button type="button" className="btn btn-quiet player-step-jump">
        {stepHeading(step)}
      </button>
      <span className="player-step-at">{step.at} ms</span>
      {step.kind === 'error' && <span className="badge badge-error">Error</span>}
      {step.lost && <span className="badge badge-error">Lost</span>}
      {step.discarded && <span className="badge badge-assumption">Discarded</span>}
      {step.assumption && <span className="badge badge-assumption">Simulator assumption</span>}
      <p className="player-step-clause">{step.text}</p>
      {note && (
        <p className="player-step-note">
          <span className="badge badge-note">Review note</span> {note}
        </p>
      )}
    </li>
  );
});
