// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../core/model/presets';
import { useApp } from '../store';
import { runOf } from '../useRun';
import { Editor } from './Editor';
import { control, current, type, useFreshStore } from './testing';

const errorOf = (input: HTMLElement) => {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
};

describe('the editor refuses invalid values at the field', () => {
  useFreshStore();

  it('shows a priority of 300 as invalid, keeps the text, and does not apply it', () => {
    // given the editor on the default scenario
    render(<Editor />);
    const before = current();
    const priority = control('Profile 2', 'Priority');
    // when a priority of 300 is typed
    type(priority, '300');
    // then the field says why, keeps what was typed, and the scenario is unchanged
    expect(priority).toHaveProperty('value', '300');
    expect(priority.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(priority)).toContain('expected an integer 0..255, got 300');
    expect(current()).toBe(before);
    expect(useApp.getState().past).toHaveLength(0);
  });

  it('refuses a non-integer and a word with the schema’s words', () => {
    render(<Editor />);
    const priority = control('Profile 2', 'Priority');
    type(priority, '2.5');
    expect(errorOf(priority)).toContain('expected an integer 0..255, got 2.5');
    type(priority, 'high');
    expect(errorOf(priority)).toContain('expected an integer 0..255, got "high"');
    expect(current().primary.profiles[1]?.priority).toBe(7);
  });

  it('refuses an empty system id', () => {
    render(<Editor />);
    const systemId = control('Partner MC system', 'Partner system id');
    type(systemId, '');
    expect(systemId.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(systemId)).toContain('expected a non-empty system id');
    expect(current().partner.systemId).toBe('county.example');
  });

  it('refuses a duplicate profile index, naming the profile that has it', () => {
    render(<Editor />);
    const index = control('Profile 2', 'Index');
    type(index, '1');
    expect(errorOf(index)).toContain('duplicate profile index 1');
    expect(current().primary.profiles.map((p) => p.index)).toEqual([1, 2]);
  });

  it('applies a valid value at once, clears the error, and the run follows', () => {
    render(<Editor />);
    const priority = control('Profile 2', 'Priority');
    type(priority, '300');
    type(priority, '2');
    expect(priority.getAttribute('aria-invalid')).toBeNull();
    expect(errorOf(priority)).toBe('0..255');
    expect(current().primary.profiles[1]?.priority).toBe(2);
    expect(runOf(current(), '10.1.4.3.3').run.profiles[0]?.priority).toBe(2);
  });

  it('keeps an invalid draft while other fields are edited, and drops it on undo of its own value', () => {
    render(<Editor />);
    const priority = control('Profile 2', 'Priority');
    type(priority, '999');
    type(control('User and UE', 'Title'), 'Another title');
    expect(current().title).toBe('Another title');
    expect(priority).toHaveProperty('value', '999');
    expect(priority.getAttribute('aria-invalid')).toBe('true');
  });

  it('lets a text area hold a trailing new line while typing a list', () => {
    render(<Editor />);
    const groups = control('Profile 1', 'Groups (one URI a line)');
    type(groups, 'sip:a@metro.example\n');
    expect(groups).toHaveProperty('value', 'sip:a@metro.example\n');
    expect(current().primary.profiles[0]?.groups).toEqual(['sip:a@metro.example']);
  });
});

describe('form fields map to scenario fields', () => {
  useFreshStore();
  const policy = () => current().partner.policy;

  it('maps each policy rule, and switching a rule off makes it absent', () => {
    render(<Editor />);
    type(control('Local policy', 'Service areas (areas, one a line)'), 'harbour\nisland');
    expect(policy()?.areas).toEqual(['harbour', 'island']);
    type(control('Local policy', 'Maximum priority (maxPriority)'), '1');
    expect(policy()?.maxPriority).toBe(1);
    type(control('Local policy', 'Allowed groups (groups.allow, one URI a line)'), 'sip:k9@metro.example');
    expect(policy()?.groups?.allow).toEqual(['sip:k9@metro.example']);
    type(control('Local policy', 'Added groups (groups.add, one URI a line)'), '');
    expect(policy()?.groups?.add).toEqual([]);
    type(control('Local policy', 'Maximum affiliations (maxAffiliations)'), '9');
    expect(policy()?.maxAffiliations).toBe(9);
    fireEvent.change(control('Local policy', 'Private calls'), { target: { value: 'allowed' } });
    expect(policy()?.privateCall).toBe(true);

    for (const rule of [
      'areas',
      'maxPriority',
      'groups.allow',
      'groups.add',
      'maxAffiliations',
      'privateCall',
    ]) {
      fireEvent.click(control('Local policy', `Apply rule ${rule}`));
    }
    expect(policy()).toEqual({ groups: {} });
  });

  it('turns a rule back on with the value it had', () => {
    render(<Editor />);
    const toggle = control('Local policy', 'Apply rule maxPriority');
    fireEvent.click(toggle);
    expect(policy()?.maxPriority).toBeUndefined();
    expect(control('Local policy', 'Maximum priority (maxPriority)')).toHaveProperty('disabled', true);
    fireEvent.click(toggle);
    expect(policy()?.maxPriority).toBe(3);
  });

  it('maps the profile fields, areas absent (unrestricted) or an empty list', () => {
    render(<Editor />);
    type(control('Profile 1', 'Name'), 'Night patrol');
    type(control('Profile 1', 'Organization'), 'Metro');
    type(control('Profile 1', 'Emergency group'), 'sip:e@metro.example');
    type(control('Profile 1', 'Private call list (one URI a line)'), 'sip:x@metro.example');
    type(control('Profile 1', 'Max affiliations'), '4');
    fireEvent.click(control('Profile 1', 'Enabled'));
    fireEvent.click(control('Profile 1', 'Pre-selected'));
    const p1 = current().primary.profiles[0];
    expect(p1).toMatchObject({
      name: 'Night patrol',
      organization: 'Metro',
      emergencyGroup: 'sip:e@metro.example',
      privateCall: ['sip:x@metro.example'],
      maxAffiliations: 4,
      status: false,
    });
    expect(p1?.preSelected).toBeUndefined();
    expect(p1?.areas).toBeUndefined();

    // areas: from unrestricted (absent) to an empty list (nowhere), then to a list
    fireEvent.click(control('Profile 1', 'Unrestricted (no areas: service anywhere)'));
    expect(current().primary.profiles[0]?.areas).toEqual([]);
    type(control('Profile 1', 'Service areas (one a line)'), 'downtown');
    expect(current().primary.profiles[0]?.areas).toEqual(['downtown']);
    fireEvent.click(control('Profile 1', 'Unrestricted (no areas: service anywhere)'));
    expect(current().primary.profiles[0]?.areas).toBeUndefined();
  });

  it('marks a profile for migration with its partners, and refuses an empty partner list', () => {
    render(<Editor />);
    fireEvent.click(control('Profile 1', 'Profile for migration'));
    expect(current().primary.profiles[0]?.migration).toEqual({ partners: ['county.example'] });
    const partners = control('Profile 1', 'Migration partners (one system id a line, * = any)');
    type(partners, '*');
    expect(current().primary.profiles[0]?.migration).toEqual({ partners: ['*'] });
    type(partners, '');
    expect(partners.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(partners)).toContain('expected at least one partner system id or "*"');
    expect(current().primary.profiles[0]?.migration).toEqual({ partners: ['*'] });
  });

  it('adds and removes profiles with a free index', () => {
    render(<Editor />);
    fireEvent.click(screen.getByRole('button', { name: 'Add profile' }));
    expect(current().primary.profiles.map((p) => p.index)).toEqual([1, 2, 3]);
    fireEvent.click(screen.getByRole('button', { name: /^Remove profile 1/ }));
    expect(current().primary.profiles.map((p) => p.index)).toEqual([2, 3]);
  });

  it('maps the validation rules, the user, the preconditions and the cache', () => {
    render(<Editor />);
    type(control('Validation rules', 'Minimum priority (minPriority)'), '4');
    type(control('Validation rules', 'Required groups (requiredGroups, one URI a line)'), '');
    fireEvent.click(control('Validation rules', 'Require a service area (requireAreas)'));
    expect(current().primary.validation).toEqual({ minPriority: 4 });

    type(control('User and UE', 'MCVideo ID'), 'sip:alice-video@metro.example');
    fireEvent.click(control('User and UE', 'Migration permitted'));
    expect(current().user.serviceIds.mcvideo).toBe('sip:alice-video@metro.example');
    expect(current().preconditions?.migrationPermitted).toBe(false);

    fireEvent.click(control('Cached profile', 'The partner holds a profile from an earlier migration'));
    expect(current().partner.cache?.profile.index).toBe(1);
    type(control('Cached profile', 'Stored at (ISO 8601)'), '2026-10-01T08:00:00Z');
    type(control('Cached profile', 'Priority'), '2');
    expect(current().partner.cache).toMatchObject({
      storedAt: '2026-10-01T08:00:00Z',
      profile: { priority: 2 },
    });
    const storedAt = control('Cached profile', 'Stored at (ISO 8601)');
    type(storedAt, 'yesterday');
    expect(errorOf(storedAt)).toContain('expected an ISO 8601 date and time');
    fireEvent.click(control('Cached profile', 'The partner holds a profile from an earlier migration'));
    expect(current().partner.cache).toBeNull();
  });

  it('keeps unknown fields untouched', () => {
    const scenario = structuredClone(current()) as ReturnType<typeof current> & { extra?: unknown };
    scenario.extra = { kept: true };
    (scenario.primary.profiles[1] as Record<string, unknown>).note = 'mine';
    useApp.setState({ scenario });
    render(<Editor />);
    type(control('Profile 2', 'Priority'), '5');
    expect(current()).toMatchObject({ extra: { kept: true } });
    expect(current().primary.profiles[1]).toMatchObject({ note: 'mine', priority: 5 });
  });
});

describe('the editor and the player', () => {
  useFreshStore();

  it('switches the migration procedure with the system that configures the UE', () => {
    render(<Editor />);
    fireEvent.change(control('User and UE', 'UE configured by'), { target: { value: 'primary' } });
    expect(useApp.getState().procedure).toBe('10.1.4.3.2');
    fireEvent.change(control('User and UE', 'UE configured by'), { target: { value: 'partner' } });
    expect(useApp.getState().procedure).toBe('10.1.4.3.3');
  });

  it('keeps the non-migrated procedure when the configuring system changes', () => {
    useApp.setState({ procedure: '10.1.4.3.1' });
    render(<Editor />);
    fireEvent.change(control('User and UE', 'UE configured by'), { target: { value: 'primary' } });
    expect(useApp.getState().procedure).toBe('10.1.4.3.1');
  });

  it('keeps the step where it still exists, else clamps it to the run’s last step', () => {
    useApp.setState({ step: 9 });
    render(<Editor />);
    type(control('Local policy', 'Maximum priority (maxPriority)'), '1');
    expect(useApp.getState().step).toBe(9);
    // not authenticated in the partner system: the run ends early with an error
    fireEvent.click(control('User and UE', 'Authenticated in the partner system'));
    const total = runOf(current(), '10.1.4.3.3').run.steps.length;
    expect(total).toBeLessThan(9);
    expect(useApp.getState().step).toBe(total);
  });

  it('loads a preset: its scenario and its procedure', () => {
    render(<Editor />);
    const preset = PRESETS.find((p) => p.id === 'validation-refused')!;
    fireEvent.change(screen.getByLabelText('Preset'), { target: { value: preset.id } });
    fireEvent.click(screen.getByRole('button', { name: 'Load preset' }));
    expect(current()).toEqual(preset.scenario);
    expect(useApp.getState().procedure).toBe('10.1.4.3.2');
  });

  it('starts the form afresh when a preset is loaded: drafts typed over the old scenario are dropped', () => {
    render(<Editor />);
    type(control('Profile 2', 'Priority'), '300');
    fireEvent.click(screen.getByRole('button', { name: 'Load preset' }));
    expect(control('Profile 2', 'Priority')).toHaveProperty('value', '7');
    expect(control('Profile 2', 'Priority').getAttribute('aria-invalid')).toBeNull();
  });

  it('undoes and redoes with the buttons and with Ctrl+Z / Ctrl+Shift+Z outside text fields', () => {
    render(<Editor />);
    const priority = control('Local policy', 'Maximum priority (maxPriority)');
    type(priority, '1');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(current().partner.policy?.maxPriority).toBe(3);
    expect(priority).toHaveProperty('value', '3');
    fireEvent.click(screen.getByRole('button', { name: 'Redo' }));
    expect(current().partner.policy?.maxPriority).toBe(1);

    // in a text field the key is the field's own
    fireEvent.keyDown(priority, { key: 'z', ctrlKey: true });
    expect(current().partner.policy?.maxPriority).toBe(1);
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect(current().partner.policy?.maxPriority).toBe(3);
    fireEvent.keyDown(document.body, { key: 'Z', ctrlKey: true, shiftKey: true });
    expect(current().partner.policy?.maxPriority).toBe(1);
  });
});
