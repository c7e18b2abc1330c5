// @vitest-environment jsdom
import { blobText } from './blobText.testing';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PRESETS } from '../core/model/presets';
import type { Scenario } from '../core/model/scenario';
import { loadStoreWith } from './loadStore.testing';

const BASE = PRESETS[0]!.scenario;
const OTHER = PRESETS.find((p) => p.id === 'validation-refused')!.scenario;

/** A scenario that the view below cannot show. */
const unrunnable = (): Scenario => ({ ...structuredClone(BASE), title: 'Fails' });

async function setUp() {
  const store = await loadStoreWith(null);
  const { ViewBoundary } = await import('./ViewBoundary');
  const { useApp } = store;
  /** A view that fails on some scenario, as a view with a bug would (the page's views are covered end to end). */
  function Picky() {
    if (useApp((s) => s.scenario.title) === 'Fails') throw new Error('cannot show “Fails”\nat Picky');
    return <p>{useApp((s) => s.scenario.title)} is shown</p>;
  }
  const view = (name = 'player') =>
    render(
      <ViewBoundary view={name}>
        <Picky />
      </ViewBoundary>,
    );
  return { ...store, view };
}

describe('a view that fails', () => {
  const blobs: Blob[] = [];
  beforeEach(() => {
    blobs.length = 0;
    // React reports the error it caught on the console; the page shows it
    vi.spyOn(console, 'error').mockImplementation(() => {});
    URL.createObjectURL = (blob: Blob) => (blobs.push(blob), 'blob:test');
    URL.revokeObjectURL = () => {};
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('shows what went wrong in one line, in an alert, and ways back; never a blank', async () => {
    const { useApp, view } = await setUp();
    useApp.getState().setScenario(OTHER);
    useApp.getState().setScenario(unrunnable());
    view();
    const alert = screen.getByRole('alert');
    expect(alert.querySelector('p')?.textContent).toBe('The player could not be shown: cannot show “Fails”');
    expect(alert.querySelector('p')?.textContent).not.toContain('\n');
    for (const name of [
      'Load the default scenario',
      'Go back to the previous scenario',
      'Download the input that failed',
    ])
      expect(screen.getByRole('button', { name })).toBeTruthy();
  });

  it('Go back to the previous scenario: the view is back, and Redo has the one that failed', async () => {
    const { useApp, view } = await setUp();
    useApp.getState().setScenario(OTHER);
    const bad = unrunnable();
    useApp.getState().setScenario(bad);
    view();
    fireEvent.click(screen.getByRole('button', { name: 'Go back to the previous scenario' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText(`${OTHER.title} is shown`)).toBeTruthy();
    expect(useApp.getState().scenario).toBe(OTHER);
    expect(useApp.getState().future[0]).toBe(bad);
  });

  it('Load the default scenario: the view is back with it, undoably', async () => {
    const { useApp, view, DEFAULT_SCENARIO } = await setUp();
    const bad = unrunnable();
    useApp.getState().setScenario(bad);
    view();
    fireEvent.click(screen.getByRole('button', { name: 'Load the default scenario' }));
    expect(screen.getByText(`${BASE.title} is shown`)).toBeTruthy();
    expect(useApp.getState().scenario).toEqual(DEFAULT_SCENARIO);
    expect(useApp.getState().past.at(-1)).toBe(bad);
  });

  it('Download the input that failed: the scenario file that failed', async () => {
    const { useApp, view } = await setUp();
    const bad = unrunnable();
    useApp.setState({ scenario: bad, past: [] });
    view('scenario editor');
    expect(screen.getByRole('alert').textContent).toContain(
      'The scenario editor could not be shown: cannot show “Fails”',
    );
    // the first scenario: nothing to go back to
    expect(screen.queryByRole('button', { name: 'Go back to the previous scenario' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Download the input that failed' }));
    expect(blobs).toHaveLength(1);
    const text = await blobText(blobs[0]!);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(bad)));
  });
});
