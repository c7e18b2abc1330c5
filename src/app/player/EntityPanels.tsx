import { memo, useMemo, type ReactNode } from 'react';
import type { Pending } from '../../core/entities/messages';
import { ENTITIES, ENTITY_IDS, type EntityId, type EntityKind } from '../../core/model/ids';
import { involvedEntities } from '../../core/procedures';
import { sameValue, type Profile } from '../../core/model/profile';
import {
  clientContextOf,
  cmsContextOf,
  udbContextOf,
  type EntitySnapshot,
  type RunResult,
} from '../../core/engine/run';
import type { CachedProfile } from '../../core/model/schema';
import type { ValidationResult } from '../../core/model/validation';
import { ProfileList, ProfileView } from './ProfileView';
import { DownButton } from './FaultButtons';

interface Row {
  key: string;
  label: string;
  /** The row's value in a snapshot (compared between steps to mark a change). */
  read: (snapshot: EntitySnapshot) => unknown;
  render: (snapshot: EntitySnapshot) => ReactNode;
  /** Shown even when empty throughout the run. */
  always?: boolean;
}

const none = <span className="muted">none</span>;
const isEmpty = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0);

// Each entity's context, narrowed on its id: the snapshots are typed per machine (core/engine/run.ts), so no cast is needed.
const client = clientContextOf;
const cms = cmsContextOf;
const udb = udbContextOf;

/** A row that reads a value from the snapshot and shows it, or "none" when it is empty. */
function row<V>(
  key: string,
  label: string,
  read: (s: EntitySnapshot) => V | null | undefined,
  show: (value: NonNullable<V>) => ReactNode,
  always = false,
): Row {
  return {
    key,
    label,
    read,
    always,
    render: (s) => {
      const value = read(s);
      return value === null || value === undefined || isEmpty(value) ? none : show(value);
    },
  };
}

const showProfile = (v: Profile) => <ProfileView profile={v} folded />;
const showProfiles = (v: Profile[]) => <ProfileList profiles={v} folded />;
const showPending = (pending: Pending[]) => (
  <ul className="player-plain">
    {pending.map((p, i) => (
      <li key={i}>
        from {p.from}
        {p.request.partnerSystemId ? ` (partner ${p.request.partnerSystemId})` : ''}
      </li>
    ))}
  </ul>
);
const showValidation = (result: ValidationResult) =>
  result.ok ? (
    <span className="player-ok">passed</span>
  ) : (
    <span className="player-bad">
      failed: {result.violations.map((x) => `${x.message} (${x.rule})`).join('; ')}
    </span>
  );
const showCache = (cache: CachedProfile) => (
  <>
    <ProfileView profile={cache.profile} folded />
    <span className="muted">stored at {cache.storedAt}</span>
  </>
);

const STATE = row(
  'state',
  'State',
  (s) => s.state,
  (v) => <code>{String(v)}</code>,
  true,
);
const PENDING = row(
  'pending',
  'Requests in flight',
  (s) => cms(s)?.pending ?? udb(s)?.pending,
  showPending,
  true,
);

const ROWS: Record<EntityKind, Row[]> = {
  client: [
    STATE,
    row(
      'request',
      'Request sent',
      (s) => client(s)?.request,
      (r) =>
        `MC service ID ${r.serviceId}, ${r.purpose === 'migration' ? 'for migration' : 'own profiles'}` +
        (r.partnerSystemId ? `, partner ${r.partnerSystemId}` : ''),
      true,
    ),
    row('profiles', 'Profiles held', (s) => client(s)?.profiles, showProfiles, true),
    row(
      'error',
      'Error',
      (s) => client(s)?.error,
      (e) => (
        <span className="player-bad">
          from {e.from}: {e.reason}
        </span>
      ),
    ),
  ],
  cms: [
    STATE,
    PENDING,
    row('profile', 'Profile in hand', (s) => cms(s)?.profile, showProfile, true),
    row('obtained', 'Profiles obtained', (s) => cms(s)?.obtained, showProfiles),
    row('validation', 'Validation', (s) => cms(s)?.validationResult, showValidation),
    row(
      'log',
      'Logged',
      (s) => cms(s)?.log,
      (log) => (
        <ul className="player-plain">
          {log.map((entry, i) => (
            <li key={i}>{entry}</li>
          ))}
        </ul>
      ),
    ),
  ],
  udb: [
    STATE,
    PENDING,
    row('retrieved', 'Retrieved', (s) => udb(s)?.retrieved, showProfile),
    row('received', 'Received', (s) => udb(s)?.received, showProfile),
    row('modified', 'Modified', (s) => udb(s)?.modified, showProfile),
    row('stored', 'Stored', (s) => udb(s)?.stored, showProfile),
    row('cache', 'Cached', (s) => udb(s)?.cache, showCache),
    row('replaced', 'Replaced cache', (s) => udb(s)?.replaced, showCache),
  ],
};

function subtitle(snapshot: EntitySnapshot): string {
  if (snapshot.id === 'cmc') return `${snapshot.id} · ${snapshot.context.serviceId}`;
  return `${snapshot.id} · ${snapshot.context.systemId}`;
}

/** The rows of an entity's panel for a whole run: a row is shown if it has a value at any step (rows stay put). */
function rowsOf(run: RunResult, id: EntityId): Row[] {
  return ROWS[ENTITIES[id].kind].filter(
    (r) => r.always || run.snapshots.some((s) => !isEmpty(r.read(s[id]))),
  );
}

const sameSnapshot = (a: EntitySnapshot | undefined, b: EntitySnapshot | undefined) =>
  a === b || (!!a && !!b && a.state === b.state && a.context === b.context);

/** One entity's panel; stepping re-renders only the panels whose entity (or its previous state) changed. */
const EntityPanel = memo(
  function EntityPanel({
    id,
    now,
    before,
    rows,
    involved,
    run,
  }: {
    run: RunResult;
    id: EntityId;
    now: EntitySnapshot | undefined;
    before: EntitySnapshot | undefined;
    rows: Row[];
    involved: boolean;
  }) {
    if (!now) return null;
    const changed = new Set(
      rows.filter((row) => before && !sameValue(row.read(now), row.read(before))).map((r) => r.key),
    );
    const headingId = `entity-${id}`;
    return (
      <article
        className={[
          'player-entity',
          changed.size ? 'player-entity-changed' : '',
          involved ? '' : 'player-entity-uninvolved',
        ]
          .join(' ')
          .trim()}
        aria-labelledby={headingId}
      >
        <header>
          <h3 id={headingId}>{ENTITIES[id].title}</h3>
          <p className="player-entity-id">
            {subtitle(now)}
            {changed.size > 0 && <span className="badge badge-changed">changed</span>}
          </p>
          {!involved && <p className="muted">Not involved in this procedure.</p>}
          <DownButton run={run} entity={id} />
        </header>
        <dl className="player-rows">
          {rows.map((row) => (
            <div
              key={row.key}
              className={changed.has(row.key) ? 'player-row player-row-changed' : 'player-row'}
            >
              <dt>
                {row.label}
                {changed.has(row.key) && <span className="visually-hidden"> (changed)</span>}
              </dt>
              <dd>{row.render(now)}</dd>
            </div>
          ))}
        </dl>
      </article>
    );
  },
  (a, b) =>
    a.id === b.id &&
    a.rows === b.rows &&
    a.involved === b.involved &&
    a.run === b.run &&
    sameSnapshot(a.now, b.now) &&
    sameSnapshot(a.before, b.before),
);

/** One panel per entity: its state after the current step, what changed in this step highlighted. */
export function EntityPanels({ run, step }: { run: RunResult; step: number }) {
  const { involved, panels } = useMemo(() => {
    const involved = new Set<EntityId>(involvedEntities(run.procedure));
    for (const s of run.steps) {
      involved.add(s.from);
      involved.add(s.to);
    }
    // Each entity with its rows, in ENTITY_IDS order: the same arrays while the run is the same (EntityPanel's memo).
    const panels = ENTITY_IDS.map((id) => ({ id, rows: rowsOf(run, id) }));
    return { involved, panels };
  }, [run]);
  return (
    <section className="player-entities" aria-labelledby="entities-heading">
      <h2 id="entities-heading">Entities after {step ? `step ${step}` : 'the start'}</h2>
      <div className="player-entity-grid">
        {panels.map(({ id, rows }) => (
          <EntityPanel
            key={id}
            id={id}
            now={run.snapshots[step]?.[id]}
            before={step > 0 ? run.snapshots[step - 1]?.[id] : undefined}
            rows={rows}
            involved={involved.has(id)}
            run={run}
          />
        ))}
      </div>
    </section>
  );
}
