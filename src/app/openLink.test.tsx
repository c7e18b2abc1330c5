// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRESETS } from '../core/model/presets';
import { loadStoreWith } from './loadStore.testing';
import { STORAGE_KEY } from './storageKey';
import { encodeScenario } from './url';

const MINE = { ...PRESETS[0]!.scenario, title: 'My own work' };
const LINKED = PRESETS.find((p) => p.id === 'validation-refused')!.scenario;

/** A page load with `MINE` saved (storage version 2: before links were restorable), and the page's pieces. */
async function loadWithMine(
  saved: string | null = JSON.stringify({ state: { scenario: MINE, notes: {} }, version: 2 }),
) {
  const store = await loadStoreWith(saved);
  const { applyAddress } = await import('./player/useUrlSync');
  const { undo } = await import('./editor/actions');
  const { Notices } = await import('./Notices');
  return { ...store, applyAddress, undo, Notices };
}

const link = `#scenario=${encodeScenario(LINKED)}`;

describe('opening a link loses nothing', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => cleanup());

  it('the link replaces the rehydrated scenario through setScenario: Undo brings the old one back', async () => {
    const { useApp, applyAddress, undo } = await loadWithMine();
    expect(useApp.getState().scenario).toEqual(MINE);
    applyAddress('?procedure=10.1.4.3.2&step=3', link);
    expect(useApp.getState()).toMatchObject({ scenario: LINKED, procedure: '10.1.4.3.2', step: 3 });
    expect(useApp.getState().past.at(-1)).toEqual(MINE);
    undo();
    expect(useApp.getState().scenario).toEqual(MINE);
  });

  it('a link naming another UE configuration than its scenario opens with the procedure’s, in one Undo', async () => {
    // given my work, and a link to 10.1.4.3.3 carrying a scenario whose UE the primary configures
    const { useApp, applyAddress, undo } = await loadWithMine();
    expect(LINKED.ue.configuredBy).toBe('primary');
    // when it is opened
    applyAddress('?procedure=10.1.4.3.3&step=0', link);
    // then the procedure the link names is shown, and the scenario agrees with it
    expect(useApp.getState().procedure).toBe('10.1.4.3.3');
    expect(useApp.getState().scenario).toEqual({ ...LINKED, ue: { ...LINKED.ue, configuredBy: 'partner' } });
    // and one Undo brings my work back
    undo();
    expect(useApp.getState().scenario).toEqual(MINE);
  });

  it('a notice names the link’s scenario, and Restore brings back the one it replaced', async () => {
    const { useApp, applyAddress, Notices } = await loadWithMine();
    applyAddress('', link);
    render(<Notices />);
    const notice = screen.getByRole('status');
    expect(notice.textContent).toContain(`Opened the scenario from the link (“${LINKED.title}”).`);
    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    expect(useApp.getState().scenario).toEqual(MINE);
    expect(screen.queryByRole('status')).toBeNull();
    expect(useApp.getState().replaced).toBeNull();
    // Restore is itself undoable
    expect(useApp.getState().past.at(-1)).toEqual(LINKED);
  });

  it('also after a reload: what Restore needs is saved', async () => {
    const first = await loadWithMine();
    first.applyAddress('', link);
    const stored = localStorage.getItem(STORAGE_KEY)!;
    expect(JSON.parse(stored)).toMatchObject({
      version: 3,
      state: { scenario: LINKED, replaced: { scenario: MINE, title: LINKED.title } },
    });
    // the reload: the same address, the saved session read again
    const again = await loadWithMine(stored);
    again.applyAddress('', link);
    expect(again.useApp.getState().scenario).toEqual(LINKED);
    render(<again.Notices />);
    expect(screen.getAllByRole('status')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    expect(again.useApp.getState().scenario).toEqual(MINE);
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!)).toMatchObject({
      state: { scenario: MINE, replaced: null },
    });
  });

  it('dismissing the notice lets the replaced scenario go', async () => {
    const { useApp, applyAddress, Notices } = await loadWithMine();
    applyAddress('', link);
    render(<Notices />);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss message' }));
    expect(useApp.getState().replaced).toBeNull();
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!)).toMatchObject({ state: { replaced: null } });
  });

  it('over the untouched default nothing is lost: no notice, and Undo still has the default', async () => {
    const { useApp, applyAddress, DEFAULT_SCENARIO } = await loadWithMine(null);
    applyAddress('', link);
    expect(useApp.getState().scenario).toEqual(LINKED);
    expect(useApp.getState().notices).toEqual([]);
    expect(useApp.getState().past).toEqual([DEFAULT_SCENARIO]);
  });

  it('the scenario already shown: nothing changes, no notice', async () => {
    const { useApp, applyAddress } = await loadWithMine();
    applyAddress('?step=2', `#scenario=${encodeScenario(MINE)}`);
    expect(useApp.getState()).toMatchObject({ scenario: MINE, past: [], notices: [], step: 2 });
  });

  it('a second link: one notice, and Restore brings back the scenario before the second', async () => {
    const { useApp, applyAddress } = await loadWithMine();
    applyAddress('', link);
    const third = PRESETS.find((p) => p.id === 'no-migration-profile')!.scenario;
    applyAddress('', `#scenario=${encodeScenario(third)}`);
    expect(useApp.getState().notices).toHaveLength(1);
    expect(useApp.getState().replaced).toEqual({ scenario: LINKED, title: third.title });
  });

  it('a bad link: an alert, and the scenario on screen stays', async () => {
    const { useApp, applyAddress } = await loadWithMine();
    applyAddress('', '#scenario=%%%');
    expect(useApp.getState().scenario).toEqual(MINE);
    expect(useApp.getState().notices.map((n) => [n.tone ?? 'error', n.text])).toEqual([
      ['error', expect.stringMatching(/^The scenario in the address could not be loaded/)],
    ]);
  });
});
