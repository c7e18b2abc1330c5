import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/profile';
import type { Io } from '../../src/cli/io';

const vendorPath = new URL('./vendor-profile.xml', import.meta.url).pathname;

function fakeIo(files: Record<string, string>, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    readFile: (p) => {
      const text = files[p];
      if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return text;
    },
    readStdin: () => stdin,
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  };
  return { io, out, err };
}

describe('npm run profile', () => {
  it('prints the Profile of a document as JSON', () => {
    const { io, out, err } = fakeIo({ 'p.xml': readFileSync(vendorPath, 'utf8') });
    expect(main(['p.xml'], io)).toBe(0);
    const profile = JSON.parse(out.join(''));
    expect(profile).toMatchObject({ index: 4, priority: 8, maxAffiliations: 10, name: 'Traffic unit' });
    expect(profile.xml).toContain('v:Extension');
    expect(err).toEqual([]);
  });

  it.each([
    [['bad.xml'], { 'bad.xml': '<x/>' }, /^profile: bad\.xml: root element is <x>/],
    [['missing.xml'], {}, /^profile: cannot read missing\.xml: no such file\n$/],
    [[], {}, /^profile: expected one profile document/],
    [['a.xml', 'b.xml'], {}, /^profile: expected one profile document/],
  ])('exits 2 with one line for %j', (argv, files, message) => {
    const { io, out, err } = fakeIo(files as Record<string, string>);
    expect(main(argv as string[], io)).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(message);
    expect(err[0]!.trimEnd()).not.toContain('\n');
  });

  it('reads standard input through npm', () => {
    const result = spawnSync('npm', ['run', '--silent', 'profile', '--', '-'], {
      input: readFileSync(vendorPath, 'utf8').replace('>8<', '>high<'),
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(
      result.stderr
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('npm warn')),
    ).toEqual(['profile: stdin: <Priority>: expected an integer 0..255, got "high"']);
  });
});

describe('npm run sim with profile documents', () => {
  it('reads {xml} profiles and prints the delivered profile as a document (--format xml)', async () => {
    // given a scenario whose migration profile is a vendor document
    const { main: sim } = await import('../../src/cli/sim');
    const { BASE_SCENARIO } = await import('../../src/core/model/presets');
    const scenario = structuredClone(BASE_SCENARIO) as typeof BASE_SCENARIO;
    const doc = readFileSync(vendorPath, 'utf8').replaceAll('sip:bob@', 'sip:alice@');
    (scenario.primary.profiles as unknown[])[1] = { xml: doc, migration: { partners: ['county.example'] } };
    const { io, out, err } = fakeIo({ 's.json': JSON.stringify(scenario) });
    // when simulated with --format xml
    expect(sim(['s.json', '--format', 'xml'], io)).toBe(0);
    // then one document, modified by the policy, with the vendor's elements kept
    const text = out.join('');
    expect(err).toEqual([]);
    expect(text.match(/<\?xml /g)).toHaveLength(1);
    expect(text).toContain('<up:Priority>3</up:Priority>');
    expect(text).toContain('<v:Extension v:flag="on">vendor data &amp; more</v:Extension>');
  });

  it('prints one document per profile for 10.1.4.3.1', async () => {
    const { main: sim } = await import('../../src/cli/sim');
    const { BASE_SCENARIO } = await import('../../src/core/model/presets');
    const { io, out } = fakeIo({ 's.json': JSON.stringify(BASE_SCENARIO) });
    expect(sim(['s.json', '--format', 'xml', '--procedure', '10.1.4.3.1'], io)).toBe(0);
    expect(out.join('').match(/<\?xml version="1.0" encoding="UTF-8"\?>/g)).toHaveLength(2);
  });
});
