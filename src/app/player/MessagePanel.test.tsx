// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ENTITIES } from '../../core/model/ids';
import { simulate } from '../../core/engine/run';
import { presetScenario as preset } from '../../core/model/presets';
import { goldenScenario } from '../../../test/support/golden';
import { MessagePanel } from './MessagePanel';

const panel = () => screen.getByRole('region', { name: 'Current message' });

afterEach(() => cleanup());

describe('the message panel: step 11 read as "continue" (onFailure)', () => {
  const run = simulate(goldenScenario('validation-continue'), '10.1.4.3.2');

  it('the failed check is shown as logged by the primary CMS, and processing continues in step 12', () => {
    const logged = run.steps[10]!.log;
    expect(logged).toHaveLength(1);
    render(<MessagePanel run={run} step={11} />);
    const lines = [...panel().querySelectorAll('.player-message-log')].map((p) => p.textContent);
    expect(lines).toEqual([`Logged by ${ENTITIES['primary-cms'].title}: ${logged[0]}`]);
    expect(panel().textContent).toContain('Validation failed (logged; processing continues in step 12):');
  });

  it('read as "prohibit", the same check is not logged: the failure goes back as the error 11a', () => {
    const refused = simulate(preset('validation-refused'), '10.1.4.3.2');
    render(<MessagePanel run={refused} step={11} />);
    expect(panel().querySelector('.player-message-log')).toBeNull();
    expect(panel().textContent).toContain('Validation failed:');
    expect(refused.steps[11]!.number).toBe('11a');
  });
});
