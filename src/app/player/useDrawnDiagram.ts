import { useEffect, useState } from 'react';
import type { Diagram } from '../../core/diagram';
import { useDiagramTheme } from './media';
import { renderDiagram, type RenderOutcome } from './mermaid';

export interface Drawn {
  key: string;
  outcome: RenderOutcome;
  /** The arrows of the text that was rendered (not necessarily the latest text, while it renders). */
  arrows: readonly number[];
}

/**
 * A diagram rendered by Mermaid for the page's theme: the latest outcome (kept while a new text renders, and the same
 * object when the same text comes back, so that the SVG already on screen stays) and whether a render is under way.
 */
export function useDrawnDiagram(diagram: Diagram): { drawn: Drawn | null; busy: boolean } {
  const theme = useDiagramTheme();
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  const key = `${theme}\n${diagram.text}`;

  useEffect(() => {
    let live = true;
    const arrows = diagram.arrows;
    // renderDiagram never rejects: a failure is an outcome, drawn as such.
    void renderDiagram(diagram.text, theme).then((outcome) => {
      if (live) setDrawn((previous) => (previous?.outcome === outcome ? previous : { key, outcome, arrows }));
    });
    return () => {
      live = false;
    };
  }, [diagram, theme, key]);

  return { drawn, busy: drawn?.key !== key };
}
