import { lazy, Suspense } from 'react';
import {
  delayIndex,
  downButton,
  MESSAGE_FAULT_KINDS,
  messageFaultButtons,
  PAGE_DELAY_MS,
  toggleDown,
  toggleMessageFault,
  type FaultButtonState,
  type MessageFaultKind,
} from '../../core/engine/faultEdit';
import type { RunResult, TraceStep } from '../../core/engine/run';
import type { EntityId } from '../../core/model/ids';
import { useApp } from '../store';

const DelayField = lazy(() => import('./DelayField'));

const NAMES: Record<MessageFaultKind, string> = {
  drop: 'Drop this message',
  delay: 'Delay this message',
  duplicate: 'Duplicate this message',
};

const WHAT: Record<MessageFaultKind, string> = {
  drop: 'it never arrives',
  delay: `it arrives late (${PAGE_DELAY_MS} ms at first; the field beside it sets how late)`,
  duplicate: 'it arrives twice',
};

function FaultButton({
  name,
  state,
  title,
  onPress,
}: {
  name: string;
  state: FaultButtonState;
  title: string;
  onPress: () => void;
}) {
  return (
    <button
      type="button"
      className="btn player-fault-button"
      aria-pressed={state.pressed}
      disabled={state.disabled}
      title={state.why ? `${title} (unavailable: ${state.why})` : title}
      onClick={onPress}
    >
      {name}
    </button>
  );
}

/**
 * The message panel's fault buttons (CONTRACT.md §10): each an undoable edit of the scenario, so it travels in the
 * link; pressed while its fault is in force; disabled where it would change nothing (core/engine/faultEdit.ts).
 */
export function MessageFaultButtons({ step }: { step: TraceStep }) {
  const scenario = useApp((s) => s.scenario);
  const buttons = messageFaultButtons(scenario, step);
  if (!buttons || step.clauseStep === null) return null;
  const clauseStep = step.clauseStep;
  const delayed = buttons.delay.pressed ? delayIndex(scenario, clauseStep) : -1;
  return (
    <div className="player-fault-buttons" role="group" aria-label="Faults on this message">
      {MESSAGE_FAULT_KINDS.map((kind) => (
        <FaultButton
          key={kind}
          name={NAMES[kind]}
          state={buttons[kind]}
          title={`A fault of the simulator's (the clauses give none): the message of step ${clauseStep} ${WHAT[kind]}`}
          onPress={() => {
            const { scenario: now, setScenario } = useApp.getState();
            setScenario(toggleMessageFault(now, kind, clauseStep));
          }}
        />
      ))}
      {delayed >= 0 && (
        <Suspense fallback={null}>
          {/* One field per delayed message: a refused value typed at one is not shown at another. */}
          <DelayField
            key={`${String(clauseStep)}:${String(delayed)}`}
            index={delayed}
            clauseStep={clauseStep}
          />
        </Suspense>
      )}
    </div>
  );
}

/** An entity panel's **Take down** (pressed: **Bring back up**): the entity receives and sends nothing. */
export function DownButton({ run, entity }: { run: RunResult; entity: EntityId }) {
  const scenario = useApp((s) => s.scenario);
  const state = downButton(scenario, run, entity);
  return (
    <FaultButton
      name={state.pressed ? 'Bring back up' : 'Take down'}
      state={state}
      title={`A fault of the simulator's (the clauses give none): ${entity} receives and sends nothing`}
      onPress={() => {
        const { scenario: now, setScenario } = useApp.getState();
        setScenario(toggleDown(now, entity));
      }}
    />
  );
}
