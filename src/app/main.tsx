import '@fontsource/ibm-plex-sans/400.css';
import '@fontsource/ibm-plex-sans/600.css';
import '@fontsource/ibm-plex-mono/400.css';
import './styles.css';
// The style sheets of everything the page's shell holds (player/earlyView.ts: the header, the player's bar with
// its review tools, the diagram's box), in the first one: the shell painted before React is laid out as the page.
import './player/diagram-view.css';
import './player/player.css';
import './review/review.css';
import lzString from 'lz-string';
import { keepViewOnLeave, paintNoted } from './player/earlyView';
import { firstVisitText } from './firstVisit';
import { preloadMermaid, renderDiagram, type DiagramTheme } from './player/mermaid';
import { hasCachedSvgs } from './player/svgCache';
import { STORAGE_KEY } from './storageKey';
import { openingView } from './viewUrl';
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

/** How long React's mount waits for the first diagram at most (a slow or failing Mermaid download). */
const FIRST_DIAGRAM_WAIT_MS = 3000;

/**
 * The loading order: this first script is small (no React). A repeat visit paints the page's shell and the diagram it
 * showed last, from the SVG kept for it, at once (player/earlyView.ts). Otherwise Mermaid's download starts first,
 * unless an SVG is kept from an earlier visit (then the diagram's text decides: a kept drawing needs no Mermaid); the
 * page (React, the store, the core) loads beside it; the first diagram's text is computed and rendered
 * (`firstDiagram.ts`), and only then does React mount, drawing it in its first frame, so that the main thread is
 * Mermaid's until the diagram is on screen.
 */
async function start(): Promise<void> {
  const theme: DiagramTheme = window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'default';
  // Neither the explore mode, the checker's page nor the assumption register draws a diagram: Mermaid and the first
  // diagram would only hold them up.
  const opening = openingView(window.location.search);
  const explore = opening === 'explore' || opening === 'check' || opening === 'assumptions';
  keepViewOnLeave();
  const noted = explore ? null : paintNoted(theme);
  if (!explore && !noted && !hasCachedSvgs()) preloadMermaid();
  // A first visit's diagram is known without the core: its render starts once Mermaid is in (firstDiagram.ts asks
  // for the same text later and gets the same render).
  const early = explore || noted ? null : firstVisitText(window.location.search, window.location.hash);
  if (early !== null) void renderDiagram(early, theme);
  // The XML library is loaded before the store reads the session only when the session needs it.
  if (needsXml()) await loadXmlSupport().catch(() => undefined);
  const page = import('./mount');
  const first = explore ? null : import('./firstDiagram');
  if (new URLSearchParams(window.location.search).has('bench')) {
    import('./benchHook').then(
      (m) => m.installBenchHook(),
      (error: unknown) => console.error('bench: the benchmark hook could not be loaded', error),
    );
  }
  // The first diagram is a head start only: should its module fail, the page draws the diagram itself.
  const started = await first?.then(
    (m) => m.startFirstDiagram(theme),
    () => null,
  );
  // React's first frame has the diagram in place (it waits for it, a while at most) rather than a note that it is
  // being drawn: the diagram arriving later would push everything under it down. Without a note of the page's shell
  // (a first visit) nothing is painted before React: the diagram alone would be drawn where React does not keep it.
  const painted = (await noted) ?? false;
  if (started && !painted)
    await Promise.race([
      started.outcome,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), FIRST_DIAGRAM_WAIT_MS)),
    ]);
  const { mount } = await page;
  const root = document.getElementById('root');
  if (root) mount(root);
}

start().catch(showFailure);
