import { create } from 'zustand';
import { createJSONStorage, persist, type PersistStorage, type StateStorage } from 'zustand/middleware';
import type { ProcedureId } from '../core/ids';
import { PRESETS } from '../core/presets';
import { procedureFor, scenarioFor } from '../core/run';
import { parseScenarioValue, type Scenario } from '../core/scenario';
import { parseOptions } from './xmlSupport';
import { createReviewSlice, readNotes, type ReviewSlice } from './review/slice';

export const SPEEDS = [0.5, 1, 2] as const;
export type Speed = (typeof SPEEDS)[number];

const DEFAULT_PRESET = PRESETS[0]!;
export const DEFAULT_SCENARIO: Scenario = DEFAULT_PRESET.scenario;
export const DEFAULT_PROCEDURE: ProcedureId = DEFAULT_PRESET.procedure;
const HISTORY_LIMIT = 100;

export interface Notice {
  id: number;
  text: string;
}

export interface ScenarioSlice {
  scenario: Scenario;
  past: Scenario[];
  future: Scenario[];
  /** Every edit goes through here: it can be undone. */
  setScenario: (next: Scenario) => void;
  undo: () => void;
  redo: () => void;
}

export interface PlaybackSlice {
  procedure: ProcedureId;
  /** 0 = before step 1. */
  step: number;
  playing: boolean;
  speed: Speed;
  setProcedure: (procedure: ProcedureId, step?: number) => void;
  goTo: (step: number) => void;
  setPlaying: (playing: boolean) => void;
  setSpeed: (speed: Speed) => void;
  /** The diagram's reference-point toggle: each arrow names CSC-4, CSC-13 or CSC-17. */
  referencePoints: boolean;
  setReferencePoints: (on: boolean) => void;
}

export interface NoticeSlice {
  notices: Notice[];
  notify: (text: string) => void;
  dismiss: (id: number) => void;
}

export type AppState = ScenarioSlice & PlaybackSlice & NoticeSlice & ReviewSlice;

let noticeId = 0;

/** localStorage that never throws: a broken or unavailable storage is reported, not fatal. */
const safeStorage: StateStorage = {
  getItem: (name) => {
    let text: string | null;
    try {
      text = localStorage.getItem(name);
    } catch {
      return null;
    }
    return text === null ? null : readable(text);
  },
  setItem: (name, value) => {
    try {
      localStorage.setItem(name, value);
    } catch {
      /* storage full or disabled: the session still works */
    }
  },
  removeItem: (name) => {
    try {
      localStorage.removeItem(name);
    } catch {
      /* ignore */
    }
  },
};

import { STORAGE_KEY } from './storageKey';

export { STORAGE_KEY };
/** 1: the scenario; 2: and the review notes (issue 5). */
export const STORAGE_VERSION = 2;

/**
 * What was saved, if it is a saved session at all; anything else (not JSON, not an object with a `state`) becomes
 * a marker that `merge` reports, instead of being dropped without a word.
 */
function readable(text: string): string {
  try {
    const saved: unknown = JSON.parse(text);
    const state = (saved as { state?: unknown } | null)?.state;
    if (typeof state === 'object' && state !== null) return text;
  } catch {
    /* reported below */
  }
  return JSON.stringify({ state: { unreadable: true }, version: STORAGE_VERSION });
}

/**
 * persist writes after every change of the store, stepping included; the saved part (scenario, notes) changes only
 * on edits, so a write is skipped while those are the same objects as last written.
 */
function writeOnChange<S>(storage: PersistStorage<S> | undefined): PersistStorage<S> | undefined {
  if (!storage) return storage;
  let last: S | null = null;
  const same = (a: S, b: S) => {
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    return Object.keys(x).every((k) => x[k] === y[k]);
  };
  return {
    ...storage,
    setItem: (name, value) => {
      if (last && same(value.state, last)) return;
      last = value.state;
      return storage.setItem(name, value);
    },
  };
}

export const useApp = create<AppState>()(
  persist(
    (set) => ({
      scenario: DEFAULT_SCENARIO,
      past: [],
      future: [],
      // Every change of the scenario keeps the procedure shown in agreement with its `ue.configuredBy`, and every
      // change of the procedure the scenario (core/run.ts procedureFor, scenarioFor): they never disagree.
      setScenario: (next) =>
        set((s) =>
          next === s.scenario
            ? s
            : {
                scenario: next,
                procedure: procedureFor(next, s.procedure),
                past: [...s.past, s.scenario].slice(-HISTORY_LIMIT),
                future: [],
              },
        ),
      undo: () =>
        set((s) => {
          const previous = s.past[s.past.length - 1];
          return previous
            ? {
                scenario: previous,
                procedure: procedureFor(previous, s.procedure),
                past: s.past.slice(0, -1),
                future: [s.scenario, ...s.future],
              }
            : s;
        }),
      redo: () =>
        set((s) => {
          const [next, ...rest] = s.future;
          return next
            ? {
                scenario: next,
                procedure: procedureFor(next, s.procedure),
                past: [...s.past, s.scenario],
                future: rest,
              }
            : s;
        }),

      procedure: DEFAULT_PROCEDURE,
      step: 0,
      playing: false,
      speed: 1,
      setProcedure: (procedure, step = 0) =>
        set((s) => {
          const scenario = scenarioFor(s.scenario, procedure);
          if (scenario === s.scenario) return { procedure, step, playing: false };
          // Choosing 10.1.4.3.2 is choosing a UE configured by the primary: an edit of the scenario, undoable.
          return {
            procedure,
            step,
            playing: false,
            scenario,
            past: [...s.past, s.scenario].slice(-HISTORY_LIMIT),
            future: [],
          };
        }),
      goTo: (step) => set({ step: Math.max(0, step) }),
      setPlaying: (playing) => set({ playing }),
      setSpeed: (speed) => set({ speed }),
      referencePoints: false,
      setReferencePoints: (referencePoints) => set({ referencePoints }),

      notices: [],
      notify: (text) => set((s) => ({ notices: [...s.notices, { id: ++noticeId, text }] })),
      dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),

      ...createReviewSlice(set),
    }),
    {
      name: STORAGE_KEY,
      version: STORAGE_VERSION,
      storage: writeOnChange(createJSONStorage(() => safeStorage)),
      partialize: (s) => ({ scenario: s.scenario, notes: s.notes }),
      // Version 0 had no stored scenario worth keeping; version 1 had the scenario only (kept, with no notes).
      // A newer version's session is not read: merge reports it, and the default is shown.
      migrate: (persisted, version) => {
        if (version > STORAGE_VERSION) return { newer: version };
        const state = (typeof persisted === 'object' && persisted !== null ? persisted : {}) as {
          scenario?: Scenario;
          notes?: unknown;
        };
        return version < 2 ? { ...state, notes: {} } : state;
      },
      merge: (persisted, saved) => {
        if (persisted === undefined || persisted === null) return saved;
        const newer = (persisted as { newer?: unknown }).newer;
        if (typeof newer === 'number') {
          const text =
            `The saved session is from a newer version of the simulator (storage version ${newer}; this one reads ` +
            `up to ${STORAGE_VERSION}); the default scenario is shown.`;
          return { ...saved, notices: [...saved.notices, { id: ++noticeId, text }] };
        }
        // The notes survive whatever happens to the scenario.
        const current = { ...saved, notes: readNotes((persisted as { notes?: unknown }).notes) };
        if ((persisted as { unreadable?: unknown }).unreadable === true) {
          return {
            ...current,
            notices: [
              ...current.notices,
              {
                id: ++noticeId,
                text: 'The saved session could not be read (it is not a saved scenario); the default scenario is shown.',
              },
            ],
          };
        }
        const stored = (persisted as { scenario?: unknown }).scenario;
        const parsed = parseScenarioValue(stored, parseOptions());
        if (parsed.ok) return { ...current, scenario: parsed.scenario };
        const first = parsed.issues[0];
        return {
          ...current,
          notices: [
            ...current.notices,
            {
              id: ++noticeId,
              text: `The saved scenario could not be read (${first ? `${first.path}: ${first.message}` : 'invalid'}); the default scenario is shown.`,
            },
          ],
        };
      },
    },
  ),
);
