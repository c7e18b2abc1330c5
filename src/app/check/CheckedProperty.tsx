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
  const faults = useApp((s) => s.scenario.faults);
  if (!property) return null;
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
