// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../core/model/presets';
import { simulate } from '../../core/engine/run';
import { useApp } from '../store';
import { ResultingProfile, describeChange } from './ResultingProfile';
import { diffProfiles, sentProfile } from './resultDiff';
import { useFreshStore } from './testing';

const preset = (id: string) => PRESETS.find((p) => p.id === id)!;
const region = () => screen.getByRole('region', { name: 'Resulting profile' });
const row = (field: string) => within(region()).getByRole('rowheader', { name: field }).closest('tr')!;
const cells = (field: string) => within(row(field)).getAllByRole('cell');

describe('diffProfiles', () => {
  it('marks scalars before → after and list items added and removed, each with its rule', () => {
    // given the happy path's run
    const run = simulate(preset('happy-path').scenario, '10.1.4.3.3');
    const sent = sentProfile(run)!;
    // when the sent profile is compared with the delivered one
    const diff = diffProfiles(sent, run.profiles[0]!, run.changes);
    // then each change is marked with the rule that made it
    const byField = Object.fromEntries(diff.map((d) => [d.field, d]));
    expect(sent.priority).toBe(7);
    expect(byField.priority).toEqual({
      field: 'priority',
      kind: 'scalar',
      before: 7,
      after: 3,
      rules: ['maxPriority'],
    });
    expect(byField.name).toEqual({ field: 'name', kind: 'same', value: 'Mutual aid: County' });
    expect(byField.groups).toMatchObject({
      kind: 'list',
      rules: ['groups.allow', 'groups.add'],
      before: [
        { item: 'sip:metro-emergency@metro.example', status: 'kept', rule: null },
        { item: 'sip:patrol-north@metro.example', status: 'removed', rule: 'groups.allow' },
        { item: 'sip:k9@metro.example', status: 'removed', rule: 'groups.allow' },
      ],
      after: [
        { item: 'sip:metro-emergency@metro.example', status: 'kept', rule: null },
        { item: 'sip:mutual-aid@county.example', status: 'added', rule: 'groups.add' },
      ],
    });
    expect(byField.privateCall).toMatchObject({ kind: 'list', after: [], rules: ['privateCall'] });
  });

  it('marks a list that was absent (unrestricted areas) as added by its rule', () => {
    const diff = diffProfiles({ index: 1 }, { index: 1, areas: ['harbour'] }, [
      { field: 'areas', before: null, after: ['harbour'], rule: 'areas' },
    ]);
    expect(diff[1]).toEqual({
      field: 'areas',
      kind: 'list',
      before: null,
      after: [{ item: 'harbour', status: 'added', rule: 'areas' }],
      rules: ['areas'],
    });
  });
});

describe('the Resulting profile region', () => {
  useFreshStore();

  it('shows the sent and the resulting profile side by side, every change marked and naming its rule', () => {
    render(<ResultingProfile />);
    const [sentPriority, resultPriority] = cells('priority');
    expect(sentPriority?.querySelector('del')?.textContent).toBe('before: 7');
    expect(resultPriority?.querySelector('ins')?.textContent).toBe('after: 3');
    expect(resultPriority?.textContent).toContain('rule maxPriority');
    const [sentGroups, resultGroups] = cells('groups');
    expect([...sentGroups!.querySelectorAll('del')].map((d) => d.textContent)).toEqual([
      'removed: sip:patrol-north@metro.example',
      'removed: sip:k9@metro.example',
    ]);
    expect(sentGroups?.textContent).toContain('rule groups.allow');
    expect(resultGroups?.querySelector('ins')?.textContent).toBe('added: sip:mutual-aid@county.example');
    expect(resultGroups?.textContent).toContain('rule groups.add');
    // an unchanged field is not marked
    expect(row('name').className).toBe('');
    expect(row('priority').className).toBe('editor-row-changed');

    const changes = within(region()).getByRole('list', { name: 'Changes' });
    expect(
      within(changes)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'areas: −downtown rule areas',
      'priority: 7 → 3 rule maxPriority',
      'groups: −sip:patrol-north@metro.example, −sip:k9@metro.example rule groups.allow',
      'groups: +sip:mutual-aid@county.example rule groups.add',
      'maxAffiliations: 12 → 5 rule maxAffiliations',
      'privateCall: −sip:dispatch@metro.example, −sip:sergeant@metro.example rule privateCall',
    ]);
  });

  it('shows a refused run’s error and the violated rules instead of a profile', () => {
    const refused = preset('validation-refused');
    useApp.setState({ scenario: refused.scenario, procedure: refused.procedure });
    render(<ResultingProfile />);
    expect(region().textContent).toContain(
      'Rejected at step 11a: validation failed: priority 3 is below the minimum of 5',
    );
    const violations = within(region()).getByRole('list', { name: 'Violated rules' });
    expect(violations.textContent).toBe('rule minPriority priority 3 is below the minimum of 5');
    expect(within(region()).queryByRole('table')).toBeNull();
  });

  it('describes a change from an absent value as such', () => {
    expect(
      describeChange({ field: 'maxAffiliations', before: null, after: 5, rule: 'maxAffiliations' }),
    ).toBe('maxAffiliations: (absent) → 5');
    expect(describeChange({ field: 'areas', before: null, after: ['harbour'], rule: 'areas' })).toBe(
      'areas: +harbour',
    );
  });

  it('shows an error without violations when no profile is for this partner', () => {
    const none = preset('no-migration-profile');
    useApp.setState({ scenario: none.scenario, procedure: none.procedure });
    render(<ResultingProfile />);
    expect(region().textContent).toMatch(
      /Rejected at step 4a: no MC service user profile for migration to harbour\.example/,
    );
    expect(within(region()).queryByRole('list', { name: 'Violated rules' })).toBeNull();
  });

  it('shows every profile the client holds for 10.1.4.3.1', () => {
    const home = preset('non-migrated');
    useApp.setState({ scenario: home.scenario, procedure: home.procedure });
    render(<ResultingProfile />);
    const tables = within(region()).getAllByRole('table');
    expect(
      tables.map(
        (t) =>
          t.getAttribute('aria-labelledby') &&
          document.getElementById(t.getAttribute('aria-labelledby')!)?.textContent,
      ),
    ).toEqual(['Profile 1 “Patrol”', 'Profile 2 “Mutual aid: County”']);
    expect(within(region()).queryByRole('list', { name: 'Changes' })).toBeNull();
  });
});
