import { useId } from 'react';
import { DEFAULT_TIMING } from '../../core/engine/schedule';
import { ENTITY_IDS } from '../../core/model/ids';
import type { ReferencePoint } from '../../core/model/referencePoints';
import { Field } from './Field';
import { numberConversion } from './convert';

const REFERENCE_POINT_IDS: readonly ReferencePoint[] = ['CSC-4', 'CSC-13', 'CSC-17'];
const OPTIONAL_NUMBER = numberConversion(true);

/**
 * The scenario's `timing` (CONTRACT.md §10): latencies, action time, each entity's timer, the client's retries. The
 * clauses give no figure of time: every figure here is the simulator's own, and an empty field takes its default.
 */
export function TimingSection() {
  const noteId = useId();
  return (
    <fieldset aria-describedby={noteId}>
      <legend>Timing</legend>
      <p id={noteId} className="hint">
        The simulator's own figures, in ms: the clauses give no time, no timers and no retries. An empty field
        takes the simulator's default (shown in its label); an entity without a timeout waits for ever.
      </p>
      {REFERENCE_POINT_IDS.map((point) => (
        <Field
          key={point}
          label={`Latency over ${point} (default ${DEFAULT_TIMING.latencyMs[point]} ms)`}
          path={['timing', 'latencyMs', point]}
          conversion={OPTIONAL_NUMBER}
          numeric
        />
      ))}
      <Field
        label={`Own action time (actionMs, default ${DEFAULT_TIMING.actionMs} ms)`}
        path={['timing', 'actionMs']}
        conversion={OPTIONAL_NUMBER}
        numeric
      />
      {ENTITY_IDS.map((entity) => (
        <Field
          key={entity}
          label={`Timeout of ${entity} (timeoutMs, none by default)`}
          path={['timing', 'timeoutMs', entity]}
          conversion={OPTIONAL_NUMBER}
          numeric
        />
      ))}
      <Field
        label={`Retries of the client (retries, default ${DEFAULT_TIMING.retries})`}
        path={['timing', 'retries']}
        conversion={OPTIONAL_NUMBER}
        numeric
      />
    </fieldset>
  );
}
