import type { Change } from '../../core/model/policy';
import { sameValue, type Profile } from '../../core/model/profile';
import { ENTITIES } from '../../core/model/ids';
import { REFERENCE_POINTS } from '../../core/model/referencePoints';
import { cmsContextOf, udbContextOf, type RunResult, type TraceStep } from '../../core/engine/run';
import { formatValue, route, stepHeading } from './format';
import { MessageFaultButtons } from './FaultButtons';
import { fieldLabel, profileFields, ProfileList, ProfileView } from './ProfileView';

function Changes({ changes }: { changes: readonly Change[] }) {
  if (!changes.length) return <p className="muted">The local policy changed nothing.</p>;
  return (
    <ul className="player-change-list">
      {changes.map((c, i) => (
        <li key={i}>
          <strong>{fieldLabel(c.field)}</strong>: {formatValue(c.before)} → {formatValue(c.after)}{' '}
          <span className="player-policy-rule">rule {c.rule}</span>
        </li>
      ))}
    </ul>
  );
}

/** The modify step: the profile as received and as modified, field by field, with the rules that changed it. */
function BeforeAfter({
  before,
  after,
  changes,
}: {
  before: Profile;
  after: Profile;
  changes: readonly Change[];
}) {
  const fields = [...new Set([...profileFields(before), ...profileFields(after)])];
  return (
    <>
      <table className="player-diff">
        <caption>
          Profile {`#${after.index}`}: received from the primary, and after the partner's local policy
        </caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Before (received)</th>
            <th scope="col">After (modified)</th>
            <th scope="col">Rule</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => {
            const changed = !sameValue(before[field], after[field]);
            const rules = changes.filter((c) => c.field === field).map((c) => c.rule);
            return (
              <tr key={field} className={changed ? 'player-diff-changed' : undefined}>
                <th scope="row">{fieldLabel(field)}</th>
                <td>{formatValue(before[field])}</td>
                <td>{formatValue(after[field])}</td>
                <td>{rules.join(', ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>Changes</h3>
      <Changes changes={changes} />
    </>
  );
}

function Payload({ step, run }: { step: TraceStep; run: RunResult }) {
  const m = step.message;
  const self = run.snapshots[step.n]?.[step.from];
  const udb = self ? udbContextOf(self) : null;
  const cms = self ? cmsContextOf(self) : null;
  switch (m.type) {
    case 'profile.request':
      return (
        <dl className="player-rows">
          <div className="player-row">
            <dt>MC service ID</dt>
            <dd>{m.request.serviceId}</dd>
          </div>
          <div className="player-row">
            <dt>Asks for</dt>
            <dd>
              {m.request.purpose === 'migration' ? 'the profile for migration' : "the user's own profiles"}
            </dd>
          </div>
          <div className="player-row">
            <dt>Partner MC system</dt>
            <dd>
              {m.request.partnerSystemId ?? (
                <span className="muted">
                  {m.request.purpose === 'migration'
                    ? 'not identified (the clause does not say this request includes it)'
                    : 'none (not migrating)'}
                </span>
              )}
            </dd>
          </div>
        </dl>
      );
    case 'profile.provide':
      return (
        <>
          <h3>{m.profiles.length === 1 ? 'Profile carried' : `Profiles carried (${m.profiles.length})`}</h3>
          <ProfileList profiles={m.profiles} />
          {m.changes && m.changes.length > 0 && (
            <>
              <h3>Changes made by the partner's local policy</h3>
              <Changes changes={m.changes} />
            </>
          )}
        </>
      );
    case 'profile.stored':
      return <p>Acknowledgement: the profile is stored.</p>;
    case 'timer.fire':
      return (
        <p>
          Its own timer fired after {m.afterMs} ms: it stops waiting for the answer.{' '}
          <span className="muted">(The simulator's assumption: the clauses give no timers.)</span>
        </p>
      );
    case 'profile.error':
      return (
        <>
          <p className="player-bad">Error: {m.reason}</p>
          {m.violations && !m.violations.ok && (
            <ul className="player-change-list">
              {m.violations.violations.map((v, i) => (
                <li key={i}>
                  {v.message} <span className="player-policy-rule">rule {v.rule}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      );
    case 'udb.modify': {
      const c = udb;
      if (!c?.received || !c.modified) return null;
      return <BeforeAfter before={c.received} after={c.modified} changes={c.changes} />;
    }
    case 'udb.retrieve': {
      const c = udb;
      return (
        <>
          <h3>Retrieved profile for migration</h3>
          {c?.retrieved ? <ProfileView profile={c.retrieved} /> : <p className="muted">none</p>}
        </>
      );
    }
    case 'udb.store': {
      const c = udb;
      return (
        <>
          <h3>Stored profile</h3>
          {c?.stored ? <ProfileView profile={c.stored} /> : <p className="muted">none</p>}
          {c?.replaced && (
            <p className="muted">
              Replaces the cached profile {`#${c.replaced.profile.index}`} stored at {c.replaced.storedAt}.
            </p>
          )}
        </>
      );
    }
    case 'cms.obtain': {
      const c = cms;
      return (
        <>
          <h3>Profiles obtained</h3>
          <ProfileList profiles={c?.obtained ?? []} />
        </>
      );
    }
    case 'cms.validate': {
      const c = cms;
      const result = c?.validationResult;
      if (!result) return null;
      return result.ok ? (
        <p className="player-ok">Validation passed.</p>
      ) : (
        <>
          <p className="player-bad">
            Validation failed{step.log.length ? ' (logged; processing continues in step 12)' : ''}:
          </p>
          <ul className="player-change-list">
            {result.violations.map((v, i) => (
              <li key={i}>
                {v.message} <span className="player-policy-rule">rule {v.rule}</span>
              </li>
            ))}
          </ul>
        </>
      );
    }
  }
}

/** The current step's message: type, sender, receiver and what it carries. */
export function MessagePanel({ run, step }: { run: RunResult; step: number }) {
  const current = run.steps[step - 1];
  return (
    <section className="player-message panel" aria-labelledby="message-heading">
      <h2 id="message-heading">Current message</h2>
      {!current ? (
        <p className="muted">Before step 1: nothing has been sent yet.</p>
      ) : (
        <>
          <p className="player-message-route">
            {stepHeading(current)}
            {current.kind === 'error' && <span className="badge badge-error">Error</span>}
            {current.assumption && <span className="badge badge-assumption">Simulator assumption</span>}
          </p>
          <dl className="player-rows">
            <div className="player-row">
              <dt>Type</dt>
              <dd>
                <code>{current.message.type}</code> ({current.kind === 'action' ? 'own action' : current.kind}
                )
              </dd>
            </div>
            <div className="player-row">
              <dt>From → to</dt>
              <dd>{route(current.from, current.to)}</dd>
            </div>
            {current.referencePoint && (
              <div className="player-row">
                <dt>Reference point</dt>
                <dd>
                  {current.referencePoint}{' '}
                  <span className="muted">
                    ({REFERENCE_POINTS[current.referencePoint].between}; named in{' '}
                    {REFERENCE_POINTS[current.referencePoint].source}, not in the clause)
                  </span>
                </dd>
              </div>
            )}
            <div className="player-row">
              <dt>Summary</dt>
              <dd>{current.label}</dd>
            </div>
          </dl>
          <MessageFaultButtons step={current} />
          <Payload step={current} run={run} />
          {current.log.map((entry, i) => (
            <p key={i} className="player-message-log">
              <strong>Logged by {ENTITIES[current.from].title}:</strong> {entry}
            </p>
          ))}
          {current.also.map((side, i) => (
            <p key={i} className="player-also">
              Also in this step: {route(side.from, side.to)}: {side.label} (<code>{side.message.type}</code>)
            </p>
          ))}
        </>
      )}
    </section>
  );
}
