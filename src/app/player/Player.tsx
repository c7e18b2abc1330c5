import { PROCEDURES } from '../../core/procedures';
import { useApp } from '../store';
import { useRun } from '../useRun';
import { Controls } from './Controls';
import { EntityPanels } from './EntityPanels';
import { announce } from './format';
import { MessagePanel } from './MessagePanel';
import { ProcedurePicker } from './ProcedurePicker';
import { SequenceDiagram } from './SequenceDiagram';
import { StepList } from './StepList';
import { usePlayback } from './usePlayback';
import { useUrlSync } from './useUrlSync';
import './player.css';

/** The player: pick a procedure, step through its run, see the diagram, the steps, the entities and the message. */
export function Player() {
  useUrlSync();
  const { run, diagram } = useRun();
  const procedure = useApp((s) => s.procedure);
  const setProcedure = useApp((s) => s.setProcedure);
  const goTo = useApp((s) => s.goTo);
  const playing = useApp((s) => s.playing);
  const speed = useApp((s) => s.speed);
  const setSpeed = useApp((s) => s.setSpeed);
  const total = run.steps.length;
  // A scenario edit can shorten the run under the current step: show the last one.
  const stored = useApp((s) => s.step);
  const step = Math.min(stored, total);
  const actions = usePlayback(total);
  const jump = (n: number) => goTo(Math.max(0, Math.min(n, total)));
  const outcome = run.outcome === 'delivered' ? 'the profile is delivered' : 'the request is rejected';

  return (
    <>
      <div className="player-bar">
        <ProcedurePicker value={procedure} onChange={(id) => setProcedure(id, 0)} />
        <Controls
          step={step}
          total={total}
          playing={playing}
          speed={speed}
          status={announce(run.steps[step - 1], total, outcome)}
          onPrevious={actions.previous}
          onNext={actions.next}
          onTogglePlay={actions.togglePlay}
          onRestart={actions.restart}
          onSpeed={setSpeed}
        />
      </div>
      <SequenceDiagram
        diagram={diagram}
        step={step}
        caption={`Figure ${procedure}-1: ${PROCEDURES[procedure].figure} (as simulated)`}
        onSelect={jump}
      />
      <div className="player-columns">
        <StepList steps={run.steps} current={step} onSelect={jump} />
        <MessagePanel run={run} step={step} />
      </div>
      <EntityPanels run={run} step={step} />
    </>
  );
}
