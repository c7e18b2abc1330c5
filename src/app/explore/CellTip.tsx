import { useLayoutEffect, useRef } from 'react';

/** Space kept between the tip and its cell, and between the tip and the window's edges (CSS pixels). */
const GAP = 8;

/** Where a box of `size` goes beside `anchor`: under it, else over it, always inside the window. */
export function tipPlace(
  anchor: { left: number; top: number; bottom: number },
  size: { width: number; height: number },
  view: { width: number; height: number },
): { left: number; top: number } {
  const left = Math.max(GAP, Math.min(anchor.left, view.width - size.width - GAP));
  const below = anchor.bottom + GAP;
  const above = anchor.top - size.height - GAP;
  const top = below + size.height <= view.height - GAP ? below : above >= GAP ? above : GAP;
  return { left, top };
}

/**
 * A cell's details where the pointer (or the focus) is: a box beside the cell, inside the window whatever the
 * scroll, following the cell as the page scrolls. `anchor`: the cell; none, no box.
 */
export function CellTip({ anchor, text }: { anchor: Element | null; text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const tip = ref.current;
    if (!tip || !anchor) return;
    const place = () => {
      const at = tipPlace(
        anchor.getBoundingClientRect(),
        { width: tip.offsetWidth, height: tip.offsetHeight },
        { width: document.documentElement.clientWidth, height: window.innerHeight },
      );
      tip.style.left = `${Math.round(at.left)}px`;
      tip.style.top = `${Math.round(at.top)}px`;
    };
    place();
    window.addEventListener('scroll', place, { passive: true });
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place);
      window.removeEventListener('resize', place);
    };
  }, [anchor, text]);
  if (!anchor) return null;
  return (
    <div ref={ref} className="explore-tip">
      {text}
    </div>
  );
}
