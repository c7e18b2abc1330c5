import '@fontsource/ibm-plex-sans/400.css';
import '@fontsource/ibm-plex-sans/600.css';
import '@fontsource/ibm-plex-mono/400.css';
import './styles.css';
import { decompressFromEncodedURIComponent } from 'lz-string';
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
  const packed = new URLSearchParams(window.location.search).get('scenario');
  let linked: string | null = null;
  try {
    linked = packed ? decompressFromEncodedURIComponent(packed.replace(/ /g, '+')) : null;
  } catch {
    /* the page reports a bad address itself */
  }
  return (saved !== null && mentionsXml(saved)) || (linked !== null && mentionsXml(linked));
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

start().catch((error: unknown) => {
  // The app's code could not be loaded (the connection dropped, or a newer build replaced this one): say so.
  const root = document.getElementById('root');
  const reason = error instanceof Error ? error.message : String(error);
  if (root) root.textContent = `The simulator could not be loaded: ${reason}. Reload the page to try again.`;
});
