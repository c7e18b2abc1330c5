import { useLayoutEffect, useRef } from 'react';
import type { Diagram } from '../../core/formats/diagram';
import type { ProcedureId } from '../../core/model/ids';
import { tagSteps } from '../player/svgSteps';
import { useDrawnDiagram } from '../player/useDrawnDiagram';
import { applyMarks, type StepMark } from './compareMarks';

/** The marked labels' size on screen (px), and the largest font they may take for it (in the SVG's units). */
const LABEL_PX = 12.5;
const MAX_FONT = 32;

/**
 * One side of a comparison: the procedure's Mermaid diagram (through the player's adapter, steps tagged with
 * `data-step` as in the player), its differing steps marked `step-removed`, `step-added` or `step-reworded`.
 */
export function CompareDiagram({
  id,
  diagram,
  marks,
  current,
  caption,
}: {
  id: ProcedureId;
  diagram: Diagram;
  marks: ReadonlyMap<number, StepMark>;
  /** The step of the table's current row on this side (none: the row is only on the other side). */
  current: number | null;
  caption: string;
}) {
  const hostRef = useRef<HTMLDivElement>(null);
  const { drawn, busy } = useDrawnDiagram(diagram);

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host || !drawn) return;
    host.innerHTML = drawn.outcome.ok ? drawn.outcome.svg : '';
    tagSteps(host, drawn.arrows, drawn.notes);
    // Two diagrams side by side are drawn at about 0.65 of their size, their labels at 10 px: the marked labels (the
    // differences, what is read here) are set larger by as much, to LABEL_PX on screen, the diagrams still whole.
    const svg = host.querySelector('svg');
    const width = svg?.viewBox.baseVal.width ?? 0;
    if (!svg || !(width > 0)) return;
    const size = () => {
      const scale = svg.getBoundingClientRect().width / width;
      const px = scale > 0 ? Math.min(MAX_FONT, Math.max(16, Math.ceil(LABEL_PX / scale))) : 16;
      host.style.setProperty('--compare-label-size', `${px}px`);
    };
    size();
    const observer = new ResizeObserver(size);
    observer.observe(svg);
    return () => observer.disconnect();
  }, [drawn]);

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (host && drawn) applyMarks(host, marks);
  }, [drawn, marks]);

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host || !drawn) return;
    for (const element of host.querySelectorAll('[data-step]'))
      element.classList.toggle('step-current', Number(element.getAttribute('data-step')) === current);
    const box = host.closest('.sequence-scroll');
    const target = host.querySelector(`[data-et="message"][data-step="${current}"]`) ?? null;
    if (!(box instanceof HTMLElement) || !target) return;
    // Scrolls the diagram's own box only (scrollIntoView would move the page too, away from the table's row).
    const inner = box.getBoundingClientRect();
    const rect = target.getBoundingClientRect();
    box.scrollBy({
      top: rect.top + rect.height / 2 - (inner.top + inner.height / 2),
      left: rect.left < inner.left || rect.right > inner.right ? rect.left - inner.left - 16 : 0,
    });
  }, [drawn, current]);

  const error = drawn && !drawn.outcome.ok ? drawn.outcome.error : null;
  return (
    <figure
      className="sequence review-compare-figure"
      aria-label={`Sequence diagram: ${id}`}
      aria-busy={busy}
    >
      <figcaption>{caption}</figcaption>
      {/* Focusable: a keyboard user can scroll a diagram wider or taller than its box. */}
      <div className="sequence-scroll" tabIndex={0}>
        {!drawn && <p className="muted diagram-note">Drawing the diagram…</p>}
        {error && (
          <p className="diagram-error">
            The diagram could not be drawn: <code>{error}</code>
          </p>
        )}
        <div ref={hostRef} className="sequence-svg" />
      </div>
    </figure>
  );
}
