/**
 * Loaded only with `?bench` in the address: lets `npm run bench` time a warm, uncached Mermaid render of the diagram
 * on screen, in the same page as the stepping it compares with.
 */
import { renderUncached } from './player/mermaid';
import { useApp } from './store';
import { runOf } from './useRun';

export interface BenchHook {
  diagramText: () => string;
  renderFull: () => Promise<number>;
}

declare global {
  interface Window {
    __mcxBench?: BenchHook;
  }
}

export function installBenchHook(): void {
  const diagramText = () => {
    const { scenario, procedure } = useApp.getState();
    return runOf(scenario, procedure).diagram.text;
  };
  window.__mcxBench = {
    diagramText,
    renderFull: async () => {
      const start = performance.now();
      const outcome = await renderUncached(diagramText(), 'default');
      if (!outcome.ok) throw new Error(outcome.error);
      return performance.now() - start;
    },
  };
}
