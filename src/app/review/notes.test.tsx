// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PRESETS } from '../../core/model/presets';
import { loadStoreWith } from '../loadStore.testing';
import { stubPageApis } from '../pageTests.testing';
import { STORAGE_KEY } from '../storageKey';
import { readNotes, withNote, exportedNotes } from './slice';

const KEY = STORAGE_KEY;
const BASE = PRESETS[0]!.scenario;

const loadWith = loadStoreWith;

const stored = () => JSON.parse(localStorage.getItem(KEY) ?? 'null') as { state: unknown; version: number };

describe('review notes in the store', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('a session of version 1 keeps its scenario, and gets no notes', async () => {
    const scenario = { ...BASE, title: 'From version 1' };
    const { useApp, STORAGE_VERSION } = await loadWith(JSON.stringify({ state: { scenario }, version: 1 }));
    expect(STORAGE_VERSION).toBe(3);
    expect(useApp.getState().scenario.title).toBe('From version 1');
    expect(useApp.getState().notes).toEqual({});
    expect(useApp.getState().notices).toEqual([]);
  });

  it('notes are saved by procedure and step, and read back', async () => {
    const first = await loadWith(null);
    first.useApp.getState().setNote('10.1.4.3.3', 4, 'Which profile?');
    first.useApp.getState().setNote('10.1.4.3.2', 0, 'Overall');
    expect(stored()).toEqual({
      state: {
        scenario: BASE,
        notes: { '10.1.4.3.3': { 4: 'Which profile?' }, '10.1.4.3.2': { 0: 'Overall' } },
        replaced: null,
      },
      version: 3,
    });
    vi.resetModules();
    const again = await import('../store');
    expect(again.useApp.getState().notes).toEqual({
      '10.1.4.3.3': { 4: 'Which profile?' },
      '10.1.4.3.2': { 0: 'Overall' },
    });
  });

  it('a broken scenario does not lose the notes; broken notes are dropped, not fatal', async () => {
    const saved = {
      state: {
        scenario: { format: 'nope' },
        notes: { '10.1.4.3.3': { 2: 'kept', x: 'bad step', 3: 7 }, '9.9': { 1: 'unknown procedure' } },
      },
      version: 2,
    };
    const { useApp, DEFAULT_SCENARIO } = await loadWith(JSON.stringify(saved));
    expect(useApp.getState().scenario).toEqual(DEFAULT_SCENARIO);
    expect(useApp.getState().notices).toHaveLength(1);
    expect(useApp.getState().notes).toEqual({ '10.1.4.3.3': { 2: 'kept' } });
  });

  it('the note field writes through the store, and the step list shows the note', async () => {
    stubPageApis();
    const { useApp } = await loadWith(null);
    const { NoteField } = await import('./NoteField');
    const { StepList } = await import('../player/StepList');
    const { simulate } = await import('../../core/engine/run');
    const steps = simulate(BASE, '10.1.4.3.3').steps;
    const view = () => (
      <>
        <NoteField procedure="10.1.4.3.3" step={5} />
        <StepList
          steps={steps}
          current={5}
          onSelect={() => {}}
          notes={useApp.getState().notes['10.1.4.3.3']}
        />
      </>
    );
    const { rerender } = render(view());
    fireEvent.change(screen.getByLabelText('Review note for step 5'), { target: { value: 'Check this' } });
    expect(useApp.getState().notes).toEqual({ '10.1.4.3.3': { 5: 'Check this' } });
    rerender(view());
    const items = screen.getAllByRole('listitem');
    expect(items[4]!.textContent).toContain('Review note Check this');
    expect(items.filter((item) => item.textContent?.includes('Review note'))).toHaveLength(1);
  });
});

describe('note helpers', () => {
  it('an empty text removes the note, and an empty procedure', () => {
    const one = withNote({}, '10.1.4.3.1', 2, 'a');
    expect(one).toEqual({ '10.1.4.3.1': { 2: 'a' } });
    expect(withNote(one, '10.1.4.3.1', 2, '')).toEqual({});
  });

  it('reads only what has the right shape', () => {
    expect(readNotes(undefined)).toEqual({});
    expect(readNotes([1, 2])).toEqual({});
    expect(readNotes({ '10.1.4.x.2': { 0: 'x', '-1': 'neg', 1: '' } })).toEqual({ '10.1.4.x.2': { 0: 'x' } });
  });

  it('exports no blank notes', () => {
    expect(exportedNotes({ 1: ' ', 2: 'b' })).toEqual({ 2: 'b' });
    expect(exportedNotes(undefined)).toEqual({});
  });
});
