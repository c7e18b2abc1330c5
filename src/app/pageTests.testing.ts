/** What the page's component tests share. For tests only. */
import { vi } from 'vitest';
import { presetScenario } from '../core/presets';
import type { Scenario } from '../core/scenario';

/** The validation-refused preset with its failed check read as "continue" (10.1.4.3.2 step 11's "may", issue 10). */
export function refusedReadAsContinue(): Scenario {
  const base = presetScenario('validation-refused');
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
