/**
 * The one door to Mermaid. Loaded lazily (the first view stays small), initialised once per theme, renders queued
 * one at a time (Mermaid lays out in a shared scratch element, so renders must not race), each text rendered once:
 * the same text again gets the same promise. Errors come back as values, never thrown.
 */
import type { Mermaid } from 'mermaid';

export type DiagramTheme = 'default' | 'dark';

export type RenderOutcome = { ok: true; svg: string } | { ok: false; error: string };

const FONT = 'IBM Plex Sans';
const CACHE_LIMIT = 16;

let loading: Promise<Mermaid> | null = null;
let initialisedTheme: DiagramTheme | null = null;
let queue: Promise<unknown> = Promise.resolve();
let renders = 0;
const cache = new Map<string, Promise<RenderOutcome>>();

/** Mermaid measures text while it lays out: the font must be there before the first render. */
async function fontsReady(): Promise<void> {
  if (typeof document === 'undefined' || !('fonts' in document)) return;
  try {
    await document.fonts.load(`16px "${FONT}"`);
    await document.fonts.ready;
  } catch {
    /* the fallback font still renders */
  }
}

function load(): Promise<Mermaid> {
  loading ??= Promise.all([import('mermaid'), fontsReady()]).then(([module]) => module.default);
  // A failed download can be retried by the next render.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** Mermaid's configuration for this page (the benchmark's bare page renders with the same). */
export function mermaidConfig(theme: DiagramTheme) {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    fontFamily: FONT,
    deterministicIds: true,
    deterministicIDSeed: 'mcx',
    theme,
    suppressErrorRendering: true,
    sequence: {
      mirrorActors: true,
      wrap: true,
      width: 140,
      actorMargin: 40,
      messageFontSize: 14,
      actorFontSize: 14,
    },
  } as const;
}

function initialise(mermaid: Mermaid, theme: DiagramTheme): void {
  if (initialisedTheme === theme) return;
  mermaid.initialize(mermaidConfig(theme));
  initialisedTheme = theme;
}

const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error';

async function renderNow(text: string, theme: DiagramTheme): Promise<RenderOutcome> {
  const id = `sequence-${++renders}`;
  let mermaid: Mermaid;
  try {
    mermaid = await load();
  } catch (error) {
    return { ok: false, error: `Mermaid could not be loaded: ${messageOf(error)}` };
  }
  try {
    initialise(mermaid, theme);
    const { svg } = await mermaid.render(id, text);
    return { ok: true, svg };
  } catch (error) {
    // Whatever Mermaid left in its scratch element on the way out.
    document.getElementById(`d${id}`)?.remove();
    document.getElementById(id)?.remove();
    return { ok: false, error: messageOf(error) };
  }
}

let settleFirst: () => void = () => undefined;
/** Settles once the first diagram has been rendered (or failed): what can wait for the first view waits for this. */
export const firstRender: Promise<void> = new Promise((resolve) => {
  settleFirst = resolve;
});

/** Renders `text` as SVG markup; the same text and theme are rendered once and then served from memory. */
export function renderDiagram(text: string, theme: DiagramTheme): Promise<RenderOutcome> {
  const key = `${theme}\n${text}`;
  const known = cache.get(key);
  if (known) return known;
  const job = queue.then(() => renderNow(text, theme));
  queue = job;
  cache.set(key, job);
  // renderNow never rejects (a failure is an outcome), so neither does the queue: these voids lose nothing.
  void job.finally(() => settleFirst());
  // A failed download is not a property of the text: forget it so that the next attempt loads again.
  void job.then((outcome) => {
    if (!outcome.ok && outcome.error.startsWith('Mermaid could not be loaded')) cache.delete(key);
  });
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return job;
}

/** A full render that bypasses the cache (still queued): what stepping avoids. Used by the benchmark. */
export function renderUncached(text: string, theme: DiagramTheme): Promise<RenderOutcome> {
  const job = queue.then(() => renderNow(text, theme));
  queue = job;
  return job;
}
