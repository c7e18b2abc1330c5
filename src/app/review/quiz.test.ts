import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../core/model/presets';
import { simulate } from '../../core/engine/run';
import { checkGuess, feedback, formatScore, isEntityId, scoreOf, withAnswer } from './quiz';

const happy = PRESETS.find((p) => p.id === 'happy-path')!.scenario;
const steps = simulate(happy, '10.1.4.3.3').steps;
const step = (n: number) => steps[n - 1]!;

describe('the quiz', () => {
  it('a guess is right when sender and receiver both are', () => {
    // given step 1: cmc → partner-cms
    expect(checkGuess(step(1), { from: 'cmc', to: 'partner-cms' })).toEqual({
      n: 1,
      guess: { from: 'cmc', to: 'partner-cms' },
      correct: true,
    });
    expect(checkGuess(step(1), { from: 'partner-cms', to: 'cmc' }).correct).toBe(false);
    expect(checkGuess(step(1), { from: 'cmc', to: 'primary-cms' }).correct).toBe(false);
  });

  it('an own action is the same entity twice', () => {
    // step 4: the primary UDB retrieves the profile
    expect(step(4).from).toBe('primary-udb');
    expect(checkGuess(step(4), { from: 'primary-udb', to: 'primary-udb' }).correct).toBe(true);
    expect(checkGuess(step(4), { from: 'primary-udb', to: 'primary-cms' }).correct).toBe(false);
  });

  it('error steps are asked like any other, and said to be errors', () => {
    const refused = simulate(PRESETS.find((p) => p.id === 'no-migration-profile')!.scenario, '10.1.4.3.3');
    const error = refused.steps.find((s) => s.kind === 'error')!;
    const answer = checkGuess(error, { from: error.from, to: error.to });
    expect(answer.correct).toBe(true);
    expect(feedback(error, answer)).toBe(
      `Correct. Step ${error.n} is ${error.from} → ${error.to}, an error.`,
    );
  });

  it('the feedback names the prediction and the right answer', () => {
    const wrong = checkGuess(step(8), { from: 'partner-cms', to: 'partner-udb' });
    expect(feedback(step(8), wrong)).toBe(
      'Incorrect: you predicted partner-cms → partner-udb. Step 8 is partner-udb (own action).',
    );
  });

  it('scores the answers, one per step', () => {
    let answers = withAnswer([], checkGuess(step(2), { from: 'partner-cms', to: 'primary-cms' }));
    answers = withAnswer(answers, checkGuess(step(1), { from: 'cmc', to: 'cmc' }));
    answers = withAnswer(answers, checkGuess(step(3), { from: 'primary-cms', to: 'primary-udb' }));
    expect(answers.map((a) => a.n)).toEqual([1, 2, 3]);
    expect(scoreOf(answers)).toEqual({ correct: 2, asked: 3 });
    // answering a step again replaces the earlier answer
    answers = withAnswer(answers, checkGuess(step(1), { from: 'cmc', to: 'partner-cms' }));
    expect(scoreOf(answers)).toEqual({ correct: 3, asked: 3 });
    expect(formatScore(scoreOf(answers))).toBe('Score: 3 of 3');
    expect(formatScore(scoreOf([]))).toBe('Score: 0 of 0');
  });

  it('knows the five entities', () => {
    expect(['cmc', 'primary-cms', 'primary-udb', 'partner-cms', 'partner-udb'].every(isEntityId)).toBe(true);
    expect(isEntityId('')).toBe(false);
    expect(isEntityId('partner')).toBe(false);
  });
});
