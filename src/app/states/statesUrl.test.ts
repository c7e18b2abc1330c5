import { describe, expect, it } from 'vitest';
import { readStatesUrl, writeStatesUrl } from '../viewUrl';

describe('&states=1 in the address', () => {
  it('reads 1, true or the bare name as shown, 0 or false or nothing as hidden', () => {
    for (const search of ['?states=1', '?states=true', '?states', '?mode=present&states=1'])
      expect(readStatesUrl(search)).toEqual({ states: true, problems: [] });
    for (const search of ['', '?states=0', '?states=false', '?step=3'])
      expect(readStatesUrl(search)).toEqual({ states: false, problems: [] });
  });

  it('reports any other value, naming it, and hides the view', () => {
    const reading = readStatesUrl('?states=yes');
    expect(reading.states).toBe(false);
    expect(reading.problems).toEqual([
      'Unknown states value "yes" in the address (expected states=1); the States view is hidden.',
    ]);
  });

  it('writes states=1 or removes it, keeping every other parameter', () => {
    expect(writeStatesUrl('?procedure=10.1.4.3.2&step=4', true)).toBe(
      '?procedure=10.1.4.3.2&step=4&states=1',
    );
    expect(writeStatesUrl('?mode=present&states=1&step=2', false)).toBe('?mode=present&step=2');
    expect(writeStatesUrl('?states=1', false)).toBe('');
  });
});
