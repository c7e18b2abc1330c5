import { useState } from 'react';
import type { RunResult } from '../../core/engine/run';
import { PROCEDURES } from '../../core/procedures';
import { MessagePanel } from '../player/MessagePanel';
import { ProcedurePicker } from '../player/ProcedurePicker';
import { SequenceDiagram } from '../player/SequenceDiagram';
import { StepList } from '../player/StepList';
import { useUrlSync } from '../player/useUrlSync';
import { useApp } from '../store';
import { useRun } from '../useRun';
import { CurrentStep } from './CurrentStep';
import { QuizPanel } from './QuizPanel';
import { withAnswer, type QuizAnswer } from './quiz';

const stay = () => {
  /* in the quiz, the steps are revealed by answering */
};

/**
 * Quiz mode (`?mode=quiz`): before each step is shown, the learner predicts who acts; the answer is checked, and
 * the step revealed. The diagram hides the steps still to come, and the step list shows only those revealed.
 */
export function QuizView() {
  useUrlSync();
  const { run, diagram } = useRun();
  const procedure = useApp((s) => s.procedure);
  const setProcedure = useApp((s) => s.setProcedure);
  const goTo = useApp((s) => s.goTo);
  const setMode = useApp((s) => s.setMode);
  const total = run.steps.length;
  const stored = useApp((s) => s.step);
  const step = Math.min(stored, total);
  // The answers belong to one run: another scenario or procedure starts afresh.
  const [state, setState] = useState<{ run: RunResult; answers: QuizAnswer[] }>({ run, answers: [] });
  const answers = state.run === run ? state.answers : [];

  const answer = (a: QuizAnswer) => {
    setState({ run, answers: withAnswer(answers, a) });
    goTo(a.n);
  };
  const restart = () => {
    setState({ run, answers: [] });
    goTo(0);
  };

  return (
    <>
      <div className="player-bar review-quiz-bar">
        <ProcedurePicker
          value={procedure}
          onChange={(id) => {
            setProcedure(id, 0);
          }}
        />
        <div className="review-modes">
          <span className="review-mode-flag">Quiz mode</span>
          <button type="button" className="btn" onClick={() => setMode('player')}>
            Leave quiz mode
          </button>
        </div>
      </div>
      <div className="review-quiz-stage">
        <div className="review-quiz-diagram">
          <SequenceDiagram
            diagram={diagram}
            step={step}
            caption={`Figure ${procedure}-1: ${PROCEDURES[procedure].figure} (steps still to come are hidden)`}
            onSelect={stay}
            cut
          />
        </div>
        <QuizPanel steps={run.steps} step={step} answers={answers} onAnswer={answer} onRestart={restart} />
      </div>
      <div className="player-columns">
        <StepList steps={run.steps.slice(0, step)} current={step} onSelect={stay} />
        <div className="player-side">
          <CurrentStep run={run} step={step} withNote={false} withSpecNotes={step >= total} />
          <MessagePanel run={run} step={step} />
        </div>
      </div>
    </>
  );
}
