import { useLayoutEffect, useRef } from 'react';
import type { Diagram } from '../../core/formats/diagram';
import { DiagramViewport } from './diagramViewport';
import './diagram-view.css';
import { useReducedMotion } from './media';
import { HIT_AREA, markSteps, STEP_CLASSES, stepOf, tagSteps } from './svgSteps';
import { cutAfterStep } from './cutAfter';
import { adoptEarly, noteView } from './earlyView';
import { useDrawnDiagram } from './useDrawnDiagram';

/** The hit area spans the label and the line; without one (no layout), the line. */
const targetOf = (current: Element[]) =>
  current.find((e) => e.classList.contains(HIT_AREA)) ?? current[current.length - 1];

/**
 * The whole run as Mermaid's sequence diagram: rendered once per diagram text, then stepping only toggles the
 * `step-current` / `step-done` / `step-todo` classes on the SVG already there. A click on a message jumps to it.
 * Zoom buttons above it; a strip of the participants sticks to the top of its box (./diagramViewport.ts).
 */
export function SequenceDiagram({
  diagram,
  step,
  caption,
  onSelect,
  fitted = false,
  noted = false,
  cut = false,
}: {
  diagram: Diagram;
  step: number;
  caption: string;
  onSelect: (step: number) => void;
  /** Keep the diagram's width fitted to its box (presentation mode). */
  fitted?: boolean;
  /** The page's own player: what it shows is noted, for the next visit to paint early (./earlyView.ts). */
  noted?: boolean;
  /** The diagram ends under the current step (the quiz: ./cutAfter.ts). */
  cut?: boolean;
}) {
  const reduced = useReducedMotion();
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const stripRef = useRef<HTMLDivElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const stepRef = useRef(step);
  const cutRef = useRef(cut);
  const selectRef = useRef(onSelect);
  const viewRef = useRef<DiagramViewport | null>(null);
  const { drawn, busy, refuse } = useDrawnDiagram(diagram);

  useLayoutEffect(() => {
    const [box, canvas, strip, host] = [boxRef.current, canvasRef.current, stripRef.current, hostRef.current];
    if (!box || !canvas || !strip || !host) return;
    const view = new DiagramViewport({
      box,
      canvas,
      strip,
      host,
      current: () => targetOf([...host.querySelectorAll('.step-current')]) ?? null,
    });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
  }, []);

  // A new SVG: put it in, tag each message with its step, mark the current step. A kept SVG (svgCache.ts) is
  // marked the same way; one whose messages are not the diagram's is refused and drawn afresh.
  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host || !drawn) return;
    const { outcome } = drawn;
    // The SVG painted before React for this text (./earlyView.ts) is taken as it is, its hit areas measured again
    // in the page's layout; any other is parsed from the markup.
    const early = outcome.ok ? adoptEarly(drawn.text, drawn.theme) : null;
    if (early) {
      host.replaceChildren(early.svg);
      // Measured unmarked, as a fresh SVG is (the current step's bold label is wider).
      for (const hit of early.svg.querySelectorAll(`rect.${HIT_AREA}`)) hit.remove();
      for (const marked of early.svg.querySelectorAll('[data-step]'))
        marked.classList.remove(...STEP_CLASSES);
    } else host.innerHTML = outcome.ok ? outcome.svg : '';
    const messages = tagSteps(host, drawn.arrows, drawn.notes);
    if (outcome.ok && outcome.source === 'cache' && messages !== drawn.arrows.length + drawn.notes.length) {
      host.innerHTML = '';
      refuse(drawn);
      return;
    }
    host.dataset.source = outcome.ok ? outcome.source : 'none';
    markSteps(host, stepRef.current);
    cutAfterStep(host, stepRef.current, cutRef.current);
    viewRef.current?.drawn();
    // A message clicked on the early paint: gone to once the page has opened its address (after this commit).
    const clicked = early?.clicked;
    if (clicked != null) setTimeout(() => selectRef.current(clicked), 0);
  }, [drawn, refuse]);

  useLayoutEffect(() => {
    selectRef.current = onSelect;
  }, [onSelect]);

  useLayoutEffect(() => {
    viewRef.current?.setFitted(fitted);
  }, [fitted]);

  // A new step: only classes change.
  useLayoutEffect(() => {
    stepRef.current = step;
    const host = hostRef.current;
    if (!host) return;
    const target = targetOf(markSteps(host, step));
    cutRef.current = cut;
    cutAfterStep(host, step, cut);
    viewRef.current?.stepped(target, !reduced);
  }, [step, drawn, reduced, cut]);

  const shown = noted && drawn?.outcome.ok && drawn.text === diagram.text ? drawn : null;
  useLayoutEffect(() => {
    if (!shown) return;
    noteView(
      { text: shown.text, arrows: shown.arrows, notes: shown.notes, caption, step, theme: shown.theme },
      boxRef.current?.closest('figure') ?? null,
    );
    return () => noteView(null);
  }, [shown, caption, step]);

  const error = drawn && !drawn.outcome.ok ? drawn.outcome.error : null;
  return (
    <figure className="sequence diagram-view" aria-label="Sequence diagram" aria-busy={busy}>
      <figcaption>{caption}</figcaption>
      <div className="diagram-zoom" role="group" aria-label="Diagram zoom">
        <button type="button" className="btn btn-small" onClick={() => viewRef.current?.fitButton()}>
          Fit
        </button>
        <button type="button" className="btn btn-small" onClick={() => viewRef.current?.zoomOut()}>
          Zoom out
        </button>
        <button type="button" className="btn btn-small" onClick={() => viewRef.current?.zoomIn()}>
          Zoom in
        </button>
      </div>
      {/* Focusable: a keyboard user can scroll a diagram wider or taller than its box, and zoom it (+ − 0). */}
      <div
        ref={boxRef}
        className="sequence-scroll"
        tabIndex={0}
        aria-keyshortcuts="Plus - 0"
        onKeyDown={(event) => {
          if (event.target === event.currentTarget && viewRef.current?.onKey(event.nativeEvent))
            event.preventDefault();
        }}
      >
        {!drawn && <p className="muted diagram-note">Drawing the diagram…</p>}
        {error && (
          <p className="diagram-error">
            The diagram could not be drawn: <code>{error}</code>
          </p>
        )}
        <div ref={canvasRef} className="diagram-canvas">
          <div
            ref={hostRef}
            className="sequence-svg"
            onClick={(event) => {
              const n = stepOf(event.target);
              if (n !== null) onSelect(n);
            }}
          />
          {/* After the diagram in the document (its SVG stays the figure's first), before it on screen. */}
          <div ref={stripRef} className="diagram-strip" aria-hidden="true" />
        </div>
      </div>
    </figure>
  );
}
