import { memo, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ENTITIES, type EntityId } from '../../core/model/ids';
import type { RunResult } from '../../core/engine/run';
import { recordedRun } from '../useRun';
import {
  chartEntities,
  presetCoverage,
  runCoverage,
  statechartOf,
  trackOf,
  transitionText,
  type Coverage,
  type EntityTrack,
  type Statechart,
} from '../../core/engine/statecharts';
import { layoutStatechart, type ChartLayout } from '../../core/formats/statechartLayout';
import './states.css';

// A chart's layout depends on its machine only: laid out once per page.
const layouts = new WeakMap<Statechart, ChartLayout>();
function layoutOf(chart: Statechart): ChartLayout {
  let layout = layouts.get(chart);
  if (!layout) {
    layout = layoutStatechart(chart);
    layouts.set(chart, layout);
  }
  return layout;
}

const classes = (...names: (string | false)[]) => names.filter(Boolean).join(' ');

/**
 * One entity's statechart: drawn once per run; a step changes only which state is lit (`state-current`), which
 * transition marked (`transition-current`) and which states shaded (`state-visited`). Memoised on those: a step
 * re-renders only the charts whose entity moved.
 */
const Chart = memo(function Chart({
  track,
  current,
  taken,
  enteredBy,
  takenBy,
  step,
  onSelect,
}: {
  track: EntityTrack;
  /** The active states after the step, joined by spaces. */
  current: string;
  /** The transitions the step took, by key, joined by spaces. */
  taken: string;
  /** The latest step, up to this one, at which the entity first entered a state: the states entered by then are shaded. */
  enteredBy: number;
  /** Likewise for the transitions it took (-1: none yet). */
  takenBy: number;
  /** The step, or null when this entity took no transition in it. */
  step: number | null;
  onSelect: (step: number) => void;
}) {
  const { entity, chart, firstEntered, firstTaken } = track;
  const layout = layoutOf(chart);
  const active = new Set(current.split(' '));
  const takenNow = new Set(taken ? taken.split(' ') : []);
  const byKey = useMemo(() => new Map(chart.transitions.map((t) => [t.key, t])), [chart]);
  const took = [...takenNow].map((key) => byKey.get(key)).filter((t) => t !== undefined);
  const activate = (state: string) => {
    const at = firstEntered.get(state);
    if (at !== undefined) onSelect(at);
  };
  const onKey = (event: KeyboardEvent<SVGGElement>, state: string) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    event.stopPropagation();
    activate(state);
  };
  return (
    <figure className="states-chart" aria-label={`Statechart: ${entity}`} data-entity={entity}>
      <figcaption>
        <span className="states-entity">{ENTITIES[entity].short}</span>{' '}
        <code className="states-now">{current.split(' ').at(-1)}</code>
        {step !== null && took.length > 0 && (
          <span className="states-took">
            {' '}
            step {step}: {took.map((t) => `${t.event}${t.guard ? ` [${t.guard}]` : ''}`).join(', ')}
          </span>
        )}
      </figcaption>
      <svg
        className="states-svg"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width}
        height={layout.height}
        role="group"
        aria-label={`States of ${entity}`}
      >
        <g aria-hidden="true">
          {layout.start && (
            <g className="states-start">
              <circle cx={layout.start.cx} cy={layout.start.cy} r={3.5} />
              <path className="states-line" d={layout.start.path} />
              <path className="states-head" d={layout.start.head} />
            </g>
          )}
          {layout.edges.map((edge) => {
            const current = edge.keys.some((key) => takenNow.has(key));
            const seen = edge.keys.some((key) => (firstTaken.get(key) ?? Infinity) <= takenBy);
            const defined = edge.keys.map((key) => byKey.get(key)).filter((t) => t !== undefined);
            return (
              <g
                key={edge.id}
                className={classes(
                  'transition',
                  current && 'transition-current',
                  seen && 'transition-visited',
                )}
                data-transition={edge.id}
              >
                <title>{defined.map(transitionText).join('\n')}</title>
                <path className="states-line" d={edge.path} />
                <path className="states-head" d={edge.head} />
              </g>
            );
          })}
        </g>
        {layout.states.map((s) => {
          const isCurrent = active.has(s.id);
          const entered = firstEntered.get(s.id);
          const isVisited = isCurrent || (entered !== undefined && entered <= enteredBy);
          const title =
            entered === undefined
              ? `${s.name}: not entered in this run`
              : `${s.name}: first entered ${entered === 0 ? 'at the start' : `at step ${entered}`}`;
          return (
            <g
              key={s.id}
              className={classes(
                'state',
                isCurrent && 'state-current',
                isVisited && 'state-visited',
                entered === undefined && 'state-unentered',
              )}
              data-state={s.id}
              role="button"
              tabIndex={0}
              aria-label={s.name}
              aria-current={isCurrent ? 'true' : undefined}
              aria-disabled={entered === undefined ? true : undefined}
              onClick={() => activate(s.id)}
              onKeyDown={(event) => onKey(event, s.id)}
            >
              <title>{title}</title>
              <rect x={s.x} y={s.y} width={s.width} height={s.height} rx={6} />
              <text x={s.x + s.width / 2} y={s.y + s.height / 2}>
                {s.name}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
});

function ratio(part: { visited: number; total: number }): string {
  return `${part.visited} of ${part.total}`;
}

/** How much of each machine this run visited and, on request, every preset under every procedure. */
function CoverageTable({ run }: { run: RunResult }) {
  const mine = useMemo(() => runCoverage(run), [run]);
  const [all, setAll] = useState<{ runs: number; coverage: Coverage[] } | null>(null);
  const [shown, setShown] = useState(false);
  const toggle = () => {
    if (!all) setAll(presetCoverage());
    setShown(!shown);
  };
  const every = shown ? all : null;
  const rows = (every ? every.coverage.map((c) => c.entity) : mine.map((c) => c.entity)).map((entity) => ({
    entity,
    run: mine.find((c) => c.entity === entity) ?? null,
    every: every?.coverage.find((c) => c.entity === entity) ?? null,
  }));
  return (
    <section className="states-coverage" aria-labelledby="states-coverage-heading">
      <h3 id="states-coverage-heading">Coverage of the machines</h3>
      <table>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              Entity
            </th>
            <th scope="colgroup" colSpan={2}>
              This run
            </th>
            {every && (
              <th scope="colgroup" colSpan={2}>
                Every preset
              </th>
            )}
          </tr>
          <tr>
            <th scope="col">States</th>
            <th scope="col">Transitions</th>
            {every && (
              <>
                <th scope="col">States</th>
                <th scope="col">Transitions</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.entity}>
              <th scope="row">{row.entity}</th>
              <td>{row.run ? ratio(row.run.states) : '—'}</td>
              <td>{row.run ? ratio(row.run.transitions) : '—'}</td>
              {every && row.every && (
                <>
                  <td>{ratio(row.every.states)}</td>
                  <td>{ratio(row.every.transitions)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn btn-small" aria-pressed={shown} onClick={toggle}>
        Every preset and procedure
      </button>
      {every && (
        <div className="states-missed">
          <p className="muted">
            {every.runs} runs: each preset under each procedure.{' '}
            {every.coverage.every((c) => !c.states.missed.length && !c.transitions.missed.length)
              ? 'They visit every state and every transition.'
              : 'Never visited:'}
          </p>
          <ul>
            {every.coverage
              .filter((c) => c.states.missed.length || c.transitions.missed.length)
              .map((c) => (
                <li key={c.entity}>
                  <strong>{c.entity}</strong>:{' '}
                  {[...c.states.missed.map((s) => `state ${s}`), ...c.transitions.missed].join('; ')}
                </li>
              ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/**
 * The States view (CONTRACT.md §12): one statechart per entity of the procedure, drawn from its machine, in step
 * with the sequence diagram; activating a state goes to the first step at which its entity entered it. Loaded only
 * when shown (its own chunk: the core's charts, their layout and this).
 */
export function StatesView({
  run: shown,
  step,
  onSelect,
}: {
  run: RunResult;
  step: number;
  onSelect: (step: number) => void;
}) {
  const run = useMemo(() => recordedRun(shown), [shown]);
  const tracks = useMemo(
    () => chartEntities(run).map((id: EntityId) => trackOf(run, id, statechartOf(id))),
    [run],
  );
  const boxRef = useRef<HTMLDivElement>(null);
  // The chart whose entity moved in this step is scrolled into the box's view (the box only, never the page).
  useLayoutEffect(() => {
    const box = boxRef.current;
    const moved = box?.querySelector<HTMLElement>('.states-chart:has(.transition-current)');
    if (!box || !moved) return;
    const top = moved.offsetTop - box.offsetTop;
    if (top < box.scrollTop) box.scrollTop = top;
    else if (top + moved.offsetHeight > box.scrollTop + box.clientHeight)
      box.scrollTop = top + moved.offsetHeight - box.clientHeight;
  }, [step, run]);
  return (
    <section className="states" aria-labelledby="states-heading">
      <h2 id="states-heading" className="states-heading">
        States after {step ? `step ${step}` : 'the start'}
      </h2>
      <div className="states-box" ref={boxRef}>
        {tracks.map((track) => {
          const k = Math.min(step, track.active.length - 1);
          const taken = track.taken[k] ?? [];
          const latest = (firsts: ReadonlyMap<string, number>) =>
            Math.max(-1, ...[...firsts.values()].filter((at) => at <= k));
          return (
            <Chart
              key={track.entity}
              track={track}
              current={(track.active[k] ?? []).join(' ')}
              taken={taken.join(' ')}
              enteredBy={latest(track.firstEntered)}
              takenBy={latest(track.firstTaken)}
              step={taken.length ? k : null}
              onSelect={onSelect}
            />
          );
        })}
        <CoverageTable run={run} />
      </div>
    </section>
  );
}
