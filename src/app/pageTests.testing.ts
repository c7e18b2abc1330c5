/** What the page's component tests share. For tests only. */
import { vi } from 'vitest';
import { PRESETS } from '../core/presets';
import type { Scenario } from '../core/scenario';

/** A preset's scenario by id. */
export function preset(id: string): Scenario {
  const found = PRESETS.find((p) => p.id === id);
  if (!found) throw new Error(`no preset ${id}`);
  return found.scenario;
}

/** The validation-refused preset with its failed check read as "continue" (10.1.4.3.2 step 11's "may", issue 10). */
export function refusedReadAsContinue(): Scenario {
  const base = preset('validation-refused');
  return {
    ...base,
    primary: { ...base.primary, validation: { ...base.primary.validation, onFailure: 'continue' } },
  };
}

/** What jsdom lacks and the player uses: media queries (none match) and scrolling (a no-op). */
export function stubPageApis(): void {
  vi.stubGlobal('matchMedia', (media: string) => ({
    matches: false,
    media,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
  Element.prototype.scrollIntoView = () => {};
}
