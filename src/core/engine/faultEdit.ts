/**
 * The page's fault buttons as edits of the scenario (CONTRACT.md §10): Drop, Delay and Duplicate a message, Take
 * down and Bring back up an entity. Pure: each edit returns a new scenario (the store keeps it undoable and the link
 * carries it), and whether a button is pressed or would change nothing is decided here, once, for every face.
 */
import { getProcedure } from '../procedures';
import type { EntityId, ProcedureId } from '../model/ids';
import { LIMITS } from '../model/limits';
import type { Fault, Scenario } from '../model/schema';
import type { RunResult, TraceStep } from './run';
import { faultLine, faultProblems } from './schedule';

/** How late **Delay this message** makes a message arrive: the simulator's own figure (the clauses give none). */
export const PAGE_DELAY_MS = 5000;

export type MessageFaultKind = 'drop' | 'delay' | 'duplicate';
export const MESSAGE_FAULT_KINDS: readonly MessageFaultKind[] = ['drop', 'delay', 'duplicate'];

/** A fault button's state: pressed while its fault is in force; disabled (with why) where it would change nothing. */
export interface FaultButtonState {
  pressed: boolean;
  disabled: boolean;
  why: string | null;
}

const faultsOf = (scenario: Scenario): readonly Fault[] => scenario.faults ?? [];

const withFaults = (scenario: Scenario, faults: Fault[]): Scenario => {
  const next: Scenario = { ...scenario, faults };
  if (!faults.length) delete next.faults;
  return next;
};

const full = (scenario: Scenario) => faultsOf(scenario).length >= LIMITS.faults;

/** The clause step a trace step's message is, if a message fault can name it (a message the clause numbers). */
export const faultableStep = (step: TraceStep): number | null =>
  step.kind === 'message' && step.clauseStep !== null ? step.clauseStep : null;

/** Whether a fault of this kind on this clause step is in force. */
export const hasMessageFault = (scenario: Scenario, kind: MessageFaultKind, clauseStep: number): boolean =>
  faultsOf(scenario).some((f) => f.kind === kind && f.step === clauseStep);

/** The state of each message button on a step; null for a step no message fault can name (an own action, a timer). */
export function messageFaultButtons(
  scenario: Scenario,
  step: TraceStep,
): Record<MessageFaultKind, FaultButtonState> | null {
  const clauseStep = faultableStep(step);
  if (clauseStep === null) return null;
  const dropped = hasMessageFault(scenario, 'drop', clauseStep);
  const state = (kind: MessageFaultKind): FaultButtonState => {
    const pressed = hasMessageFault(scenario, kind, clauseStep);
    if (pressed) return { pressed, disabled: false, why: null };
    if (kind !== 'drop' && dropped)
      return { pressed, disabled: true, why: 'the message is dropped: it never arrives' };
    if (full(scenario))
      return { pressed, disabled: true, why: `the scenario holds ${LIMITS.faults} faults, the most it may` };
    return { pressed, disabled: false, why: null };
  };
  return { drop: state('drop'), delay: state('delay'), duplicate: state('duplicate') };
}

/** The scenario with the fault added, or (when one is in force) every such fault on that step removed. */
export function toggleMessageFault(scenario: Scenario, kind: MessageFaultKind, clauseStep: number): Scenario {
  const faults = faultsOf(scenario);
  if (hasMessageFault(scenario, kind, clauseStep))
    return withFaults(
      scenario,
      faults.filter((f) => !(f.kind === kind && f.step === clauseStep)),
    );
  const added: Fault =
    kind === 'delay' ? { kind, step: clauseStep, byMs: PAGE_DELAY_MS } : { kind, step: clauseStep };
  return withFaults(scenario, [...faults, added]);
}

/** The index in `faults` of the delay on this clause step (the first, should there be several), or -1. */
export const delayIndex = (scenario: Scenario, clauseStep: number): number =>
  faultsOf(scenario).findIndex((f) => f.kind === 'delay' && f.step === clauseStep);

/** Whether the entity is down at some time (a `down` fault names it). */
export const isDown = (scenario: Scenario, entity: EntityId): boolean =>
  faultsOf(scenario).some((f) => f.kind === 'down' && f.entity === entity);

/** **Take down** / **Bring back up**: disabled for an entity the run never involves (it would change nothing). */
export function downButton(scenario: Scenario, run: RunResult, entity: EntityId): FaultButtonState {
  const pressed = isDown(scenario, entity);
  if (pressed) return { pressed, disabled: false, why: null };
  if (!run.steps.some((s) => s.from === entity || s.to === entity))
    return { pressed, disabled: true, why: `${run.procedure} involves no ${entity}` };
  if (full(scenario))
    return { pressed, disabled: true, why: `the scenario holds ${LIMITS.faults} faults, the most it may` };
  return { pressed, disabled: false, why: null };
}

/** Takes the entity down for good (from 0 ms), or brings it back up (every `down` fault naming it removed). */
export function toggleDown(scenario: Scenario, entity: EntityId): Scenario {
  const faults = faultsOf(scenario);
  if (isDown(scenario, entity))
    return withFaults(
      scenario,
      faults.filter((f) => !(f.kind === 'down' && f.entity === entity)),
    );
  return withFaults(scenario, [...faults, { kind: 'down', entity }]);
}

/**
 * The scenario as a procedure can run it: a scenario runs several procedures, and a message fault names a step by
 * its clause's number, which another procedure may lack or give to an own action. The page runs each procedure
 * with the faults that fit it and says which it left out (`ignored`, each as `faults[i].step: …`); the command line
 * refuses such a fault instead (exit 2).
 */
export function fittingScenario(
  scenario: Scenario,
  procedureId: ProcedureId,
): { scenario: Scenario; ignored: string[] } {
  if (!faultsOf(scenario).some((f) => f.step !== undefined)) return { scenario, ignored: [] };
  const problems = faultProblems(scenario, getProcedure(procedureId));
  if (!problems.length) return { scenario, ignored: [] };
  const unfit = new Set(problems.map((p) => p.index));
  return {
    scenario: withFaults(
      scenario,
      faultsOf(scenario).filter((_, i) => !unfit.has(i)),
    ),
    ignored: problems.map(faultLine),
  };
}
