/**
 * The diagram the page opens on, found before React mounts (issue 14): the saved session (the store reads it when
 * it is created) and the address, read as `useUrlSync` will apply them, give the scenario and procedure; its diagram
 * text goes to `renderDiagram` at once, and the view (text, arrows, caption, step) comes back with the render, for
 * main.tsx to paint it before React mounts (player/earlyView.ts). Should the page end up on another text, this was
 * only an early render of one text more. Never throws.
 */
import { captionOf } from './player/caption';
import type { ShownView } from './player/earlyView';
import type { DiagramTheme, RenderOutcome } from './player/mermaid';
import { renderDiagram } from './player/mermaid';
import { useApp } from './store';
import { scenarioFor } from '../core/engine/run';
import { openingView, readUrl } from './url';
import { runOf } from './useRun';

export function startFirstDiagram(
  theme: DiagramTheme,
): { view: ShownView | null; outcome: Promise<RenderOutcome> } | null {
  try {
    const { search, hash } = window.location;
    // The comparison draws two diagrams of its own.
    const view = openingView(search);
    if (view === 'compare') return null;
    // Only the page's player is painted before React (the quiz, the presentation, the embedded page are laid out
    // their own way).
    const painted = view === 'player';
    if (!useApp.persist.hasHydrated()) return null;
    const s = useApp.getState();
    const reading = readUrl(
      search,
      { procedure: s.procedure, scenario: s.scenario },
      (scenario, procedure) => runOf(scenario, procedure).run.steps.length,
      hash,
    );
    // As applyAddress → setProcedure / openLinked will: the scenario as the procedure runs it.
    const scenario = scenarioFor(reading.scenario ?? s.scenario, reading.procedure);
    const { diagram } = runOf(scenario, reading.procedure, s.referencePoints);
    const shown: ShownView = {
      text: diagram.text,
      arrows: diagram.arrows,
      caption: captionOf(reading.procedure),
      step: reading.step,
      theme,
    };
    return { view: painted ? shown : null, outcome: renderDiagram(diagram.text, theme) };
  } catch {
    /* the page reports what is wrong itself */
    return null;
  }
}
