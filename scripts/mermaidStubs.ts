/**
 * Build-time stand-ins for the modules of Mermaid's core build (`mermaid/dist/chunks/mermaid.core/`) that this app
 * never runs: it draws sequence diagrams only, and their renderer uses none of the shared layout and shape code of
 * the other diagram types (nodes, edges, clusters, shapes, the dagre graph, rich text, icons), nor the YAML reader
 * Mermaid needs only for front matter and `@{…}` participant metadata, which the core's diagram text never has
 * (src/core/formats/diagram.ts escapes `{`, `%`, `-`-runs cannot start a line). Mermaid's entry imports those modules only to
 * re-export them (its `internalHelpers`), so they are replaced, export by export, with values that throw on any use:
 * should a future Mermaid call one for a sequence diagram, the render fails loudly (the e2e and visual specs say so)
 * instead of drawing something else. Each chunk is recognised by the source file Mermaid's build names in its
 * `// <path>` comments, not by its hashed file name; a marker no chunk carries fails the build, so that a Mermaid
 * update that moves things is noticed. Applied to the build only (the dev server serves Mermaid whole).
 */
import type { Plugin } from 'vite';

/** The source files (as Mermaid's build comments name them) whose chunks this app never runs. */
export const UNUSED_MERMAID_SOURCES = [
  'src/rendering-util/createGraph.ts',
  'src/rendering-util/render.ts',
  'src/rendering-util/rendering-elements/clusters.js',
  'src/rendering-util/rendering-elements/edges.js',
  'src/rendering-util/rendering-elements/nodes.ts',
  'src/rendering-util/rendering-elements/shapes.ts',
  'src/rendering-util/rendering-elements/shapes/handDrawnShapeStyles.ts',
  'src/rendering-util/createText.ts',
  'src/rendering-util/icons.ts',
  'js-yaml/dist/js-yaml.mjs',
] as const;

const CORE_CHUNK = /[\\/]mermaid[\\/]dist[\\/]chunks[\\/]mermaid\.core[\\/][^\\/]+\.mjs$/;

/** The markers `code` carries (as `// …<marker>` comment lines). */
export function markersIn(code: string): string[] {
  return UNUSED_MERMAID_SOURCES.filter((marker) =>
    code.split('\n').some((line) => line.startsWith('// ') && line.endsWith(marker)),
  );
}

/**
 * The stand-in for a chunk: the same named exports (its one `export { a, b as c };` list), each a value that
 * throws on any use. Null when the chunk's exports are not of that one form (the build then fails: see below).
 */
export function stubOf(code: string, what: string): string | null {
  const exports = [...code.matchAll(/^export\b.*$/gm)];
  if (exports.length !== 1) return null;
  const list = /^export\s*\{([^}]*)\};?/m.exec(code.slice(exports[0]!.index));
  if (!list) return null;
  const names = list[1]!
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const parts = entry.split(/\s+as\s+/);
      return parts[parts.length - 1]!;
    });
  if (!names.every((name) => /^[A-Za-z_$][\w$]*$/.test(name))) return null;
  const lines = [
    `const unavailable = (name) => {`,
    `  const fail = () => {`,
    `    throw new Error(\`Mermaid's \${name} (${what}) is not in this build of the simulator: it draws sequence diagrams only\`);`,
    `  };`,
    `  return new Proxy(function () {}, { apply: fail, construct: fail, get: fail, set: fail, has: fail, ownKeys: fail,`,
    `    getOwnPropertyDescriptor: fail, defineProperty: fail, deleteProperty: fail, getPrototypeOf: fail,`,
    `    setPrototypeOf: fail, isExtensible: fail, preventExtensions: fail });`,
    `};`,
    ...names.map((name) => `export const ${name} = /* @__PURE__ */ unavailable(${JSON.stringify(name)});`),
  ];
  return `${lines.join('\n')}\n`;
}

export function mermaidStubs(): Plugin {
  const found = new Set<string>();
  return {
    name: 'mcx-mermaid-stubs',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      found.clear();
    },
    transform(code, id) {
      if (!CORE_CHUNK.test(id)) return null;
      const markers = markersIn(code);
      if (markers.length === 0) return null;
      const stub = stubOf(code, markers.join(', '));
      if (stub === null)
        this.error(
          `mermaid stubs: ${id}: its exports are not one export list; update scripts/mermaidStubs.ts`,
        );
      for (const marker of markers) found.add(marker);
      return { code: stub, map: null };
    },
    buildEnd(error) {
      if (error) return;
      const missing = UNUSED_MERMAID_SOURCES.filter((marker) => !found.has(marker));
      if (missing.length > 0)
        this.error(
          `mermaid stubs: no chunk of Mermaid's core build holds ${missing.join(', ')}; update scripts/mermaidStubs.ts`,
        );
    },
  };
}
