import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { mermaidStubs } from './scripts/mermaidStubs.js';

const stub = (name: string) => fileURLToPath(new URL(`./src/app/vendor/${name}-stub.ts`, import.meta.url));

export default defineConfig({
  // Relative base: the static build works from any sub-path.
  base: './',
  // mermaidStubs: Mermaid's layout, shape and YAML modules, which its sequence diagrams never run (scripts/).
  plugins: [react(), mermaidStubs()],
  // Mermaid code this app never runs (it draws sequence diagrams only): out of the bundle (src/app/vendor/).
  resolve: {
    alias: [
      { find: /^marked$/, replacement: stub('marked') },
      { find: /^roughjs$/, replacement: stub('roughjs') },
    ],
  },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'threads',
    // jsdom component tests take seconds on a loaded 2-core machine: time-outs are for hangs, not for speed.
    testTimeout: 30_000,
  },
});
