import type { ReadLog, Reads } from '../engine/fastRun';
import type { PathKey } from '../model/scenarioPath';
import type { VaryValue } from './sweepVary';

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

const refuseChange = (): never => {
  throw new Error('internal error: a run changed the scenario of a sweep cell');
};

/**
 * The scenario of every cell of one sweep, as the runs see it: one set of objects whose varied fields read the values
 * of the cell being run (`cell(values)`), and which notes each varied field a run looks at (reads it, asks whether it
 * is there, or copies it): `seen[d]` for the cell, and, for the fast runner's kept transitions, what each transition
 * read (`ReadLog`). Only the objects on the way to a varied field are views; the rest is the scenario's own.
 *
 * This makes memoising sound without knowing the machines: a run is a deterministic function of what it reads, so a
 * run that never looked at field d gives the same result for every value of d, and a transition that read the same
 * values gives the same result. Because the views are the same objects from cell to cell, the runner can keep the
 * entities' initial snapshots and the transitions that read nothing that changed. A run may not change the scenario
 * (the views refuse it, and the sweep then runs plainly).
 */
export class LiveCell<T extends object> implements ReadLog {
  /** The cells' scenario: it has the shape of the `skeleton` it was made from, with the current cell's values. */
  readonly scenario: T;
  /** `seen[d]`: the run of the current cell has looked at varied field d. */
  seen: boolean[];
  private values: readonly VaryValue[] = [];
  /** The reads being recorded, innermost frame last: varied field, value, varied field, value… */
  private readonly frames: unknown[][] = [];

  /**
   * `skeleton`: the scenario with some values set at the varied paths (so that every object on the way exists, as a
   * cell's scenario has them, with its keys in the same order); `dims`: how many fields vary.
   */
  constructor(
    skeleton: T,
    trie: Trie,
    private readonly dims: number,
  ) {
    this.seen = new Array<boolean>(dims).fill(false);
    this.scenario = new Proxy(skeleton, this.handler(trie, this.childViews(skeleton, trie)));
  }

  /** Runs from now on see these values, one per varied field; nothing is seen yet. */
  cell(values: readonly VaryValue[]): void {
    if (values.length !== this.dims)
      throw new Error(`internal error: ${values.length} values for ${this.dims}`);
    this.values = values;
    this.seen = new Array<boolean>(this.dims).fill(false);
    this.frames.length = 0;
  }

  open(): void {
    this.frames.push([]);
  }

  close(): Reads {
    const frame = this.frames.pop() ?? [];
    // what an inner frame read, the enclosing one read too
    for (let i = 0; i < frame.length; i += 2) this.note(frame[i], frame[i + 1]);
    return frame;
  }

  holds(reads: Reads): boolean {
    for (let i = 0; i < reads.length; i += 2) {
      const dim = reads[i];
      if (typeof dim !== 'number' || !Object.is(this.values[dim], reads[i + 1])) return false;
    }
    for (let i = 0; i < reads.length; i += 2) this.note(reads[i], reads[i + 1]);
    return true;
  }

  private note(dim: unknown, value: unknown): void {
    if (typeof dim !== 'number') return;
    this.seen[dim] = true;
    const frame = this.frames[this.frames.length - 1];
    if (!frame) return;
    for (let i = 0; i < frame.length; i += 2) if (frame[i] === dim) return;
    frame.push(dim, value);
  }

  private read(dim: number): VaryValue {
    const value = this.values[dim];
    if (value === undefined) throw new Error(`internal error: no value for varied field ${dim}`);
    this.note(dim, value);
    return value;
  }

  /** The views of the objects below `target` on the way to a varied field, by key. */
  private childViews(target: object, node: Trie): Map<string, object> {
    const views = new Map<string, object>();
    for (const [key, entry] of node.children) {
      const child: unknown = Reflect.get(target, key);
      if ('trie' in entry && isContainer(child)) {
        views.set(key, new Proxy(child, this.handler(entry.trie, this.childViews(child, entry.trie))));
      }
    }
    return views;
  }

  private handler<O extends object>(node: Trie, views: Map<string, object>): ProxyHandler<O> {
    const look = (prop: string | symbol, value: unknown): unknown => {
      const entry = typeof prop === 'string' ? node.children.get(prop) : undefined;
      if (!entry) return value;
      if ('dim' in entry) return this.read(entry.dim);
      return typeof prop === 'string' ? (views.get(prop) ?? value) : value;
    };
    return {
      get: (t, prop) => look(prop, Reflect.get(t, prop)),
      getOwnPropertyDescriptor: (t, prop) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(t, prop);
        if (!descriptor || !('value' in descriptor)) return descriptor;
        return { ...descriptor, value: look(prop, descriptor.value) };
      },
      has: (t, prop) => {
        const entry = typeof prop === 'string' ? node.children.get(prop) : undefined;
        if (entry && 'dim' in entry) this.read(entry.dim);
        return Reflect.has(t, prop);
      },
      set: refuseChange,
      defineProperty: refuseChange,
      deleteProperty: refuseChange,
      setPrototypeOf: refuseChange,
      preventExtensions: refuseChange,
    };
  }
}

/** What JSON.stringify leaves out of an object (and writes as null in a list). */
const unwritten = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

function copyOf(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null; // -0 is written 0
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const list: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      list.push(unwritten(item) ? null : copyOf(item));
    }
    return list;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item: unknown = Reflect.get(value, key);
    if (unwritten(item)) continue;
    // an own "__proto__" (JSON.parse makes one) stays a field
    if (key === '__proto__') {
      Object.defineProperty(out, key, {
        value: copyOf(item),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else out[key] = copyOf(item);
  }
  return out;
}

/**
 * A plain copy of JSON data, what `JSON.parse(JSON.stringify(value))` gives (reading through any view, so what a
 * result holds is seen and then detached), without the text in between.
 */
export function plain<T>(value: T): T {
  return copyOf(value) as T;
}
