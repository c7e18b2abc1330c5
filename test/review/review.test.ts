import { describe, expect, it } from 'vitest';
import { compareProcedures, diffWords } from '../../src/core/explore/compare';
import { PROCEDURE_IDS } from '../../src/core/model/ids';
import { narrate, notesFor, notesForStep, SPEC_NOTES } from '../../src/core/formats/narration';
import { PRESETS } from '../../src/core/model/presets';
import { citation, displayTitle, getProcedure } from '../../src/core/procedures';
import { simulate } from '../../src/core/engine/run';
import { toWalkthrough } from '../../src/core/formats/walkthrough';
import { allGoldenScenarios, goldenScenario } from '../support/golden';

const preset = (id: string) => {
  const p = PRESETS.find((x) => x.id === id);
  if (!p) throw new Error(id);
  return p;
};

describe('narration', () => {
  it.each(PROCEDURE_IDS)('explains every step of %s in plain words', (id) => {
    const run = simulate(PRESETS[0]!.scenario, id);
    for (const step of run.steps) expect(narrate(id, step).length).toBeGreaterThan(30);
  });

  it('anchors every spec note on steps that exist', () => {
    for (const note of SPEC_NOTES) {
      for (const [id, steps] of Object.entries(note.at)) {
        const count = getProcedure(id as (typeof PROCEDURE_IDS)[number]).steps.length;
        for (const n of steps ?? []) expect(n >= 0 && n <= count, `${note.id} ${id} ${n}`).toBe(true);
      }
    }
  });

  it('notes the step 11 error, the step 13 acknowledgement, the draft hop and the missing primary check', () => {
    expect(notesFor('10.1.4.3.2', 11).map((n) => n.id)).toContain('step11-error');
    expect(notesFor('10.1.4.3.2', 13).map((n) => n.id)).toContain('step13-ack');
    expect(notesFor('10.1.4.x.2', 3).map((n) => n.id)).toContain('draft-extra-hop');
    expect(notesFor('10.1.4.3.3', 0).map((n) => n.id)).toContain('no-primary-check');
  });

  it('gives the validation error step the step 11 note, and an assumption step none', () => {
    const refused = simulate(preset('validation-refused').scenario, '10.1.4.3.2');
    const error = refused.steps.find((s) => s.kind === 'error')!;
    expect(notesForStep('10.1.4.3.2', error).map((n) => n.id)).toEqual(['step11-error']);
    const missing = simulate(preset('no-migration-profile').scenario, '10.1.4.3.3');
    const assumption = missing.steps.find((s) => s.assumption)!;
    expect(notesForStep('10.1.4.3.3', assumption)).toEqual([]);
    expect(narrate('10.1.4.3.3', assumption)).toContain('does not say');
  });
});

describe('narration of 10.1.4.3.2 steps 11 and 12: true whichever way step 11 is read (onFailure)', () => {
  const continued = simulate(goldenScenario('validation-continue'), '10.1.4.3.2');
  const passed = simulate(preset('happy-path').scenario, '10.1.4.3.2');
  const step = (run: typeof passed, clauseStep: number) =>
    run.steps.find((s) => s.clauseStep === clauseStep)!;

  it('a "continue" run whose check failed: step 12 does not say the check passed, but that it failed and was logged', () => {
    expect(continued.validation?.ok).toBe(false);
    const text = narrate('10.1.4.3.2', step(continued, 12), continued);
    expect(text).not.toMatch(/check passed/i);
    expect(text).toContain('failed, and the primary CMS logged it');
    expect(text).toContain('onFailure: continue');
    // and so does the walkthrough
    const md = toWalkthrough(continued, goldenScenario('validation-continue'));
    const section = md.slice(md.indexOf('### 12. '), md.indexOf('### 13. '));
    expect(section).not.toMatch(/check passed/i);
    expect(section).toContain('failed, and the primary CMS logged it');
  });

  it('a run whose check passed (prohibit, the default): step 12 says the check passed', () => {
    expect(passed.validation?.ok).toBe(true);
    expect(narrate('10.1.4.3.2', step(passed, 12), passed)).toMatch(/^The check passed: /);
    const md = toWalkthrough(passed, preset('happy-path').scenario);
    expect(md.slice(md.indexOf('### 12. '), md.indexOf('### 13. '))).toContain('The check passed: ');
  });

  it('without the run, step 12 names both cases and claims neither', () => {
    const text = narrate('10.1.4.3.2', step(continued, 12));
    expect(text).not.toMatch(/check passed/i);
    expect(text).toContain('passed, or');
    expect(text).toContain('failed and was logged');
  });

  it('the step 11 notes of a "continue" run do not promise an error: the error is the "prohibit" reading', () => {
    const note = notesForStep('10.1.4.3.2', step(continued, 11)).find((n) => n.id === 'step11-error')!;
    expect(note.text).toContain(
      'When the check fails and the scenario reads step 11 as `onFailure: "prohibit"`',
    );
    expect(note.text).toContain('With "continue" no error is returned');
    expect(note.text).not.toMatch(/\. The simulator returns one error/);
  });
});

describe('the corrected words stay corrected', () => {
  it('cites the draft as a draft CR to TS 23.280, and the revised text as the clause', () => {
    expect(citation('10.1.4.x.2')).toBe('draft CR to TS 23.280, clause 10.1.4.x.2');
    expect(citation('10.1.4.x.2', 5)).toBe('draft CR to TS 23.280, clause 10.1.4.x.2, step 5');
    expect(citation('10.1.4.3.3', 3)).toBe('TS 23.280 clause 10.1.4.3.3, step 3');
  });

  it('titles the draft "(earlier draft, superseded)", one parenthesis, and the revised procedures as they are', () => {
    const title = displayTitle('10.1.4.x.2');
    expect(title).toBe(`${getProcedure('10.1.4.x.2').title} (earlier draft, superseded)`);
    expect(title.match(/\(/g)).toHaveLength(1);
    expect(title).not.toMatch(/\)\s*\)|\(\s*\(/);
    for (const id of PROCEDURE_IDS.filter((p) => p !== '10.1.4.x.2'))
      expect(displayTitle(id)).toBe(getProcedure(id).title);
  });

  it('cites the pre-selected indication of 10.1.4.3.1 step 3: TS 24.484, TS 23.379 Annex A.3', () => {
    const run = simulate(PRESETS[0]!.scenario, '10.1.4.3.1');
    const step3 = run.steps.find((s) => s.clauseStep === 3)!;
    expect(narrate('10.1.4.3.1', step3, run)).toContain(
      'the pre-selected indication of the profile document (TS 24.484, TS 23.379 Annex A.3) marks the default',
    );
  });

  /** Every narration and spec note the core gives, for every preset and golden scenario under every procedure. */
  function everyNarration(): { texts: string[]; narrated: Set<string> } {
    const scenarios = [...PRESETS.map((p) => p.scenario), ...allGoldenScenarios()];
    const texts: string[] = SPEC_NOTES.flatMap((n) => [n.title, n.text]);
    const narrated = new Set<string>();
    for (const scenario of scenarios) {
      for (const id of PROCEDURE_IDS) {
        const run = simulate(scenario, id, { snapshots: false });
        for (const note of notesFor(id, 0)) texts.push(note.title, note.text);
        for (const step of run.steps) {
          texts.push(narrate(id, step), narrate(id, step, run));
          for (const note of notesForStep(id, step)) texts.push(note.title, note.text);
          if (step.clauseStep !== null) narrated.add(`${id} ${step.clauseStep}`);
        }
      }
    }
    return { texts, narrated };
  }

  it('no narration or spec note of any procedure brings back a removed phrase', () => {
    const { texts, narrated } = everyNarration();
    // every numbered step of every procedure was narrated
    for (const id of PROCEDURE_IDS)
      for (const step of getProcedure(id).steps) expect(narrated.has(`${id} ${step.n}`)).toBe(true);
    const removed = /heard of|no say|straight to the client|copied from/i;
    expect(texts.filter((text) => removed.test(text))).toEqual([]);
  });
});

describe('comparison', () => {
  it('marks the draft steps 2 and 3 as removed in 10.1.4.3.3, and aligns the rest', () => {
    const rows = compareProcedures('10.1.4.x.2', '10.1.4.3.3');
    expect(rows.filter((r) => r.status === 'removed').map((r) => r.left?.n)).toEqual([2, 3]);
    expect(rows.filter((r) => r.status === 'added')).toEqual([]);
    expect(rows.filter((r) => r.left && r.right).map((r) => [r.left!.n, r.right!.n])).toEqual([
      [1, 1],
      [4, 2],
      [5, 3],
      [6, 4],
      [7, 5],
      [8, 6],
      [9, 7],
      [10, 8],
      [11, 9],
      [12, 10],
      [13, 11],
    ]);
  });

  it('finds the steps 10.1.4.3.2 has and 10.1.4.3.3 has not', () => {
    const rows = compareProcedures('10.1.4.3.2', '10.1.4.3.3');
    const removed = rows.filter((r) => r.status === 'removed').map((r) => r.left!.n);
    expect(removed).toEqual(expect.arrayContaining([1, 10, 11, 12, 13, 14]));
    expect(rows.filter((r) => r.status === 'added').map((r) => r.right!.n)).toEqual(
      expect.arrayContaining([1, 2, 11]),
    );
  });

  it('diffs words', () => {
    expect(diffWords('the user profile', 'the MC service user profile')).toEqual([
      { type: 'same', text: 'the' },
      { type: 'added', text: 'MC service' },
      { type: 'same', text: 'user profile' },
    ]);
  });
});

describe('walkthrough', () => {
  it('has the procedure, each step with clause text and narration, notes and the resulting profile', () => {
    const p = preset('happy-path');
    const run = simulate(p.scenario, p.procedure);
    const md = toWalkthrough(run, p.scenario, { 8: 'Is the <area> rule right?' });
    expect(md).toMatch(/^# 10\.1\.4\.3\.3 /);
    for (const step of run.steps) expect(md).toContain(`### ${step.n}. `);
    expect(md).toContain(
      '> The MC service user database in the partner MC system of the MC service user modifies',
    );
    expect(md).toContain('**Review note:** Is the \\<area\\> rule right?');
    expect(md).toContain('## Resulting profile');
    expect(md).toContain('| priority | 3 |');
    expect(md).toContain('| priority | 7 | 3 | `maxPriority` |');
  });

  it('shows the refusal instead of a profile', () => {
    const p = preset('validation-refused');
    const md = toWalkthrough(simulate(p.scenario, p.procedure), p.scenario);
    expect(md).toContain('receives no profile: refused at step 11a');
    expect(md).toContain('- `minPriority`: priority 3 is below the minimum of 5');
  });
});
