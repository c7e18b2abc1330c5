/**
 * The arithmetic of the diagram's view, free of the DOM: the strip of participants at the top of Mermaid's sequence
 * diagram, the zoom that fits the diagram's width in its box, and the scroll that keeps a point still while the
 * scale changes. The scale is CSS pixels per unit of the SVG's viewBox (1: the size Mermaid drew it).
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** `viewBox="x y w h"` as numbers; null for a missing or malformed one (or an empty box). */
export function parseViewBox(text: string | null): Box | null {
  if (!text) return null;
  const parts = text
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return null;
  const [x = 0, y = 0, width = 0, height = 0] = parts;
  return width > 0 && height > 0 ? { x, y, width, height } : null;
}

/** Below the lowest top actor box, so that its border is not cut. */
export const STRIP_PAD = 6;

/**
 * The region of the viewBox that holds the participants: its full width, from its top to just under the lowest of
 * the top actor boxes (Mermaid draws them in one row; a title or system box above them is included). Null when
 * there are no actor boxes inside the viewBox.
 */
export function participantRegion(viewBox: Box, actors: readonly Box[]): Box | null {
  const top = viewBox.y;
  let bottom = -Infinity;
  for (const actor of actors) {
    if (actor.height <= 0 || actor.y < top) continue;
    bottom = Math.max(bottom, actor.y + actor.height);
  }
  if (!Number.isFinite(bottom)) return null;
  const end = Math.min(bottom + STRIP_PAD, viewBox.y + viewBox.height);
  return { x: viewBox.x, y: top, width: viewBox.width, height: end - top };
}

/** The strip's height on screen is at most this share of its box's height (and never under 48 px). */
export const STRIP_SHARE = 0.25;
/** The band the strip keeps at high zoom: at least this many viewBox units around the names' line. */
export const STRIP_MIN_UNITS = 28;

/**
 * What of the participants' region the strip shows at `scale`: all of it while it takes at most `maxPx` on screen,
 * else a band around the middle of the actor boxes (where Mermaid writes the names), `maxPx` tall (at least
 * STRIP_MIN_UNITS), the region's full width always, so that it stays over the lifelines.
 */
export function stripView(
  region: Box,
  row: { top: number; bottom: number },
  scale: number,
  maxPx: number,
): Box {
  if (!(scale > 0) || region.height * scale <= maxPx) return region;
  const height = Math.min(region.height, Math.max(STRIP_MIN_UNITS, maxPx / scale));
  const middle = (row.top + row.bottom) / 2;
  const y = Math.min(Math.max(middle - height / 2, region.y), region.y + region.height - height);
  return { x: region.x, y, width: region.width, height };
}

/** The strip's largest height on screen for a box of `boxHeight` pixels. */
export const stripMaxPx = (boxHeight: number): number => Math.max(48, Math.min(120, boxHeight * STRIP_SHARE));

export const MIN_SCALE = 0.25;
export const MAX_SCALE = 4;

export function clampScale(scale: number, min = MIN_SCALE, max = MAX_SCALE): number {
  return Math.min(max, Math.max(min, scale));
}

/**
 * The scale at which the diagram's whole width fits the box's inner width (its height then scrolls under the strip
 * of participants), within the zoom's limits.
 */
export function fitScale(innerWidth: number, viewBoxWidth: number): number {
  if (!(innerWidth > 0) || !(viewBoxWidth > 0)) return 1;
  return clampScale(innerWidth / viewBoxWidth);
}

/** The smallest scale a whole-diagram fit goes to (below MIN_SCALE: a tall flow in a short box). */
export const MIN_WHOLE_SCALE = 0.05;

/** The scale at which the whole diagram, its width and its height, fits the box's inner area (at most MAX_SCALE). */
export function wholeScale(
  innerWidth: number,
  innerHeight: number,
  viewBoxWidth: number,
  viewBoxHeight: number,
): number {
  if (!(innerWidth > 0) || !(innerHeight > 0) || !(viewBoxWidth > 0) || !(viewBoxHeight > 0)) return 1;
  return clampScale(Math.min(innerWidth / viewBoxWidth, innerHeight / viewBoxHeight), MIN_WHOLE_SCALE);
}

/**
 * How far to scroll (along one axis) so that a point of the diagram stays where it is seen while the scale changes
 * from `from` to `to`: `point` is where it is seen (client coordinates), `before` and `after` where the diagram's
 * edge is before and after the change (it may move, e.g. when a diagram narrower than its box is centred).
 */
export function scrollToKeep(point: number, before: number, after: number, from: number, to: number): number {
  if (!(from > 0) || !(to > 0)) return 0;
  return Math.round(after + ((point - before) / from) * to - point);
}

/** The scale after a Ctrl+wheel (or a trackpad's pinch, which browsers send as one): smooth, at most ×2 a turn. */
export function wheelScale(scale: number, deltaY: number, deltaMode: number): number {
  // deltaMode 1: lines, 2: pages; 0: pixels.
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  const factor = Math.min(2, Math.max(0.5, Math.exp(-pixels * 0.002)));
  return clampScale(scale * factor);
}
