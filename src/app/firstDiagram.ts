/**
 * The diagram the page opens on, found before React mounts (issue 14): the saved session (the store reads it when
 * it is created) and the address, read as `useUrlSync` will apply them, give the scenario and procedure; its diagram
 * text goes to `renderDiagram` at once, so that Mermaid works (or the kept SVG is found) while React mounts. Should
 * the page end up on another text, this was only an early render of one text more. Never throws.
 */
import type { DiagramTheme } from './player/mermaid';
import { renderDiagram } from './player/mermaid';
import { useApp } from './store';
import { scenarioFor } from '../core/run';
import { readReviewUrl, readUrl } from './url';
import { runOf } from './useRun';

export function startFirstDiagram(theme: DiagramTheme): void {
  try {
    const { search, hash } = window.location;
    // The comparison draws two diagrams of its own.
    if (readReviewUrl(search).compare) return;
    if (!useApp.persist.hasHydrated()) return;
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
    void renderDiagram(diagram.text, theme);
  } catch {
    /* the page reports what is wrong itself */
  }
}
