/**
 * The view an address opens (CONTRACT.md §4, §8, §11): `?mode=quiz|present|explore|check`, `?compare=<id>,<id>`, `?embed=1`.
 * Apart from ./url.ts (the scenario and its procedure and step) so that the page's first script (main.tsx) reads the
 * view the same way the page does, without loading the core. Pure functions: reading never throws.
 */
import { PROCEDURE_IDS, isProcedureId, type ProcedureId } from '../core/model/ids';

/** A value quoted in a message, cut at 40 characters. */
export const quote = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);

/** `?…` of the parameters, or '' for none; commas stay commas (`compare=a,b`), as a query string allows. */
export function queryOf(params: URLSearchParams): string {
  const text = params.toString().replace(/%2C/gi, ',');
  return text ? `?${text}` : '';
}

/* Review: `?mode=quiz|present` and `?compare=<id>,<id>`; `?mode=explore` (explore/exploreUrl.ts). */

export const REVIEW_PARAM = { mode: 'mode', compare: 'compare' } as const;

export const PAGE_MODES = ['player', 'quiz', 'present', 'explore', 'assumptions', 'check'] as const;
export type PageMode = (typeof PAGE_MODES)[number];

/** Two procedures side by side: left, right. */
export type ComparePair = readonly [ProcedureId, ProcedureId];

export interface ReviewReading {
  mode: PageMode;
  /** The procedures to compare, or null for none (or a bad value: then the player). */
  compare: ComparePair | null;
  /** One sentence per bad value, naming it and what is shown instead. */
  problems: string[];
}

/** Reads `?mode&compare`; a bad value is reported in `problems`, and the player is shown instead. */
export function readReviewUrl(search: string): ReviewReading {
  const params = new URLSearchParams(search);
  const problems: string[] = [];

  let mode: PageMode = 'player';
  const rawMode = params.get(REVIEW_PARAM.mode);
  if (rawMode !== null) {
    if (
      rawMode === 'quiz' ||
      rawMode === 'present' ||
      rawMode === 'explore' ||
      rawMode === 'assumptions' ||
      rawMode === 'check'
    )
      mode = rawMode;
    else
      problems.push(
        `Unknown mode ${quote(rawMode)} in the address (expected quiz, present, explore, assumptions or check); showing the player.`,
      );
  }

  let compare: ComparePair | null = null;
  const rawCompare = params.get(REVIEW_PARAM.compare);
  if (rawCompare !== null) {
    const ids = rawCompare.split(',').map((id) => id.trim());
    const unknown = ids.filter((id) => !isProcedureId(id));
    const shown = 'showing the player instead';
    if (ids.length !== 2) {
      problems.push(
        `compare=${quote(rawCompare)} in the address needs two procedures separated by a comma ` +
          `(for example compare=10.1.4.x.2,10.1.4.3.3); ${shown}.`,
      );
    } else if (unknown.length) {
      problems.push(
        `Unknown procedure${unknown.length > 1 ? 's' : ''} ${unknown.map(quote).join(' and ')} in compare=${quote(rawCompare)} ` +
          `(expected two of ${PROCEDURE_IDS.join(', ')}); ${shown}.`,
      );
    } else if (ids[0] === ids[1]) {
      problems.push(`compare=${quote(rawCompare)} in the address names the same procedure twice; ${shown}.`);
    } else {
      compare = [ids[0] as ProcedureId, ids[1] as ProcedureId];
    }
  }
  return { mode, compare, problems };
}

/** The search string with `mode` and `compare` set (or removed: the player), every other parameter kept. */
export function writeReviewUrl(
  search: string,
  state: { mode: PageMode; compare: ComparePair | null },
): string {
  const params = new URLSearchParams(search);
  if (state.mode === 'player') params.delete(REVIEW_PARAM.mode);
  else params.set(REVIEW_PARAM.mode, state.mode);
  if (state.compare === null) params.delete(REVIEW_PARAM.compare);
  else params.set(REVIEW_PARAM.compare, state.compare.join(','));
  return queryOf(params);
}

/* Embed (CONTRACT.md §8): `?embed=1`, the page for an iframe in a course page. */

export const EMBED_PARAM = 'embed';

export interface EmbedReading {
  embed: boolean;
  /** One sentence per bad value, naming it and what is shown instead. */
  problems: string[];
}

/** Reads `?embed`: `1` (or `true`, or the bare name) embeds, `0` or `false` does not; anything else is a problem. */
export function readEmbedUrl(search: string): EmbedReading {
  const raw = new URLSearchParams(search).get(EMBED_PARAM);
  if (raw === null) return { embed: false, problems: [] };
  const value = raw.trim().toLowerCase();
  if (value === '1' || value === 'true' || value === '') return { embed: true, problems: [] };
  if (value === '0' || value === 'false') return { embed: false, problems: [] };
  return {
    embed: false,
    problems: [
      `Unknown embed value ${quote(raw)} in the address (expected embed=1); showing the whole page.`,
    ],
  };
}

/** The search string with `embed` set or removed, every other parameter kept (embed first when set). */
export function writeEmbedUrl(search: string, embed: boolean): string {
  const params = new URLSearchParams(search);
  params.delete(EMBED_PARAM);
  if (!embed) return queryOf(params);
  return queryOf(new URLSearchParams([[EMBED_PARAM, '1'], ...params]));
}

/* Statecharts (CONTRACT.md §12): `&states=1` shows the States view beside the diagram, with any mode. */

export const STATES_PARAM = 'states';

/** Reads `?states`: `1` (or `true`, or the bare name) shows the view, `0` or `false` does not; anything else is a problem. */
export function readStatesUrl(search: string): { states: boolean; problems: string[] } {
  const raw = new URLSearchParams(search).get(STATES_PARAM);
  if (raw === null) return { states: false, problems: [] };
  const value = raw.trim().toLowerCase();
  if (value === '1' || value === 'true' || value === '') return { states: true, problems: [] };
  if (value === '0' || value === 'false') return { states: false, problems: [] };
  return {
    states: false,
    problems: [
      `Unknown states value ${quote(raw)} in the address (expected states=1); the States view is hidden.`,
    ],
  };
}

/** The search string with `states=1` set or removed, every other parameter kept. */
export function writeStatesUrl(search: string, states: boolean): string {
  const params = new URLSearchParams(search);
  if (states) params.set(STATES_PARAM, '1');
  else params.delete(STATES_PARAM);
  return queryOf(params);
}

/** Which view an address opens, as App.tsx shows it: the embedded page, a comparison, or a mode of the page. */
export function openingView(search: string): 'embed' | 'compare' | PageMode {
  if (readEmbedUrl(search).embed) return 'embed';
  const review = readReviewUrl(search);
  return review.compare ? 'compare' : review.mode;
}
