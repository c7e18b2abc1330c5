import { jsonPath } from '../core/scenario';

/**
 * What a scenario from outside (an address, an imported file) may hold: the limits of CONTRACT.md §6, checked by
 * the page before the scenario is parsed, so that no input makes it run something it cannot hold: the scenario's
 * JSON, one string, one profile document, how deep the JSON nests.
 */
export const SCENARIO_LIMITS = { json: 4_000_000, string: 10_000, document: 1_000_000, depth: 64 } as const;

export const count = (n: number) => n.toLocaleString('en-GB');

/** The first value past a limit, named by its JSON path, or null. Iterative: a deep value cannot overflow it. */
export function overLimit(data: unknown): string | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: data, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    const where = path.length ? jsonPath(path) : '(the scenario)';
    if (typeof value === 'string') {
      const limit = path[path.length - 1] === 'xml' ? SCENARIO_LIMITS.document : SCENARIO_LIMITS.string;
      if (value.length > limit)
        return `${where}: a ${limit === SCENARIO_LIMITS.document ? 'profile document' : 'string'} of ${count(value.length)} characters (at most ${count(limit)})`;
    } else if (typeof value === 'object' && value !== null) {
      if (path.length >= SCENARIO_LIMITS.depth)
        return `${jsonPath(path.slice(0, 3))}…: nested more than ${SCENARIO_LIMITS.depth} levels deep`;
      const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
      for (const [key, child] of entries) stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}
