import { useLayoutEffect, useRef } from 'react';
import type { Diagram } from '../../core/diagram';
import { useReducedMotion } from './media';
import { scrollIntoViewSoon } from './scroll';
import { HIT_AREA, markSteps, stepOf, tagSteps } from './svgSteps';
import { useDrawnDiagram } from './useDrawnDiagram';

/**
 * The whole run as Mermaid's sequence diagram: rendered once per diagram text, then stepping only toggles the
 * `step-current` / `step-done` / `step-todo` classes on the SVG already there. A click on a message jumps to it.
 */
export function SequenceDiagram({
  diagram,
  step,
  caption,
  onSelect,
}: {
  diagram: Diagram;
  step: number;
  caption: string;
  onSelect: (step: number) => void;
}) {
  const reduced = useReducedMotion();
  const hostRef = useRef<HTMLDivElement>(null);
  const stepRef = useRef(step);
  const { drawn, busy, refuse } = useDrawnDiagram(diagram);

  // A new SVG: put it in, tag each message with its step, mark the current step. A kept SVG (svgCache.ts) is
  // marked the same way; one whose messages are not the diagram's is refused and drawn afresh.
  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host || !drawn) return;
    const { outcome } = drawn;
    host.innerHTML = outcome.ok ? outcome.svg : '';
    const messages = tagSteps(host, drawn.arrows);
    if (outcome.ok && outcome.source === 'cache' && messages !== drawn.arrows.length) {
      host.innerHTML = '';
      refuse(drawn);
      return;
    }
    host.dataset.source = outcome.ok ? outcome.source : 'none';
    markSteps(host, stepRef.current);
  }, [drawn, refuse]);

  // A new step: only classes change.
  useLayoutEffect(() => {
    stepRef.current = step;
    const host = hostRef.current;
    if (!host) return;
    const current = markSteps(host, step);
    // The hit area spans the label and the line; without one (no layout), the line.
    const target = current.find((e) => e.classList.contains(HIT_AREA)) ?? current[current.length - 1];
    scrollIntoViewSoon('diagram', target, !reduced, 'center');
  }, [step, drawn, reduced]);

  const error = drawn && !drawn.outcome.ok ? drawn.outcome.error : null;
  return (
    <figure className="sequence" aria-label="Sequence diagram" aria-busy={busy}>
      <figcaption>{caption}</figcaption>
      {/* Focusable: a keyboard user can scroll a diagram wider or taller than its box. */}
      <div className="sequence-scroll" tabIndex={0}>
        {!drawn && <p className="muted diagram-note">Drawing the diagram…</p>}
        {error && (
          <p className="diagram-error">
            The diagram could not be drawn: <code>{error}</code>
          </p>
        )}
        <div
          ref={hostRef}
          className="sequence-svg"
          onClick={(event) => {
            const n = stepOf(event.target);
            if (n !== null) onSelect(n);
          }}
        />
      </div>
    </figure>
  );
}
