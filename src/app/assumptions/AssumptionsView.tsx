import { ASSUMPTIONS, type Assumption } from '../../core/procedures/assumptions';
import { PARAM } from '../../core/formats/address';
import { PROCEDURE_IDS, type ProcedureId } from '../../core/model/ids';
import { useApp } from '../store';
import { runOf } from '../useRun';
import { writeReviewUrl } from '../viewUrl';
import './assumptions.css';

/** A step where the entry applies: the procedure and the trace position of the clause step it names in this scenario. */
interface Place {
  procedure: ProcedureId;
  number: string;
  step: number;
}

function placesOf(entry: Assumption, scenario: ReturnType<typeof useApp.getState>['scenario']): Place[] {
  const places: Place[] = [];
  for (const procedure of PROCEDURE_IDS) {
    const number = entry.where[procedure]?.[0];
    if (number === undefined) continue;
    const { run } = runOf(scenario, procedure);
    // The clause step's position in this scenario's run (faults and timers may move it); the step's number if absent.
    const found = run.steps.find((s) => s.number === number);
    places.push({ procedure, number, step: found ? found.n : Math.min(Number(number), run.steps.length) });
  }
  return places;
}

/** The player's address at that step, the rest of the address (the scenario in its fragment) kept. */
function hrefOf(place: Place): string {
  const params = new URLSearchParams(
    writeReviewUrl(window.location.search, { mode: 'player', compare: null }),
  );
  params.set(PARAM.procedure, place.procedure);
  params.set(PARAM.step, String(place.step));
  return `${window.location.pathname}?${params.toString()}${window.location.hash}`;
}

function open(event: React.MouseEvent<HTMLAnchorElement>, place: Place): void {
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  window.history.pushState(window.history.state, '', event.currentTarget.href);
  const s = useApp.getState();
  s.setProcedure(place.procedure, place.step);
  s.setMode('player');
}

/**
 * `?mode=assumptions` (CONTRACT.md §10): the assumption register, one item per entry, each with a link that opens the
 * player at a step where it applies. Every word of an entry is the simulator's (core/procedures/assumptions.ts),
 * except the clause text it cites.
 */
export function AssumptionsView() {
  const scenario = useApp((s) => s.scenario);
  return (
    <div className="assumptions">
      <h2>Assumptions of the simulator</h2>
      <p>
        Every behaviour the clauses of TS 23.280 10.1.4 do not give, and what the simulator does instead:
        these are the simulator's words, not the specification's. A step that rests on one is marked
        “Simulator assumption”.
      </p>
      <ol className="assumptions-list" aria-label="Assumptions">
        {ASSUMPTIONS.map((entry) => (
          <li key={entry.id} className="assumptions-entry" aria-labelledby={`assumption-${entry.id}`}>
            <h3 id={`assumption-${entry.id}`}>
              {entry.title} <code>{entry.id}</code>
            </h3>
            <p>
              <strong>The simulator:</strong> {entry.text}
            </p>
            <p>
              <strong>The clauses:</strong> {entry.silent}
            </p>
            {entry.readings.length > 0 && (
              <>
                <p>Readings a scenario can choose:</p>
                <ul>
                  {entry.readings.map((r, i) => (
                    <li key={i}>
                      <code>{r.field}</code>
                      {r.value !== null && (
                        <>
                          {' '}
                          = <code>{JSON.stringify(r.value)}</code>
                        </>
                      )}
                      : {r.text}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <p>
              Applies at:{' '}
              {placesOf(entry, scenario).map((place, i) => (
                <span key={place.procedure}>
                  {i > 0 && '; '}
                  <a href={hrefOf(place)} onClick={(e) => open(e, place)}>
                    {place.procedure} step {place.number}
                  </a>
                </span>
              ))}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
