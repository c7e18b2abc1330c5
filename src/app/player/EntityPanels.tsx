import { memo, useMemo, type ReactNode } from 'react';
import type { ClientContext } from '../../core/entities/clientMachine';
import type { CmsContext } from '../../core/entities/cmsMachine';
import type { Pending } from '../../core/entities/messages';
import type { UdbContext } from '../../core/entities/udbMachine';
import { ENTITIES, ENTITY_IDS, type EntityId } from '../../core/ids';
import { getProcedure } from '../../core/procedures';
import { sameValue, type Profile } from '../../core/profile';
import type { EntitySnapshot, RunResult } from '../../core/run';
import type { CachedProfile } from '../../core/schema';
import type { ValidationResult } from '../../core/validation';
import { ProfileList, ProfileView } from './ProfileView';

interface Row {
  key: string;
  label: string;
  read: (snapshot: EntitySnapshot) => unknown;
  show: (value: unknown) => ReactNode;
  /** Shown even when empty throughout the run. */
  always?: boolean;
}

const none = <span className="empty">none</span>;
const ctx = <T,>(s: EntitySnapshot) => s.context as T;

const showProfile = (v: unknown) => (v ? <ProfileView profile={v as Profile} folded /> : none);
const showProfiles = (v: unknown) => <ProfileList profiles={(v as Profile[]) ?? []} folded />;
const showPending = (v: unknown) => {
  const pending = (v as Pending[]) ?? [];
  if (!pending.length) return none;
  return (
    <ul className="plain">
      {pending.map((p, i) => (
        <li key={i}>
          from {p.from}
          {p.request.partnerSystemId ? ` (partner ${p.request.partnerSystemId})` : ''}
        </li>
      ))}
    </ul>
  );
};
const showValidation = (v: unknown) => {
  const result = v as ValidationResult | null;
  if (!result) return none;
  if (result.ok) return <span className="ok">passed</span>;
  return (
    <span className="bad">failed: {result.violations.map((x) => `${x.message} (${x.rule})`).join('; ')}</span>
  );
};
const showCache = (v: unknown) => {
  const cache = v as CachedProfile | null;
  if (!cache) return none;
  return (
    <>
      <ProfileView profile={cache.profile} folded />
      <span className="muted">stored at {cache.storedAt}</span>
    </>
  );
};

const STATE: Row = {
  key: 'state',
  label: 'State',
  read: (s) => s.state,
  show: (v) => <code>{String(v)}</code>,
  always: true,
};
const PENDING: Row = {
  key: 'pending',
  label: 'Requests in flight',
  read: (s) => ctx<CmsContext | UdbContext>(s).pending,
  show: showPending,
  always: true,
};

const ROWS: Record<EntitySnapshot['kind'], Row[]> = {
  client: [
    STATE,
    {
      key: 'request',
      label: 'Request sent',
      read: (s) => ctx<ClientContext>(s).request,
      show: (v) => {
        const r = v as ClientContext['request'];
        if (!r) return none;
        return `MC service ID ${r.serviceId}${r.partnerSystemId ? `, partner ${r.partnerSystemId}` : ', not migrating'}`;
      },
      always: true,
    },
    {
      key: 'profiles',
      label: 'Profiles held',
      read: (s) => ctx<ClientContext>(s).profiles,
      show: showProfiles,
      always: true,
    },
    {
      key: 'error',
      label: 'Error',
      read: (s) => ctx<ClientContext>(s).error,
      show: (v) => {
        const e = v as ClientContext['error'];
        return e ? (
          <span className="bad">
            from {e.from}: {e.reason}
          </span>
        ) : (
          none
        );
      },
    },
  ],
  cms: [
    STATE,
    PENDING,
    {
      key: 'profile',
      label: 'Profile in hand',
      read: (s) => ctx<CmsContext>(s).profile,
      show: showProfile,
      always: true,
    },
    {
      key: 'obtained',
      label: 'Profiles obtained',
      read: (s) => ctx<CmsContext>(s).obtained,
      show: showProfiles,
    },
    {
      key: 'validation',
      label: 'Validation',
      read: (s) => ctx<CmsContext>(s).validationResult,
      show: showValidation,
    },
  ],
  udb: [
    STATE,
    PENDING,
    { key: 'retrieved', label: 'Retrieved', read: (s) => ctx<UdbContext>(s).retrieved, show: showProfile },
    { key: 'received', label: 'Received', read: (s) => ctx<UdbContext>(s).received, show: showProfile },
    { key: 'modified', label: 'Modified', read: (s) => ctx<UdbContext>(s).modified, show: showProfile },
    { key: 'stored', label: 'Stored', read: (s) => ctx<UdbContext>(s).stored, show: showProfile },
    { key: 'cache', label: 'Cached', read: (s) => ctx<UdbContext>(s).cache, show: showCache },
    { key: 'replaced', label: 'Replaced cache', read: (s) => ctx<UdbContext>(s).replaced, show: showCache },
  ],
};

const isEmpty = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0);

function subtitle(id: EntityId, snapshot: EntitySnapshot): string {
  if (snapshot.kind === 'client') return `${id} · ${snapshot.context.serviceId}`;
  return `${id} · ${snapshot.context.systemId}`;
}

/** The rows of an entity's panel for a whole run: a row is shown if it has a value at any step (rows stay put). */
function rowsOf(run: RunResult, id: EntityId): Row[] {
  const first = run.snapshots[0]?.[id];
  if (!first) return [];
  return ROWS[first.kind].filter((row) => row.always || run.snapshots.some((s) => !isEmpty(row.read(s[id]))));
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
  }: {
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
        className={['entity', changed.size ? 'changed' : '', involved ? '' : 'uninvolved'].join(' ').trim()}
        aria-labelledby={headingId}
      >
        <header>
          <h3 id={headingId}>{ENTITIES[id].title}</h3>
          <p className="entity-id">
            {subtitle(id, now)}
            {changed.size > 0 && <span className="badge badge-changed">changed</span>}
          </p>
          {!involved && <p className="muted">Not involved in this procedure.</p>}
        </header>
        <dl className="rows">
          {rows.map((row) => (
            <div key={row.key} className={changed.has(row.key) ? 'row changed' : 'row'}>
              <dt>
                {row.label}
                {changed.has(row.key) && <span className="visually-hidden"> (changed)</span>}
              </dt>
              <dd>{isEmpty(row.read(now)) ? none : row.show(row.read(now))}</dd>
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
    sameSnapshot(a.now, b.now) &&
    sameSnapshot(a.before, b.before),
);

/** One panel per entity: its state after the current step, what changed in this step highlighted. */
export function EntityPanels({ run, step }: { run: RunResult; step: number }) {
  const { involved, rows } = useMemo(() => {
    const involved = new Set<EntityId>(['cmc']);
    for (const s of [...getProcedure(run.procedure).steps, ...run.steps]) {
      involved.add(s.from);
      involved.add(s.to);
    }
    const rows = Object.fromEntries(ENTITY_IDS.map((id) => [id, rowsOf(run, id)])) as Record<EntityId, Row[]>;
    return { involved, rows };
  }, [run]);
  return (
    <section className="entities" aria-labelledby="entities-heading">
      <h2 id="entities-heading">Entities after {step ? `step ${step}` : 'the start'}</h2>
      <div className="entity-grid">
        {ENTITY_IDS.map((id) => (
          <EntityPanel
            key={id}
            id={id}
            now={run.snapshots[step]?.[id]}
            before={step > 0 ? run.snapshots[step - 1]?.[id] : undefined}
            rows={rows[id]}
            involved={involved.has(id)}
          />
        ))}
      </div>
    </section>
  );
}
