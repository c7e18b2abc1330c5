import { useCallback, useEffect, useState } from 'react';
import type { Diagram } from '../../core/formats/diagram';
import { useDiagramTheme } from './media';
import { refuseKept, renderDiagram, settledDiagram, type DiagramTheme, type RenderOutcome } from './mermaid';

export interface Drawn {
  key: string;
  text: string;
  theme: DiagramTheme;
  outcome: RenderOutcome;
  /** The arrows and notes of the text that was rendered (not necessarily the latest text, while it renders). */
  arrows: readonly number[];
  notes: readonly number[];
}

/**
 * A diagram rendered by Mermaid for the page's theme: the latest outcome (kept while a new text renders, and the same
 * object when the same text comes back, so that the SVG already on screen stays) and whether a render is under way.
 * An outcome already there (kept from an earlier visit, or rendered before) is drawn in the first render. `refuse`:
 * a kept SVG the page could not use is dropped and rendered afresh.
 */
export function useDrawnDiagram(diagram: Diagram): {
  drawn: Drawn | null;
  busy: boolean;
  refuse: (drawn: Drawn) => void;
} {
  const theme = useDiagramTheme();
  const key = `${theme}\n${diagram.text}`;
  const [drawn, setDrawn] = useState<Drawn | null>(() => {
    const outcome = settledDiagram(diagram.text, theme);
    return outcome
      ? { key, text: diagram.text, theme, outcome, arrows: diagram.arrows, notes: diagram.notes }
      : null;
  });

  // Another text whose outcome is already there (rendered before, or kept) is drawn in this render, not after an
  // effect and a promise: a frame with the old drawing (or none) would move what lies under the diagram.
  if (drawn?.key !== key) {
    const outcome = settledDiagram(diagram.text, theme);
    if (outcome)
      setDrawn({ key, text: diagram.text, theme, outcome, arrows: diagram.arrows, notes: diagram.notes });
  }

  useEffect(() => {
    let live = true;
    const { text, arrows, notes } = diagram;
    // renderDiagram never rejects: a failure is an outcome, drawn as such.
    const draw = () =>
      void renderDiagram(text, theme).then((outcome) => {
        if (live)
          setDrawn((previous) =>
            previous?.outcome === outcome ? previous : { key, text, theme, outcome, arrows, notes },
          );
      });
    // A text the page only passes through in this task (the default procedure, before the address is applied in
    // the same commit) is never rendered: the render is asked for after the task. One already there is taken now.
    if (settledDiagram(text, theme)) {
      draw();
      return () => {
        live = false;
      };
    }
    const timer = setTimeout(draw, 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [diagram, theme, key]);

  const refuse = useCallback((bad: Drawn) => {
    void refuseKept(bad.text, bad.theme).then((outcome) =>
      setDrawn((previous) => (previous === bad ? { ...bad, outcome } : previous)),
    );
  }, []);

  return { drawn, busy: drawn?.key !== key, refuse };
}
