import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../core/presets';
import { simulate } from '../core/run';
import { decodeScenario, encodeScenario, readUrl, writeUrl, type CountSteps } from './url';

const BASE = PRESETS[0]!.scenario;
const PRIMARY = PRESETS.find((p) => p.id === 'validation-refused')!.scenario;
const countSteps: CountSteps = (scenario, procedure) => simulate(scenario, procedure).steps.length;
const defaults = { procedure: '10.1.4.3.3' as const, scenario: BASE };
const read = (search: string) => readUrl(search, defaults, countSteps);

describe('readUrl', () => {
  it('falls back to the defaults, silently, for an empty address', () => {
    // given an address without parameters
    // when it is read
    const reading = read('');
    // then the defaults are kept and nothing is reported
    expect(reading).toEqual({ procedure: '10.1.4.3.3', step: 0, scenario: null, problems: [] });
  });

  it('opens a procedure at a step', () => {
    expect(read('?procedure=10.1.4.3.2&step=7')).toMatchObject({
      procedure: '10.1.4.3.2',
      step: 7,
      problems: [],
    });
  });

  it('accepts every procedure id, step 0 and the last step', () => {
    for (const id of ['10.1.4.3.1', '10.1.4.3.2', '10.1.4.3.3', '10.1.4.x.2'] as const) {
      const last = countSteps(BASE, id);
      expect(read(`?procedure=${id}&step=0`)).toMatchObject({ procedure: id, step: 0, problems: [] });
      expect(read(`?procedure=${id}&step=${last}`)).toMatchObject({
        procedure: id,
        step: last,
        problems: [],
      });
    }
  });

  it('accepts the procedure id percent-encoded', () => {
    expect(read('?procedure=10.1.4.x%2E2&step=2')).toMatchObject({ procedure: '10.1.4.x.2', step: 2 });
  });

  it('reports an unknown procedure and shows the default', () => {
    const reading = read('?procedure=10.1.4.9.9&step=2');
    expect(reading.procedure).toBe('10.1.4.3.3');
    expect(reading.step).toBe(2);
    expect(reading.problems).toHaveLength(1);
    expect(reading.problems[0]).toContain('Unknown procedure "10.1.4.9.9"');
    expect(reading.problems[0]).toContain('showing 10.1.4.3.3');
  });

  it('reports an empty procedure', () => {
    const reading = read('?procedure=');
    expect(reading.procedure).toBe('10.1.4.3.3');
    expect(reading.problems[0]).toContain('Unknown procedure ""');
  });

  it.each(['abc', '-1', '2.5', '1e1', '', ' ', '0x3'])('reports step %j as not a whole number', (step) => {
    const reading = read(`?procedure=10.1.4.3.2&step=${encodeURIComponent(step)}`);
    expect(reading.procedure).toBe('10.1.4.3.2');
    expect(reading.step).toBe(0);
    expect(reading.problems).toHaveLength(1);
    expect(reading.problems[0]).toMatch(/^Step ".*" in the address is not a whole number/);
  });

  it('reports a step past the end of the run', () => {
    const reading = read('?procedure=10.1.4.3.1&step=4');
    expect(reading.step).toBe(0);
    expect(reading.problems[0]).toBe(
      'Step 4 in the address is out of range (10.1.4.3.1 has steps 0 to 3); showing step 0.',
    );
    expect(read('?procedure=10.1.4.3.1&step=99999999999999999999').problems[0]).toContain('out of range');
  });

  it('checks the step against the fallback procedure when the procedure is bad', () => {
    // 10.1.4.3.3 has 11 steps: 12 is out of range for it, whatever the bad procedure might have had
    const reading = read('?procedure=nope&step=12');
    expect(reading.problems).toHaveLength(2);
    expect(reading.problems[1]).toContain('10.1.4.3.3 has steps 0 to 11');
  });

  it('loads a scenario and runs the procedure its UE is configured for', () => {
    const reading = read(`?scenario=${encodeScenario(PRIMARY)}`);
    expect(reading.problems).toEqual([]);
    expect(reading.scenario).toEqual(PRIMARY);
    expect(reading.procedure).toBe('10.1.4.3.2');
  });

  it('checks the step against the loaded scenario', () => {
    // the refused run of 10.1.4.3.2 ends with the error after step 11: 12 steps
    const ok = read(`?procedure=10.1.4.3.2&step=12&scenario=${encodeScenario(PRIMARY)}`);
    expect(ok).toMatchObject({ step: 12, problems: [] });
    const bad = read(`?procedure=10.1.4.3.2&step=13&scenario=${encodeScenario(PRIMARY)}`);
    expect(bad.problems[0]).toContain('10.1.4.3.2 has steps 0 to 12');
  });

  it('reports a scenario that is not lz-string', () => {
    const reading = read('?scenario=%25%25%25not-lz&procedure=10.1.4.3.1');
    expect(reading.scenario).toBeNull();
    expect(reading.procedure).toBe('10.1.4.3.1');
    expect(reading.problems).toHaveLength(1);
    expect(reading.problems[0]).toMatch(/^The scenario in the address could not be loaded/);
  });

  it('reports a scenario that is not JSON', () => {
    const reading = read(`?scenario=${compressToEncodedURIComponent('{not json')}`);
    expect(reading.problems[0]).toContain('it does not decompress to JSON');
  });

  it('reports an invalid scenario by the JSON path of its first problem', () => {
    const broken = JSON.parse(JSON.stringify(BASE)) as { primary: { profiles: Record<string, unknown>[] } };
    broken.primary.profiles[1]!.priority = 'high';
    const reading = read(`?scenario=${compressToEncodedURIComponent(JSON.stringify(broken))}`);
    expect(reading.scenario).toBeNull();
    expect(reading.problems[0]).toContain('primary.profiles[1].priority');
  });

  it('reports an empty scenario', () => {
    expect(read('?scenario=').problems[0]).toContain('it is empty');
  });

  it('reports every bad value at once', () => {
    expect(read('?procedure=x&step=y&scenario=z').problems).toHaveLength(3);
  });
});

describe('decodeScenario', () => {
  it('round-trips encodeScenario, also when `+` became a space', () => {
    for (const preset of PRESETS) {
      const packed = encodeScenario(preset.scenario);
      expect(decodeScenario(packed)).toEqual({ ok: true, scenario: preset.scenario });
      expect(decodeScenario(packed.replace(/\+/g, ' '))).toEqual({ ok: true, scenario: preset.scenario });
    }
  });

  it('survives the round trip through writeUrl and URLSearchParams', () => {
    const search = writeUrl('', { procedure: '10.1.4.3.2', step: 3, scenario: encodeScenario(PRIMARY) });
    expect(read(search)).toEqual({ procedure: '10.1.4.3.2', step: 3, scenario: PRIMARY, problems: [] });
  });
});

describe('writeUrl', () => {
  it('writes procedure and step', () => {
    expect(writeUrl('', { procedure: '10.1.4.x.2', step: 5, scenario: null })).toBe(
      '?procedure=10.1.4.x.2&step=5',
    );
  });

  it('replaces old values and keeps other parameters in place', () => {
    expect(
      writeUrl('?mode=quiz&step=9&procedure=10.1.4.3.1&scenario=abc', {
        procedure: '10.1.4.3.3',
        step: 2,
        scenario: null,
      }),
    ).toBe('?mode=quiz&step=2&procedure=10.1.4.3.3');
  });

  it('writes the scenario when given', () => {
    const search = writeUrl('?compare=10.1.4.3.2,10.1.4.3.3', {
      procedure: '10.1.4.3.3',
      step: 0,
      scenario: 'N4Ig+x$-',
    });
    const params = new URLSearchParams(search);
    expect(params.get('compare')).toBe('10.1.4.3.2,10.1.4.3.3');
    expect(params.get('scenario')).toBe('N4Ig+x$-');
  });
});
