import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import type { IndexHtmlTransformContext, Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { firstPreloads } from '../scripts/firstPreloads';
import { buildId } from '../scripts/buildId';

const INDEX = 'mcx-svg-cache:index';
const HTML =
  '<!doctype html><html><head><title>Page</title><script type="module" src="./assets/index-1.js"></script></head></html>';

function chunk(fileName: string, facadeModuleId: string | null, imports: string[], isEntry = false) {
  return { type: 'chunk', fileName, facadeModuleId, imports, isEntry } as unknown as Rollup.OutputChunk;
}

/**
 * A build's output: the entry; Mermaid's core and its sequence diagram, which import shared chunks (one of them the
 * entry's, one imported by both); a chunk the first diagram does not need; the fonts.
 */
function bundle(withMermaid = true): Rollup.OutputBundle {
  const outputs = [
    chunk('assets/index-1.js', '/app/src/app/main.tsx', ['assets/shared-1.js'], true),
    chunk('assets/shared-1.js', null, []),
    chunk('assets/editor-1.js', '/app/src/app/editor/Editor.tsx', ['assets/shared-1.js']),
    { type: 'asset', fileName: 'assets/ibm-plex-sans-latin-400-normal-abc.woff2' },
    { type: 'asset', fileName: 'assets/ibm-plex-sans-latin-600-normal-abc.woff2' },
  ] as (Rollup.OutputChunk | Rollup.OutputAsset)[];
  if (withMermaid)
    outputs.push(
      chunk('assets/mermaid.core-1.js', '/app/node_modules/mermaid/dist/mermaid.core.mjs', [
        'assets/index-1.js',
        'assets/d3-1.js',
      ]),
      chunk('assets/d3-1.js', null, ['assets/dayjs-1.js']),
      chunk('assets/dayjs-1.js', null, []),
      chunk(
        'assets/sequenceDiagram-XYZ-1.js',
        '/app/node_modules/mermaid/dist/chunks/mermaid.core/sequenceDiagram-XYZ.mjs',
        ['assets/d3-1.js', 'assets/mermaid.core-1.js'],
      ),
    );
  return Object.fromEntries(outputs.map((o) => [o.fileName, o]));
}

type Handler = (html: string, ctx: IndexHtmlTransformContext) => string;

function transform(html: string, output: Rollup.OutputBundle | undefined): string {
  const plugin = firstPreloads(INDEX);
  const hook = plugin.transformIndexHtml as { order: string; handler: Handler };
  return hook.handler(html, { path: '/index.html', filename: '/app/index.html', bundle: output });
}

/** The classic script the plugin put in the page. */
function scriptOf(html: string): string {
  const code = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1];
  expect(code).toBeDefined();
  return code!;
}

interface Added {
  rel: string;
  href: string;
  as?: string;
  type?: string;
  crossOrigin?: string;
}

/** Runs the script as a page would, at `search` with `storage` (null: storage that throws), and lists the links. */
function run(code: string, search: string, storage: Record<string, string> | null): Added[] {
  const added: Added[] = [];
  const localStorage = {
    getItem(key: string) {
      if (storage === null) throw new Error('SecurityError');
      return storage[key] ?? null;
    },
  };
  const document = {
    createElement: () => ({}) as Added,
    head: { appendChild: (link: Added) => added.push({ ...link }) },
  };
  runInNewContext(code, { document, localStorage, location: { search }, URLSearchParams, JSON });
  return added;
}

const MERMAID = [
  './assets/mermaid.core-1.js',
  './assets/d3-1.js',
  './assets/dayjs-1.js',
  './assets/sequenceDiagram-XYZ-1.js',
];
const FONT = { rel: 'preload', href: './assets/ibm-plex-sans-latin-400-normal-abc.woff2', as: 'font' };

describe('firstPreloads', () => {
  it('puts its script right after the title, before the first script', () => {
    const html = transform(HTML, bundle());
    expect(html.indexOf('<script>')).toBeGreaterThan(html.indexOf('</title>'));
    expect(html.indexOf('<script>')).toBeLessThan(html.indexOf('<script type="module"'));
  });

  it("a first visit preloads the font and Mermaid's chunks for a sequence diagram, with what they import (not the entry)", () => {
    const links = run(scriptOf(transform(HTML, bundle())), '?procedure=10.1.4.3.2', {});
    expect(links[0]).toMatchObject({ ...FONT, type: 'font/woff2', crossOrigin: 'anonymous' });
    const modules = links.filter((l) => l.rel === 'modulepreload');
    expect(modules.map((l) => l.href).sort()).toEqual([...MERMAID].sort());
    expect(modules.every((l) => l.crossOrigin === 'anonymous' && l.as === undefined)).toBe(true);
    expect(links).toHaveLength(1 + MERMAID.length);
  });

  it('with an SVG kept from an earlier visit, or in the explore mode, only the font', () => {
    const code = scriptOf(transform(HTML, bundle()));
    const kept = { [INDEX]: JSON.stringify(['mcx-svg-cache:1']) };
    expect(run(code, '', kept)).toEqual([expect.objectContaining(FONT)]);
    expect(run(code, '?mode=explore', {})).toEqual([expect.objectContaining(FONT)]);
    // An empty index is no kept SVG; a comparison or an embedded page in the explore mode draws diagrams.
    expect(run(code, '', { [INDEX]: '[]' })).toHaveLength(1 + MERMAID.length);
    expect(run(code, '?mode=explore&compare=10.1.4.3.1,10.1.4.3.2', {})).toHaveLength(1 + MERMAID.length);
    expect(run(code, '?mode=explore&embed=1', {})).toHaveLength(1 + MERMAID.length);
  });

  it('storage that throws, or an index that is not JSON, counts as nothing kept', () => {
    const code = scriptOf(transform(HTML, bundle()));
    expect(run(code, '', null)).toHaveLength(1 + MERMAID.length);
    expect(run(code, '', { [INDEX]: '{not json' })).toHaveLength(1 + MERMAID.length);
  });

  it("fails the build when Mermaid's chunks are not found, and leaves the development server's page alone", () => {
    expect(() => transform(HTML, bundle(false))).toThrow(/Mermaid's chunks were not found/);
    expect(transform(HTML, undefined)).toBe(HTML);
    expect(firstPreloads(INDEX).apply).toBe('build');
  });
});

describe('buildId', () => {
  it('is the same for the same source and another for any change to it', () => {
    const root = mkdtempSync(join(tmpdir(), 'mcx-build-'));
    try {
      mkdirSync(join(root, 'src', 'app'), { recursive: true });
      writeFileSync(join(root, 'index.html'), '<!doctype html>');
      writeFileSync(join(root, 'src', 'app', 'main.tsx'), 'export {};');
      const id = buildId(root);
      expect(id).toMatch(/^[0-9a-f]{12}$/);
      expect(buildId(root)).toBe(id);
      writeFileSync(join(root, 'src', 'app', 'main.tsx'), 'export const x = 1;');
      expect(buildId(root)).not.toBe(id);
      writeFileSync(join(root, 'src', 'app', 'main.tsx'), 'export {};');
      expect(buildId(root)).toBe(id);
      // A file moved is another source too.
      renameSync(join(root, 'src', 'app', 'main.tsx'), join(root, 'src', 'main.tsx'));
      expect(buildId(root)).not.toBe(id);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
