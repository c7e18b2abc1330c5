/**
 * The quiz's diagram ends under the last step shown: its viewBox cut a fixed band below that step (the same band at
 * every step), so that neither the steps still to come (hidden already) nor the diagram's length, its lifelines and
 * its bottom row of names, tell how the run goes on. Only the viewBox changes; the SVG is not drawn again.
 */
import { parseViewBox } from './diagramGeometry';

/** Where the SVG's whole viewBox is kept while it is cut. */
const FULL = 'fullViewBox';
/** The band left below the last step shown, in viewBox units: room for the next message, whichever it is. */
export const BAND = 90;

/** The viewBox's height that ends `band` units below `bottom` (a y in the viewBox), never taller than the whole. */
export function cutHeight(whole: { y: number; height: number }, bottom: number, band = BAND): number {
  return Math.max(1, Math.min(whole.height, bottom - whole.y + band));
}

/** Cuts the SVG in `host` after step `step` (0: after the row of names), or, with `cut` false, shows it whole. */
export function cutAfterStep(host: HTMLElement, step: number, cut: boolean): void {
  const svg = host.querySelector('svg');
  if (!svg) return;
  const kept = svg.dataset[FULL];
  const whole = parseViewBox(kept ?? svg.getAttribute('viewBox'));
  if (!whole) return;
  if (!cut) {
    if (kept) {
      svg.setAttribute('viewBox', kept);
      delete svg.dataset[FULL];
    }
    return;
  }
  const shown = [...svg.querySelectorAll('[data-step]')].filter(
    (e) => Number(e.getAttribute('data-step')) <= step,
  );
  const marks = shown.length ? shown : [...svg.querySelectorAll('rect.actor-top')];
  const frame = svg.getBoundingClientRect();
  const now = parseViewBox(svg.getAttribute('viewBox'));
  if (!marks.length || !now || !(frame.height > 0)) return;
  // As laid out now (cut or whole): screen pixels back to viewBox units.
  const unitsPerPx = now.height / frame.height;
  const bottom = Math.max(
    ...marks.map((e) => now.y + (e.getBoundingClientRect().bottom - frame.top) * unitsPerPx),
  );
  svg.dataset[FULL] = kept ?? `${whole.x} ${whole.y} ${whole.width} ${whole.height}`;
  svg.setAttribute('viewBox', `${whole.x} ${whole.y} ${whole.width} ${cutHeight(whole, bottom)}`);
}
