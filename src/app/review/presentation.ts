/**
 * Presentation mode (`?mode=present`): full screen where the browser allows it (the page works without), large
 * type, the diagram and the current step only. Escape leaves; so does leaving full screen.
 */
import { useEffect } from 'react';
import { useApp } from '../store';

/** Whether the page went full screen for the presentation (then leaving full screen leaves it too). */
let ours = false;

export function enterPresentation(): void {
  const s = useApp.getState();
  s.setMode('present');
  const root = document.documentElement;
  // Only from a click (browsers refuse full screen without one); the promise may still be refused.
  if (typeof root.requestFullscreen !== 'function' || document.fullscreenElement) return;
  root
    .requestFullscreen()
    .then(() => {
      ours = true;
    })
    .catch(() => {
      /* no full screen here: the presentation still works in the window */
    });
}

function exitFullscreen(): void {
  ours = false;
  if (document.fullscreenElement && typeof document.exitFullscreen === 'function') {
    document.exitFullscreen().catch(() => {
      /* already left */
    });
  }
}

export function leavePresentation(): void {
  useApp.getState().setMode('player');
  exitFullscreen();
}

/** While presenting: Escape leaves, and so does leaving full screen (the browser's Escape, F11). */
export function usePresentation(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      leavePresentation();
    };
    const onFullscreen = () => {
      if (!document.fullscreenElement && ours) {
        ours = false;
        useApp.getState().setMode('player');
      }
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('fullscreenchange', onFullscreen);
      // Left some other way (the address, the history): full screen ends with it.
      if (ours) exitFullscreen();
    };
  }, [active]);
}
