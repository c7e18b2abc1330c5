import { useState } from 'react';
import { PROPERTIES, type Property } from '../../core/explore/properties';
import type { Fault } from '../../core/model/schema';
import { useApp } from '../store';

/**
 * The player's note of a counterexample opened from the checker's page (`&property=<id>`, ./checkUrl.ts): the
 * property's statement, and the faults the run uses (its scenario's). In the first view's bundle: it imports the
 * properties' words, not the checker.
 */
export function CheckedProperty() {
  const [property] = useState<Property | null>(() => {
    const raw = new URLSearchParams(window.location.search).get('property');
    return PROPERTIES.find((p) => p.id === raw) ?? null;
  });
  const scenario = useApp((s) => s.scenario);
  // The run the checker found is the scenario the address opened; after an edit the page shows another run, and the
  // note says so rather than describing a run that is no longer on the page (Undo brings the same object back).
  const [opened] = useState(scenario);
  const faults = scenario.faults;
  if (!property) return null;
  if (scenario !== opened)
    return (
      <div className="checked-property" role="note" aria-label="Checked property">
        <p>
          The scenario has changed since the checker&apos;s run that breaks <code>{property.id}</code>: the
          page shows the edited scenario&apos;s run (Undo goes back to the checker&apos;s).
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
