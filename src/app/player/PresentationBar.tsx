import { useEffect, useSyncExternalStore } from 'react';
import { canGoFullscreen, leavePresentation, toggleFullscreen } from '../review/presentation';
import type { PlaybackActions } from './usePlayback';

/** Where a key press belongs to the focused control: a text field, a list box, or Space on a button or a box. */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  if (target instanceof HTMLInputElement) {
    const toggles = ['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color', 'file'];
    return !toggles.includes(target.type) || key === ' ';
  }
  return key === ' ' && !!target.closest('button, a[href], summary, [role="button"]');
}

/**
 * The presenter's keys (CONTRACT.md §8): PageDown and PageUp, what a presentation clicker sends, step like → and ←;
 * Space steps forward, as in a slide show (in the player it plays and pauses). Taken before the player's keys.
 */
function usePresenterKeys(actions: PlaybackActions): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (!['PageDown', 'PageUp', ' '].includes(event.key) || ownsKey(event.target, event.key)) return;
      event.preventDefault();
      if (event.key === 'PageUp') actions.previous();
      else actions.next();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [actions]);
}

const subscribe = (notify: () => void) => {
  document.addEventListener('fullscreenchange', notify);
  return () => document.removeEventListener('fullscreenchange', notify);
};
const useFullscreen = () =>
  useSyncExternalStore(
    subscribe,
    () => !!document.fullscreenElement,
    () => false,
  );

/** Presentation mode's bar: leave it, full screen (a click is what browsers ask for), and the keys. */
export function PresentationBar({ actions }: { actions: PlaybackActions }) {
  usePresenterKeys(actions);
  const fullscreen = useFullscreen();
  return (
    <div className="review-present-bar diagram-present-bar">
      <span className="muted diagram-present-keys">
        → PageDown Space: next step; ← PageUp: previous; Home: restart; Esc leaves.
      </span>
      <button type="button" className="btn" onClick={leavePresentation}>
        Leave presentation mode
      </button>
      {canGoFullscreen() && (
        <button type="button" className="btn" aria-pressed={fullscreen} onClick={toggleFullscreen}>
          Full screen
        </button>
      )}
    </div>
  );
}
