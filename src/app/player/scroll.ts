/**
 * Scrolls elements into view within their own scrolling box (the diagram's, the step list's), not the page: the
 * reader keeps their place while stepping (the page moves only for what the box cannot scroll, `inWindow`). Done in the next animation frame, not in the step's own task (measuring
 * forces a layout, which would otherwise be paid before the highlight shows). One scroll per key per frame.
 */
const queue = new Map<string, () => void>();
// Reading document.fonts.ready forces a style update: read it until it has settled once, then never again.
let fontsSettled = typeof document === 'undefined' || !('fonts' in document);
const fontsReady = (): Promise<unknown> =>
  fontsSettled
    ? Promise.resolve()
    : document.fonts.ready.then(() => {
        fontsSettled = true;
      });
let frame = 0;

export interface RevealView {
  /** How much of the box's top is covered (the diagram's sticky strip of participants), read when it scrolls. */
  covered?: () => number;
  /** How far below the box's top that covered part starts (its border, its padding), counted only when the page moves. */
  coveredFrom?: () => number;
  /** Reveal within the part of the box inside the window (when that part is tall enough to hold the element). */
  inWindow?: boolean;
  /** With `inWindow`: how much of the window's bottom is covered (a phone's docked controls). */
  coveredBelow?: () => number;
  /** Brings the element up to date with the layout before it is measured (a diagram's hit area). */
  measure?: (element: Element) => void;
}

export function scrollIntoViewSoon(
  key: string,
  element: Element | null | undefined,
  smooth: boolean,
  align: 'nearest' | 'center' = 'nearest',
  view: RevealView = {},
): void {
  if (!element) return;
  queue.set(key, () => {
    if (element.isConnected) revealInBox(element, smooth, align, view);
  });
  if (frame) return;
  frame = -1;
  // After the page's font is in: a layout made with the fallback font would scroll to the wrong place.
  // document.fonts.ready never rejects (it settles when loading is done, failed faces included).
  void fontsReady().then(() => {
    frame = requestAnimationFrame(() => {
      frame = 0;
      const jobs = [...queue.values()];
      queue.clear();
      for (const job of jobs) job();
    });
  });
}

function scrollingBox(element: Element): HTMLElement | null {
  for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
    const { overflowX, overflowY } = getComputedStyle(node);
    if (/(auto|scroll)/.test(overflowY + overflowX)) return node;
  }
  return null;
}

/**
 * Like scrollIntoView({ block: align, inline: 'nearest' }), but only the nearest scrolling box moves, and the top
 * `covered` pixels of it (and, `inWindow`, what is outside the window) count as out of sight. Whatever the diagram's zoom: it is laid out at its size, so the
 * rectangles measured here are those on screen.
 */
function revealInBox(element: Element, smooth: boolean, align: 'nearest' | 'center', view: RevealView): void {
  const box = scrollingBox(element);
  if (!box) return;
  view.measure?.(element);
  const outer = box.getBoundingClientRect();
  const inner = element.getBoundingClientRect();
  const delta = (start: number, end: number, lo: number, hi: number) =>
    start < lo ? start - lo : end > hi ? Math.min(end - hi, start - lo) : 0;
  // Where the box is in sight: inside the window too (unless none of it is), under its covered top (at most half).
  let lo = outer.top;
  let hi = outer.top + box.clientHeight;
  if (view.inWindow && Math.min(hi, window.innerHeight) > Math.max(lo, 0)) {
    lo = Math.max(lo, 0);
    hi = Math.min(hi, window.innerHeight - (view.coveredBelow?.() ?? 0));
  }
  lo += Math.min(view.covered?.() ?? 0, (hi - lo) / 2);
  const top =
    align === 'center'
      ? Math.round(inner.top + inner.height / 2 - (lo + hi) / 2)
      : delta(inner.top, inner.bottom, lo, hi);
  // Wider than the box (a long message on a phone): its middle, where its label is, in the middle of the box.
  const left =
    inner.width > box.clientWidth
      ? Math.round(inner.left + inner.width / 2 - (outer.left + box.clientWidth / 2))
      : delta(inner.left, inner.right, outer.left, outer.left + box.clientWidth);
  // The box moves as far as it can; what it cannot (its top or end reached, the page scrolled past it, a phone's)
  // leaves the element above the window or under the names: then, and only by that much, the page moves.
  const boxTop = Math.max(-box.scrollTop, Math.min(top, box.scrollHeight - box.clientHeight - box.scrollTop));
  const clear = lo + (view.coveredFrom?.() ?? 0);
  const rest =
    view.inWindow && top !== boxTop
      ? delta(inner.top - boxTop, inner.bottom - boxTop, clear, Math.max(hi, clear + inner.height))
      : 0;
  const behavior = smooth ? 'smooth' : 'auto';
  if (boxTop || left) box.scrollBy({ top: boxTop, left, behavior });
  if (rest) window.scrollBy({ top: rest, behavior });
}
