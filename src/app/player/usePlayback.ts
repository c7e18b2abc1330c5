import { useEffect, useMemo } from 'react';
import { useApp } from '../store';

/** Where a key press belongs to the focused control, not to the player. */
export function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    // Radios move with the arrows and toggle with Space; checkboxes toggle with Space; the rest are text fields.
    if (type === 'radio') return key !== 'Home';
    if (type === 'checkbox') return key === ' ';
    return !['button', 'submit', 'reset', 'range', 'color', 'file'].includes(type) || key === ' ';
  }
  // Space on a button, link or summary activates it: let it.
  if (key === ' ' && target.closest('button, a[href], summary, [role="button"]')) return true;
  return false;
}

export interface PlaybackActions {
  next: () => void;
  previous: () => void;
  togglePlay: () => void;
  restart: () => void;
}

/** The player's moves on a run of `total` steps; each reads the store when called. */
export function playbackActions(total: number): PlaybackActions {
  return {
    next: () => {
      const s = useApp.getState();
      s.goTo(Math.min(Math.min(s.step, total) + 1, total));
    },
    previous: () => {
      const s = useApp.getState();
      s.goTo(Math.max(Math.min(s.step, total) - 1, 0));
    },
    togglePlay: () => {
      const s = useApp.getState();
      if (s.playing) s.setPlaying(false);
      else {
        // Play at the end starts over.
        if (s.step >= total) s.goTo(0);
        s.setPlaying(true);
      }
    },
    restart: () => {
      const s = useApp.getState();
      s.setPlaying(false);
      s.goTo(0);
    },
  };
}

/** Playback for a run of `total` steps: the Play timer and the keys → ← Space Home. */
export function usePlayback(total: number): PlaybackActions {
  const playing = useApp((s) => s.playing);
  const step = useApp((s) => s.step);
  const speed = useApp((s) => s.speed);

  // Play: one step every 1000/speed ms, stopping at the end.
  useEffect(() => {
    if (!playing) return;
    if (step >= total) {
      useApp.getState().setPlaying(false);
      return;
    }
    const timer = window.setTimeout(() => useApp.getState().goTo(Math.min(step + 1, total)), 1000 / speed);
    return () => window.clearTimeout(timer);
  }, [playing, step, speed, total]);

  const actions = useMemo(() => playbackActions(total), [total]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (!['ArrowRight', 'ArrowLeft', ' ', 'Home'].includes(event.key)) return;
      if (ownsKey(event.target, event.key)) return;
      event.preventDefault();
      if (event.key === 'ArrowRight') actions.next();
      else if (event.key === 'ArrowLeft') actions.previous();
      else if (event.key === ' ') actions.togglePlay();
      else actions.restart();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);

  return actions;
}
