import lzString from 'lz-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRESETS } from '../core/model/presets';
import { simulate } from '../core/engine/run';
import { decodeScenario, encodeScenario, readUrl, writeUrl, type CountSteps, openingView } from './url';
import { loadXmlSupport } from './xmlSupport';
import { scenarioUrl } from '../core/formats/address';

const { compressToEncodedURIComponent } = lzString;

const BASE = PRESETS[0]!.scenario;
const PRIMARY = PRESETS.find((p) => p.id === 'validation-refused')!.scenario;
const countSteps: CountSteps = (scenario, procedure) => simulate(scenario, procedure).steps.length;
const defaults = { procedure: '10.1.4.3.3' as const, scenario: BASE };
const read = (search: string, hash = '') => readUrl(search, defaults, countSteps, hash);

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
    expect(reading.problems[0]).toContain('(the scenario): not valid JSON');
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
    const address = writeUrl(
      { search: '', hash: '' },
      { procedure: '10.1.4.3.2', step: 3, scenario: encodeScenario(PRIMARY) },
    );
    expect(read(address.search, address.hash)).toEqual({
      procedure: '10.1.4.3.2',
      step: 3,
      scenario: PRIMARY,
      problems: [],
    });
  });
});

describe('writeUrl', () => {
  const empty = { search: '', hash: '' };

  it('writes procedure and step', () => {
    expect(writeUrl(empty, { procedure: '10.1.4.x.2', step: 5, scenario: null })).toEqual({
      search: '?procedure=10.1.4.x.2&step=5',
      hash: '',
    });
  });

  it('replaces old values and keeps other parameters in place', () => {
    expect(
      writeUrl(
        { search: '?mode=quiz&step=9&procedure=10.1.4.3.1&scenario=abc', hash: '' },
        { procedure: '10.1.4.3.3', step: 2, scenario: null },
      ),
    ).toEqual({ search: '?mode=quiz&step=2&procedure=10.1.4.3.3', hash: '' });
  });

  it('writes the scenario in the fragment, never in the query', () => {
    const address = writeUrl(
      { search: '?compare=10.1.4.3.2,10.1.4.3.3', hash: '' },
      { procedure: '10.1.4.3.3', step: 0, scenario: 'N4Ig+x$-' },
    );
    expect(address).toEqual({
      search: '?compare=10.1.4.3.2,10.1.4.3.3&procedure=10.1.4.3.3&step=0',
      hash: '#scenario=N4Ig+x$-',
    });
  });

  it('moves a scenario of the query into the fragment, keeping the other parts of the fragment', () => {
    const packed = encodeScenario(PRIMARY);
    expect(
      writeUrl(
        { search: `?scenario=${packed}&mode=quiz`, hash: '#note=1&scenario=old' },
        { procedure: '10.1.4.3.2', step: 1, scenario: packed },
      ),
    ).toEqual({ search: '?mode=quiz&procedure=10.1.4.3.2&step=1', hash: `#note=1&scenario=${packed}` });
  });

  it('drops the scenario from the fragment when there is none to show', () => {
    expect(
      writeUrl({ search: '', hash: '#scenario=abc' }, { procedure: '10.1.4.3.1', step: 0, scenario: null }),
    ).toEqual({
      search: '?procedure=10.1.4.3.1&step=0',
      hash: '',
    });
  });
});

describe('the scenario in the fragment (CONTRACT.md §8)', () => {
  const REFUSED = PRESETS.find((p) => p.id === 'no-migration-profile')!.scenario;

  it('is read like the query form', () => {
    const reading = read('?procedure=10.1.4.3.2&step=12', `#scenario=${encodeScenario(PRIMARY)}`);
    expect(reading).toEqual({ procedure: '10.1.4.3.2', step: 12, scenario: PRIMARY, problems: [] });
  });

  it('wins over the query form', () => {
    const reading = read(`?scenario=${encodeScenario(REFUSED)}`, `#scenario=${encodeScenario(PRIMARY)}`);
    expect(reading.scenario).toEqual(PRIMARY);
    expect(reading.problems).toEqual([]);
  });

  it('wins also when it is bad: reported, and the query form is not used instead', () => {
    const reading = read(`?scenario=${encodeScenario(PRIMARY)}`, '#scenario=%25%25garbage');
    expect(reading.scenario).toBeNull();
    expect(reading.problems[0]).toMatch(/^The scenario in the address could not be loaded/);
  });

  it('is found among other parts of the fragment, percent-encoded or not', () => {
    const packed = encodeScenario(PRIMARY);
    expect(read('', `#x=1&scenario=${packed}&y`).scenario).toEqual(PRIMARY);
    expect(read('', `#scenario=${encodeURIComponent(packed)}`).scenario).toEqual(PRIMARY);
  });

  it('a fragment without a scenario leaves the query form', () => {
    expect(read(`?scenario=${encodeScenario(PRIMARY)}`, '#notes').scenario).toEqual(PRIMARY);
  });
});

describe('hostile scenarios in the address: a problem each, never a throw', () => {
  beforeAll(async () => {
    // the page loads the XML reader before it reads an address with documents (main.tsx)
    await loadXmlSupport();
  });

  const withDocument = (xml: string) => {
    const scenario = structuredClone(BASE);
    const profiles: unknown[] = scenario.primary.profiles;
    profiles[0] = { ...scenario.primary.profiles[0], xml };
    return JSON.stringify(scenario);
  };
  const profile = (inner: string) =>
    `<mcptt-user-profile xmlns="urn:3gpp:mcptt:user-profile:1.0" user-profile-index="1">${inner}</mcptt-user-profile>`;
  const HOSTILE: { name: string; json: () => string; reason: RegExp }[] = [
    {
      name: 'a profile document with a DTD of an external entity',
      json: () =>
        withDocument(
          `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${profile('<ProfileName>&e;</ProfileName>')}`,
        ),
      reason: /./,
    },
    {
      name: 'a profile document with a broken DTD',
      json: () => withDocument(`<!DOCTYPE x [<!ENTITY>]>${profile('')}`),
      reason: /./,
    },
    {
      name: 'a profile document of 5,000 nested elements',
      json: () => withDocument(profile(`${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}`)),
      reason: /./,
    },
    {
      name: 'a title of 3 MB',
      json: () => JSON.stringify({ ...BASE, title: 'x'.repeat(3_000_000) }),
      reason: /^title: a string of 3,000,000 characters is over the limit of 10,000$/,
    },
    {
      name: 'JSON nested 10,000 deep',
      json: () =>
        JSON.stringify(BASE).replace(/}$/, `,"extra":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`),
      reason: /^extra\.a\.a[.a]*…: nested more than 64 levels deep, over the limit of 64$/,
    },
    {
      name: 'a JSON list nested 10,000 deep',
      json: () => `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
      reason: /nested more than 64 levels deep, over the limit of 64$/,
    },
  ];

  it.each(HOSTILE)('$name', ({ json, reason }) => {
    const packed = compressToEncodedURIComponent(json());
    for (const reading of [read(`?step=2`, `#scenario=${packed}`), read(`?scenario=${packed}&step=2`)]) {
      expect(reading.scenario).toBeNull();
      expect(reading.procedure).toBe('10.1.4.3.3');
      expect(reading.step).toBe(2);
      expect(reading.problems).toHaveLength(1);
      const [problem] = reading.problems;
      expect(problem).toMatch(
        /^The scenario in the address could not be loaded \(.+\); the current scenario is shown\.$/,
      );
      expect(problem!.slice(problem!.indexOf('(') + 1, problem!.lastIndexOf(')'))).toMatch(reason);
      // one line
      expect(problem).not.toContain('\n');
    }
  });

  it('a scenario the simulation cannot run is refused, not passed on', () => {
    const reading = readUrl(`?scenario=${encodeScenario(PRIMARY)}`, defaults, () => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    expect(reading.scenario).toBeNull();
    expect(reading.problems).toEqual([
      'The scenario in the address could not be loaded (it could not be run: Maximum call stack size exceeded); the current scenario is shown.',
    ]);
  });

  it('whatever throws while reading is a problem, and the defaults are shown', () => {
    let calls = 0;
    const reading = readUrl('?procedure=10.1.4.3.2&step=3', defaults, () => {
      calls++;
      throw new Error('boom\nsecond line');
    });
    expect(calls).toBe(1);
    expect(reading).toEqual({
      procedure: '10.1.4.3.3',
      step: 0,
      scenario: null,
      problems: ['The address could not be read (boom); the current scenario is shown at step 0.'],
    });
  });
});

describe('openingView: the view an address opens, as the page shows it (and its first script reads it)', () => {
  it.each([
    ['', 'player'],
    ['?mode=explore', 'explore'],
    ['?mode=check', 'check'],
    ['?mode=explore&embed=0', 'explore'],
    ['?mode=explore&embed=1', 'embed'],
    ['?embed', 'embed'],
    ['?embed=yes&mode=quiz', 'quiz'],
    ['?compare=10.1.4.x.2,10.1.4.3.3&mode=explore', 'compare'],
    ['?compare=nope&mode=explore', 'explore'],
    ['?mode=bogus', 'player'],
    ['?mode=present&procedure=10.1.4.3.1', 'present'],
  ])('%s opens %s', (search, view) => {
    expect(openingView(search)).toBe(view);
  });
});

describe('scenarioUrl (the core’s writer of the page’s address)', () => {
  const bases = [
    'http://localhost:4173/',
    'http://localhost:4173',
    'https://sim.example/mcx/index.html?procedure=10.1.4.3.1&step=3#scenario=abc',
    'https://user:secret@sim.example/a/b/?mode=quiz',
    'http://127.0.0.1:5173/#x',
  ];
  it.each(bases)('is what Copy link built with the URL API, and the page reads it back: %s', (base) => {
    // given the page's former writer, origin + pathname of the URL API, and a scenario
    const url = new URL(base);
    const former = `${url.origin}${url.pathname}?procedure=10.1.4.3.2&step=5#scenario=${compressToEncodedURIComponent(JSON.stringify(PRIMARY))}`;
    // when the core writes the address
    const address = scenarioUrl(PRIMARY, { base, procedure: '10.1.4.3.2', step: 5 });
    // then it is the same, and the page's reader opens that scenario, procedure and step
    expect(address).toBe(former);
    const opened = new URL(address);
    expect(read(opened.search, opened.hash)).toMatchObject({
      procedure: '10.1.4.3.2',
      step: 5,
      problems: [],
    });
    expect(read(opened.search, opened.hash).scenario).toEqual(PRIMARY);
  });

  it('defaults to the procedure ue.configuredBy picks, at step 0, and refuses a bad base or step', () => {
    expect(scenarioUrl(BASE, { base: 'http://localhost/' })).toMatch(
      /^http:\/\/localhost\/\?procedure=10\.1\.4\.3\.3&step=0#scenario=/,
    );
    expect(() => scenarioUrl(BASE, { base: 'index.html' })).toThrow('not an absolute address');
    expect(() => scenarioUrl(BASE, { base: 'http://localhost/', step: -1 })).toThrow('step must be');
  });
});
