/**
 * `?mode=explore` (CONTRACT.md §8): the sweep of up to two fields of the scenario, one outcome map per
 * procedure side by side with a shared legend, a second layer, the cells' details, the downloads. The sweep runs in a
 * worker (./useSweep.ts); this whole folder loads only in this mode (App.tsx).
 */
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ProcedureId } from '../../core/model/ids';
import type { Scenario } from '../../core/model/scenario';
import type { SweepCell, Vary } from '../../core/explore/sweep';
import { BackToPlayer, ModeLink } from '../modeLinks';
import { scenarioOfAddress } from '../addressScenario';
import { errorLine } from '../notice';
import { useApp } from '../store';
import { cellDetails, layerById } from './cells';
import { ExploreControls } from './ExploreControls';
import { ExploreDownloads } from './ExploreDownloads';
import { readExploreUrl, varyOf, withoutExplore, writeExploreUrl, type ExploreState } from './exploreUrl';
import { CellTip } from './CellTip';
import { Legend } from './Legend';
import { cellAddress } from './openCell';
import { OutcomeMap } from './OutcomeMap';
import { gridOf, useSweep } from './useSweep';
import './explore.css';

function writeAddress(state: ExploreState): void {
  const search = writeExploreUrl(window.location.search, state);
  if (search === window.location.search) return;
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${search}${window.location.hash}`,
  );
}

// The address is read once per page load (not again when React re-mounts in development).
let readOnce = false;

function initialState(scenario: Scenario): ExploreState {
  const reading = readExploreUrl(window.location.search, scenario);
  if (!readOnce) {
    readOnce = true;
    for (const problem of reading.problems) useApp.getState().notify(problem);
  }
  return { axes: reading.axes, procedures: reading.procedures };
}

const group = (n: number) => n.toLocaleString('en-GB');

export function ExploreView() {
  const [scenario] = useState(() => scenarioOfAddress('explored'));
  const [explore, setExplore] = useState(() => initialState(scenario));
  const [layerId, setLayerId] = useState('outcome');
  const [detail, setDetail] = useState<{ cell: SweepCell; anchor: Element } | null>(null);
  const { state, run, cancel } = useSweep();
  const layer = layerById(layerId);
  const maps = useRef<HTMLDivElement>(null);

  const vary: Vary[] | null = useMemo(() => {
    try {
      return explore.axes.map(varyOf);
    } catch {
      return null;
    }
  }, [explore.axes]);

  // The address follows the controls, and every change runs the sweep again (the older one stops).
  useEffect(() => {
    writeAddress(explore);
    if (vary) run(scenario, vary, explore.procedures);
  }, [explore, vary, scenario, run]);

  // Back and Forward between explore addresses.
  useEffect(() => {
    const onPop = () => {
      if (new URLSearchParams(window.location.search).get('mode') !== 'explore') return;
      const reading = readExploreUrl(window.location.search, scenario);
      setExplore({ axes: reading.axes, procedures: reading.procedures });
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [scenario]);

  // A sweep the core refuses (a value the schema does not take at that path): one notice, the controls stay.
  const notified = useRef<string | null>(null);
  useEffect(() => {
    if (state.status === 'error' && state.message && notified.current !== state.message) {
      notified.current = state.message;
      useApp.getState().notify(`The sweep cannot run: ${state.message}.`);
    }
  }, [state.status, state.message]);

  const onDetail = useCallback(
    (_: ProcedureId, cell: SweepCell | null, anchor: Element | null) =>
      setDetail(cell && anchor ? { cell, anchor } : null),
    [],
  );
  const sweptVary = state.vary;
  const onOpen = useCallback(
    (cell: SweepCell) => {
      try {
        window.location.assign(
          `${window.location.pathname}${cellAddress(window.location.search, scenario, sweptVary, cell)}`,
        );
      } catch (error) {
        useApp.getState().notify(`The cell could not be opened in the player: ${errorLine(error)}.`);
      }
    },
    [scenario, sweptVary],
  );

  const { rows: rowCount, columns } = gridOf(state.vary);
  const running = state.status === 'running';
  const paths = state.vary.map((v) => v.path);

  return (
    <div className="explore">
      <div className="explore-bar">
        <h2 className="explore-title">Explore: where each procedure delivers and where it refuses</h2>
        <BackToPlayer className="explore-back" search={withoutExplore(window.location.search)} />
        <ModeLink mode="check">Check: the properties of every run</ModeLink>
      </div>
      <p className="explore-intro muted">
        The simulator runs each procedure on every combination of the values below (the scenario &ldquo;
        {scenario.title ?? 'untitled'}&rdquo; otherwise unchanged) and draws one map per procedure. A cell
        opens the player on that scenario, at the step that decided it.
      </p>
      <ExploreControls
        scenario={scenario}
        state={explore}
        onChange={setExplore}
        layer={layerId}
        onLayer={(id) => startTransition(() => setLayerId(id))}
      />
      <div className="explore-progress" role="status" aria-live="polite">
        {running && (
          <>
            <span>
              Sweeping: {group(state.done)} of {group(state.total)} cells
            </span>
            <progress max={state.total} value={state.done} aria-label="Sweep progress" />
          </>
        )}
        {state.status === 'done' && <span>{group(state.total)} cells swept.</span>}
        {state.status === 'cancelled' && (
          <span>
            Cancelled after {group(state.done)} of {group(state.total)} cells; change a control to sweep
            again.
          </span>
        )}
        {state.status === 'error' && <span>No map: {state.message}.</span>}
      </div>
      <button type="button" className="btn explore-cancel" onClick={cancel} aria-disabled={!running}>
        Cancel
      </button>
      <Legend />
      <div className="explore-maps" ref={maps}>
        {state.procedures.map((procedure) => (
          <OutcomeMap
            key={procedure}
            procedure={procedure}
            vary={state.vary}
            rows={state.rows[procedure] ?? EMPTY}
            columns={columns}
            rowCount={rowCount}
            layer={layer}
            onDetail={onDetail}
            onOpen={onOpen}
          />
        ))}
      </div>
      <p className="explore-details">
        {detail
          ? cellDetails(paths, detail.cell, layer)
          : 'Point at a cell or move to it with the arrow keys for its details.'}
      </p>
      <CellTip anchor={detail?.anchor ?? null} text={detail ? cellDetails(paths, detail.cell, layer) : ''} />
      <ExploreDownloads state={state} maps={maps} />
    </div>
  );
}

const EMPTY: never[] = [];
