import { create } from 'zustand';
import { createJSONStorage, persist, type PersistStorage } from 'zustand/middleware';
import type { ProcedureId } from '../core/model/ids';
import { PRESETS } from '../core/model/presets';
import { procedureFor, scenarioFor } from '../core/engine/run';
import type { Scenario } from '../core/model/scenario';
import { EMBED, noStorage } from './embed/embedMode';
import { newNotice, type Notice } from './notice';
import { createReviewSlice, type ReviewSlice } from './review/slice';
import {
  STORAGE_VERSION,
  mergeSaved,
  migrateSaved,
  safeStorage,
  type Replaced,
  type SavedState,
} from './savedSession';
import { STORAGE_KEY } from './storageKey';

export type { Notice, NoticeAction } from './notice';

export const SPEEDS = [0.5, 1, 2] as const;
export type Speed = (typeof SPEEDS)[number];

const DEFAULT_PRESET = PRESETS[0]!;
export const DEFAULT_SCENARIO: Scenario = DEFAULT_PRESET.scenario;
export const DEFAULT_PROCEDURE: ProcedureId = DEFAULT_PRESET.procedure;
const HISTORY_LIMIT = 100;

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
  /** The States view beside the diagram: each entity's statechart (`&states=1`, CONTRACT.md §12). */
  states: boolean;
  setStates: (on: boolean) => void;
}

export interface NoticeSlice {
  notices: Notice[];
  notify: (text: string, options?: Omit<Notice, 'id' | 'text'>) => void;
  /** Removes a notice; dismissing the notice of a replaced scenario lets that scenario go. */
  dismiss: (id: number) => void;
}

/** The scenario that opening a link replaced, one click (Restore) away, across reloads too. */
export interface LinkSlice {
  /** Set by openLink.ts (`openLinked`, `restoreReplaced`); dismissing its notice clears it. */
  replaced: Replaced | null;
}

export type AppState = ScenarioSlice & PlaybackSlice & NoticeSlice & LinkSlice & ReviewSlice;

export { STORAGE_KEY, STORAGE_VERSION };

/**
 * persist writes after every change of the store, stepping included; the saved part (scenario, notes, replaced) changes only
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
      try {
        return storage.setItem(name, value);
      } catch {
        // A state that cannot be written as JSON (nested too deep for it): what was saved before stays.
        last = null;
      }
    },
  };
}

export const useApp = create<AppState>()(
  persist<AppState, [], [], unknown>(
    (set) => ({
      scenario: DEFAULT_SCENARIO,
      past: [],
      future: [],
      // Every change of the scenario keeps the procedure shown in agreement with its `ue.configuredBy`, and every
      // change of the procedure the scenario (core/engine/run.ts procedureFor, scenarioFor): they never disagree.
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
      states: false,
      setStates: (states) => set({ states }),

      notices: [],
      notify: (text, options) => set((s) => ({ notices: [...s.notices, newNotice(text, options)] })),
      dismiss: (id) =>
        set((s) => {
          const notice = s.notices.find((n) => n.id === id);
          const letGo = notice?.actions?.some((a) => a.kind === 'restore') ?? false;
          return { notices: s.notices.filter((n) => n !== notice), ...(letGo ? { replaced: null } : {}) };
        }),

      replaced: null,

      ...createReviewSlice(set),
    }),
    {
      name: STORAGE_KEY,
      version: STORAGE_VERSION,
      // Embedded (CONTRACT.md §8): in memory only, the saved session neither read nor written.
      storage: writeOnChange(createJSONStorage<unknown>(() => (EMBED.embed ? noStorage : safeStorage))),
      partialize: (s): SavedState => ({ scenario: s.scenario, notes: s.notes, replaced: s.replaced }),
      migrate: migrateSaved,
      // The procedure is not saved: it follows the saved scenario's `ue.configuredBy` (a UE configured by the
      // primary opens on 10.1.4.3.2), so an address that names no procedure neither rewrites it nor adds an undo.
      merge: (persisted, current) => {
        const merged = mergeSaved(persisted, current);
        return { ...merged, procedure: procedureFor(merged.scenario, merged.procedure) };
      },
    },
  ),
);
