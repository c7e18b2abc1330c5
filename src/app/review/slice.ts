/**
 * The review slice of the store: which view the page shows (player, quiz, presentation, comparison) and
 * the reviewer's notes, kept by procedure and step (step 0: the clause as a whole). Only the notes are persisted.
 */
import { isProcedureId, type ProcedureId } from '../../core/model/ids';
import type { ReviewNotes } from '../../core/formats/walkthrough';
import type { ComparePair, PageMode } from '../url';

export type NotesByProcedure = Partial<Record<ProcedureId, ReviewNotes>>;

export interface ReviewSlice {
  mode: PageMode;
  compare: ComparePair | null;
  notes: NotesByProcedure;
  setMode: (mode: PageMode) => void;
  setCompare: (pair: ComparePair | null) => void;
  /** Writes the note of a step; an empty text removes it. */
  setNote: (procedure: ProcedureId, step: number, text: string) => void;
}

type Set = (update: (state: ReviewSlice) => Partial<ReviewSlice>) => void;

export function withNote(notes: NotesByProcedure, procedure: ProcedureId, step: number, text: string) {
  const own: ReviewNotes = { ...notes[procedure] };
  if (text === '') delete own[step];
  else own[step] = text;
  const next: NotesByProcedure = { ...notes, [procedure]: own };
  if (!Object.keys(own).length) delete next[procedure];
  return next;
}

export function createReviewSlice(set: Set): ReviewSlice {
  return {
    mode: 'player',
    compare: null,
    notes: {},
    setMode: (mode) => set(() => ({ mode })),
    setCompare: (compare) => set(() => ({ compare })),
    setNote: (procedure, step, text) => set((s) => ({ notes: withNote(s.notes, procedure, step, text) })),
  };
}

/** The notes of a saved session, keeping only what has the right shape (a known procedure, a step, a text). */
export function readNotes(value: unknown): NotesByProcedure {
  const notes: NotesByProcedure = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return notes;
  for (const [procedure, steps] of Object.entries(value)) {
    if (!isProcedureId(procedure) || typeof steps !== 'object' || steps === null) continue;
    const own: ReviewNotes = {};
    for (const [step, text] of Object.entries(steps as Record<string, unknown>)) {
      if (/^\d+$/.test(step) && typeof text === 'string' && text !== '') own[Number(step)] = text;
    }
    if (Object.keys(own).length) notes[procedure] = own;
  }
  return notes;
}

/** The notes worth exporting: blank ones left out. */
export function exportedNotes(notes: ReviewNotes | undefined): ReviewNotes {
  return Object.fromEntries(Object.entries(notes ?? {}).filter(([, text]) => text.trim() !== ''));
}
