import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMermaid, PARTICIPANT, toMermaid } from '../src/core/formats/diagram';
import { PROCEDURE_IDS } from '../src/core/model/ids';
import { PRESETS } from '../src/core/model/presets';
import { simulate } from '../src/core/engine/run';
import { exampleScenario, lines } from './support/fixtures';

const FORBIDDEN = /[;#%<>$:\n\r]/;
const CODE = /#(\d+);/g;
const stripCodes = (text: string) => text.replace(CODE, '');
const decode = (text: string) => text.replace(CODE, (_, n: string) => String.fromCodePoint(Number(n)));

const HOSTILE = [
  'a;b',
  'issue #12',
  '%%{init: {"theme": "dark"}}%%',
  'cmc-->>partnerCms: forged',
  'line one\nline two\r\nthree',
  '<script>alert(1)</script>',
  '$$x$$',
  'key: value',
  '&amp; &lt; "quoted" `tick` {brace} [bracket] |pipe| \\ ~',
  'emoji 🚓 and ünïcödé',
];

describe('escapeMermaid', () => {
  it.each(HOSTILE)(
    'leaves no statement, comment, directive, arrow, markup, math or label character: %j',
    (input) => {
      // given a hostile string
      // when escaped
      const out = escapeMermaid(input);
      // then outside the #NNN; entity codes none of ; # % < > $ : or a newline is left
      expect(stripCodes(out)).not.toMatch(FORBIDDEN);
      // and the codes decode back to the text (whitespace collapsed)
      expect(decode(out)).toBe(input.replace(/\s+/g, ' ').trim());
    },
  );

  it('holds for any string, and decodes back to it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 70 }), (input) => {
        // given any string up to the length limit
        // when escaped
        const out = escapeMermaid(input);
        // then no forbidden character outside codes, and decoding gives the flattened input
        expect(stripCodes(out)).not.toMatch(FORBIDDEN);
        expect(decode(out)).toBe(input.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 200 },
    );
  });

  it('cuts long text to max characters, the last an ellipsis', () => {
    // given 100 characters
    const long = 'x'.repeat(100);
    // when escaped with the default max (80) and with 10
    // then 79 + … and 9 + …
    expect(escapeMermaid(long)).toBe(`${'x'.repeat(79)}#8230;`);
    expect(escapeMermaid(long, 10)).toBe(`${'x'.repeat(9)}#8230;`);
    expect(escapeMermaid('x'.repeat(80))).toBe('x'.repeat(80));
  });
});

const MESSAGE = /^ {2}(\w+)(->>|-->>|--x|-x)(\w+): (\d+[a-z]?)\. (.*)$/;
const STRUCTURE =
  /^(sequenceDiagram| {2}participant \w+ as [\w ()]+| {2}box (Primary|Partner) MC system .*| {2}end| {4}participant \w+ as [\w ()]+)$/;

describe('toMermaid', () => {
  const runs = PRESETS.flatMap((preset) =>
    PROCEDURE_IDS.map((procedure) => [`${preset.id} ${procedure}`, preset.scenario, procedure] as const),
  );

  it.each(runs)('%s: one line per arrow plus the participants', (_name, scenario, procedure) => {
    // given a run
    const run = simulate(scenario, procedure);
    // when drawn
    const { text, arrows } = toMermaid(run, scenario);
    const all = lines(text);
    // then each line is either structure (header, participants, boxes) or one message
    const messages = all.filter((l) => MESSAGE.test(l));
    const structure = all.filter((l) => !MESSAGE.test(l));
    for (const l of structure) expect(l).toMatch(STRUCTURE);
    expect(all[0]).toBe('sequenceDiagram');
    // and there is one message line per step plus one per side message, numbered like the arrows array
    const expected = run.steps.flatMap((s) => [s.n, ...s.also.map(() => s.n)]);
    expect(arrows).toEqual(expected);
    expect(messages).toHaveLength(arrows.length);
    // and each arrow wears its step's number (CONTRACT.md §6: `11a` for an unnumbered step, never a clause's)
    const numbers = run.steps.flatMap((s) => [s.number, ...s.also.map(() => s.number)]);
    expect(messages.map((l) => MESSAGE.exec(l)![4])).toEqual(numbers);
    // and each step goes between its entities; an error returned is an ordinary (dotted) answer, no cross
    run.steps.forEach((step) => {
      const line = messages[arrows.indexOf(step.n)]!;
      const [, from, arrow, to] = MESSAGE.exec(line)!;
      expect([from, to]).toEqual([PARTICIPANT[step.from], PARTICIPANT[step.to]]);
      expect(arrow!.endsWith('x')).toBe(false);
      if (step.kind === 'error') expect(arrow).toBe('-->>');
    });
    // and the text ends with a newline, with no empty line
    expect(text.endsWith('\n')).toBe(true);
    expect(all.every((l) => l.trim().length > 0)).toBe(true);
  });

  it('draws a lost message with a cross (and only it), a fired timer as a note over its entity', () => {
    // given 10.1.4.3.3 with step 6 (an answer) and, on the retry, step 1 (a request) lost, and timers
    const scenario = exampleScenario((raw) => {
      Object.assign(raw, {
        faults: [
          { kind: 'drop', step: 6 },
          { kind: 'drop', step: 1, nth: 2 },
        ],
        timing: { timeoutMs: { cmc: 1000, 'partner-cms': 3000 }, retries: 1 },
      });
    });
    const run = simulate(scenario, '10.1.4.3.3');
    // when drawn
    const { text, arrows } = toMermaid(run, scenario);
    const all = lines(text);
    // then the lost answer is dotted with a cross, the lost request solid with a cross, each marked lost
    expect(all).toContain('  primaryCms--xpartnerCms: 6. profile for migration (lost) (assumption)');
    expect(all).toContain('  cmc-xpartnerCms: 1. request profile for migration (lost) (assumption)');
    expect(all.filter((l) => /^ {2}\w+--?x\w+:/.test(l))).toHaveLength(
      run.steps.filter((s) => s.lost).length,
    );
    // and the partner CMS's timer is a note over it, not an arrow; the error it returns an ordinary answer
    const timeout = run.steps.find((s) => s.kind === 'timeout' && s.to === 'partner-cms')!;
    expect(all).toContain(`  Note over partnerCms: ${timeout.number}. timer fired (3000 ms) (assumption)`);
    expect(arrows).not.toContain(timeout.n);
    expect(all.some((l) => l.startsWith('  partnerCms-->>cmc: ') && l.includes('error#58;'))).toBe(true);
  });

  it('draws every participant the clause involves, even when the run stops early', () => {
    // given a run refused at step 2 (10.1.4.3.3, not authenticated)
    const scenario = exampleScenario(
      (s) => (s.preconditions = { migrationPermitted: true, authenticatedInPartner: false }),
    );
    const run = simulate(scenario, '10.1.4.3.3');
    // when drawn
    const participants = lines(toMermaid(run, scenario).text).filter((l) => /participant /.test(l));
    // then all five entities are there
    expect(run.steps).toHaveLength(2);
    expect(participants).toHaveLength(5);
  });

  it('names the five participants apart (no two share a name), and the reference points on request', () => {
    // given the example under 10.1.4.3.2, drawn plainly and with reference points
    const scenario = exampleScenario();
    const run = simulate(scenario, '10.1.4.3.2');
    const plain = lines(toMermaid(run, scenario).text);
    const marked = lines(toMermaid(run, scenario, { referencePoints: true }).text);
    // then the participants' names are distinct
    const names = plain.flatMap((l) => /participant \w+ as (.*)$/.exec(l)?.[1] ?? []);
    expect(names).toEqual(['CM client (UE)', 'Primary CMS', 'Primary UDB', 'Partner CMS', 'Partner UDB']);
    // and with the toggle each message (not an own action) names its reference point after its number
    const labels = marked.flatMap((l) => MESSAGE.exec(l)?.[5] ?? []);
    const { arrows } = toMermaid(run, scenario, { referencePoints: true });
    expect(labels[arrows.lastIndexOf(13)]).toBe('[CSC-13] acknowledgement');
    run.steps.forEach((step) => {
      const i = arrows.indexOf(step.n);
      if (step.referencePoint) expect(labels[i]).toMatch(new RegExp(`^\\[${step.referencePoint}\\] `));
      else expect(labels[i]).not.toMatch(/^\[CSC/);
    });
    expect(plain.join('\n')).not.toContain('CSC-');
  });

  it('escapes scenario text: a hostile partner system id cannot break out', () => {
    // given a partner whose id is hostile text, for which no profile exists (so it reaches error labels too)
    const evil = 'x;y#1 %%{init: {}}%% a-->>b <script> $$x$$ : end\nparticipant z';
    const scenario = exampleScenario((s) => (s.partner.systemId = evil));
    for (const procedure of ['10.1.4.3.2', '10.1.4.3.3'] as const) {
      // when run and drawn
      const run = simulate(scenario, procedure);
      const { text, arrows } = toMermaid(run, scenario);
      const all = lines(text);
      // then the text has exactly the structure and message lines, the free text free of forbidden characters
      expect(all.filter((l) => MESSAGE.test(l))).toHaveLength(arrows.length);
      for (const l of all) {
        const free = MESSAGE.exec(l)?.[5] ?? /^ {2}box \w+ MC system (.*)$/.exec(l)?.[1] ?? '';
        expect(stripCodes(free)).not.toMatch(FORBIDDEN);
        expect(l).toMatch(MESSAGE.test(l) ? MESSAGE : STRUCTURE);
      }
      // (the partner's identification is on the requests that carry it: 10.1.4.3.2 step 1, 10.1.4.3.3 step 3)
      expect(text).toContain(`(partner ${escapeMermaid(evil).slice(0, 20)}`);
      expect(run.outcome).toBe('rejected');
    }
  });
});
