import { useId, useState, type FormEvent } from 'react';
import { ENTITIES, ENTITY_IDS, type EntityId } from '../../core/model/ids';
import type { TraceStep } from '../../core/engine/run';
import {
  checkGuess,
  describeGuess,
  feedback,
  formatScore,
  isEntityId,
  scoreOf,
  type QuizAnswer,
} from './quiz';

function EntitySelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: EntityId | '';
  onChange: (value: EntityId | '') => void;
}) {
  const id = useId();
  return (
    <div className="review-quiz-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        required
        value={value}
        onChange={(event) => onChange(isEntityId(event.target.value) ? event.target.value : '')}
      >
        <option value="">Choose an entity…</option>
        {ENTITY_IDS.map((entity) => (
          <option key={entity} value={entity}>
            {entity} — {ENTITIES[entity].title}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The question for the next step: who sends to whom (or who acts on its own: the same entity twice), the
 * feedback on the last answer in a live region, and the score at the end.
 */
export function QuizPanel({
  steps,
  step,
  answers,
  onAnswer,
  onRestart,
}: {
  steps: readonly TraceStep[];
  /** The steps revealed so far. */
  step: number;
  answers: readonly QuizAnswer[];
  onAnswer: (answer: QuizAnswer) => void;
  onRestart: () => void;
}) {
  const headingId = useId();
  const [from, setFrom] = useState<EntityId | ''>('');
  const [to, setTo] = useState<EntityId | ''>('');
  const next = steps[step];
  const total = steps.length;
  // The feedback is about the step just revealed.
  const last = answers.find((a) => a.n === step);
  const revealed = last ? steps[last.n - 1] : undefined;
  const score = scoreOf(answers);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!next || !from || !to) return;
    onAnswer(checkGuess(next, { from, to }));
    setFrom('');
    setTo('');
  };

  return (
    <section className="review-quiz panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Quiz</h2>
      <div className="review-quiz-feedback" role="status" aria-live="polite" aria-atomic="true">
        {last && revealed && (
          <div className={last.correct ? 'review-quiz-right' : 'review-quiz-wrong'}>
            <p className="review-quiz-verdict">{feedback(revealed, last)}</p>
            <blockquote className="review-quiz-clause">
              <p>{revealed.text}</p>
            </blockquote>
          </div>
        )}
        {!next && answers.length > 0 && (
          <>
            <p className="review-quiz-score">{formatScore(score)}</p>
            {score.asked < total && (
              <p className="muted">
                {total - score.asked} of the {total} steps were shown without a question.
              </p>
            )}
          </>
        )}
      </div>
      {next ? (
        <form className="review-quiz-form" onSubmit={submit}>
          <fieldset>
            {/* No total: the run's length would tell where it ends (an early refusal). */}
            <legend>Step {next.n}: who acts?</legend>
            <p className="hint">
              Predict who sends to whom. For an entity's own action (retrieve, modify, store, validate),
              choose the same entity for both. Errors count too.
            </p>
            <div className="review-quiz-fields">
              <EntitySelect label="From" value={from} onChange={setFrom} />
              <EntitySelect label="To" value={to} onChange={setTo} />
            </div>
            <p className="review-quiz-guess muted">
              {from && to ? `Your prediction: ${describeGuess({ from, to })}` : 'Choose both to answer.'}
            </p>
            <button type="submit" className="btn btn-primary">
              Check answer
            </button>
          </fieldset>
          <p className="muted">
            So far: {score.correct} of {score.asked} correct.
          </p>
        </form>
      ) : (
        <p>
          {answers.length ? 'The end of the procedure.' : 'Every step is shown: restart to take the quiz.'}
        </p>
      )}
      <button type="button" className="btn" onClick={onRestart}>
        Restart quiz
      </button>
    </section>
  );
}
