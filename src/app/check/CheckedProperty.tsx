import { useEffect } from 'react';
import { PROPERTIES, type Property } from '../../core/explore/properties';
import type { ProcedureId } from '../../core/model/ids';
import { sameValue } from '../../core/model/profile';
import type { Scenario } from '../../core/model/scenario';
import type { Fault } from '../../core/model/schema';
import { useApp } from '../store';

const PARAM = 'property';

/**
 * What the checker's address opened, once per page load (the note is mounted again when the player comes back from
 * another mode): its property, and the run (scenario and procedure) that breaks it.
 */
let opened: { property: Property | null; scenario: Scenario; procedure: ProcedureId } | null = null;

/** The address with `property` while the page shows the checker's run, and without it otherwise (a shared link or a
 * reload of an edited run must not call it a counterexample); Undo back to the run puts it back. */
function keepProperty(id: string, shown: boolean): void {
  const params = new URLSearchParams(window.location.search);
  if ((params.get(PARAM) === id) === shown) return;
  if (shown) params.set(PARAM, id);
  else params.delete(PARAM);
  const search = params.toString();
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`,
  );
}

/**
 * The player's note of a counterexample opened from the checker's page (`&property=<id>`, ./checkUrl.ts): the
 * property's statement, and the faults the run uses (its scenario's). In the first view's bundle: it imports the
 * properties' words, not the checker.
 */
export function CheckedProperty() {
  const scenario = useApp((s) => s.scenario);
  const procedure = useApp((s) => s.procedure);
  opened ??= {
    property: PROPERTIES.find((p) => p.id === new URLSearchParams(window.location.search).get(PARAM)) ?? null,
    scenario,
    procedure,
  };
  const { property } = opened;
  // After an edit or another procedure the page shows another run, and the note says so rather than describing a
  // run that is no longer on the page (Undo, or the procedure again, brings the same run back).
  const same = procedure === opened.procedure && sameValue(scenario, opened.scenario);
  useEffect(() => {
    if (property) keepProperty(property.id, same);
  }, [property, same]);
  const faults = scenario.faults;
  if (!property) return null;
  if (!same)
    return (
      <div className="checked-property" role="note" aria-label="Checked property">
        <p>
          The scenario or the procedure has changed since the checker&apos;s run that breaks{' '}
          <code>{property.id}</code>: the page shows another run (Undo, or the procedure {opened.procedure},
          goes back to the checker&apos;s).
        </p>
      </div>
    );
  const used = (faults ?? []).filter((f) => f.kind !== 'delay');
  const delays = (faults ?? []).length - used.length;
  return (
    <div className="checked-property" role="note" aria-label="Checked property">
      <p>
        A run that breaks the property <code>{property.id}</code> (the simulator&apos;s checker):{' '}
        {property.statement}
      </p>
      <p>
        Faults it uses: {used.length ? used.map(faultText).join('; ') : 'none'}
        {delays
          ? ` (and ${String(delays)} delay${delays === 1 ? '' : 's'} that bring each message at its turn)`
          : ''}
        .
      </p>
    </div>
  );
}

function faultText(f: Fault): string {
  return `${f.kind} of step ${String(f.step)}${f.nth !== undefined ? ` (send ${String(f.nth)})` : ''}`;
}
