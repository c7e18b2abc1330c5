import { numberConversion } from '../editor/convert';
import { Field } from '../editor/Field';

const NUMBER = numberConversion(false);

/**
 * How late a delayed message arrives (the fault's `byMs`), beside the pressed **Delay this message**: the button
 * puts the simulator's figure, this field any other. The editor's field, so a value the schema refuses stays here
 * with its one line and changes nothing. Loaded when a message is delayed, so the first view stays as it was.
 */
export default function DelayField({ index, clauseStep }: { index: number; clauseStep: number }) {
  return (
    <div className="player-fault-delay">
      <Field
        label={`Delay of step ${String(clauseStep)}, ms (byMs)`}
        path={['faults', index, 'byMs']}
        conversion={NUMBER}
        numeric
      />
    </div>
  );
}
