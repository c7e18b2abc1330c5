import { describe, expect, it } from 'vitest';
import type { ProcedureId } from '../../core/model/ids';
import { parseGoto, resolveGoto, stepMessage } from './embedMessages';

const TOTALS: Record<ProcedureId, number> = {
  '10.1.4.3.1': 3,
  '10.1.4.3.2': 14,
  '10.1.4.3.3': 11,
  '10.1.4.x.2': 13,
};
const count = (procedure: ProcedureId) => TOTALS[procedure];

describe('parseGoto', () => {
  it('reads a goto with a step, and with a procedure', () => {
    expect(parseGoto({ type: 'mcx:goto', step: 4 })).toEqual({ step: 4 });
    expect(parseGoto({ type: 'mcx:goto', step: 0, procedure: '10.1.4.x.2' })).toEqual({
      step: 0,
      procedure: '10.1.4.x.2',
    });
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'mcx:goto'],
    ['a number', 4],
    ['an array', [{ type: 'mcx:goto', step: 1 }]],
    ['another type', { type: 'mcx:step', step: 1 }],
    ['the type in another case', { type: 'MCX:GOTO', step: 1 }],
    ['no step', { type: 'mcx:goto' }],
    ['a step as a string', { type: 'mcx:goto', step: '3' }],
    ['a negative step', { type: 'mcx:goto', step: -1 }],
    ['a fractional step', { type: 'mcx:goto', step: 1.5 }],
    ['NaN', { type: 'mcx:goto', step: Number.NaN }],
    ['Infinity', { type: 'mcx:goto', step: Number.POSITIVE_INFINITY }],
    ['a huge step', { type: 'mcx:goto', step: 1e300 }],
    ['2 ** 53', { type: 'mcx:goto', step: 2 ** 53 }],
    ['an unknown procedure', { type: 'mcx:goto', step: 1, procedure: '10.1.4.3.9' }],
    ['a procedure with markup', { type: 'mcx:goto', step: 1, procedure: '<img src=x onerror=alert(1)>' }],
    ['a procedure as a number', { type: 'mcx:goto', step: 1, procedure: 10 }],
    ['a null procedure', { type: 'mcx:goto', step: 1, procedure: null }],
    ['a field more', { type: 'mcx:goto', step: 1, html: '<b>x</b>' }],
  ])('ignores %s', (_, data) => {
    expect(parseGoto(data)).toBeNull();
  });
});

describe('resolveGoto', () => {
  it('stays on the procedure shown when the goto names none', () => {
    expect(resolveGoto({ step: 11 }, '10.1.4.3.3', count)).toEqual({ procedure: '10.1.4.3.3', step: 11 });
  });

  it('takes the procedure the goto names, checking the step against its run', () => {
    expect(resolveGoto({ step: 14, procedure: '10.1.4.3.2' }, '10.1.4.3.3', count)).toEqual({
      procedure: '10.1.4.3.2',
      step: 14,
    });
    expect(resolveGoto({ step: 12, procedure: '10.1.4.3.3' }, '10.1.4.3.2', count)).toBeNull();
  });

  it('refuses a step beyond the run (the last step is its total)', () => {
    expect(resolveGoto({ step: 4 }, '10.1.4.3.1', count)).toBeNull();
    expect(resolveGoto({ step: 3 }, '10.1.4.3.1', count)).toEqual({ procedure: '10.1.4.3.1', step: 3 });
  });
});

describe('stepMessage', () => {
  it('is the mcx:step message of CONTRACT.md §8', () => {
    expect(stepMessage('10.1.4.3.2', 7, 14)).toEqual({
      type: 'mcx:step',
      procedure: '10.1.4.3.2',
      step: 7,
      total: 14,
    });
  });
});
