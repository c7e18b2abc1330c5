/**
 * The diagram texts a first visit draws (no saved session, no scenario in the address): the default scenario under
 * each procedure, as the page computes them (src/app/runView.ts). vite.config.ts gives them to the page's first
 * script (src/app/firstVisit.ts), so that Mermaid's first render starts as soon as Mermaid is loaded rather than
 * after the core has been loaded and run. A unit test holds them equal to what the page computes.
 */
import { scenarioFor } from '../src/core/engine/run';
import { PROCEDURE_IDS, type ProcedureId } from '../src/core/model/ids';
import { PRESETS } from '../src/core/model/presets';
import { runView } from '../src/app/runView';

export interface FirstTexts {
  /** The procedure the page opens on without `?procedure=`. */
  procedure: ProcedureId;
  texts: Record<ProcedureId, string>;
}

export function firstTexts(): FirstTexts {
  const preset = PRESETS[0];
  if (!preset) throw new Error('no preset: the page has no default scenario');
  const texts = Object.fromEntries(
    PROCEDURE_IDS.map((id) => [id, runView(scenarioFor(preset.scenario, id), id).diagram.text]),
  ) as Record<ProcedureId, string>;
  return { procedure: preset.procedure, texts };
}
