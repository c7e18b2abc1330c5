import { useLayoutEffect, useRef } from 'react';
import type { Diagram } from '../../core/formats/diagram';
import type { ProcedureId } from '../../core/model/ids';
import { tagSteps } from '../player/svgSteps';
import { useDrawnDiagram } from '../player/useDrawnDiagram';
import { applyMarks, type StepMark } from './compareMarks';

/**
 * One side of a comparison: the procedure's Mermaid diagram (through the player's adapter, steps tagged with
 * `data-step` as in the player), its differing steps marked `step-removed`, `step-added` or `step-reworded`.
 */
export function CompareDiagram({
  id,
  diagram,
  marks,
  caption,
}: {
  id: ProcedureId;
  diagram: Diagram;
  marks: ReadonlyMap<number, StepMark>;
  caption: string;
}) {
  const hostRef = useRef<HTMLDivElement>(null);
  const { drawn, busy } = useDrawnDiagram(diagram);

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host || !drawn) return;
    host.innerHTML = drawn.outcome.ok ? drawn.outcome.svg : '';
    tagSteps(host, drawn.arrows, drawn.notes);
  }, [drawn]);

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (host && drawn) applyMarks(host, marks);
  }, [drawn, marks]);

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
