/**
 * Scrolls elements into view in the next animation frame, not in the step's own task: scrollIntoView forces a layout,
 * which would otherwise be paid before the highlight shows. One scroll per key per frame.
 */
const queue = new Map<string, () => void>();
let frame = 0;

export function scrollIntoViewSoon(key: string, element: Element | null | undefined, smooth: boolean): void {
  if (!element) return;
  queue.set(key, () => {
    if (element.isConnected)
      element.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
  });
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    const jobs = [...queue.values()];
    queue.clear();
    for (const job of jobs) job();
  });
}
