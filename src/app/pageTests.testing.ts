/** What the page's component tests share. For tests only. */
import { vi } from 'vitest';

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
