// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { simulate } from '../../core/engine/run';
import { DEFAULT_SCENARIO, useApp } from '../store';
import { DownButton, MessageFaultButtons } from './FaultButtons';

afterEach(() => cleanup());
beforeEach(() => {
  act(() => {
    useApp.setState({ scenario: DEFAULT_SCENARIO, past: [], future: [], procedure: '10.1.4.3.3' });
  });
});

describe('the fault buttons: undoable edits of the scenario, pressed while in force', () => {
  const run = simulate(DEFAULT_SCENARIO, '10.1.4.3.3');
  const step6 = run.steps.find((s) => s.clauseStep === 6)!;

  it('Drop this message adds the drop, shows it pressed, disables Delay and Duplicate; Undo takes it back', () => {
    render(<MessageFaultButtons step={step6} />);
    const drop = screen.getByRole('button', { name: 'Drop this message' });
    expect(drop.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(drop);
    expect(useApp.getState().scenario.faults).toEqual([{ kind: 'drop', step: 6 }]);
    expect(drop.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Delay this message' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Duplicate this message' })).toHaveProperty('disabled', true);
    act(() => {
      useApp.getState().undo();
    });
    expect(useApp.getState().scenario).toBe(DEFAULT_SCENARIO);
    expect(drop.getAttribute('aria-pressed')).toBe('false');
  });

  it('Delay this message: 5000 ms at first, then the field beside it sets how late; a bad value changes nothing', async () => {
    render(<MessageFaultButtons step={step6} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delay this message' }));
    expect(useApp.getState().scenario.faults).toEqual([{ kind: 'delay', step: 6, byMs: 5000 }]);
    const field = await screen.findByLabelText('Delay of step 6, ms (byMs)');
    expect(field).toHaveProperty('value', '5000');
    fireEvent.change(field, { target: { value: '8000' } });
    expect(useApp.getState().scenario.faults).toEqual([{ kind: 'delay', step: 6, byMs: 8000 }]);
    fireEvent.change(field, { target: { value: '-3' } });
    expect(useApp.getState().scenario.faults).toEqual([{ kind: 'delay', step: 6, byMs: 8000 }]);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('expected an integer 1..3600000, got -3')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delay this message' }));
    expect(useApp.getState().scenario.faults).toBeUndefined();
    expect(screen.queryByLabelText('Delay of step 6, ms (byMs)')).toBeNull();
  });

  it('a refused delay typed at one message is not shown at another delayed message', async () => {
    const step10 = run.steps.find((s) => s.clauseStep === 10)!;
    act(() => {
      useApp.setState({
        scenario: {
          ...DEFAULT_SCENARIO,
          faults: [
            { kind: 'delay', step: 6, byMs: 5000 },
            { kind: 'delay', step: 10, byMs: 5000 },
          ],
        },
      });
    });
    const { rerender } = render(<MessageFaultButtons step={step6} />);
    const at6 = await screen.findByLabelText('Delay of step 6, ms (byMs)');
    fireEvent.change(at6, { target: { value: '-3' } });
    expect(at6.getAttribute('aria-invalid')).toBe('true');
    rerender(<MessageFaultButtons step={step10} />);
    const at10 = await screen.findByLabelText('Delay of step 10, ms (byMs)');
    expect(at10).toHaveProperty('value', '5000');
    expect(at10.getAttribute('aria-invalid')).toBeNull();
  });

  it('an own action has no message fault buttons', () => {
    const action = run.steps.find((s) => s.kind === 'action')!;
    const { container } = render(<MessageFaultButtons step={action} />);
    expect(container.textContent).toBe('');
  });

  it('Take down becomes Bring back up, and back', () => {
    render(<DownButton run={run} entity="partner-udb" />);
    fireEvent.click(screen.getByRole('button', { name: 'Take down' }));
    expect(useApp.getState().scenario.faults).toEqual([{ kind: 'down', entity: 'partner-udb' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Bring back up' }));
    expect(useApp.getState().scenario.faults).toBeUndefined();
    expect(screen.getByRole('button', { name: 'Take down' }).getAttribute('aria-pressed')).toBe('false');
  });
});
