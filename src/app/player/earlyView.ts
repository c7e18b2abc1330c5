/**
 * The first diagram before React (issue 14). The page notes what its player shows (the diagram's text, arrows,
 * caption, step and theme) and, when it is left, keeps that note beside the address and the saved session it was
 * shown for. The next visit to the same address with the same saved session and theme paints that diagram, from
 * the SVG kept for its text (svgCache.ts, every check included), in a shell of the page's own classes, before
 * React or the page's chunks are even loaded; a first visit paints the diagram the same way as soon as Mermaid has
 * drawn it (main.tsx). React's first commit clears the shell, and the diagram adopts the SVG element already
 * there (`adoptEarly`) when its text is the one painted; otherwise the painted one is simply gone. Never throws.
 */
import { STORAGE_KEY } from '../storageKey';
import { settledDiagram, type DiagramTheme } from './mermaid';
import { markSteps, stepOf, tagSteps } from './svgSteps';

/** What a player shows: enough to paint it again. */
export interface ShownView {
  text: string;
  arrows: readonly number[];
  caption: string;
  step: number;
  theme: DiagramTheme;
}

/** A view and the address it was shown for. */
interface Entry {
  address: string;
  view: ShownView;
}

interface Note {
  format: typeof FORMAT;
  session: string | null;
  entries: Entry[];
}

export const EARLY_VIEW_KEY = 'mcx-early-view';
const FORMAT = 'mcx-early-view/2';

const address = () => `${window.location.pathname}${window.location.search}${window.location.hash}`;
/** The address the page was opened with (the player rewrites it as it goes). */
const opened = typeof window === 'undefined' ? '' : address();

let first: ShownView | null = null;
let last: ShownView | null = null;
let painted: { view: ShownView; svg: SVGSVGElement; clicked: number | null } | null = null;

function session(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The player on the page notes what it shows (null: nothing a reload would show the same way). */
export function noteView(view: ShownView | null): void {
  last = view;
  first ??= view;
}

/**
 * The note: the address now and the last view; and the address opened and the first view, when the page still
 * shows the first view's text (the same procedure and scenario: what that address opens with this saved session).
 */
function write(): void {
  try {
    if (!last) {
      localStorage.removeItem(EARLY_VIEW_KEY);
      return;
    }
    const entries: Entry[] = [{ address: address(), view: last }];
    if (first && first.text === last.text && opened !== entries[0]!.address)
      entries.push({ address: opened, view: first });
    const note: Note = { format: FORMAT, session: session(), entries };
    localStorage.setItem(EARLY_VIEW_KEY, JSON.stringify(note));
  } catch {
    /* no storage, or a full one: the next visit draws as before */
  }
}

/** Keeps the views noted when the page is hidden or left. */
export function keepViewOnLeave(): void {
  window.addEventListener('pagehide', write);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') write();
  });
}

function isView(value: unknown): value is ShownView {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof ShownView, unknown>>;
  return (
    typeof v.text === 'string' &&
    Array.isArray(v.arrows) &&
    v.arrows.every((n) => Number.isInteger(n)) &&
    typeof v.caption === 'string' &&
    Number.isInteger(v.step) &&
    (v.theme === 'default' || v.theme === 'dark')
  );
}

/** The view noted for this address and saved session, or null. */
function notedView(): ShownView | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(EARLY_VIEW_KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const note = value as Partial<Record<keyof Note, unknown>>;
    if (note.format !== FORMAT || note.session !== session() || !Array.isArray(note.entries)) return null;
    const here = address();
    for (const entry of note.entries as unknown[]) {
      if (typeof entry !== 'object' || entry === null) continue;
      const { address: at, view } = entry as Partial<Record<keyof Entry, unknown>>;
      if (at === here && isView(view)) return view;
    }
  } catch {
    /* not a note of this page: as none */
  }
  return null;
}

/** Paints the view noted by the last visit, if it was noted for this address, saved session and theme. */
export function paintNoted(theme: DiagramTheme): boolean {
  const view = notedView();
  if (!view || view.theme !== theme) return false;
  const outcome = settledDiagram(view.text, theme);
  return outcome?.ok === true && paintEarly(view, outcome.svg, outcome.source);
}

/**
 * Paints `svg` for `view` in a shell of the page's classes inside the empty #root (not once React has mounted), its
 * messages tagged and the step marked. A drawing whose messages are not the view's is not painted.
 */
export function paintEarly(view: ShownView, svg: string, source: 'mermaid' | 'cache'): boolean {
  const root = document.getElementById('root');
  if (!root || root.firstChild || painted) return false;
  const element = (tag: string, className: string) => {
    const e = document.createElement(tag);
    e.className = className;
    return e;
  };
  const figure = element('figure', 'sequence diagram-view');
  figure.setAttribute('aria-label', 'Sequence diagram');
  figure.setAttribute('aria-busy', 'true');
  const caption = document.createElement('figcaption');
  caption.textContent = view.caption;
  const scroll = element('div', 'sequence-scroll');
  const canvas = element('div', 'diagram-canvas');
  const host = element('div', 'sequence-svg');
  canvas.append(host);
  scroll.append(canvas);
  figure.append(caption, scroll);
  const section = element('section', 'app-view player');
  section.append(element('div', 'player-stage'));
  section.lastElementChild?.append(figure);
  const main = element('main', 'app-main');
  main.append(section);
  const app = element('div', 'app');
  app.append(main);
  root.append(app);
  host.innerHTML = svg;
  const drawn = host.firstElementChild;
  if (!(drawn instanceof SVGSVGElement) || tagSteps(host, view.arrows) !== view.arrows.length) {
    root.replaceChildren();
    return false;
  }
  markSteps(host, view.step);
  // Where the drawing came from, as the page's diagram says it (SequenceDiagram).
  host.dataset.source = source;
  const early = { view, svg: drawn, clicked: null as number | null };
  // A message clicked before React is there is not lost: the diagram goes to it once it has taken the SVG.
  host.addEventListener('click', (event) => {
    early.clicked = stepOf(event.target) ?? early.clicked;
  });
  painted = early;
  return true;
}

/**
 * The SVG element painted early for `text` and `theme`, and the step of the last message clicked on it (or null),
 * taken once by the diagram that shows that text; or null.
 */
export function adoptEarly(
  text: string,
  theme: DiagramTheme,
): { svg: SVGSVGElement; clicked: number | null } | null {
  const early = painted;
  if (!early || early.view.text !== text || early.view.theme !== theme) return null;
  painted = null;
  return { svg: early.svg, clicked: early.clicked };
}
