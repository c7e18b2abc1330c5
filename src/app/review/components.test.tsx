// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { simulate } from '../../core/engine/run';
import { presetScenario as preset } from '../../core/model/presets';
import { goldenScenario } from '../../../test/support/golden';
import { CurrentStep } from './CurrentStep';
import { QuizPanel } from './QuizPanel';
import { withAnswer, type QuizAnswer } from './quiz';

const happy = simulate(preset('happy-path'), '10.1.4.3.3');

afterEach(() => cleanup());

describe('the current step', () => {
  it('before step 1: the clause as a whole, its spec note and the note field for step 0', () => {
    render(<CurrentStep run={happy} step={0} />);
    const region = screen.getByRole('region', { name: 'Current step' });
    expect(region.textContent).toContain('Before step 1: 10.1.4.3.3');
    const note = screen.getByRole('note', { name: /^Spec note: No check by the primary/ });
    expect(note.textContent).toContain('no step gives it to the primary');
    expect(screen.getByLabelText('Review note for step 0')).toBeTruthy();
  });

  it('a step: its words, where they come from, the plain words and the notes', () => {
    render(<CurrentStep run={happy} step={4} />);
    expect(screen.getByText('4. primary-udb (own action)')).toBeTruthy();
    expect(screen.getByText(happy.steps[3]!.text)).toBeTruthy();
    expect(screen.getByText('TS 23.280 clause 10.1.4.3.3, step 4')).toBeTruthy();
    expect(
      screen.getByText('The primary UDB picks the profile meant for migration to this partner.'),
    ).toBeTruthy();
    expect(screen.getByRole('note', { name: 'Spec note: Which profile is "applicable"?' })).toBeTruthy();
    expect(screen.queryByText('Simulator assumption')).toBeNull();
  });

  it('an assumption step is labelled "Simulator assumption", always', () => {
    const refused = simulate(preset('no-migration-profile'), '10.1.4.3.3');
    const n = refused.steps.findIndex((s) => s.assumption) + 1;
    render(<CurrentStep run={refused} step={n} withNote={false} />);
    expect(screen.getByText('Simulator assumption')).toBeTruthy();
    expect(screen.getByText('Simulator assumption: the clause is silent here')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('the error that step 11 describes is credited to step 11, not to the simulator', () => {
    const refused = simulate(preset('validation-refused'), '10.1.4.3.2');
    render(<CurrentStep run={refused} step={12} withNote={false} />);
    expect(screen.getByText('TS 23.280 clause 10.1.4.3.2, step 11 (the error it describes)')).toBeTruthy();
    expect(screen.getByRole('note', { name: /^Spec note: What is the "appropriate error"/ })).toBeTruthy();
    expect(screen.queryByText('Simulator assumption')).toBeNull();
  });

  it('a failed check read as "continue" (onFailure): step 11 shows the logged line, and step 12 follows', () => {
    const run = simulate(goldenScenario('validation-continue'), '10.1.4.3.2');
    const logged = run.steps[10]!.log;
    expect(logged).toHaveLength(1);
    render(<CurrentStep run={run} step={11} withNote={false} />);
    const region = screen.getByRole('region', { name: 'Current step' });
    const line = [...region.querySelectorAll('.review-current-log')].map((p) => p.textContent);
    expect(line).toEqual([`Logged: ${logged[0]}`]);
    expect(line[0]).toMatch(/^Logged: validation failed \(.+\); logged, and processing continues in step 12/);
    cleanup();
    // the step after it is the clause's step 12, with nothing logged
    render(<CurrentStep run={run} step={12} withNote={false} />);
    const step12 = screen.getByRole('region', { name: 'Current step' }).textContent;
    expect(step12).not.toContain('Logged:');
    expect(run.steps[11]!.number).toBe('12');
    // the narration is this run's: the check failed and was logged, it did not pass
    expect(step12).toContain('The check at step 11 failed, and the primary CMS logged it');
    expect(step12).not.toContain('The check passed');
  });
});

/** The panel with the answers kept as the quiz view keeps them: an answer reveals the step. */
function Harness() {
  const [answers, setAnswers] = useState<QuizAnswer[]>([]);
  const [step, setStep] = useState(0);
  return (
    <QuizPanel
      steps={happy.steps.slice(0, 3)}
      step={step}
      answers={answers}
      onAnswer={(a) => {
        setAnswers(withAnswer(answers, a));
        setStep(a.n);
      }}
      onRestart={() => {
        setAnswers([]);
        setStep(0);
      }}
    />
  );
}

function answer(from: string, to: string) {
  fireEvent.change(screen.getByLabelText('From'), { target: { value: from } });
  fireEvent.change(screen.getByLabelText('To'), { target: { value: to } });
  fireEvent.click(screen.getByRole('button', { name: 'Check answer' }));
}

describe('the quiz panel', () => {
  it('asks, checks, says so in a live region, and scores at the end', () => {
    render(<Harness />);
    const live = screen.getByRole('status');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(screen.getByRole('group', { name: 'Step 1: who acts?' })).toBeTruthy();

    answer('cmc', 'partner-cms');
    expect(live.textContent).toContain('Correct. Step 1 is cmc → partner-cms.');
    expect(live.textContent).toContain(happy.steps[0]!.text);
    // the fields are cleared for the next question
    expect(screen.getByLabelText<HTMLSelectElement>('From').value).toBe('');

    answer('partner-cms', 'partner-udb');
    expect(live.textContent).toContain(
      'Incorrect: you predicted partner-cms → partner-udb. Step 2 is partner-cms → primary-cms.',
    );
    answer('primary-cms', 'primary-udb');
    expect(within(live).getByText('Score: 2 of 3')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Check answer' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Restart quiz' }));
    expect(screen.getByRole('group', { name: 'Step 1: who acts?' })).toBeTruthy();
    expect(live.textContent).toBe('');
  });

  it('does not answer without both entities', () => {
    render(<Harness />);
    fireEvent.change(screen.getByLabelText('From'), { target: { value: 'cmc' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Check answer' }).closest('form')!);
    expect(screen.getByRole('group', { name: 'Step 1: who acts?' })).toBeTruthy();
    expect(screen.getByText('Choose both to answer.')).toBeTruthy();
  });
});
