import type { MouseEvent } from 'react';
import { useApp } from '../store';
import { writeReviewUrl } from '../url';

/**
 * The way into the checker's page from the player and the explorer (in the first view's bundle: it imports nothing
 * of the mode itself). A real address (it opens in a new tab), followed in place on a plain click; the page writes
 * its defaults into it.
 */
export function CheckLink() {
  const href = () =>
    `${writeReviewUrl(window.location.search, { mode: 'check', compare: null })}${window.location.hash}`;
  // The address changes as the player steps and the scenario is edited: the link takes it when it is about to be used.
  const refresh = (event: { currentTarget: HTMLAnchorElement }) =>
    event.currentTarget.setAttribute('href', href());
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const s = useApp.getState();
    s.setPlaying(false);
    s.setMode('check');
  };
  return (
    <a className="review-link" href={href()} onClick={onClick} onPointerEnter={refresh} onFocus={refresh}>
      Check: the properties of every run
    </a>
  );
}
