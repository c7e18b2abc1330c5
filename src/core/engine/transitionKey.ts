import type { AnyTransitionDefinition } from 'xstate';

/**
 * A transition of a machine named by where it is defined: its source state's path, its event and its place among
 * that state's transitions for the event (`validating:cms.validate:1`, the second alternative). The run records the
 * transitions its entities take by this name (run.ts) and the statecharts draw them by it (statecharts.ts), so both
 * agree without either keeping a copy of the machines. Null for what no state defines (the machine's start).
 */
export function transitionKey(t: AnyTransitionDefinition): string | null {
  const source = t.source;
  const eventType = String(t.eventType);
  const list = eventType === '' ? source.always : source.transitions.get(eventType);
  const index = list ? list.indexOf(t) : -1;
  if (index < 0) return null;
  return `${source.path.join('.')}:${t.eventType === '' ? 'always' : t.eventType}:${index}`;
}
