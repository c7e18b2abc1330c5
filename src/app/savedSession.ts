/**
 * The session kept in localStorage (zustand `persist`, src/app/store.ts): what is saved, how older versions are read,
 * and what happens to a saved session that cannot be read (not JSON, not a session, an invalid scenario, a newer
 * version): it is kept aside under its own key, never written over, until the user downloads or discards it.
 */
import type { StateStorage } from 'zustand/middleware';
import { parseScenarioValue, type Scenario } from '../core/model/scenario';
import { errorLine, newNotice, type Notice, type NoticeAction } from './notice';
import { readNotes, type NotesByProcedure } from './review/slice';
import { STORAGE_KEY } from './storageKey';
import { parseOptions } from './xmlSupport';

/** 1: the scenario; 2: and the review notes; 3: and the scenario a link replaced. */
export const STORAGE_VERSION = 3;

/** Where a saved session that could not be read is kept: this key, then `.2`, `.3`, … while those are taken. */
export const KEPT_KEY = `${STORAGE_KEY}.unreadable`;
const MAX_KEPT = 10;
const keptKey = (n: number) => (n === 1 ? KEPT_KEY : `${KEPT_KEY}.${n}`);

/** The scenario a link replaced (restorable), and the title of the link's scenario. */
export interface Replaced {
  scenario: Scenario;
  title: string;
}

/** What is saved. */
export interface SavedState {
  scenario: Scenario;
  notes: NotesByProcedure;
  replaced: Replaced | null;
}

/** The part of the store that a saved session sets. */
export interface SessionFields extends SavedState {
  notices: Notice[];
}

function tryGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

// The text read from storage at the last hydration, as it was (what is kept aside if it cannot be read), and
// whether this page may save over it (not when it could not be kept aside).
let lastRead: string | null = null;
let mayWrite = true;

/** localStorage that never throws: a broken or unavailable storage is reported, not fatal. */
export const safeStorage: StateStorage = {
  getItem: (name) => {
    const text = tryGet(name);
    lastRead = text;
    return text === null ? null : readable(text);
  },
  setItem: (name, value) => {
    if (name === STORAGE_KEY && !mayWrite) return;
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

/**
 * What was saved, if it is a saved session at all; anything else (not JSON, not an object with a `state`) becomes
 * a marker that `mergeSaved` reports, instead of being dropped without a word.
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

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Older sessions read as this version: 0 had no scenario worth keeping, 1 the scenario only (no notes), 2 no
 * replaced scenario. A newer version's session is not read: `mergeSaved` reports it and keeps it aside.
 */
export function migrateSaved(persisted: unknown, version: number): unknown {
  if (version > STORAGE_VERSION) return { newer: version };
  const state = isObject(persisted) ? persisted : {};
  return {
    ...state,
    ...(version < 2 ? { notes: {} } : {}),
    ...(version < 3 ? { replaced: null } : {}),
  };
}

/** Keeps `text` aside under the first free kept key (or the one already holding it); null if it could not. */
function keepAside(text: string): string | null {
  try {
    for (let n = 1; n <= MAX_KEPT; n++) {
      const key = keptKey(n);
      const there = localStorage.getItem(key);
      if (there === text) return key;
      if (there !== null) continue;
      localStorage.setItem(key, text);
      return localStorage.getItem(key) === text ? key : null;
    }
  } catch {
    /* no room, or no storage */
  }
  return null;
}

/** The kept-aside sessions there are now. */
export function keptKeys(): string[] {
  const keys: string[] = [];
  for (let n = 1; n <= MAX_KEPT; n++) if (tryGet(keptKey(n)) !== null) keys.push(keptKey(n));
  return keys;
}

/** The text of a kept-aside session (null if it is gone). */
export const keptText = (key: string): string | null => tryGet(key);

export function discardKept(key: string): void {
  safeStorage.removeItem(key);
}

/** A file name for a kept-aside session: `.json` if it is JSON at all. */
export function keptFileName(key: string, text: string): string {
  const base = key.replace(/[^\w.-]+/g, '-');
  try {
    JSON.parse(text);
    return `${base}.json`;
  } catch {
    return `${base}.txt`;
  }
}

const keptActions = (key: string): NoticeAction[] => [
  { kind: 'download-kept', key },
  { kind: 'discard-kept', key },
];

/** The notice that a link replaced a scenario, which Restore brings back. */
export function replacedNotice(title: string): Notice {
  return newNotice(`Opened the scenario from the link (“${title || 'untitled'}”).`, {
    tone: 'info',
    actions: [{ kind: 'restore' }],
  });
}

type Reading =
  | { ok: true; scenario: Scenario; notes: NotesByProcedure; replaced: Replaced | null }
  | { ok: false; text: string; notes: NotesByProcedure | null };

const shown = 'the default scenario is shown';

function readReplaced(value: unknown): Replaced | null {
  if (!isObject(value)) return null;
  const parsed = parseScenarioValue(value.scenario, parseOptions());
  if (!parsed.ok) return null;
  return { scenario: parsed.scenario, title: typeof value.title === 'string' ? value.title : '' };
}

function read(persisted: unknown): Reading {
  if (!isObject(persisted))
    return { ok: false, text: `The saved session could not be read; ${shown}.`, notes: null };
  if (typeof persisted.newer === 'number')
    return {
      ok: false,
      text:
        `The saved session is from a newer version of the simulator (storage version ${persisted.newer}; this one ` +
        `reads up to ${STORAGE_VERSION}); ${shown}.`,
      notes: null,
    };
  if (persisted.unreadable === true)
    return {
      ok: false,
      text: `The saved session could not be read (it is not a saved scenario); ${shown}.`,
      notes: null,
    };
  // The notes survive whatever happens to the scenario.
  const notes = readNotes(persisted.notes);
  const parsed = parseScenarioValue(persisted.scenario, parseOptions());
  if (!parsed.ok) {
    const first = parsed.issues[0];
    const why = first ? `${first.path}: ${first.message}` : 'invalid';
    return { ok: false, text: `The saved scenario could not be read (${why}); ${shown}.`, notes };
  }
  return { ok: true, scenario: parsed.scenario, notes, replaced: readReplaced(persisted.replaced) };
}

/**
 * The store after reading the saved session (persist's `merge`): the saved scenario, notes and replaced scenario;
 * or, for one that cannot be read, the defaults, a notice, and the session kept aside. Never throws.
 */
export function mergeSaved<S extends SessionFields>(persisted: unknown, current: S): S {
  mayWrite = true;
  let reading: Reading | null = null;
  if (persisted !== undefined && persisted !== null) {
    try {
      reading = read(persisted);
    } catch (error) {
      reading = {
        ok: false,
        text: `The saved session could not be read (${errorLine(error)}); ${shown}.`,
        notes: null,
      };
    }
  }
  const notices = [...current.notices];
  let next: S = current;
  let justKept: string | null = null;
  if (reading?.ok) {
    next = { ...current, scenario: reading.scenario, notes: reading.notes, replaced: reading.replaced };
  } else if (reading) {
    if (reading.notes) next = { ...current, notes: reading.notes };
    justKept = lastRead === null ? null : keepAside(lastRead);
    if (justKept) {
      notices.push(
        newNotice(`${reading.text} It is kept aside until you download or discard it.`, {
          actions: keptActions(justKept),
        }),
      );
    } else {
      // Not kept aside (no room): then it is not written over either.
      mayWrite = false;
      notices.push(newNotice(`${reading.text} It is left where it is: this session will not be saved.`));
    }
  }
  for (const key of keptKeys()) {
    if (key === justKept) continue;
    notices.push(
      newNotice('A saved session that could not be read is kept aside from an earlier visit.', {
        actions: keptActions(key),
      }),
    );
  }
  if (next.replaced) notices.push(replacedNotice(next.replaced.title));
  return { ...next, notices };
}
