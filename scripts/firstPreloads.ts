/**
 * The first visit's downloads start with the page. A classic script at the top of the built index.html adds
 * `<link rel="modulepreload">` for Mermaid's chunks that a sequence diagram needs (its core and its sequence
 * diagram, with everything they import) and `<link rel="preload">` for the diagram's font, at once, instead of
 * after the first script has run (and, for the sequence diagram's chunk, after Mermaid's core has run). Only when the
 * page will render with Mermaid (the font: always, the page's text is set in it): not when an SVG is kept from an earlier visit (src/app/player/svgCache.ts, whose
 * index item it reads), nor in the explore mode, which draws no diagram (as src/app/main.tsx decides).
 */
import type { Plugin, Rollup } from 'vite';

/** The chunks of Mermaid the first diagram needs: named by the module each is the facade of. */
const WANTED = [/\/mermaid\/dist\/mermaid\.core\.mjs$/, /\/sequenceDiagram-[^/]*\.mjs$/];
/** The font the diagram is laid out in (src/app/player/mermaid.ts: IBM Plex Sans, 400, latin). */
const FONT = /ibm-plex-sans-latin-400-normal-[^/]*\.woff2$/;

function chunksFor(bundle: Rollup.OutputBundle): string[] {
  const chunks = new Map<string, Rollup.OutputChunk>();
  for (const output of Object.values(bundle))
    if (output.type === 'chunk') chunks.set(output.fileName, output);
  const files = new Set<string>();
  const add = (file: string) => {
    const chunk = chunks.get(file);
    if (!chunk || files.has(file) || chunk.isEntry) return;
    files.add(file);
    chunk.imports.forEach(add);
  };
  for (const chunk of chunks.values())
    if (chunk.facadeModuleId && WANTED.some((re) => re.test(chunk.facadeModuleId!))) add(chunk.fileName);
  return [...files];
}

export function firstPreloads(svgCacheIndex: string): Plugin {
  return {
    name: 'mcx-first-preloads',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html;
        const scripts = chunksFor(ctx.bundle).map((file) => `./${file}`);
        const font = Object.keys(ctx.bundle).find((file) => FONT.test(file));
        if (scripts.length < WANTED.length) throw new Error("firstPreloads: Mermaid's chunks were not found");
        const code = `(function () {
  var add = function (rel, href, as) {
    var link = document.createElement('link');
    link.rel = rel;
    link.href = href;
    link.crossOrigin = 'anonymous';
    if (as) { link.as = as; link.type = 'font/woff2'; }
    document.head.appendChild(link);
  };
  ${font ? `add('preload', ${JSON.stringify(`./${font}`)}, 'font');` : ''}
  try {
    var q = new URLSearchParams(location.search);
    if (q.get('mode') === 'explore' && !q.has('compare') && !q.has('embed')) return;
    if (JSON.parse(localStorage.getItem(${JSON.stringify(svgCacheIndex)}) || '[]').length > 0) return;
  } catch (e) {}
  ${JSON.stringify(scripts)}.forEach(function (href) { add('modulepreload', href); });
})();`;
        // After the title (the charset stays within the first bytes), before the first script and style sheet.
        return html.replace('</title>', `</title>\n    <script>${code}</script>`);
      },
    },
  };
}
