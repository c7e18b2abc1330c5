/**
 * Presentation mode (`?mode=present`): full screen where the browser allows it (the page works without), large
 * type, the diagram and the current step only. Escape leaves; so does leaving full screen when the presentation
 * went full screen itself. Opened from the address there was no click to go full screen with: the **Full screen**
 * button does it then (and Escape, or the button again, leaves full screen only).
 */
import { useEffect } from 'react';
import { useApp } from '../store';

/** Whether the page went full screen for the presentation (then leaving full screen leaves it too). */
let ours = false;

/** Whether this browser offers full screen for the page. */
export const canGoFullscreen = (): boolean =>
  typeof document.documentElement.requestFullscreen === 'function' && document.fullscreenEnabled !== false;

/** Full screen for the page; `leaveWith`: leaving full screen leaves the presentation too. */
function goFullscreen(leaveWith: boolean): void {
  const root = document.documentElement;
  // Only from a click (browsers refuse full screen without one); the promise may still be refused.
  if (!canGoFullscreen() || document.fullscreenElement) return;
  root
    .requestFullscreen()
    .then(() => {
      ours = leaveWith;
    })
    .catch(() => {
      /* no full screen here: the presentation still works in the window */
    });
}

export function enterPresentation(): void {
  useApp.getState().setMode('present');
  goFullscreen(true);
}

/** The presentation's **Full screen** button: in, or out again (the presentation stays). */
export function toggleFullscreen(): void {
  if (document.fullscreenElement) exitFullscreen();
  else goFullscreen(false);
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
      // Full screen from the button: Escape leaves full screen only (where the browser lets the page see it).
      if (document.fullscreenElement && !ours) exitFullscreen();
      else leavePresentation();
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
