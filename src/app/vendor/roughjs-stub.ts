/**
 * Build-time stand-in for `roughjs`, which Mermaid uses to draw flowchart-style shapes (and its hand-drawn look).
 * Sequence diagrams do not use those shapes, so Mermaid never calls it here; see marked-stub.ts for why and how.
 */
const rough = {
  svg(): never {
    throw new Error('Hand-drawn shapes are not available in this build of the simulator');
  },
};
export default rough;
