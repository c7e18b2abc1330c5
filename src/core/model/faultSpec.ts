/**
 * The command line's short forms of CONTRACT.md §10 (`--fault drop:6`, `--timeout partner-cms=3000`), read into the
 * scenario's own fields. Pure: what a form means is decided here, whether the result is a valid fault is decided by
 * the scenario schema (the same rules and the same one-line errors, naming `faults[i]…`), once the forms are added to
 * the scenario's own faults.
 */
import { ENTITY_IDS, type EntityId } from './ids';

/** A form that cannot be read: one line naming it and what was expected. */
export class FaultSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FaultSpecError';
  }
}

export const FAULT_FORMS =
  'drop:<step>, delay:<step>:<ms>, duplicate:<step>, down:<entity>[:<from>..<until>], store-fails:<entity>';

const INTEGER = /^\d+$/;

const integer = (spec: string, what: string, text: string | undefined): number => {
  if (text === undefined || !INTEGER.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new FaultSpecError(
      `--fault ${spec}: expected ${what} (an integer), got ${JSON.stringify(text ?? '')}`,
    );
  }
  return Number(text);
};

const entity = (spec: string, text: string | undefined): EntityId => {
  const found = ENTITY_IDS.find((id) => id === text);
  if (!found) {
    throw new FaultSpecError(
      `--fault ${spec}: expected an entity id (${ENTITY_IDS.join(', ')}), got ${JSON.stringify(text ?? '')}`,
    );
  }
  return found;
};

/** A fault as the scenario's `faults` holds it (unchecked: the scenario schema checks it). */
export type RawFault = Record<string, string | number>;

/** `--fault <form>` as a scenario fault. */
export function parseFaultSpec(spec: string): RawFault {
  const [kind = '', ...rest] = spec.split(':');
  const arity = (n: number) => {
    if (rest.length !== n) throw new FaultSpecError(`--fault ${spec}: expected one of ${FAULT_FORMS}`);
  };
  switch (kind) {
    case 'drop':
    case 'duplicate':
      arity(1);
      return { kind, step: integer(spec, 'a step number', rest[0]) };
    case 'delay':
      arity(2);
      return {
        kind,
        step: integer(spec, 'a step number', rest[0]),
        byMs: integer(spec, 'a delay in ms', rest[1]),
      };
    case 'store-fails':
      arity(1);
      return { kind, entity: entity(spec, rest[0]) };
    case 'down': {
      if (rest.length !== 1 && rest.length !== 2) arity(2);
      const fault: RawFault = { kind, entity: entity(spec, rest[0]) };
      if (rest.length === 2) {
        const window = /^(\d+)\.\.(\d*)$/.exec(rest[1] ?? '');
        if (!window)
          throw new FaultSpecError(`--fault ${spec}: expected <from>..<until> in ms (e.g. 0..20000)`);
        fault.fromMs = integer(spec, 'a time in ms', window[1]);
        if (window[2]) fault.untilMs = integer(spec, 'a time in ms', window[2]);
      }
      return fault;
    }
    default:
      throw new FaultSpecError(
        `--fault ${spec}: unknown kind ${JSON.stringify(kind)}; expected one of ${FAULT_FORMS}`,
      );
  }
}

/** `--timeout <entity>=<ms>` as `[entity, ms]` for `timing.timeoutMs`. */
export function parseTimeoutSpec(spec: string): [EntityId, number] {
  const at = spec.indexOf('=');
  if (at <= 0) throw new FaultSpecError(`--timeout ${spec}: expected <entity>=<ms> (e.g. partner-cms=3000)`);
  const id = ENTITY_IDS.find((e) => e === spec.slice(0, at));
  if (!id) {
    throw new FaultSpecError(
      `--timeout ${spec}: expected an entity id (${ENTITY_IDS.join(', ')}), got ${JSON.stringify(spec.slice(0, at))}`,
    );
  }
  const ms = spec.slice(at + 1);
  if (!INTEGER.test(ms) || !Number.isSafeInteger(Number(ms))) {
    throw new FaultSpecError(
      `--timeout ${spec}: expected a time in ms (an integer), got ${JSON.stringify(ms)}`,
    );
  }
  return [id, Number(ms)];
}

/**
 * A scenario (as parsed JSON) with the command line's faults added after its own, its timers and retries set: parse
 * the result as any scenario, so a bad value is refused naming its field (`faults[2].step`, `timing.retries`).
 */
export function withCommandLineFaults(
  raw: Record<string, unknown>,
  options: { faults?: readonly string[]; timeouts?: readonly string[]; retries?: string },
): Record<string, unknown> {
  const added = (options.faults ?? []).map(parseFaultSpec);
  const timeouts = (options.timeouts ?? []).map(parseTimeoutSpec);
  let retries: number | undefined;
  if (options.retries !== undefined) {
    if (!INTEGER.test(options.retries)) {
      throw new FaultSpecError(`--retries ${options.retries}: expected an integer ≥ 0`);
    }
    retries = Number(options.retries);
  }
  if (!added.length && !timeouts.length && retries === undefined) return raw;
  const out: Record<string, unknown> = { ...raw };
  if (added.length) out.faults = [...(Array.isArray(raw.faults) ? (raw.faults as unknown[]) : []), ...added];
  if (timeouts.length || retries !== undefined) {
    const timing =
      typeof raw.timing === 'object' && raw.timing !== null ? (raw.timing as Record<string, unknown>) : {};
    const given =
      typeof timing.timeoutMs === 'object' && timing.timeoutMs !== null
        ? (timing.timeoutMs as Record<string, unknown>)
        : {};
    out.timing = {
      ...timing,
      ...(timeouts.length ? { timeoutMs: { ...given, ...Object.fromEntries(timeouts) } } : {}),
      ...(retries === undefined ? {} : { retries }),
    };
  }
  return out;
}
