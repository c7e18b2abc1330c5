// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { scenarioFor } from '../core/engine/run';
import { PROCEDURE_IDS } from '../core/model/ids';
import { firstTexts } from '../../scripts/firstTexts';
import { firstVisitText } from './firstVisit';
import { STORAGE_KEY } from './storageKey';
import { DEFAULT_PROCEDURE, DEFAULT_SCENARIO } from './store';
import { runOf } from './useRun';

const built = firstTexts();

afterEach(() => localStorage.clear());

describe('the first visit’s diagram text, known before the core is loaded', () => {
  it('is, for each procedure, the text the page computes for the default scenario (and the build gives it)', () => {
    expect(built.procedure).toBe(DEFAULT_PROCEDURE);
    for (const id of PROCEDURE_IDS) {
      const page = runOf(scenarioFor(DEFAULT_SCENARIO, id), id).diagram.text;
      expect(built.texts[id]).toBe(page);
      expect(firstVisitText(`?procedure=${id}&step=3`, '', built)).toBe(page);
    }
    // vite.config.ts defines the same for the page (and for these tests)
    expect(firstVisitText('?procedure=10.1.4.3.3', '')).toBe(built.texts['10.1.4.3.3']);
    expect(firstVisitText('', '', built)).toBe(built.texts[DEFAULT_PROCEDURE]);
    expect(firstVisitText('?mode=present&procedure=10.1.4.3.1', '', built)).toBe(built.texts['10.1.4.3.1']);
  });

  it('is not guessed where the page may draw another text', () => {
    expect(firstVisitText('?procedure=10.1.4.3.3#scenario=abc', '#scenario=abc', built)).toBeNull();
    expect(firstVisitText('?procedure=10.1.4.3.3&scenario=abc', '', built)).toBeNull();
    expect(firstVisitText('?procedure=10.1.4.9.9', '', built)).toBeNull();
    expect(firstVisitText('?procedure=toString', '', built)).toBeNull();
    expect(firstVisitText('?compare=10.1.4.3.2,10.1.4.3.3', '', built)).toBeNull();
    expect(firstVisitText('?mode=quiz&procedure=10.1.4.3.2', '', built)).toBeNull();
    expect(firstVisitText('?mode=explore', '', built)).toBeNull();
    expect(firstVisitText('?procedure=10.1.4.3.2', '', null)).toBeNull();
    localStorage.setItem(STORAGE_KEY, '{}');
    expect(firstVisitText('?procedure=10.1.4.3.2', '', built)).toBeNull();
  });
});
