import { describe, expect, it } from 'vitest';
import {
  CACHE_ENTRIES,
  CACHE_PREFIX,
  cacheKey,
  forgetCachedSvg,
  hasCachedSvgs,
  hash53,
  plausibleSvg,
  readCachedSvg,
  RENDERER,
  writeCachedSvg,
  type CacheStorage,
} from './svgCache';

/** localStorage's behaviour over a Map; `quota` (characters of keys and values) makes setItem throw as it does. */
class MemoryStorage implements CacheStorage {
  readonly items = new Map<string, string>();
  constructor(private readonly quota = Infinity) {}
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    const used = [...this.items].reduce((n, [k, v]) => n + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

/** Storage that refuses every access (some private modes). */
const refusing: CacheStorage = {
  get length(): number {
    throw new DOMException('denied', 'SecurityError');
  },
  key() {
    throw new DOMException('denied', 'SecurityError');
  },
  getItem() {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem() {
    throw new DOMException('denied', 'SecurityError');
  },
  removeItem() {
    throw new DOMException('denied', 'SecurityError');
  },
};

const ID = 'sequence-abc';
const svgOf = (label: string, id = ID) =>
  `<svg id="${id}" width="100%" xmlns="http://www.w3.org/2000/svg"><style>#${id}{fill:#333}</style><text>${label}</text></svg>`;
const config = { theme: 'default', sequence: { wrap: true } };

describe('the SVG cache', () => {
  it('keys a drawing by its text, the configuration, Mermaid and the font', () => {
    const key = cacheKey('sequenceDiagram\n  a->>b: 1. x\n', config);
    expect(key).toBe(cacheKey('sequenceDiagram\n  a->>b: 1. x\n', config));
    expect(key).not.toBe(cacheKey('sequenceDiagram\n  a->>b: 1. y\n', config));
    expect(key).not.toBe(cacheKey('sequenceDiagram\n  a->>b: 1. x\n', { ...config, theme: 'dark' }));
    const parsed = JSON.parse(key) as Record<string, unknown>;
    expect(parsed.mermaid).toMatch(/^\d+\.\d+\.\d+/);
    expect(parsed.mermaid).toBe(RENDERER.mermaid);
    expect(parsed.font).toMatch(/^IBM Plex Sans \d+\.\d+\.\d+/);
  });

  it('gives back what was kept, and nothing for another key', () => {
    const storage = new MemoryStorage();
    expect(hasCachedSvgs(storage)).toBe(false);
    writeCachedSvg(cacheKey('one', config), svgOf('one'), ID, storage);
    expect(hasCachedSvgs(storage)).toBe(true);
    expect(readCachedSvg(cacheKey('one', config), ID, storage)).toBe(svgOf('one'));
    expect(readCachedSvg(cacheKey('two', config), ID, storage)).toBeNull();
    // Another element id: not the drawing of this text as this page names it.
    expect(readCachedSvg(cacheKey('one', config), 'sequence-other', storage)).toBeNull();
  });

  it(`keeps the ${CACHE_ENTRIES} last used entries`, () => {
    const storage = new MemoryStorage();
    const texts = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (const text of texts.slice(0, CACHE_ENTRIES))
      writeCachedSvg(cacheKey(text, config), svgOf(text), ID, storage);
    // Reading 'a' makes it the most recently used: the next write drops 'b', the least recently used.
    expect(readCachedSvg(cacheKey('a', config), ID, storage)).toBe(svgOf('a'));
    writeCachedSvg(cacheKey('e', config), svgOf('e'), ID, storage);
    expect(readCachedSvg(cacheKey('b', config), ID, storage)).toBeNull();
    for (const text of ['a', 'c', 'd', 'e'])
      expect(readCachedSvg(cacheKey(text, config), ID, storage)).toBe(svgOf(text));
    writeCachedSvg(cacheKey('f', config), svgOf('f'), ID, storage);
    const kept = [...storage.items.keys()].filter((k) => k !== `${CACHE_PREFIX}:index`);
    expect(kept).toHaveLength(CACHE_ENTRIES);
    expect(storage.items.size).toBe(CACHE_ENTRIES + 1);
  });

  it('treats corrupted entries as absent and removes them', () => {
    const storage = new MemoryStorage();
    const key = cacheKey('one', config);
    writeCachedSvg(key, svgOf('one'), ID, storage);
    const item = [...storage.items.keys()].find((k) => k !== `${CACHE_PREFIX}:index`)!;
    const entry = JSON.parse(storage.getItem(item)!) as { key: string; svg: string; sum: string };

    const corruptions = [
      '{"key": "trunc', // cut short
      'null',
      JSON.stringify({ ...entry, svg: entry.svg.replace('one', 'two') }), // checksum no longer matches
      JSON.stringify({ ...entry, key: cacheKey('other', config) }), // the same item name, another key
      JSON.stringify({ ...entry, svg: 42 }),
    ];
    for (const corrupted of corruptions) {
      storage.setItem(item, corrupted);
      storage.setItem(`${CACHE_PREFIX}:index`, JSON.stringify([item]));
      expect(readCachedSvg(key, ID, storage)).toBeNull();
      expect(storage.getItem(item)).toBeNull();
    }
    // A corrupted index: as empty; a write then clears the items it no longer names.
    writeCachedSvg(key, svgOf('one'), ID, storage);
    storage.setItem(`${CACHE_PREFIX}:index`, '{not json');
    expect(hasCachedSvgs(storage)).toBe(false);
    writeCachedSvg(cacheKey('two', config), svgOf('two'), ID, storage);
    expect(readCachedSvg(key, ID, storage)).toBeNull();
    expect(storage.items.size).toBe(2);
  });

  it('refuses markup that is not an SVG of the form Mermaid renders, on write and on read', () => {
    expect(plausibleSvg(svgOf('fine'), ID)).toBe(true);
    const hostile = [
      `<div>${svgOf('x')}</div>`,
      svgOf('<script>alert(1)</script>'),
      svgOf('x').replace('<text>', '<text onclick="alert(1)">'),
      svgOf('<a href="javascript:alert(1)">x</a>'),
      svgOf('<foreignObject><div>x</div></foreignObject>'),
      svgOf('x').slice(0, -3),
    ];
    const storage = new MemoryStorage();
    for (const svg of hostile) {
      expect(plausibleSvg(svg, ID)).toBe(false);
      writeCachedSvg(cacheKey(svg, config), svg, ID, storage);
      expect(storage.items.size).toBe(0);
    }
    // Written by hand (not through the cache) with a valid checksum: still refused when read.
    const key = cacheKey('x', config);
    const svg = hostile[1]!;
    storage.setItem(`${CACHE_PREFIX}:${hash53(key)}`, JSON.stringify({ key, svg, sum: hash53(svg, 1) }));
    storage.setItem(`${CACHE_PREFIX}:index`, JSON.stringify([`${CACHE_PREFIX}:${hash53(key)}`]));
    expect(readCachedSvg(key, ID, storage)).toBeNull();
  });

  it('makes room when the storage is full, and keeps nothing when there is none to make', () => {
    const one = svgOf('x'.repeat(400));
    const entrySize =
      JSON.stringify({ key: cacheKey('a', config), svg: one, sum: hash53(one, 1) }).length + 100;
    // Room for two entries and the index, not three.
    const storage = new MemoryStorage(entrySize * 2 + 200);
    writeCachedSvg(cacheKey('a', config), one, ID, storage);
    writeCachedSvg(cacheKey('b', config), one, ID, storage);
    writeCachedSvg(cacheKey('c', config), one, ID, storage);
    expect(readCachedSvg(cacheKey('a', config), ID, storage)).toBeNull();
    expect(readCachedSvg(cacheKey('b', config), ID, storage)).toBe(one);
    expect(readCachedSvg(cacheKey('c', config), ID, storage)).toBe(one);

    const tiny = new MemoryStorage(100);
    expect(() => writeCachedSvg(cacheKey('a', config), one, ID, tiny)).not.toThrow();
    expect(readCachedSvg(cacheKey('a', config), ID, tiny)).toBeNull();
  });

  it('never throws when the storage refuses every access', () => {
    const key = cacheKey('a', config);
    expect(() => writeCachedSvg(key, svgOf('a'), ID, refusing)).not.toThrow();
    expect(readCachedSvg(key, ID, refusing)).toBeNull();
    expect(hasCachedSvgs(refusing)).toBe(false);
    expect(() => forgetCachedSvg(key, refusing)).not.toThrow();
  });

  it('forgets an entry on request', () => {
    const storage = new MemoryStorage();
    const key = cacheKey('a', config);
    writeCachedSvg(key, svgOf('a'), ID, storage);
    forgetCachedSvg(key, storage);
    expect(readCachedSvg(key, ID, storage)).toBeNull();
    expect(hasCachedSvgs(storage)).toBe(false);
  });
});
