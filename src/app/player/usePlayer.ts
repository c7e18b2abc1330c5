import { useCallback } from 'react';
import type { ProcedureId } from '../../core/model/ids';
import { useApp } from '../store';
import { useRun } from '../useRun';
import type { ControlsProps } from './Controls';
import { announce } from './format';
import { usePlayback } from './usePlayback';
import { useUrlSync } from './useUrlSync';

/**
 * What every face of the player (the page's, the embedded one) reads and does: the address kept in step, the run and
 * its diagram, the step shown (never past the run's end: a scenario edit can shorten the run under it), the playback,
 * a jump to a step, a change of procedure, and the props of the controls.
 */
export function usePlayer() {
  useUrlSync();
  const { run, diagram } = useRun();
  const procedure = useApp((s) => s.procedure);
  const setProcedure = useApp((s) => s.setProcedure);
  const goTo = useApp((s) => s.goTo);
  const playing = useApp((s) => s.playing);
  const speed = useApp((s) => s.speed);
  const setSpeed = useApp((s) => s.setSpeed);
  const total = run.steps.length;
  const stored = useApp((s) => s.step);
  const step = Math.min(stored, total);
  const actions = usePlayback(total);
  const jump = useCallback((n: number) => goTo(Math.max(0, Math.min(n, total))), [goTo, total]);
  const pick = useCallback((id: ProcedureId) => setProcedure(id, 0), [setProcedure]);
  const outcome = run.outcome === 'delivered' ? 'the profile is delivered' : 'the request is rejected';
  const controls: ControlsProps = {
    step,
    total,
    playing,
    speed,
    status: announce(run.steps[step - 1], total, outcome),
    onPrevious: actions.previous,
    onNext: actions.next,
    onTogglePlay: actions.togglePlay,
    onRestart: actions.restart,
    onSpeed: setSpeed,
  };
  return { run, diagram, procedure, step, total, actions, jump, pick, controls };
}
