import { describe, expect, it } from 'vitest';
import { BAND, cutHeight } from './cutAfter';

describe('cutHeight: the quiz diagram ends a fixed band under the last step shown', () => {
  const whole = { y: -10, height: 1331 };
  it('the same band under any step', () => {
    expect(cutHeight(whole, 300)).toBe(300 + 10 + BAND);
    expect(cutHeight(whole, 700) - cutHeight(whole, 300)).toBe(400);
  });
  it('never taller than the whole diagram, never empty', () => {
    expect(cutHeight(whole, 1300)).toBe(1331);
    expect(cutHeight(whole, -500)).toBe(1);
  });
});
