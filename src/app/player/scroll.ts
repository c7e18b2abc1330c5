/**
 * Scrolls elements into view in the next animation frame, not in the step's own task: scrollIntoView forces a layout,
 * which would otherwise be paid before the highlight shows. One scroll per key per frame.
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

export function scrollIntoViewSoon(key: string, element: Element | null | undefined, smooth: boolean): void {
  if (!element) return;
  queue.set(key, () => {
    if (element.isConnected)
      element.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
  });
  if (frame) return;
  frame = -1;
  // After the page's font is in: a layout made with the fallback font would scroll to the wrong place.
  void fontsReady().then(() => {
    frame = requestAnimationFrame(() => {
      frame = 0;
      const jobs = [...queue.values()];
      queue.clear();
      for (const job of jobs) job();
    });
  });
}
