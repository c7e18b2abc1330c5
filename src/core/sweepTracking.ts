import type { PathKey } from './scenarioPath';

/** The varied fields below one object of a cell's scenario: each key leads to a varied field or further down. */
interface Trie {
  children: Map<string, { dim: number } | { trie: Trie }>;
}

export function trieOf(paths: readonly (readonly PathKey[])[]): Trie {
  const root: Trie = { children: new Map() };
  paths.forEach((keys, dim) => {
    let node = root;
    keys.forEach((key, i) => {
      const name = String(key);
      if (i === keys.length - 1) {
        node.children.set(name, { dim });
        return;
      }
      const next = node.children.get(name);
      if (next && 'trie' in next) node = next.trie;
      else {
        const trie: Trie = { children: new Map() };
        node.children.set(name, { trie });
        node = trie;
      }
    });
  });
  return root;
}

const isContainer = (v: unknown): v is object => typeof v === 'object' && v !== null;

/**
 * A cell's scenario as the run sees it, with `seen[d]` set once the run has looked at varied field d (read it, asked
 * whether it is there, or copied it). Only the objects on the way to a varied field are wrapped, and every cell's
 * scenario holds fresh copies of those (`setPath`), so nothing shared between cells is touched.
 *
 * This makes memoising sound without knowing the machines: a run is a deterministic function of what it reads, so
 * a run that never looked at field d gives the same result for every value of d.
 */
export function watch(scenario: object, trie: Trie, seen: boolean[]): object {
  const wrapped = new WeakMap<object, object>();
  const wrap = (target: object, node: Trie): object => {
    const known = wrapped.get(target);
    if (known) return known;
    const below = (prop: string | symbol) => (typeof prop === 'string' ? node.children.get(prop) : undefined);
    const look = (prop: string | symbol, value: unknown): unknown => {
      const entry = below(prop);
      if (!entry) return value;
      if ('dim' in entry) {
        seen[entry.dim] = true;
        return value;
      }
      return isContainer(value) ? wrap(value, entry.trie) : value;
    };
    const proxy = new Proxy(target, {
      get: (t, prop) => look(prop, Reflect.get(t, prop)),
      getOwnPropertyDescriptor: (t, prop) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(t, prop);
        if (!descriptor || !('value' in descriptor)) return descriptor;
        return { ...descriptor, value: look(prop, descriptor.value) };
      },
      has: (t, prop) => {
        const entry = below(prop);
        if (entry && 'dim' in entry) seen[entry.dim] = true;
        return Reflect.has(t, prop);
      },
    });
    wrapped.set(target, proxy);
    return proxy;
  };
  return wrap(scenario, trie);
}

/** A plain copy of JSON data (reading through any wrapper, so what a result holds is seen and then detached). */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
