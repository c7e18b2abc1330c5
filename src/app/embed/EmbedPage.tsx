import { useMemo } from 'react';
import type { ProcedureId } from '../../core/model/ids';
import { PROCEDURES } from '../../core/procedures';
import { Notices } from '../Notices';
import { Controls } from '../player/Controls';
import { ProcedurePicker } from '../player/ProcedurePicker';
import { usePlayer } from '../player/usePlayer';
import { SequenceDiagram } from '../player/SequenceDiagram';
import '../player/player.css';
import { CurrentStep } from '../review/CurrentStep';
import { useApp } from '../store';
import { encodeScenario } from '../url';
import { ViewBoundary } from '../ViewBoundary';
import { fullPageLink } from './embedCode';
import { useEmbedBridge } from './useEmbedBridge';
import './embed.css';

/** The way out of the frame: the whole simulator at this scenario, procedure and step, in a new tab. */
function OpenFullPage({ procedure, step }: { procedure: ProcedureId; step: number }) {
  const scenario = useApp((s) => s.scenario);
  const encoded = useMemo(() => encodeScenario(scenario), [scenario]);
  return (
    <a
      className="embed-open"
      href={fullPageLink(window.location.href, procedure, step, encoded)}
      target="_blank"
      rel="noopener"
    >
      Open in the simulator<span className="visually-hidden"> (opens a new tab)</span>
    </a>
  );
}

/** The player of the embedded page: the procedure, the controls, the diagram and the current step's words. */
function EmbedPlayer() {
  const { run, diagram, procedure, step, jump, pick, controls } = usePlayer();
  useEmbedBridge();
  return (
    <>
      <div className="player-bar embed-bar">
        <div className="embed-bar-top">
          <ProcedurePicker value={procedure} onChange={pick} />
          <OpenFullPage procedure={procedure} step={step} />
        </div>
        <Controls {...controls} />
      </div>
      <div className="embed-stage">
        <SequenceDiagram
          diagram={diagram}
          step={step}
          caption={`Figure ${procedure}-1: ${PROCEDURES[procedure].figure} (as simulated)`}
          onSelect={jump}
        />
        <CurrentStep run={run} step={step} withNote={false} />
      </div>
    </>
  );
}

/**
 * `?embed=1` (CONTRACT.md §8): the page for an iframe in a course page. The diagram, the controls and the current
 * step's words fill the frame (each scrolls in its own box); no header, no editor, no review tools; the host drives
 * it with postMessage (useEmbedBridge).
 */
export function EmbedPage() {
  return (
    <div className="embed">
      <Notices />
      <main className="app-view player embed-main" aria-label="Player">
        <ViewBoundary view="player">
          <EmbedPlayer />
        </ViewBoundary>
      </main>
    </div>
  );
}
