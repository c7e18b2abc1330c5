import { lazy, memo, Suspense, useDeferredValue, useMemo, useState } from 'react';
import { REFERENCE_POINTS } from '../../core/model/referencePoints';
import { CurrentStep } from '../review/CurrentStep';
import { ReviewToolbar } from '../review/ReviewToolbar';
import { StatesToggle } from '../states/StatesToggle';
import { useStatesUrl } from '../states/useStatesUrl';
import { useApp } from '../store';
import { captionOf } from './caption';
import { Controls } from './Controls';
import { EntityPanels } from './EntityPanels';
import { MessagePanel } from './MessagePanel';
import { PresentationBar } from './PresentationBar';
import { ProcedurePicker } from './ProcedurePicker';
import { SequenceDiagram } from './SequenceDiagram';
import { StepCaption } from './StepCaption';
import { StepList } from './StepList';
import { usePlayer } from './usePlayer';
import './player.css';

// The toolbar depends on the run, not the step.
const ReviewToolbarMemo = memo(ReviewToolbar);
// A step marks the diagram (and the controls) first; these follow in a render of their own (the step as a
// deferred value), so that the highlight is not held up by them. Memoised: the first render passes them by.
const StepListMemo = memo(StepList);
const CurrentStepMemo = memo(CurrentStep);
const MessagePanelMemo = memo(MessagePanel);
const EntityPanelsMemo = memo(EntityPanels);
const StepCaptionMemo = memo(StepCaption);

// CONTRACT.md §12: the statecharts, their layout and the core's reading of the machines load when the view is shown.
const StatesView = lazy(() => import('../states/StatesView').then((m) => ({ default: m.StatesView })));

// CONTRACT.md §11: the note of a counterexample opened from the checker's page (`&property=`), loaded on such an
// address only (the properties' words stay out of the first view).
const CheckedProperty = lazy(() =>
  import('../check/CheckedProperty').then((m) => ({ default: m.CheckedProperty })),
);
// Read once per page load: the note stays through edits (it says when the run is no longer the checker's) and the
// modes the player leaves and comes back to, while the address drops `property` for a run that is not the checker's.
let openedFromChecker: boolean | null = null;
const fromChecker = () =>
  (openedFromChecker ??=
    typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('property'));

// Like the panels: a step marks the diagram first, the charts follow in a render of their own.
const StatesViewMemo = memo(StatesView);

const SOURCES = Object.entries(REFERENCE_POINTS)
  .map(([name, point]) => `${name}: ${point.source}`)
  .join('; ');

/** The diagram's toggle of reference points; the clauses name none, so the label says where they come from. */
const ReferencePointToggle = memo(function ReferencePointToggle() {
  const on = useApp((s) => s.referencePoints);
  const set = useApp((s) => s.setReferencePoints);
  return (
    <label className="player-toggle">
      <input type="checkbox" checked={on} onChange={(e) => set(e.target.checked)} /> Reference points on the
      diagram <span className="muted">({SOURCES})</span>
    </label>
  );
});

/** The player: pick a procedure, step through its run, see the diagram, the steps, the entities and the message. */
export function Player() {
  const { run, diagram, procedure, step, actions, jump, pick, controls } = usePlayer();
  // Review: presentation mode shows the diagram and the current step only, large.
  const present = useApp((s) => s.mode === 'present');
  const scenario = useApp((s) => s.scenario);
  const notes = useApp((s) => s.notes[procedure]);
  // What the panels show: the run, its step and its notes together (never a step of one run with another run). Only a
  // step is deferred: another run (a procedure, an edit) or other notes are shown in the same render.
  const now = useMemo(() => ({ run, step, notes }), [run, step, notes]);
  const deferred = useDeferredValue(now);
  const shown = deferred.run === run && deferred.notes === notes ? deferred : now;
  // What a reload paints before React (./earlyView.ts): the player of the page, without reference points (not saved).
  const referencePoints = useApp((s) => s.referencePoints);
  useStatesUrl();
  const states = useApp((s) => s.states);
  const [checked] = useState(fromChecker);

  return (
    <>
      {checked && (
        <Suspense fallback={null}>
          <CheckedProperty />
        </Suspense>
      )}
      <div className="player-bar" role="group" aria-label="Player controls">
        <ProcedurePicker value={procedure} onChange={pick} />
        <Controls {...controls} extra={<StatesToggle />} />
        <ReferencePointToggle />
        {present ? (
          <PresentationBar actions={actions} />
        ) : (
          <ReviewToolbarMemo run={run} scenario={scenario} procedure={procedure} />
        )}
      </div>
      <div className={states ? 'player-stage player-stage-states' : 'player-stage'}>
        <SequenceDiagram
          diagram={diagram}
          step={step}
          caption={captionOf(procedure)}
          onSelect={jump}
          fitted={present}
          noted={!present && !referencePoints}
        />
        {states && (
          <Suspense fallback={<p className="muted states-loading">Loading the statecharts…</p>}>
            <StatesViewMemo run={shown.run} step={shown.step} onSelect={jump} />
          </Suspense>
        )}
        {present ? (
          <CurrentStepMemo run={shown.run} step={shown.step} withNote={false} />
        ) : (
          <StepCaptionMemo run={shown.run} step={shown.step} />
        )}
      </div>
      {!present && (
        <>
          <div className="player-columns">
            <StepListMemo steps={shown.run.steps} current={shown.step} onSelect={jump} notes={shown.notes} />
            <div className="player-side">
              <CurrentStepMemo run={shown.run} step={shown.step} />
              <MessagePanelMemo run={shown.run} step={shown.step} />
            </div>
          </div>
          <EntityPanelsMemo run={shown.run} step={shown.step} />
        </>
      )}
    </>
  );
}
