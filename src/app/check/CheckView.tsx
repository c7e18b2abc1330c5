/**
 * `?mode=check` (CONTRACT.md §11): the checker's verdicts on the scenario, a **Properties** table with one cell per
 * procedure and property, a failing cell opening its counterexample in the player at the step where the property
 * breaks; the findings in words below. The search runs in a worker (./useCheck.ts); this folder loads only in this
 * mode (App.tsx).
 */
import { useEffect, useState } from 'react';
import { PROPERTIES, type PropertyId } from '../../core/explore/properties';
import { PROCEDURE_IDS, type ProcedureId } from '../../core/model/ids';
import { errorLine } from '../notice';
import { useApp } from '../store';
import type { CheckRow } from './checkRows';
import {
  counterexampleAddress,
  MAX_FAULTS,
  readCheckUrl,
  withoutCheck,
  writeCheckUrl,
  type CheckState,
} from './checkUrl';
import { useCheck } from './useCheck';
import { BackToPlayer } from '../modeLinks';
import { scenarioOfAddress } from '../addressScenario';
import './check.css';

// The address is read once per page load (not again when React re-mounts in development).
let readOnce = false;
function initialState(): CheckState {
  const reading = readCheckUrl(window.location.search);
  if (!readOnce) {
    readOnce = true;
    for (const problem of reading.problems) useApp.getState().notify(problem);
  }
  return { faults: reading.faults, procedures: reading.procedures };
}

const group = (n: number) => n.toLocaleString('en-GB');

function open(row: CheckRow): void {
  try {
    const address = counterexampleAddress(window.location.search, row);
    if (address) window.location.assign(`${window.location.pathname}${address}`);
  } catch (error) {
    useApp.getState().notify(`The counterexample could not be opened in the player: ${errorLine(error)}.`);
  }
}

function Verdict({ row }: { row: CheckRow }) {
  const label = (
    <>
      <span className="visually-hidden">
        {row.procedure} {row.property}:{' '}
      </span>
      {row.holds ? 'holds' : 'fails'}
    </>
  );
  if (row.holds) return <span className="check-holds">{label}</span>;
  if (!row.counterexample?.scenario)
    return (
      <span className="check-fails">
        {label} <span className="muted">(cannot be replayed)</span>
      </span>
    );
  return (
    <button type="button" className="btn check-fails check-open" onClick={() => open(row)}>
      {label}
    </button>
  );
}

export function CheckView() {
  const [scenario] = useState(() => scenarioOfAddress('checked'));
  const [wanted, setWanted] = useState(initialState);
  const { state, run, cancel } = useCheck();

  // The address follows the controls, and every change checks again (the older search is ended).
  useEffect(() => {
    const search = writeCheckUrl(window.location.search, wanted);
    if (search !== window.location.search)
      window.history.replaceState(
        window.history.state,
        '',
        `${window.location.pathname}${search}${window.location.hash}`,
      );
    if (wanted.procedures.length) run(scenario, wanted.faults, wanted.procedures);
  }, [wanted, scenario, run]);

  const running = state.status === 'running';
  const rowOf = (procedure: ProcedureId, property: PropertyId) =>
    state.rows.find((r) => r.procedure === procedure && r.property === property);
  const failing = state.rows.filter((r) => !r.holds);
  const toggle = (id: ProcedureId, on: boolean) =>
    setWanted((w) => ({
      ...w,
      procedures: PROCEDURE_IDS.filter((p) => (p === id ? on : w.procedures.includes(p))),
    }));

  return (
    <div className="check">
      <div className="check-bar">
        <h2 className="check-title">Check: the properties of every run of each procedure</h2>
        <BackToPlayer className="check-back" search={withoutCheck(window.location.search)} />
      </div>
      <p className="muted">
        The simulator runs every order in which the messages in flight may arrive and the client&apos;s timer
        may fire, with up to the chosen number of messages dropped or duplicated, from the scenario &ldquo;
        {scenario.title ?? 'untitled'}&rdquo; (its own faults left out), and checks each property on each run.
        A failing cell opens the shortest run that breaks it in the player (the simulator&apos;s properties
        and notes).
      </p>
      <div className="check-controls" role="group" aria-label="Check settings">
        <label>
          Faults per run{' '}
          <select
            value={wanted.faults}
            onChange={(e) => setWanted((w) => ({ ...w, faults: Number(e.target.value) }))}
          >
            {Array.from({ length: MAX_FAULTS + 1 }, (_, n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="check-procedures">
          <legend>Procedures</legend>
          {PROCEDURE_IDS.map((id) => (
            <label key={id}>
              <input
                type="checkbox"
                checked={wanted.procedures.includes(id)}
                onChange={(e) => toggle(id, e.target.checked)}
              />{' '}
              {id}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="check-progress" role="status" aria-live="polite">
        {running && (
          <span>
            Checking: {group(state.states)} states explored, {state.rows.length / PROPERTIES.length} of{' '}
            {state.procedures.length} procedures done
          </span>
        )}
        {state.status === 'done' && <span>{group(state.states)} states explored.</span>}
        {state.status === 'cancelled' && (
          <span>Cancelled after {group(state.states)} states; change a setting to check again.</span>
        )}
        {state.status === 'error' && <span>No verdict: {state.message}.</span>}
        {state.status === 'idle' || (!running && !wanted.procedures.length) ? (
          <span>Choose at least one procedure.</span>
        ) : null}
      </div>
      <button type="button" className="btn check-cancel" onClick={cancel} aria-disabled={!running}>
        Cancel
      </button>
      <table className="check-table">
        <caption>Properties</caption>
        <thead>
          <tr>
            <th scope="col">Property</th>
            {state.procedures.map((id) => (
              <th key={id} scope="col">
                {id}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {PROPERTIES.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <code>{p.id}</code>
                <span className="check-statement muted">{p.statement}</span>
              </th>
              {state.procedures.map((id) => {
                const row = rowOf(id, p.id);
                return <td key={id}>{row ? <Verdict row={row} /> : <span className="muted">…</span>}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {failing.length > 0 && (
        <section className="check-findings" aria-label="Findings">
          <h3>Findings</h3>
          <ul>
            {failing.map((row) => (
              <li key={`${row.procedure} ${row.property}`}>
                <p>
                  <strong>
                    {row.procedure} {row.property}
                  </strong>
                  : {row.finding}
                </p>
                {row.counterexample && !row.counterexample.scenario && (
                  <p className="muted">
                    It cannot be opened in the player:{' '}
                    {row.counterexample.replayProblem ?? 'it does not replay'}.
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
