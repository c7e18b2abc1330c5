// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, useApp } from '../store';
import { TimingSection } from './TimingFields';

afterEach(() => cleanup());
beforeEach(() => {
  act(() => {
    useApp.setState({ scenario: DEFAULT_SCENARIO, past: [], future: [] });
  });
});

describe('the Timing fieldset: the simulator’s own figures, each an undoable edit', () => {
  it('is labelled as the simulator’s own figures', () => {
    render(<TimingSection />);
    const group = screen.getByRole('group', { name: 'Timing' });
    expect(group.getAttribute('aria-describedby')).toBeTruthy();
    expect(group.textContent).toContain("The simulator's own figures");
    expect(screen.getByLabelText('Latency over CSC-17 (default 60 ms)')).toBeTruthy();
  });

  it("a timeout sets timing.timeoutMs; a negative one is refused naming the field's rule and nothing changes", () => {
    render(<TimingSection />);
    const cmc = screen.getByLabelText('Timeout of cmc (timeoutMs, none by default)');
    fireEvent.change(cmc, { target: { value: '5000' } });
    expect(useApp.getState().scenario.timing?.timeoutMs).toEqual({ cmc: 5000 });
    const before = useApp.getState().scenario;
    fireEvent.change(cmc, { target: { value: '-1' } });
    expect(useApp.getState().scenario).toBe(before);
    expect(cmc.getAttribute('aria-invalid')).toBe('true');
    act(() => {
      useApp.getState().undo();
    });
    expect(useApp.getState().scenario).toBe(DEFAULT_SCENARIO);
  });
});
