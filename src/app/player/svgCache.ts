/**
 * The SVG Mermaid drew for a diagram text, kept in localStorage so that a repeat visit shows its diagram without
 * loading or running Mermaid. An entry is keyed by everything the drawing depends on: the text, Mermaid's
 * version, the font (family and package version) and Mermaid's configuration for the theme; the key is stored whole
 * and compared exactly, so a hash collision cannot serve another diagram. The few last-used entries are kept (LRU),
 * each in its own item beside an index. Everything fails quietly into "not cached": no storage (private mode), a full
 * one (quota), an entry that does not parse, does not match its key, fails its checksum, or is not an SVG of the form
 * this page's Mermaid renders (see `plausibleSvg`): such an entry is removed and the diagram rendered afresh.
 */
import fontPackage from '@fontsource/ibm-plex-sans/package.json' with { type: 'json' };
import mermaidPackage from 'mermaid/package.json' with { type: 'json' };

/** The storage this cache needs (localStorage, or a stand-in in tests). */
export type CacheStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export const CACHE_PREFIX = 'mcx-svg-cache';
const INDEX = `${CACHE_PREFIX}:index`;
const FORMAT = 'mcx-svg-cache/1';
/** Last-used entries kept; and the longest SVG kept (characters): a diagram of this app is some 50–150 k. */
export const CACHE_ENTRIES = 4;
export const MAX_SVG_CHARS = 1_000_000;

/** What a drawing depends on besides its text and configuration. */
export const RENDERER = {
  mermaid: mermaidPackage.version,
  font: `IBM Plex Sans ${fontPackage.version}`,
} as const;

/** The key of a drawing: the renderer, the configuration (any JSON value) and the text, as one string. */
export function cacheKey(text: string, config: unknown): string {
  return JSON.stringify({ format: FORMAT, ...RENDERER, config, text });
}

/** cyrb53: a fast 53-bit string hash (for item names and checksums; keys are still compared whole). */
export function hash53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const itemOf = (key: string) => `${CACHE_PREFIX}:${hash53(key)}`;

/**
 * Whether `svg` has the form of Mermaid's strict-mode output for the element id `id`: one `<svg>` element with
 * that id, and nothing that runs (no script, no event attribute, no `javascript:` address, no embedded HTML). A
 * cached entry that fails this is not used.
 */
export function plausibleSvg(svg: string, id: string): boolean {
  if (svg.length > MAX_SVG_CHARS) return false;
  if (!svg.startsWith('<svg ') || !svg.endsWith('</svg>')) return false;
  if (!svg.slice(0, 2000).includes(` id="${id}"`)) return false;
  return !/<script|<foreignObject|<iframe|<object|<embed|\son[a-z]+\s*=|javascript:/i.test(svg);
}

function storageOrNull(): CacheStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // access itself refused (some private modes, sandboxed frames)
  }
}

function readIndex(storage: CacheStorage): string[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(INDEX) ?? '[]');
    if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string'))
      return parsed.filter((item) => item.startsWith(`${CACHE_PREFIX}:`) && item !== INDEX);
  } catch {
    /* a corrupted index: as empty */
  }
  return [];
}

function writeIndex(storage: CacheStorage, items: string[]): void {
  storage.setItem(INDEX, JSON.stringify(items));
}

interface Entry {
  key: string;
  svg: string;
  sum: string;
}

function parseEntry(raw: string | null): Entry | null {
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { key, svg, sum } = value as Record<string, unknown>;
    if (typeof key !== 'string' || typeof svg !== 'string' || typeof sum !== 'string') return null;
    return { key, svg, sum };
  } catch {
    return null;
  }
}

/**
 * The SVG kept for `key`, checked (key, checksum, form for `id`), or null. A hit becomes the most recently used;
 * an entry that fails a check is removed.
 */
export function readCachedSvg(key: string, id: string, storage = storageOrNull()): string | null {
  if (!storage) return null;
  const item = itemOf(key);
  try {
    const raw = storage.getItem(item);
    if (raw === null) return null;
    const entry = parseEntry(raw);
    if (!entry || entry.key !== key || entry.sum !== hash53(entry.svg, 1) || !plausibleSvg(entry.svg, id)) {
      forget(storage, item);
      return null;
    }
    const index = readIndex(storage);
    if (index[0] !== item) writeIndex(storage, [item, ...index.filter((i) => i !== item)]);
    return entry.svg;
  } catch {
    return null;
  }
}

/** Whether anything is kept at all (cheap: the index only); the page then waits for its text before loading Mermaid. */
export function hasCachedSvgs(storage = storageOrNull()): boolean {
  if (!storage) return false;
  try {
    return readIndex(storage).length > 0;
  } catch {
    return false;
  }
}

function forget(storage: CacheStorage, item: string): void {
  try {
    storage.removeItem(item);
    writeIndex(
      storage,
      readIndex(storage).filter((i) => i !== item),
    );
  } catch {
    /* nothing more to do */
  }
}

/** Removes the entry for `key` (an SVG that turned out not to be what the page expects). */
export function forgetCachedSvg(key: string, storage = storageOrNull()): void {
  if (storage) forget(storage, itemOf(key));
}

/**
 * Keeps `svg` for `key` as the most recently used entry, dropping the least recently used beyond `CACHE_ENTRIES`
 * (and items of the cache no index names, left by a corrupted index). A full storage drops the oldest entries and
 * tries again; failing that, nothing is kept. Never throws.
 */
export function writeCachedSvg(key: string, svg: string, id: string, storage = storageOrNull()): void {
  if (!storage || !plausibleSvg(svg, id)) return;
  const item = itemOf(key);
  const value = JSON.stringify({ key, svg, sum: hash53(svg, 1) } satisfies Entry);
  try {
    let index = readIndex(storage).filter((i) => i !== item);
    const known = new Set([...index, item, INDEX]);
    for (let i = storage.length - 1; i >= 0; i--) {
      const name = storage.key(i);
      if (name !== null && name.startsWith(`${CACHE_PREFIX}:`) && !known.has(name)) storage.removeItem(name);
    }
    for (const old of index.slice(CACHE_ENTRIES - 1)) storage.removeItem(old);
    index = index.slice(0, CACHE_ENTRIES - 1);
    for (;;) {
      try {
        storage.setItem(item, value);
        break;
      } catch {
        // Quota: make room by dropping the oldest entry, if any is left.
        const oldest = index.pop();
        if (oldest === undefined) {
          writeIndex(storage, index);
          return;
        }
        storage.removeItem(oldest);
      }
    }
    writeIndex(storage, [item, ...index]);
  } catch {
    /* storage refused: nothing kept */
  }
}
