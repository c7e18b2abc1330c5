import '@fontsource/ibm-plex-sans/400.css';
import '@fontsource/ibm-plex-sans/600.css';
import '@fontsource/ibm-plex-mono/400.css';
import './styles.css';
import lzString from 'lz-string';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { STORAGE_KEY } from './storageKey';
import { loadXmlSupport, mentionsXml } from './xmlSupport';

/** Whether the saved session or the address holds profiles given as TS 24.484 documents. */
function needsXml(): boolean {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    /* no storage: nothing saved */
  }
  // The scenario of a link: in the fragment (what Copy link writes) or the query (url.ts scenarioValue; not imported
  // here, to keep this first script small).
  const fragment = /(?:^#|&)scenario=([^&]*)/.exec(window.location.hash)?.[1];
  const packed = fragment ?? new URLSearchParams(window.location.search).get('scenario');
  let linked: string | null = null;
  try {
    linked = packed ? lzString.decompressFromEncodedURIComponent(decode(packed).replace(/ /g, '+')) : null;
  } catch {
    /* the page reports a bad address itself */
  }
  return (saved !== null && mentionsXml(saved)) || (linked !== null && mentionsXml(linked));
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The last resort, should the page itself not start (a script that failed to load): a message, not a blank page. */
function showFailure(error: unknown): void {
  const root = document.getElementById('root');
  if (!root) return;
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.className = 'view-failure';
  const why = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  message.textContent = `The simulator could not start: ${why}. Reload the page to try again.`;
  root.replaceChildren(message);
}

async function start(): Promise<void> {
  // The XML library is loaded before the store reads the session only when the session needs it.
  if (needsXml()) await loadXmlSupport().catch(() => undefined);
  const { App } = await import('./App');
  if (new URLSearchParams(window.location.search).has('bench')) {
    import('./benchHook').then(
      (m) => m.installBenchHook(),
      (error: unknown) => console.error('bench: the benchmark hook could not be loaded', error),
    );
  }
  const root = document.getElementById('root');
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  }
}

start().catch(showFailure);
