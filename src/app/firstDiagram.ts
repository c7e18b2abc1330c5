/**
 * The diagram the page opens on, found before React mounts: the saved session (the store reads it when it is
 * created) and the address, read as `useUrlSync` will apply them, give the scenario and procedure; its diagram text
 * goes to `renderDiagram` at once, so that React's first render finds it drawn (main.tsx waits for it). Should the
 * page end up on another text, this was only an early render of one text more. Never throws.
 */
import type { DiagramTheme, RenderOutcome } from './player/mermaid';
import { renderDiagram } from './player/mermaid';
import { useApp } from './store';
import { scenarioFor } from '../core/engine/run';
import { openingView, readUrl } from './url';
import { runOf } from './useRun';

/** The render started (in an object: awaiting the module's call must not wait for the render too), or null. */
export function startFirstDiagram(theme: DiagramTheme): { outcome: Promise<RenderOutcome> } | null {
  try {
    const { search, hash } = window.location;
    // The comparison draws two diagrams of its own.
    if (openingView(search) === 'compare') return null;
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
    return { outcome: renderDiagram(diagram.text, theme) };
  } catch {
    /* the page reports what is wrong itself */
    return null;
  }
}
