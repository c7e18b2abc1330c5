// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { decompressFromEncodedURIComponent } from 'lz-string';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRESETS } from '../../core/model/presets';
import { loadStoreWith } from '../loadStore.testing';
import { exportName, exportText, importText } from './file';
import { buildLink } from './link';

const BASE = PRESETS[0]!.scenario;

const loadWith = loadStoreWith;

describe('the saved session', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => cleanup());

  it('is restored on load', async () => {
    const scenario = { ...BASE, title: 'Saved before' };
    const { useApp } = await loadWith(JSON.stringify({ state: { scenario }, version: 1 }));
    expect(useApp.getState().scenario.title).toBe('Saved before');
    expect(useApp.getState().notices).toEqual([]);
  });

  it.each([
    ['not JSON', '{"state": {"scen'],
    ['JSON but no session', '"hello"'],
    ['null', 'null'],
  ])('unreadable (%s): a notice and the default scenario, never a crash', async (_, saved) => {
    const { useApp, DEFAULT_SCENARIO } = await loadWith(saved);
    expect(useApp.getState().scenario).toEqual(DEFAULT_SCENARIO);
    expect(useApp.getState().notices.map((n) => n.text)).toEqual([
      expect.stringContaining('could not be read'),
    ]);
    const { Notices } = await import('../Notices');
    render(<Notices />);
    expect(screen.getByRole('alert').textContent).toContain('the default scenario is shown');
  });

  it('breaking the schema: the notice names the path', async () => {
    const scenario = structuredClone(BASE) as unknown as { primary: { profiles: { priority: unknown }[] } };
    scenario.primary.profiles[0]!.priority = 300;
    const { useApp } = await loadWith(JSON.stringify({ state: { scenario }, version: 1 }));
    expect(useApp.getState().notices[0]?.text).toContain(
      'primary.profiles[0].priority: expected an integer 0..255, got 300',
    );
    expect(useApp.getState().scenario.primary.profiles[0]?.priority).toBe(6);
  });
});

describe('link and files', () => {
  afterEach(() => cleanup());

  it('builds ?procedure&step#scenario with the lz-string of the scenario JSON in the fragment', () => {
    const link = buildLink('http://host/app/?mode=quiz&scenario=old#x', '10.1.4.3.2', 4, BASE);
    const match = /^http:\/\/host\/app\/\?procedure=10\.1\.4\.3\.2&step=4#scenario=([\w$+-]+)$/.exec(link);
    expect(match).not.toBeNull();
    expect(JSON.parse(decompressFromEncodedURIComponent(match![1]!))).toEqual(BASE);
  });

  it('exports pretty-printed JSON named after the title, and reads it back', async () => {
    expect(exportName(BASE)).toBe('officer-migrates-from-metro-to-county.json');
    expect(exportName({ ...BASE, title: '  ' })).toBe('scenario.json');
    const text = exportText(BASE);
    expect(text.split('\n')[1]).toBe('  "format": "mcx-migration-scenario",');
    expect(await importText('x.json', text)).toEqual({ ok: true, scenario: BASE });
  });

  it('refuses a file that is not a scenario, naming the path', async () => {
    const broken = structuredClone(BASE) as unknown as { partner: { systemId: string } };
    broken.partner.systemId = '';
    const result = await importText('broken.json', JSON.stringify(broken));
    expect(result).toEqual({
      ok: false,
      message:
        '“broken.json” is not a valid scenario: partner.systemId: expected a non-empty system id, got "". The current scenario is kept.',
    });
  });

  it('refuses a file past the limits (CONTRACT.md §6) before reading it as a scenario', async () => {
    const deep = JSON.stringify(BASE).replace(/}$/, `,"extra":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    expect(await importText('deep.json', deep)).toEqual({
      ok: false,
      message: `“deep.json” is not a valid scenario: extra${'[0]'.repeat(18)}…: nested more than 64 levels deep, over the limit of 64. The current scenario is kept.`,
    });
    const long = JSON.stringify({ ...BASE, title: 'x'.repeat(10_001) });
    const result = await importText('long.json', long);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(
      'title: a string of 10,001 characters is over the limit of 10,000',
    );
  });

  it('Import refuses a broken file with an alert and keeps the scenario on screen', async () => {
    const { useApp } = await loadWith(null);
    const { Editor } = await import('./Editor');
    const { Notices } = await import('../Notices');
    const before = useApp.getState().scenario;
    render(
      <>
        <Notices />
        <Editor />
      </>,
    );
    const content = '{"format": "mcx-migration-scenario", "version": 2}';
    const file = new File([content], 'old.json', { type: 'application/json' });
    // jsdom's File has no text(); the browser's has.
    Object.assign(file, { text: () => Promise.resolve(content) });
    fireEvent.change(screen.getByLabelText('Import'), { target: { files: [file] } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('“old.json” is not a valid scenario: version: expected 1');
    expect(useApp.getState().scenario).toBe(before);
  });

  it('Copy link falls back to a visible field when the clipboard is unavailable', async () => {
    await loadWith(null);
    const { Editor } = await import('./Editor');
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    render(<Editor />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    const field = await waitFor(() => screen.getByLabelText<HTMLInputElement>(/^Link to this scenario/));
    expect(field.value).toMatch(/\?procedure=10\.1\.4\.3\.3&step=0#scenario=/);
  });
});
