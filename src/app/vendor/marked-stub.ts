/**
 * Build-time stand-in for `marked`, which Mermaid bundles for Markdown labels ("markdown strings") in flowcharts and
 * the like. This app draws only sequence diagrams with plain labels (escaped by src/core/formats/diagram.ts), so Mermaid
 * never calls it here; leaving it out keeps the first view within its budget. vite.config.ts aliases it.
 * If a future Mermaid calls it for sequence diagrams, the render fails loudly and the e2e suite says so.
 */
export const marked = {
  lexer(): never {
    throw new Error('Markdown labels are not available in this build of the simulator');
  },
};
export default marked;
