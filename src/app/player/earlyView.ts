/**
 * The first diagram before React. The page notes what its player shows (the diagram's text, arrows, caption, step
 * and theme) and, when it is left, keeps that note beside the address, the saved session and the build it was shown
 * for, with the page's shell: a copy of the page's own markup from its top down to the diagram's box (the header,
 * the player's bar, the figure with its SVG taken out; nothing after the diagram, no notices), inert. The next visit
 * of the same build to the same address with the same saved session and theme paints that shell and, in it, the
 * diagram from the SVG kept for its text (svgCache.ts, every check included), before React or the page's chunks are
 * even loaded: the same markup under the same style sheets, so the diagram is drawn where React will draw it, and
 * what React adds arrives below it. React's first commit clears the shell, and the diagram adopts the SVG element
 * already there (`adoptEarly`) when its text is the one painted; otherwise the painted one is simply gone. A visit
 * with no note (a first visit) paints nothing before React. Never throws.
 */
import { BUILD_ID } from '../buildId';
import { STORAGE_KEY } from '../storageKey';
import { settledDiagram, type DiagramTheme } from './mermaid';
import { markSteps, stepOf, tagSteps } from './svgSteps';

/** What a player shows: enough to paint it again. */
export interface ShownView {
  text: string;
  arrows: readonly number[];
  /** A timer's notes (absent in a note written before there were any: none). */
  notes?: readonly number[];
  caption: string;
  step: number;
  theme: DiagramTheme;
}

/** A view, the address it was shown for and the page's shell around it (`shellOf`). */
interface Entry {
  address: string;
  view: ShownView;
  shell: string;
}

interface Note {
  format: typeof FORMAT;
  build: string;
  session: string | null;
  entries: Entry[];
}

export const EARLY_VIEW_KEY = 'mcx-early-view';
const FORMAT = 'mcx-early-view/3';

const address = () => `${window.location.pathname}${window.location.search}${window.location.hash}`;
/** The address the page was opened with (the player rewrites it as it goes). */
const opened = typeof window === 'undefined' ? '' : address();

/** A view noted, with the figure that shows it (its shell is copied from the page when the note is written). */
interface Shown {
  view: ShownView;
  figure: Element | null;
}

let first: { view: ShownView; shell: string | null } | null = null;
let last: Shown | null = null;
let painted: { view: ShownView; svg: SVGSVGElement; clicked: number | null } | null = null;

function session(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Where the shell's diagram goes: the SVG's host in the figure. */
const HOST = '.sequence-svg';

/**
 * The page's markup from its `.app` element down to `figure`: each ancestor without its children, the children
 * before the path copied whole (the header, the player's bar), those after it left out (they come after the diagram,
 * or beside it in a grid column of their own), notices left out (they are the last visit's); the figure copied
 * without its SVG, its strip or its notes. The state React keeps in properties (a select's choice, a box checked) is
 * written into attributes, and everything but the diagram's box is inert: the shell only holds the place. Null when
 * the figure is not in a page.
 */
export function shellOf(figure: Element): string | null {
  const app = figure.closest('.app');
  if (!app) return null;
  const copy = (element: Element, deep: boolean) => {
    const clone = element.cloneNode(deep) as Element;
    if (deep) reflectState(element, clone);
    return clone;
  };
  let shell: Element | null = null;
  for (let node: Element = figure, child: Element | null = null; ; node = node.parentElement!) {
    const clone = copy(node, node === figure);
    if (node === figure) {
      for (const out of clone.querySelectorAll('.diagram-strip, .diagram-note, .diagram-error')) out.remove();
      clone.querySelector(HOST)?.replaceChildren();
      for (const other of clone.children) if (!other.classList.contains('sequence-scroll')) hide(other);
    } else {
      for (const sibling of node.children) {
        if (sibling === child) break;
        if (sibling.classList.contains('app-notices')) continue;
        const before = copy(sibling, true);
        hide(before);
        clone.append(before);
      }
      clone.append(shell!);
    }
    shell = clone;
    child = node;
    if (node === app || !node.parentElement) break;
  }
  return shell.outerHTML;
}

/** Out of reach of the keyboard, the pointer and assistive technology: a copy of controls that do nothing yet. */
function hide(element: Element): void {
  element.setAttribute('inert', '');
  element.setAttribute('aria-hidden', 'true');
}

/**
 * A select's choice and a box's check, which React sets as properties, written as attributes in the copy; a
 * disclosure opened on this visit (../review/Disclosure.tsx) copied closed, as the next visit opens it.
 */
function reflectState(from: Element, to: Element): void {
  for (const open of to.querySelectorAll('[data-open]')) open.removeAttribute('data-open');
  for (const button of to.querySelectorAll('[aria-expanded="true"]'))
    button.setAttribute('aria-expanded', 'false');
  const fields = from.querySelectorAll('select, input');
  const copies = to.querySelectorAll('select, input');
  fields.forEach((field, i) => {
    const copy = copies[i];
    if (field instanceof HTMLSelectElement && copy instanceof HTMLSelectElement)
      [...copy.options].forEach((option, j) =>
        option.toggleAttribute('selected', field.options[j]?.selected),
      );
    else if (field instanceof HTMLInputElement && copy instanceof HTMLInputElement)
      copy.toggleAttribute('checked', field.checked);
  });
}

/**
 * The player on the page notes what it shows, in `figure` (null: nothing a reload would show the same way). The
 * first view's shell is copied at once (the page goes on to other steps); the last one's when the note is written.
 */
export function noteView(view: ShownView | null, figure: Element | null = null): void {
  last = view ? { view, figure } : null;
  if (!first && view) first = { view, shell: figure ? shellOf(figure) : null };
}

/**
 * The note: the address now and the last view; and the address opened and the first view, when the page still
 * shows the first view's text (the same procedure and scenario: what that address opens with this saved session).
 */
function write(): void {
  try {
    const shell = last?.figure ? shellOf(last.figure) : null;
    if (!last || shell === null) {
      localStorage.removeItem(EARLY_VIEW_KEY);
      return;
    }
    const entries: Entry[] = [{ address: address(), view: last.view, shell }];
    if (first?.shell && first.view.text === last.view.text && opened !== entries[0]!.address)
      entries.push({ address: opened, view: first.view, shell: first.shell });
    const note: Note = { format: FORMAT, build: BUILD_ID, session: session(), entries };
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
    (v.notes === undefined || (Array.isArray(v.notes) && v.notes.every((n) => Number.isInteger(n)))) &&
    typeof v.caption === 'string' &&
    Number.isInteger(v.step) &&
    (v.theme === 'default' || v.theme === 'dark')
  );
}

/**
 * The view and shell noted for this address and saved session by this build, or null. A note of another build (or
 * another format) is dropped: its shell and its diagram may be what this build no longer draws.
 */
function notedView(): { view: ShownView; shell: string } | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(EARLY_VIEW_KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const note = value as Partial<Record<keyof Note, unknown>>;
    if (note.format !== FORMAT || note.build !== BUILD_ID) {
      localStorage.removeItem(EARLY_VIEW_KEY);
      return null;
    }
    if (note.session !== session() || !Array.isArray(note.entries)) return null;
    const here = address();
    for (const entry of note.entries as unknown[]) {
      if (typeof entry !== 'object' || entry === null) continue;
      const { address: at, view, shell } = entry as Partial<Record<keyof Entry, unknown>>;
      if (at === here && isView(view) && typeof shell === 'string') return { view, shell };
    }
  } catch {
    /* not a note of this page: as none */
  }
  return null;
}

/** The faces the shell's text is set in (styles.css, main.tsx's @fontsource imports). */
const FACES = ['400 16px "IBM Plex Sans"', '600 16px "IBM Plex Sans"', '400 16px "IBM Plex Mono"'];
/** How long the shell waits for them at most (a repeat visit has them in the HTTP cache: milliseconds). */
const FONT_WAIT_MS = 500;

/**
 * The page's fonts loaded (or the wait over): the shell set in a fallback font would be laid out at other heights,
 * and move when the font arrives.
 */
function fontsLoaded(): Promise<unknown> {
  if (typeof document.fonts === 'undefined') return Promise.resolve();
  return Promise.race([
    Promise.all(FACES.map((face) => document.fonts.load(face))).catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, FONT_WAIT_MS)),
  ]);
}

/**
 * Paints the view noted by the last visit, if this build noted it for this address, saved session and theme and its
 * SVG is kept, once the page's fonts are there: null when there is nothing to paint, else whether it was painted.
 */
export function paintNoted(theme: DiagramTheme): Promise<boolean> | null {
  const noted = notedView();
  if (!noted || noted.view.theme !== theme) return null;
  const outcome = settledDiagram(noted.view.text, theme);
  if (outcome?.ok !== true) return null;
  return fontsLoaded().then(() => paintEarly(noted.view, noted.shell, outcome.svg, outcome.source));
}

/**
 * Paints `shell` inside the empty #root (not once React has mounted) and `svg` for `view` in its diagram's host, its
 * messages tagged and the step marked. A shell without a host, or a drawing whose messages are not the view's, is
 * not painted.
 */
function paintEarly(view: ShownView, shell: string, svg: string, source: 'mermaid' | 'cache'): boolean {
  const root = document.getElementById('root');
  if (!root || root.firstChild || painted) return false;
  root.innerHTML = shell;
  const host = root.querySelector<HTMLElement>(`figure ${HOST}`);
  if (host) host.innerHTML = svg;
  const drawn = host?.firstElementChild;
  if (
    !host ||
    !(drawn instanceof SVGSVGElement) ||
    tagSteps(host, view.arrows, view.notes) !== view.arrows.length + (view.notes?.length ?? 0)
  ) {
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
