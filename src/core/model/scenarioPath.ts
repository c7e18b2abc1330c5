import { z } from 'zod';
import { jsonPath } from './scenario';
import { ScenarioSchema } from './schema';

/** One step of a JSON path: a field name or a list index. */
export type PathKey = string | number;

const SEGMENT = /\.?([A-Za-z_$][\w$-]*)|\[(0|[1-9]\d*)\]/y;

/**
 * Reads a JSON path as `jsonPath` writes it (`primary.profiles[1].priority`); null when it is not one.
 * Field names are identifiers (letters, digits, `_`, `$`, `-`), indexes are written `[n]`.
 */
export function parsePath(path: string): PathKey[] | null {
  const keys: PathKey[] = [];
  SEGMENT.lastIndex = 0;
  while (SEGMENT.lastIndex < path.length) {
    const at = SEGMENT.lastIndex;
    const match = SEGMENT.exec(path);
    if (!match) return null;
    const [whole, name, index] = match;
    // A name needs its dot except at the very start; the start is a name.
    if (name !== undefined && (at === 0) === whole.startsWith('.')) return null;
    if (index !== undefined && at === 0) return null;
    keys.push(name ?? Number(index));
  }
  return keys.length ? keys : null;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isList = (v: unknown): v is unknown[] => Array.isArray(v);

/** The value at a path, or undefined where the path leads nowhere. */
export function getPath(root: unknown, keys: readonly PathKey[]): unknown {
  let value = root;
  for (const key of keys) {
    if (typeof key === 'number') value = isList(value) ? value[key] : undefined;
    else value = isObject(value) ? value[key] : undefined;
  }
  return value;
}

/**
 * A copy of `root` with `value` at the path: only the objects and lists along the path are copied (the rest is
 * shared), and objects missing on the way are created. The input is never changed.
 */
export function setPath(root: unknown, keys: readonly PathKey[], value: unknown, from = 0): unknown {
  if (from === keys.length) return value;
  const key = keys[from] as PathKey;
  if (typeof key === 'number') {
    const list = isList(root) ? root.slice() : [];
    list[key] = setPath(list[key], keys, value, from + 1);
    return list;
  }
  const object = isObject(root) ? { ...root } : {};
  object[key] = setPath(object[key], keys, value, from + 1);
  return object;
}

/** The object or list schema a value at this place must match, looking through optional and `null |` unions. */
function structural(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return structural(schema.unwrap());
  if (schema instanceof z.ZodUnion) {
    const options: readonly z.core.$ZodType[] = schema.options;
    return options.map(structural).find((o) => o instanceof z.ZodObject || o instanceof z.ZodArray);
  }
  return schema;
}

/**
 * Why a path names no field of this scenario, or null when it names one. A field is known when the scenario holds
 * it, or when the schema names it and everything above it is in the scenario or an object the schema allows
 * (`partner.policy.maxPriority` with no `maxPriority` yet, or with no `policy` at all). A list index must be one
 * the scenario has: a path never adds a profile.
 */
export function unknownPathReason(scenario: unknown, keys: readonly PathKey[]): string | null {
  let value: unknown = scenario;
  let schema: z.core.$ZodType | undefined = ScenarioSchema;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as PathKey;
    const here = jsonPath(keys.slice(0, i));
    const shape = structural(schema);
    if (typeof key === 'number') {
      if (!isList(value)) {
        return value === undefined || value === null
          ? `${here} has no element [${key}] (it is not in the scenario)`
          : `${here} is not a list`;
      }
      const list = value;
      if (key >= list.length) {
        const has = list.length === 0 ? 'no elements' : `${list.length}: [0]..[${list.length - 1}]`;
        return `${here} has no element [${key}] (it has ${has})`;
      }
      value = list[key];
      schema = shape instanceof z.ZodArray ? shape.element : undefined;
      continue;
    }
    if (value !== undefined && value !== null && !isObject(value)) return `${here} is not an object`;
    const fields: Record<string, z.core.$ZodType> = shape instanceof z.ZodObject ? shape.shape : {};
    const known = Object.hasOwn(fields, key);
    if (!known && !(isObject(value) && Object.hasOwn(value, key))) {
      const names = Object.keys(fields);
      const hint = names.length ? `; it has ${names.join(', ')}` : '';
      return `${i === 0 ? 'the scenario' : here} has no field "${key}"${hint}`;
    }
    value = isObject(value) ? value[key] : undefined;
    schema = known ? fields[key] : undefined;
  }
  return null;
}
