// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PRESETS, presetScenario } from '../core/model/presets';
import { loadStoreWith } from './loadStore.testing';
import { STORAGE_KEY } from './storageKey';

const BASE = PRESETS[0]!.scenario;
const OTHER = presetScenario('validation-refused');
const KEPT = `${STORAGE_KEY}.unreadable`;
const saved = () => JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as unknown;

const load = loadStoreWith;

describe('older saved sessions (storage version 3)', () => {
  beforeEach(() => localStorage.clear());

  it('version 1 (the scenario only): the scenario kept, no notes, nothing replaced', async () => {
    const scenario = { ...BASE, title: 'From version 1' };
    const { useApp, STORAGE_VERSION } = await load(JSON.stringify({ state: { scenario }, version: 1 }));
    expect(STORAGE_VERSION).toBe(3);
    expect(useApp.getState()).toMatchObject({ scenario, notes: {}, replaced: null, notices: [] });
  });

  it('version 2 (and notes): both kept, and written back as version 3 with nothing lost', async () => {
    const scenario = { ...BASE, title: 'From version 2' };
    const notes = { '10.1.4.3.3': { 4: 'kept' } };
    const { useApp } = await load(JSON.stringify({ state: { scenario, notes }, version: 2 }));
    expect(useApp.getState()).toMatchObject({ scenario, notes, replaced: null, notices: [] });
    expect(saved()).toEqual({ state: { scenario, notes, replaced: null }, version: 3 });
  });

  it('a state that cannot be written as JSON leaves what was saved, and nothing throws', async () => {
    const { useApp } = await load(null);
    useApp.getState().setScenario(OTHER);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => useApp.getState().setScenario({ ...BASE, extra: deep })).not.toThrow();
    expect(saved()).toMatchObject({ state: { scenario: OTHER } });
  });
});

describe('a saved session that cannot be read is kept aside', () => {
  beforeEach(() => {
    localStorage.clear();
    URL.createObjectURL = () => 'blob:test';
    URL.revokeObjectURL = () => {};
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  const UNREADABLE: { name: string; text: string; notice: RegExp }[] = [
    { name: 'not JSON', text: '{"state": {"scen', notice: /^The saved session could not be read/ },
    { name: 'not a session', text: '[1, 2]', notice: /^The saved session could not be read/ },
    {
      name: 'an invalid scenario',
      text: JSON.stringify({ state: { scenario: { ...BASE, version: 7 }, notes: {} }, version: 2 }),
      notice: /^The saved scenario could not be read \(version: expected 1/,
    },
    {
      name: 'a newer version',
      text: JSON.stringify({ state: { scenario: BASE, more: 1 }, version: 9 }),
      notice: /^The saved session is from a newer version of the simulator \(storage version 9/,
    },
  ];

  it.each(UNREADABLE)(
    '$name: kept as it was, not written over, and a notice to choose',
    async ({ text, notice }) => {
      const { useApp, DEFAULT_SCENARIO } = await load(text);
      expect(useApp.getState().scenario).toEqual(DEFAULT_SCENARIO);
      expect(localStorage.getItem(KEPT)).toBe(text);
      const [only, ...rest] = useApp.getState().notices;
      expect(rest).toEqual([]);
      expect(only?.text).toMatch(notice);
      expect(only?.text).toMatch(/It is kept aside until you download or discard it\.$/);
      // the page goes on and saves its own session; the kept one stays
      useApp.getState().setScenario(OTHER);
      expect(saved()).toMatchObject({ state: { scenario: OTHER }, version: 3 });
      expect(localStorage.getItem(KEPT)).toBe(text);
    },
  );

  it('Download it offers the text as it was; Discard it removes it and the notice', async () => {
    const text = '{"state": {"scen';
    await load(text);
    const files: { name: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      files.push({ name: this.download });
    });
    const { Notices } = await import('./Notices');
    render(<Notices />);
    fireEvent.click(screen.getByRole('button', { name: 'Download it' }));
    expect(files).toEqual([{ name: `${KEPT}.txt` }]);
    // downloading does not discard it
    expect(localStorage.getItem(KEPT)).toBe(text);
    expect(screen.getByRole('alert')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Discard it' }));
    expect(localStorage.getItem(KEPT)).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('stays until the user chooses: the next visit says so again', async () => {
    const { useApp } = await load(JSON.stringify({ state: { scenario: OTHER }, version: 2 }), {
      [KEPT]: 'old text',
    });
    expect(useApp.getState().scenario).toEqual(OTHER);
    expect(useApp.getState().notices.map((n) => [n.text, n.actions])).toEqual([
      [
        'A saved session that could not be read is kept aside from an earlier visit.',
        [
          { kind: 'download-kept', key: KEPT },
          { kind: 'discard-kept', key: KEPT },
        ],
      ],
    ]);
  });

  it('a second one is kept beside the first', async () => {
    const { useApp } = await load('second {', { [KEPT]: 'first {' });
    expect(localStorage.getItem(KEPT)).toBe('first {');
    expect(localStorage.getItem(`${KEPT}.2`)).toBe('second {');
    expect(useApp.getState().notices).toHaveLength(2);
  });

  it('when it cannot be kept aside, it is not written over either', async () => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with .call(this) on the storage
    const setItem = Storage.prototype.setItem;
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, key, value) {
      if (key.startsWith(KEPT)) throw new DOMException('full', 'QuotaExceededError');
      setItem.call(this, key, value);
    });
    const { useApp } = await load('not a session');
    expect(useApp.getState().notices[0]?.text).toMatch(
      /It is left where it is: this session will not be saved\.$/,
    );
    useApp.getState().setScenario(OTHER);
    expect(localStorage.getItem(STORAGE_KEY)).toBe('not a session');
  });
});

describe('a saved scenario whose UE the primary configures, opened at the bare address', () => {
  const PRIMARY = presetScenario('primary-configures');
  const savedPrimary = JSON.stringify({ state: { scenario: PRIMARY, notes: {} }, version: 3 });
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    vi.doUnmock('./player/mermaid');
    vi.restoreAllMocks();
  });

  it('opens on 10.1.4.3.2 with the scenario as saved: no rewrite to "partner", nothing to undo', async () => {
    // given a saved session with `ue.configuredBy: "primary"` (the procedure is not saved)
    expect(PRIMARY.ue.configuredBy).toBe('primary');
    const { useApp } = await load(savedPrimary);
    // when the page reads the saved session and then an address that names no procedure
    const { applyAddress } = await import('./player/useUrlSync');
    applyAddress('', '');
    // then the procedure follows the saved scenario, which stays as it was
    const s = useApp.getState();
    expect(s.procedure).toBe('10.1.4.3.2');
    expect(s.scenario).toEqual(PRIMARY);
    expect(s.scenario.ue.configuredBy).toBe('primary');
    expect(s.past).toEqual([]);
    expect(s.notices).toEqual([]);
  });

  it('the first render (before React) draws 10.1.4.3.2 of that scenario too', async () => {
    await load(savedPrimary);
    const rendered: string[] = [];
    vi.doMock('./player/mermaid', () => ({
      renderDiagram: (text: string) => {
        rendered.push(text);
        return new Promise(() => {});
      },
    }));
    const { startFirstDiagram } = await import('./firstDiagram');
    const { runOf } = await import('./useRun');
    expect(startFirstDiagram('default')).not.toBeNull();
    expect(rendered).toEqual([runOf(PRIMARY, '10.1.4.3.2').diagram.text]);
  });
});
