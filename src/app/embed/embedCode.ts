/**
 * The embed snippet (CONTRACT.md §8) and the embedded page's way back to the whole page: pure functions of the
 * page's address and the state shown.
 */
import type { ProcedureId } from '../../core/model/ids';
import type { Scenario } from '../../core/model/scenario';
import { buildLink } from '../editor/link';
import { writeEmbedUrl, writeUrl } from '../url';

/** The frame's size in the snippet: the embedded page fits it without page scrollbars. */
export const EMBED_WIDTH = 800;
export const EMBED_HEIGHT = 500;

/** Text for an HTML attribute value in double quotes. */
export function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** The address of the embedded page for this state: Copy link's address with `embed=1` first in the query. */
export function buildEmbedSrc(
  base: string,
  procedure: ProcedureId,
  step: number,
  scenario: Scenario,
): string {
  const link = new URL(buildLink(base, procedure, step, scenario));
  return `${link.origin}${link.pathname}${writeEmbedUrl(link.search, true)}${link.hash}`;
}

/** The frame's accessible name: the simulator, the scenario's title (if any) and the procedure. */
export function embedTitle(procedure: ProcedureId, scenario: Scenario): string {
  const title = scenario.title?.trim();
  return `MC migration profile simulator: ${title ? `${title}, ` : ''}${procedure}`;
}

/**
 * `<iframe src="…?embed=1&amp;procedure=…&amp;step=…#scenario=…" title="…" width="800" height="500" loading="lazy">`
 * for a course page: this scenario at this procedure and step, every value escaped for its attribute.
 */
export function buildEmbedCode(
  base: string,
  procedure: ProcedureId,
  step: number,
  scenario: Scenario,
): string {
  const src = buildEmbedSrc(base, procedure, step, scenario);
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(embedTitle(procedure, scenario))}" ` +
    `width="${EMBED_WIDTH}" height="${EMBED_HEIGHT}" loading="lazy"></iframe>`
  );
}

/**
 * The whole page at what the embedded page shows (`href`: its own address): the same address without `embed`, the
 * procedure and step shown, the scenario (`encoded`, as the address carries it) always in the fragment, so that the
 * whole page shows this scenario rather than the user's saved one.
 */
export function fullPageLink(href: string, procedure: ProcedureId, step: number, encoded: string): string {
  const url = new URL(href);
  const next = writeUrl(
    { search: writeEmbedUrl(url.search, false), hash: url.hash },
    { procedure, step, scenario: encoded },
  );
  return `${url.origin}${url.pathname}${next.search}${next.hash}`;
}
