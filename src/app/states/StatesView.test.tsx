// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scenarioFor, simulate } from '../../core/engine/run';
import { ENTITIES, PROCEDURE_IDS, type EntityId } from '../../core/model/ids';
import { presetScenario } from '../../core/model/presets';
import { stubPageApis } from '../pageTests.testing';
import { Player } from '../player/Player';
import { useApp } from '../store';
import { StatesView } from './StatesView';

// The diagram is not drawn here (jsdom has no layout): the player's text goes nowhere.
vi.mock('../player/mermaid', () => ({
  renderDiagram: () => new Promise(() => {}),
  settledDiagram: () => null,
  refuseKept: () => new Promise(() => {}),
}));

const chart = (id: EntityId) => screen.getByRole('figure', { name: `Statechart: ${id}` });
/** The State row of an entity's panel (found by its heading: role queries are slow over the whole player). */
function panelState(id: EntityId): string | null {
  const panel = document.getElementById(`entity-${id}`)?.closest('article');
  expect(panel?.querySelector('h3')?.textContent).toBe(ENTITIES[id].title);
  const term = [...(panel?.querySelectorAll('dt') ?? [])].find((dt) => dt.textContent?.startsWith('State'));
  return term?.nextElementSibling?.textContent ?? null;
}

beforeEach(() => {
  stubPageApis();
  localStorage.clear();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the States view in the player', () => {
  for (const preset of ['primary-configures', 'happy-path']) {
    it(`lights, at every step of every procedure, the state the entity panel names (${preset})`, async () => {
      const scenario = presetScenario(preset);
      useApp.setState({ scenario, procedure: '10.1.4.3.2', step: 0, states: false, notices: [] });
      // Opened from an address with `states=1` (the address is read once per page load: later tests toggle).
      window.history.replaceState(null, '', '?states=1');
      render(<Player />);
      act(() => useApp.getState().setStates(true));
      // The view is a chunk of its own: the first import takes a while.
      await screen.findByRole('figure', { name: 'Statechart: cmc' }, { timeout: 10_000 });
      for (const procedure of PROCEDURE_IDS) {
        act(() => useApp.getState().setProcedure(procedure, 0));
        const run = simulate(scenarioFor(useApp.getState().scenario, procedure), procedure);
        const shown = screen.getAllByRole('figure', { name: /^Statechart: / });
        expect(shown.length).toBeGreaterThan(1);
        for (let k = 0; k <= run.steps.length; k += 1) {
          act(() => useApp.getState().goTo(k));
          for (const figure of shown) {
            const id = figure.getAttribute('data-entity') as EntityId;
            const state = panelState(id);
            const current = [...figure.querySelectorAll('.state-current')];
            expect(
              current.map((e) => e.getAttribute('aria-label')),
              `${procedure} step ${k}, ${id}`,
            ).toEqual([state]);
            expect(state).toBe(String(run.snapshots[k]![id].state));
            // Announced as the current one.
            expect(current[0]?.getAttribute('aria-current')).toBe('true');
            expect(figure.querySelectorAll('[aria-current]')).toHaveLength(1);
          }
          // Exactly the transitions the step took are marked.
          const marked = document.querySelectorAll('.transition-current').length;
          expect(marked > 0).toBe(k > 0);
        }
      }
    }, 60_000);
  }

  it('is shown by the States toggle, which the address follows', async () => {
    useApp.setState({
      scenario: presetScenario('happy-path'),
      procedure: '10.1.4.3.3',
      step: 0,
      states: false,
    });
    render(<Player />);
    const toggle = screen.getByRole('button', { name: 'States' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(screen.queryByRole('figure', { name: /^Statechart: / })).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    await screen.findByRole('figure', { name: 'Statechart: partner-cms' });
    expect(new URLSearchParams(window.location.search).get('states')).toBe('1');
    fireEvent.click(toggle);
    expect(screen.queryByRole('figure', { name: /^Statechart: / })).toBeNull();
    expect(new URLSearchParams(window.location.search).has('states')).toBe(false);
  });
});

describe('the States view on its own', () => {
  const run = simulate(presetScenario('primary-configures'), '10.1.4.3.2', { transitions: true });

  it('goes to the first step at which the entity entered a state, by pointer and by keyboard', () => {
    const onSelect = vi.fn();
    render(<StatesView run={run} step={14} onSelect={onSelect} />);
    const primary = chart('primary-cms');
    fireEvent.click(within(primary).getByRole('button', { name: 'storing' }));
    expect(onSelect).toHaveBeenLastCalledWith(11);
    fireEvent.keyDown(within(primary).getByRole('button', { name: 'validating' }), { key: 'Enter' });
    expect(onSelect).toHaveBeenLastCalledWith(10);
    fireEvent.keyDown(within(primary).getByRole('button', { name: 'awaitingModified' }), { key: ' ' });
    expect(onSelect).toHaveBeenLastCalledWith(4);
    fireEvent.click(within(chart('partner-udb')).getByRole('button', { name: 'idle' }));
    expect(onSelect).toHaveBeenLastCalledWith(0);
    // A state this run never entered goes nowhere.
    const obtaining = within(primary).getByRole('button', { name: 'obtaining' });
    expect(obtaining.getAttribute('aria-disabled')).toBe('true');
    onSelect.mockClear();
    fireEvent.click(obtaining);
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('shades the states visited so far and marks the step’s transition', () => {
    const { rerender } = render(<StatesView run={run} step={4} onSelect={() => {}} />);
    const visited = () =>
      [...chart('primary-cms').querySelectorAll('.state-visited')].map((e) => e.getAttribute('data-state'));
    expect(visited()).toEqual(['idle', 'awaitingProfile', 'awaitingModified']);
    expect(
      [...chart('primary-cms').querySelectorAll('.transition-current')].map((e) =>
        e.getAttribute('data-transition'),
      ),
    ).toEqual(['awaitingProfile->awaitingModified']);
    rerender(<StatesView run={run} step={11} onSelect={() => {}} />);
    expect(visited()).toEqual(['idle', 'awaitingProfile', 'awaitingModified', 'validating', 'storing']);
    expect(chart('primary-cms').querySelector('.transition-current')?.getAttribute('data-transition')).toBe(
      'validating->storing',
    );
    // Only the entities that moved in a step have a marked transition.
    expect(chart('primary-udb').querySelector('.transition-current')).toBeNull();
  });

  it('counts the run’s coverage and, on request, every preset’s under every procedure', () => {
    render(<StatesView run={run} step={0} onSelect={() => {}} />);
    const table = screen.getByRole('table');
    const row = within(table).getByRole('row', { name: /^primary-cms/ });
    expect(row.textContent).toContain('5 of 6');
    expect(row.textContent).toContain('5 of 18');
    const button = screen.getByRole('button', { name: 'Every preset and procedure' });
    fireEvent.click(button);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Entity', 'This run', 'Every preset', 'States', 'Transitions', 'States', 'Transitions']);
    // a row per entity of every machine, under the two rows of headers
    expect(within(table).getAllByRole('row')).toHaveLength(7);
    expect(screen.getByText(/runs: each preset under each procedure/).textContent).toContain('32 runs');
  });
});
