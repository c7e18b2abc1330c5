/**
 * Whether the page is embedded (`?embed=1`, CONTRACT.md §8): read once, as the page opens, and fixed for its life.
 * An embedded page keeps its state in memory only: it neither reads nor writes the saved session of the simulator
 * (a course page's frame must not show the user's own scenario, nor replace it with the course's).
 */
import type { StateStorage } from 'zustand/middleware';
import { readEmbedUrl, type EmbedReading } from '../url';

export const EMBED: EmbedReading =
  typeof window === 'undefined' ? { embed: false, problems: [] } : readEmbedUrl(window.location.search);

/** The saved session's storage for an embedded page: nothing is read, nothing is kept. */
export const noStorage: StateStorage = {
  getItem: () => null,
  setItem: () => undefined,
  removeItem: () => undefined,
};
