/** A place in a scenario, as keys from its root: `['primary', 'profiles', 1, 'priority']`. */
export type Path = readonly (string | number)[];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at `path`, or undefined where the path leads nowhere. */
export function getIn(root: unknown, path: Path): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (typeof key === 'number') current = Array.isArray(current) ? current[key] : undefined;
    else current = isRecord(current) ? current[key] : undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

/**
 * A copy of `root` with `value` at `path` (every object on the way copied, the rest shared, unknown fields kept).
 * `undefined` removes the key: an optional field left out is absent, not `undefined`.
 */
export function setIn<T>(root: T, path: Path, value: unknown): T {
  const [key, ...rest] = path;
  if (key === undefined) return value as T;
  if (typeof key === 'number') {
    const list = Array.isArray(root) ? [...(root as unknown[])] : [];
    list[key] = setIn(list[key], rest, value);
    return list as T;
  }
  const object: Record<string, unknown> = isRecord(root) ? { ...root } : {};
  const next = rest.length ? setIn(object[key], rest, value) : value;
  if (next === undefined) delete object[key];
  else object[key] = next;
  return object as T;
}
