import { describe, expect, it } from 'vitest';
import { readReviewUrl, writeReviewUrl, writeUrl } from '../url';

describe('readReviewUrl', () => {
  it('reads nothing as the player', () => {
    expect(readReviewUrl('')).toEqual({ mode: 'player', compare: null, problems: [] });
    expect(readReviewUrl('?procedure=10.1.4.3.2&step=3')).toEqual({
      mode: 'player',
      compare: null,
      problems: [],
    });
  });

  it('reads the quiz and the presentation', () => {
    expect(readReviewUrl('?mode=quiz').mode).toBe('quiz');
    expect(readReviewUrl('?procedure=10.1.4.3.1&mode=present').mode).toBe('present');
  });

  it('reads two procedures to compare, with the comma written or encoded', () => {
    expect(readReviewUrl('?compare=10.1.4.x.2,10.1.4.3.3').compare).toEqual(['10.1.4.x.2', '10.1.4.3.3']);
    expect(readReviewUrl('?compare=10.1.4.3.2%2C10.1.4.3.3').compare).toEqual(['10.1.4.3.2', '10.1.4.3.3']);
    expect(readReviewUrl('?compare=10.1.4.3.2,%2010.1.4.3.3').compare).toEqual(['10.1.4.3.2', '10.1.4.3.3']);
  });

  it.each([
    [
      '?mode=slides',
      'Unknown mode "slides" in the address (expected quiz, present, explore, assumptions or check); showing the player.',
    ],
    [
      '?compare=10.1.4.3.3',
      'compare="10.1.4.3.3" in the address needs two procedures separated by a comma (for example compare=10.1.4.x.2,10.1.4.3.3); showing the player instead.',
    ],
    [
      '?compare=10.1.4.3.3,10.1.4.3.3,10.1.4.3.1',
      'compare="10.1.4.3.3,10.1.4.3.3,10.1.4.3.1" in the address needs two procedures separated by a comma (for example compare=10.1.4.x.2,10.1.4.3.3); showing the player instead.',
    ],
    [
      '?compare=10.1.4.3.3,x',
      'Unknown procedure "x" in compare="10.1.4.3.3,x" (expected two of 10.1.4.3.1, 10.1.4.3.2, 10.1.4.3.3, 10.1.4.x.2); showing the player instead.',
    ],
    [
      '?compare=a,b',
      'Unknown procedures "a" and "b" in compare="a,b" (expected two of 10.1.4.3.1, 10.1.4.3.2, 10.1.4.3.3, 10.1.4.x.2); showing the player instead.',
    ],
    [
      '?compare=10.1.4.3.2,10.1.4.3.2',
      'compare="10.1.4.3.2,10.1.4.3.2" in the address names the same procedure twice; showing the player instead.',
    ],
  ])('a bad value falls back to the player, saying why: %s', (search, problem) => {
    expect(readReviewUrl(search)).toEqual({ mode: 'player', compare: null, problems: [problem] });
  });

  it('a bad compare and a good mode: the mode is kept', () => {
    const reading = readReviewUrl('?mode=quiz&compare=,');
    expect(reading.mode).toBe('quiz');
    expect(reading.compare).toBeNull();
    expect(reading.problems).toHaveLength(1);
  });
});

describe('writeReviewUrl', () => {
  it('sets and removes mode and compare, keeping every other parameter in place', () => {
    const search = '?procedure=10.1.4.3.3&step=2&scenario=N4Ig';
    expect(writeReviewUrl(search, { mode: 'quiz', compare: null })).toBe(
      '?procedure=10.1.4.3.3&step=2&scenario=N4Ig&mode=quiz',
    );
    expect(writeReviewUrl('?mode=quiz&step=2', { mode: 'player', compare: null })).toBe('?step=2');
    expect(writeReviewUrl('', { mode: 'player', compare: ['10.1.4.x.2', '10.1.4.3.3'] })).toBe(
      '?compare=10.1.4.x.2,10.1.4.3.3',
    );
    expect(writeReviewUrl('?compare=10.1.4.x.2,10.1.4.3.3', { mode: 'player', compare: null })).toBe('');
  });

  it('round-trips', () => {
    const state = { mode: 'present' as const, compare: ['10.1.4.3.2', '10.1.4.3.3'] as const };
    expect(readReviewUrl(writeReviewUrl('?step=4', state))).toEqual({ ...state, problems: [] });
  });

  it("the player's writer keeps the comma of compare as it is", () => {
    expect(
      writeUrl(
        { search: '?compare=10.1.4.3.2,10.1.4.3.3', hash: '' },
        { procedure: '10.1.4.3.3', step: 1, scenario: null },
      ).search,
    ).toBe('?compare=10.1.4.3.2,10.1.4.3.3&procedure=10.1.4.3.3&step=1');
  });
});
