// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../core/model/presets';
import { useApp } from '../store';
import { runOf } from '../useRun';
import { undo } from './actions';
import { Editor } from './Editor';
import { control, current, type, useFreshStore } from './testing';

const refused = PRESETS.find(
  (p) => runOf(p.scenario, p.procedure).run.outcome === 'rejected' && p.procedure === '10.1.4.3.2',
);

describe('the procedure shown and ue.configuredBy never disagree', () => {
  useFreshStore();

  it('choosing 10.1.4.3.2 makes the UE configured by the primary; undo brings both back', () => {
    // given the default scenario (UE configured by the partner) on 10.1.4.3.3
    expect(current().ue.configuredBy).toBe('partner');
    expect(useApp.getState().procedure).toBe('10.1.4.3.3');
    // when the player picks 10.1.4.3.2
    useApp.getState().setProcedure('10.1.4.3.2');
    // then the scenario says the primary configures the UE
    expect(current().ue.configuredBy).toBe('primary');
    // and undo restores the partner, and with it a partner procedure
    undo();
    expect(current().ue.configuredBy).toBe('partner');
    expect(useApp.getState().procedure).toBe('10.1.4.3.3');
  });

  it('the draft and 10.1.4.3.1 agree with a partner-configured UE; the editor select follows the picker', () => {
    render(<Editor />);
    const select = control('User and UE', 'UE configured by');
    useApp.getState().setProcedure('10.1.4.x.2');
    expect(current().ue.configuredBy).toBe('partner');
    useApp.getState().setProcedure('10.1.4.3.1');
    expect(current().ue.configuredBy).toBe('partner');
    act(() => useApp.getState().setProcedure('10.1.4.3.2'));
    expect(select.value).toBe('primary');
    // and choosing "partner" in the editor moves the player off 10.1.4.3.2
    type(select, 'partner');
    expect(useApp.getState().procedure).toBe('10.1.4.3.3');
  });
});

describe('the editor offers the second edition inputs', () => {
  useFreshStore(refused?.scenario, refused?.procedure);

  it('onFailure "continue": the refused run delivers, the failed check logged at step 11', () => {
    // given a preset refused at step 11 under 10.1.4.3.2
    expect(refused).toBeDefined();
    render(<Editor />);
    expect(runOf(current(), '10.1.4.3.2').run.outcome).toBe('rejected');
    // when the editor's onFailure is set to continue
    type(control('Validation rules', "When the check fails (onFailure, step 11's “may”)"), 'continue');
    // then the scenario holds it, and the run delivers with the failure logged
    expect(current().primary.validation?.onFailure).toBe('continue');
    const { run } = runOf(current(), '10.1.4.3.2');
    expect(run.outcome).toBe('delivered');
    expect(run.validation?.ok).toBe(false);
    expect(run.steps[10]?.log).toHaveLength(1);
  });

  it('ue.service: a service without an ID cannot be chosen; MCVideo once the user has an ID for it', () => {
    render(<Editor />);
    const service = control('User and UE', 'MC service of the request (ue.service)');
    const option = (value: string) =>
      [...service.querySelectorAll('option')].find((o) => o.value === value) as HTMLOptionElement;
    expect(option('mcvideo').disabled).toBe(true);
    type(control('User and UE', 'MCVideo ID'), 'sip:alice-video@metro.example');
    expect(option('mcvideo').disabled).toBe(false);
    type(service, 'mcvideo');
    expect(current().ue.service).toBe('mcvideo');
  });
});

describe("the editor's rule sets say they are the simulator's", () => {
  useFreshStore();

  it('"Local policy" and "Validation rules" keep their names, and are described as the simulator\'s own rule set', () => {
    render(<Editor />);
    const policy = screen.getByRole('group', {
      name: 'Local policy',
      description: /^The simulator's own rule set/,
    });
    expect(policy.textContent).toContain(
      'according to its system policies and local configuration information',
    );
    const validation = screen.getByRole('group', {
      name: 'Validation rules',
      description: /^The simulator's own rule set/,
    });
    expect(validation.textContent).toContain('names only “e.g. safety, applicability');
  });
});
