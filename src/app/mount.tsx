import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { EMBED } from './embed/embedMode';
import { openAddress } from './player/useUrlSync';
import { openReviewAddress } from './review/useReviewUrl';
import { openingView } from './viewUrl';

/** React and the page, in a chunk of their own: main.tsx starts the first diagram before this is even loaded. */
export function mount(root: HTMLElement): void {
  // The address is in the store before the first render, so that the first frame is the page it opens (the view,
  // the procedure, the step) and nothing moves once it is applied. As the page's hooks would open it: the review
  // view on the page (not embedded), the procedure and step in the views that follow the address (not explore).
  if (!EMBED.embed) {
    openReviewAddress();
    const opening = openingView(window.location.search);
    if (opening !== 'explore' && opening !== 'check') openAddress();
  }
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
