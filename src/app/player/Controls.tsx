import { useId, type ReactNode } from 'react';
import { Icon } from './icons';
import { SPEEDS, type Speed } from '../store';

export interface ControlsProps {
  step: number;
  total: number;
  playing: boolean;
  speed: Speed;
  status: string;
  onPrevious: () => void;
  onNext: () => void;
  onTogglePlay: () => void;
  onRestart: () => void;
  onSpeed: (speed: Speed) => void;
  /** A view toggle of the page's player after the speed (the embedded player has none). */
  extra?: ReactNode;
}

/** Restart, Previous step, Play/Pause, Next step, the speed, and the live status of the current step. */
export function Controls(props: ControlsProps) {
  const { step, total, playing, speed, status } = props;
  const name = useId();
  const atStart = step <= 0;
  const atEnd = step >= total;
  // aria-disabled rather than disabled: a button that disables itself under the keyboard would drop the focus.
  return (
    <div className="player-controls">
      {/* data-dock: on a phone the page's player docks these at the bottom of the window (player.css). */}
      <div className="player-buttons" role="group" aria-label="Playback" data-dock="">
        <button type="button" className="btn" onClick={props.onRestart} aria-disabled={atStart && !playing}>
          <Icon name="restart" /> Restart
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => !atStart && props.onPrevious()}
          aria-disabled={atStart}
        >
          <Icon name="previous" /> Previous step
        </button>
        <button type="button" className="btn btn-primary player-play" onClick={props.onTogglePlay}>
          {playing ? (
            <>
              <Icon name="pause" /> Pause
            </>
          ) : (
            <>
              <Icon name="play" /> Play
            </>
          )}
        </button>
        <button type="button" className="btn" onClick={() => !atEnd && props.onNext()} aria-disabled={atEnd}>
          Next step <Icon name="next" />
        </button>
      </div>
      <fieldset className="player-speed">
        <legend>Speed</legend>
        {SPEEDS.map((s) => (
          <label key={s}>
            <input
              type="radio"
              name={name}
              value={s}
              checked={s === speed}
              onChange={() => props.onSpeed(s)}
            />
            {s}×
          </label>
        ))}
      </fieldset>
      {props.extra}
      <p className="player-status" aria-live="polite" aria-atomic="true">
        {status}
      </p>
    </div>
  );
}
