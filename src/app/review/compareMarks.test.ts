// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { compareProcedures } from '../../core/explore/compare';
import { applyMarks, marksOf } from './compareMarks';

describe('the marks of a comparison', () => {
  it('the draft against 10.1.4.3.3: its steps 2 and 3 removed, the rest reworded, nothing added', () => {
    const { left, right } = marksOf(compareProcedures('10.1.4.x.2', '10.1.4.3.3'));
    expect([...left].filter(([, m]) => m === 'step-removed').map(([n]) => n)).toEqual([2, 3]);
    expect([...right.values()].includes('step-added')).toBe(false);
    expect(left.get(4)).toBe('step-reworded');
    expect(right.get(2)).toBe('step-reworded');
  });

  it('10.1.4.3.2 against 10.1.4.3.3: removed on the left, added on the right, same steps unmarked', () => {
    const { left, right } = marksOf(compareProcedures('10.1.4.3.2', '10.1.4.3.3'));
    expect([...left].filter(([, m]) => m === 'step-removed').map(([n]) => n)).toEqual([
      1, 10, 11, 12, 13, 14,
    ]);
    expect([...right].filter(([, m]) => m === 'step-added').map(([n]) => n)).toEqual([1, 2, 11]);
    // step 3 (retrieve) is word for word the same as 10.1.4.3.3 step 4
    expect(left.has(3)).toBe(false);
    expect(right.has(4)).toBe(false);
  });

  it('puts the marks on every element of a step and takes stale ones off', () => {
    document.body.innerHTML = `<svg>
      <text data-step="1"></text><line data-step="1" data-et="message"></line>
      <text data-step="2" class="messageText step-added"></text><line data-step="2"></line>
      <rect class="actor"></rect></svg>`;
    const count = applyMarks(document.body, new Map([[1, 'step-removed' as const]]));
    expect(count).toBe(2);
    expect(document.querySelectorAll('[data-step="1"].step-removed')).toHaveLength(2);
    expect(document.querySelectorAll('.step-added')).toHaveLength(0);
    expect(document.querySelector('text[data-step="2"]')!.getAttribute('class')).toBe('messageText');
    expect(document.querySelector('rect')!.getAttribute('class')).toBe('actor');
  });
});
