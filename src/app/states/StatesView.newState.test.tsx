// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { simulate } from '../../core/engine/run';
import { presetScenario } from '../../core/model/presets';
import { StatesView } from './StatesView';

// The primary CMS's machine given a state the shipped one lacks: after storing, it audits until the next request.
// Nothing else is changed: the view must draw it from the definition.
vi.mock('../../core/entities/primaryCmsMachine', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../core/entities/primaryCmsMachine')>();
  const { cmsContext, cmsSetup } = await import('../../core/entities/cms');
  const states = actual.primaryCmsMachine.config.states;
  return {
    primaryCmsMachine: cmsSetup.createMachine({
      id: 'primaryCms',
      context: cmsContext,
      initial: 'idle',
      states: {
        ...states,
        storing: { on: { 'profile.stored': { target: 'auditing', actions: 'replyWithProfile' } } },
        auditing: { on: { 'profile.request': { target: 'idle' } } },
      },
    }),
  };
});

afterEach(cleanup);

describe('a machine given a new state', () => {
  it('shows it in the chart, lit once the run is in it, with its transitions', () => {
    const run = simulate(presetScenario('primary-configures'), '10.1.4.3.2', { transitions: true });
    expect(run.snapshots.at(-1)!['primary-cms'].state).toBe('auditing');
    const { rerender } = render(<StatesView run={run} step={12} onSelect={() => {}} />);
    const figure = screen.getByRole('figure', { name: 'Statechart: primary-cms' });
    const auditing = within(figure).getByRole('button', { name: 'auditing' });
    expect(auditing.classList.contains('state-current')).toBe(false);
    expect(figure.querySelector('[data-transition="storing->auditing"]')).not.toBeNull();
    expect(figure.querySelector('[data-transition="auditing->idle"]')).not.toBeNull();
    rerender(<StatesView run={run} step={13} onSelect={() => {}} />);
    expect(auditing.classList.contains('state-current')).toBe(true);
    expect(figure.querySelector('.transition-current')?.getAttribute('data-transition')).toBe(
      'storing->auditing',
    );
    const row = within(screen.getByRole('table')).getByRole('row', { name: /^primary-cms/ });
    expect(row.textContent).toContain('of 7');
  });
});
