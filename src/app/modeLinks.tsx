import type { MouseEvent, ReactNode } from 'react';
import { useApp } from './store';
import { writeReviewUrl } from './url';

/** A plain click (the main button, no modifier) is followed in place; any other is left to the browser (a new tab). */
export const isPlainClick = (event: MouseEvent): boolean =>
  event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;

/**
 * A way into the explorer or the checker's page, from the player and from each other (in the first view's bundle: it
 * imports nothing of the modes themselves). A real address, followed in place on a plain click; the mode writes its
 * defaults into it.
 */
export function ModeLink({ mode, children }: { mode: 'explore' | 'check'; children: ReactNode }) {
  const href = () =>
    `${writeReviewUrl(window.location.search, { mode, compare: null })}${window.location.hash}`;
  // The address changes as the player steps and the scenario is edited: the link takes it when it is about to be used.
  const refresh = (event: { currentTarget: HTMLAnchorElement }) =>
    event.currentTarget.setAttribute('href', href());
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    const s = useApp.getState();
    s.setPlaying(false);
    s.setMode(mode);
  };
  return (
    <a className="review-link" href={href()} onClick={onClick} onPointerEnter={refresh} onFocus={refresh}>
      {children}
    </a>
  );
}

/**
 * **Back to the player** from a mode that leaves it (the explorer, the checker): the player's address (`search`, the
 * mode's own parameters taken out), pushed so that Back returns to the mode.
 */
export function BackToPlayer({ search, className }: { search: string; className: string }) {
  const href = `${window.location.pathname}${search}${window.location.hash}`;
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    window.history.pushState(window.history.state, '', href);
    useApp.getState().setMode('player');
  };
  return (
    <a className={className} href={href} onClick={onClick}>
      Back to the player
    </a>
  );
}
