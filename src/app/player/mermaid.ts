/**
 * The one door to Mermaid. Loaded lazily (the first view stays small; `preloadMermaid` starts it early), initialised
 * once per theme, renders queued one at a time (Mermaid lays out in a shared scratch element, so renders must not
 * race), each text rendered once: the same text again gets the same promise. A text whose SVG is kept from an earlier
 * visit (svgCache.ts) is served from there without loading Mermaid. Errors come back as values, never thrown.
 */
import type { Mermaid } from 'mermaid';
import { cacheKey, forgetCachedSvg, hash53, readCachedSvg, writeCachedSvg } from './svgCache';

export type DiagramTheme = 'default' | 'dark';

/** `source`: drawn by Mermaid in this page, or kept from an earlier one (svgCache.ts). */
export type RenderOutcome =
  { ok: true; svg: string; source: 'mermaid' | 'cache' } | { ok: false; error: string };

const FONT = 'IBM Plex Sans';
const CACHE_LIMIT = 16;

let loading: Promise<Mermaid> | null = null;
let initialisedTheme: DiagramTheme | null = null;
let queue: Promise<unknown> = Promise.resolve();
let renders = 0;
const cache = new Map<string, Promise<RenderOutcome>>();
/** The outcomes already there, by the same key: a component can draw them in its first render. */
const settled = new Map<string, RenderOutcome>();

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

/** Whether the page's font is there: a drawing laid out with a fallback font is not kept for later visits. */
function fontLoaded(): boolean {
  try {
    return typeof document !== 'undefined' && 'fonts' in document && document.fonts.check(`16px "${FONT}"`);
  } catch {
    return false;
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

/** Starts loading Mermaid (and the font) now, ahead of the first render; a failure is left to that render. */
export function preloadMermaid(): void {
  load().catch(() => undefined);
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

/**
 * The element id of a text's SVG, from the theme and the text (not from a counter): the same text gives the same
 * SVG in every page, so a kept SVG is what a fresh render would give, and two diagrams never share an id.
 */
export const diagramId = (text: string, theme: DiagramTheme) => `sequence-${hash53(`${theme}\n${text}`)}`;

const keyOf = (text: string, theme: DiagramTheme) => cacheKey(text, mermaidConfig(theme));

/** Keeps a fresh drawing for later visits, when the page is idle (a few ms of JSON and storage off the way). */
function keep(text: string, theme: DiagramTheme, id: string, svg: string): void {
  if (!fontLoaded()) return;
  const write = () => writeCachedSvg(keyOf(text, theme), svg, id);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(write, { timeout: 2000 });
  else setTimeout(write, 0);
}

async function renderNow(
  text: string,
  theme: DiagramTheme,
  id: string,
  kept: boolean,
): Promise<RenderOutcome> {
  let mermaid: Mermaid;
  try {
    mermaid = await load();
  } catch (error) {
    return { ok: false, error: `Mermaid could not be loaded: ${messageOf(error)}` };
  }
  try {
    initialise(mermaid, theme);
    const { svg } = await mermaid.render(id, text);
    if (kept) keep(text, theme, id, svg);
    return { ok: true, svg, source: 'mermaid' };
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

function remember(key: string, job: Promise<RenderOutcome>): void {
  cache.set(key, job);
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) {
      cache.delete(oldest);
      settled.delete(oldest);
    }
  }
}

/** The drawing kept from an earlier visit for `text`, now the text's outcome in memory too; or null. */
function keptOutcome(key: string, text: string, theme: DiagramTheme): RenderOutcome | null {
  const svg = readCachedSvg(keyOf(text, theme), diagramId(text, theme));
  if (svg === null) return null;
  const outcome: RenderOutcome = { ok: true, svg, source: 'cache' };
  settled.set(key, outcome);
  remember(key, Promise.resolve(outcome));
  settleFirst();
  return outcome;
}

/**
 * Renders `text` as SVG markup; the same text and theme are rendered once and then served from memory. A drawing
 * kept from an earlier visit is served at once, without Mermaid (`fresh`: skip that, after a kept one was refused).
 */
export function renderDiagram(text: string, theme: DiagramTheme, fresh = false): Promise<RenderOutcome> {
  const key = `${theme}\n${text}`;
  const known = cache.get(key) ?? null;
  if (known) return known;
  const kept = fresh ? null : keptOutcome(key, text, theme);
  if (kept) return Promise.resolve(kept);
  const job = queue.then(() => renderNow(text, theme, diagramId(text, theme), true));
  queue = job;
  remember(key, job);
  // renderNow never rejects (a failure is an outcome), so neither does the queue: these voids lose nothing.
  void job.finally(() => settleFirst());
  void job.then((outcome) => {
    // A failed download is not a property of the text: forget it so that the next attempt loads again.
    if (!outcome.ok && outcome.error.startsWith('Mermaid could not be loaded')) cache.delete(key);
    else if (cache.get(key) === job) settled.set(key, outcome);
  });
  return job;
}

/**
 * The outcome for `text` if it is already there (rendered in this page, or kept from an earlier visit), else null:
 * lets a component draw it in its first render. Starts no render.
 */
export function settledDiagram(text: string, theme: DiagramTheme): RenderOutcome | null {
  const key = `${theme}\n${text}`;
  return settled.get(key) ?? (cache.has(key) ? null : keptOutcome(key, text, theme));
}

/**
 * A kept SVG the page could not use (its messages are not the diagram's): forgotten here and in storage, and
 * rendered afresh by Mermaid.
 */
export function refuseKept(text: string, theme: DiagramTheme): Promise<RenderOutcome> {
  const key = `${theme}\n${text}`;
  cache.delete(key);
  settled.delete(key);
  forgetCachedSvg(keyOf(text, theme));
  return renderDiagram(text, theme, true);
}

/** A full render that bypasses both caches (still queued): what stepping avoids. Used by the benchmark. */
export function renderUncached(text: string, theme: DiagramTheme): Promise<RenderOutcome> {
  const job = queue.then(() => renderNow(text, theme, `bench-${++renders}`, false));
  queue = job;
  return job;
}
