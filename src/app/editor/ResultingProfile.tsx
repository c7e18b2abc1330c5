import { download } from '../download';
import { profileDocuments } from './file';
import { useEffect, useId, useRef } from 'react';
import type { Change } from '../../core/model/policy';
import type { Profile } from '../../core/model/profile';
import type { RunResult } from '../../core/engine/run';
import { useApp } from '../store';
import { useRun } from '../useRun';
import { diffProfiles, sentProfile, showValue, type FieldDiff, type ItemMark } from './resultDiff';

function Rule({ name }: { name: string | null }) {
  if (!name) return null;
  return (
    <span className="editor-rule">
      <span className="visually-hidden">rule </span>
      {name}
    </span>
  );
}

function Item({ mark }: { mark: ItemMark }) {
  if (mark.status === 'kept') return <li>{mark.item}</li>;
  const Tag = mark.status === 'added' ? 'ins' : 'del';
  return (
    <li className={mark.status}>
      <Tag>
        <span className="visually-hidden">{mark.status}: </span>
        {mark.item}
      </Tag>{' '}
      <Rule name={mark.rule} />
    </li>
  );
}

function Items({ marks }: { marks: ItemMark[] | null }) {
  if (marks === null) return <span className="editor-absent">(absent)</span>;
  if (marks.length === 0) return <span className="editor-absent">(empty list)</span>;
  return (
    <ul className="editor-items">
      {marks.map((m) => (
        <Item key={m.item} mark={m} />
      ))}
    </ul>
  );
}

function Plain({ value }: { value: unknown }) {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return <Items marks={value.map((item: string) => ({ item, status: 'kept', rule: null }))} />;
  }
  return <span className={value === undefined ? 'editor-absent' : undefined}>{showValue(value)}</span>;
}

function DiffRow({ diff }: { diff: FieldDiff }) {
  if (diff.kind === 'same') {
    return (
      <tr>
        <th scope="row">{diff.field}</th>
        <td>
          <Plain value={diff.value} />
        </td>
        <td>
          <Plain value={diff.value} />
        </td>
      </tr>
    );
  }
  const rules = diff.rules.length ? diff.rules : [null];
  if (diff.kind === 'list') {
    return (
      <tr className="editor-row-changed">
        <th scope="row">{diff.field}</th>
        <td>
          <Items marks={diff.before} />
        </td>
        <td>
          <Items marks={diff.after} />
          {(diff.before === null || diff.after === null) && rules.map((r) => <Rule key={r} name={r} />)}
        </td>
      </tr>
    );
  }
  return (
    <tr className="editor-row-changed">
      <th scope="row">{diff.field}</th>
      <td>
        <del>
          <span className="visually-hidden">before: </span>
          {showValue(diff.before)}
        </del>
      </td>
      <td>
        <ins>
          <span className="visually-hidden">after: </span>
          {showValue(diff.after)}
        </ins>{' '}
        {rules.map((r) => (
          <Rule key={r} name={r} />
        ))}
      </td>
    </tr>
  );
}

/** One line per change: `priority: 7 → 3 (rule maxPriority)`, lists as the items removed and added. */
export function describeChange(change: Change): string {
  // A field that was absent is `null` before (JSON has no undefined).
  const before = change.before ?? undefined;
  const { after } = change;
  if (Array.isArray(after) && (before === undefined || Array.isArray(before))) {
    const was: unknown[] = before ?? [];
    const removed = was.filter((i) => !after.includes(i)).map((i) => `−${showValue(i)}`);
    const added = after.filter((i) => !was.includes(i)).map((i) => `+${showValue(i)}`);
    const items = [...removed, ...added].join(', ');
    return `${change.field}: ${items || `${showValue(before)} → ${showValue(after)}`}`;
  }
  return `${change.field}: ${showValue(before)} → ${showValue(after)}`;
}

function Compared({ sent, result, changes }: { sent: Profile; result: Profile; changes: Change[] }) {
  const captionId = useId();
  return (
    <>
      <h3 className="editor-changes-title">Changes by the partner’s local policy</h3>
      {changes.length ? (
        <ul className="editor-changes" aria-label="Changes">
          {changes.map((c, i) => (
            <li key={i}>
              {describeChange(c)} <Rule name={c.rule} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None: the policy left the profile as it was.</p>
      )}
      <table className="editor-profile-diff" aria-labelledby={captionId}>
        <caption id={captionId}>
          Profile {result.index}
          {result.name ? ` “${result.name}”` : ''}: as the primary sent it, and as the client ends with it
        </caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Sent by the primary</th>
            <th scope="col">Client ends with</th>
          </tr>
        </thead>
        <tbody>
          {diffProfiles(sent, result, changes).map((d) => (
            <DiffRow key={d.field} diff={d} />
          ))}
        </tbody>
      </table>
    </>
  );
}

function Single({ profile }: { profile: Profile }) {
  const captionId = useId();
  return (
    <table className="editor-profile-diff editor-profile-diff-single" aria-labelledby={captionId}>
      <caption id={captionId}>
        Profile {profile.index}
        {profile.name ? ` “${profile.name}”` : ''}
      </caption>
      <tbody>
        {Object.entries(profile)
          .filter(([, v]) => v !== undefined)
          .map(([field, value]) => (
            <tr key={field}>
              <th scope="row">{field}</th>
              <td>
                <Plain value={value} />
              </td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

function Rejected({ run }: { run: RunResult }) {
  const violations = run.validation && !run.validation.ok ? run.validation.violations : [];
  return (
    <div className="editor-result-error">
      <EndLine title="Rejected" run={run} />
      {violations.length > 0 && (
        <>
          <p>The primary’s validation (step 11) failed:</p>
          <ul aria-label="Violated rules">
            {violations.map((v) => (
              <li key={v.rule}>
                <Rule name={v.rule} /> {v.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** How a run that gave the client no profile ended: where and why (the core's error), or that it holds none. */
function EndLine({ title, run }: { title: string; run: RunResult }) {
  return (
    <p>
      <strong>{title}</strong>
      {run.error ? (
        <>
          {' '}
          at step {run.error.number}: {run.error.reason}
        </>
      ) : (
        ': the client holds no profile.'
      )}
    </p>
  );
}

/** `failed` and `no-answer` (CONTRACT.md §10): a fault or a timer ended the run; its reason is the core's. */
function Unfinished({ run }: { run: RunResult }) {
  return (
    <div className="editor-result-error">
      <EndLine title={run.outcome === 'failed' ? 'Failed' : 'No answer'} run={run} />
    </div>
  );
}

function Outcome({ run }: { run: RunResult }) {
  if (run.outcome === 'rejected') return <Rejected run={run} />;
  if (run.outcome === 'failed' || run.outcome === 'no-answer') return <Unfinished run={run} />;
  const sent = sentProfile(run);
  const [result] = run.profiles;
  if (sent && result && run.profiles.length === 1)
    return <Compared sent={sent} result={result} changes={run.changes} />;
  return (
    <>
      <p className="muted">
        The client holds {run.profiles.length} profile{run.profiles.length === 1 ? '' : 's'}, as the primary
        keeps {run.profiles.length === 1 ? 'it' : 'them'}.
      </p>
      {run.profiles.map((p) => (
        <Single key={p.index} profile={p} />
      ))}
    </>
  );
}

/**
 * Beside the player the Resulting profile stays at the top of the editor while the form scrolls under it (editor.css):
 * its height, kept in `--editor-result-height` on the editor's scroller, is the scroller's `scroll-padding-top`, so
 * that a field reached with the keyboard (Shift+Tab) is scrolled into view below it, not hidden under it (WCAG 2.2
 * 2.4.11, focus not obscured).
 */
function useStickyClearance() {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const section = ref.current;
    const scroller = section?.closest<HTMLElement>('.app-editor');
    if (!section || !scroller || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      scroller.style.setProperty('--editor-result-height', `${section.getBoundingClientRect().height}px`);
    });
    observer.observe(section);
    return () => {
      observer.disconnect();
      scroller.style.removeProperty('--editor-result-height');
    };
  }, []);
  return ref;
}

/** CONTRACT.md §4: the profile the client ends with, every change naming its rule, or the error of a rejected run. */
export function ResultingProfile() {
  const headingId = useId();
  const { run, ignoredFaults } = useRun();
  const ref = useStickyClearance();
  return (
    <section ref={ref} className="editor-result" aria-labelledby={headingId}>
      <h2 id={headingId}>Resulting profile</h2>
      <p className="muted">
        {run.procedure}: {run.outcome === 'no-answer' ? 'no answer' : run.outcome}
      </p>
      {ignoredFaults.length > 0 && (
        <p className="muted">
          Left out of this procedure's run (it cannot take them): {ignoredFaults.join('; ')}.
        </p>
      )}
      <Outcome run={run} />
      {run.profiles.length > 0 && (
        <button
          type="button"
          className="btn"
          onClick={() => {
            profileDocuments(run.profiles)
              .then((text) => download(`${run.procedure}-resulting-profile.xml`, text, 'application/xml'))
              .catch((error: unknown) => {
                const reason = error instanceof Error ? error.message : String(error);
                useApp.getState().notify(`The resulting profile (XML) could not be made: ${reason}.`);
              });
          }}
        >
          Download resulting profile (XML)
        </button>
      )}
    </section>
  );
}
