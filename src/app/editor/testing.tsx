import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import type { ProcedureId } from '../../core/model/ids';
import type { Scenario } from '../../core/model/scenario';
import { DEFAULT_PROCEDURE, DEFAULT_SCENARIO, useApp } from '../store';

/** A fresh store (default scenario, no history, no notices) before each test, and an empty page after. */
export function useFreshStore(
  scenario: Scenario = DEFAULT_SCENARIO,
  procedure: ProcedureId = DEFAULT_PROCEDURE,
) {
  beforeEach(() => {
    localStorage.clear();
    useApp.setState({ scenario, procedure, step: 0, past: [], future: [], notices: [], playing: false });
  });
  afterEach(() => cleanup());
}

/** The form control labelled `label` (exactly) inside the group (fieldset) named `group`. */
export function control(group: string, label: string, index = 0): HTMLInputElement {
  const groups = screen.getAllByRole('group', { name: group });
  const found = groups[index];
  if (!found) throw new Error(`no group ${group} [${index}]`);
  return within(found).getByLabelText<HTMLInputElement>(label, { exact: true });
}

export function type(element: HTMLElement, value: string): void {
  fireEvent.change(element, { target: { value } });
}

export const current = () => useApp.getState().scenario;
