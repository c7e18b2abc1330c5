/**
 * The diagram text of a first visit, known before the core is loaded: with no saved session and no scenario in the
 * address, the player (or the presentation) draws the default scenario, whose texts the build computed
 * (scripts/firstTexts.ts). Anything else (a session, a link's scenario, another view, an unknown procedure) is left
 * to `firstDiagram.ts`: a wrong guess would queue a whole Mermaid render ahead of the right one.
 */
import { STORAGE_KEY } from './storageKey';
import { openingView } from './viewUrl';

interface FirstTexts {
  procedure: string;
  texts: Record<string, string>;
}

declare const __MCX_FIRST_TEXTS__: FirstTexts | undefined;

const BUILT: FirstTexts | null = typeof __MCX_FIRST_TEXTS__ === 'object' ? __MCX_FIRST_TEXTS__ : null;

function hasSession(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== null;
  } catch {
    return true; // no storage to read: do not guess
  }
}

export function firstVisitText(
  search: string,
  hash: string,
  built: FirstTexts | null = BUILT,
): string | null {
  if (!built || hasSession()) return null;
  const view = openingView(search);
  if (view !== 'player' && view !== 'present') return null;
  const query = new URLSearchParams(search);
  if (query.has('scenario') || /(?:^#|&)scenario(=|&|$)/.test(hash)) return null;
  const procedure = query.get('procedure') ?? built.procedure;
  return Object.hasOwn(built.texts, procedure) ? (built.texts[procedure] ?? null) : null;
}
