import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTITY_IDS, PROCEDURE_IDS, type ProcedureId } from '../src/core/model/ids';
import { getProcedure, PROCEDURES } from '../src/core/procedures';
import { simulate } from '../src/core/engine/run';
import { exampleScenario, ROOT } from './support/fixtures';

const norm = (text: string) => text.replace(/\s+/g, ' ').trim();
const spec = (source: string) => readFileSync(join(ROOT, source), 'utf8');

/** The text of one clause: from its heading line to the next clause heading or change marker. */
function clauseText(id: ProcedureId): string {
  const text = spec(getProcedure(id).source);
  const start = text.search(new RegExp(`^${id.replace(/\./g, '\\.')}$`, 'm'));
  if (start < 0) throw new Error(`no heading ${id} in ${getProcedure(id).source}`);
  const rest = text.slice(start + id.length);
  const end = rest.search(/^(10\.1\.4\.[\dx]+\.\d+$|\s*\* \* \*)/m);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The clause's numbered steps, as the spec file numbers them ("1." on its own line, then the text). */
function specSteps(id: ProcedureId): { n: number; text: string }[] {
  const steps: { n: number; text: string }[] = [];
  let current: { n: number; lines: string[] } | null = null;
  const flush = () => current && steps.push({ n: current.n, text: norm(current.lines.join(' ')) });
  for (const line of clauseText(id).split('\n')) {
    const number = /^(\d+)\.?$/.exec(line.trim());
    if (number) {
      flush();
      current = { n: Number(number[1]), lines: [] };
    } else if (current) current.lines.push(line);
  }
  flush();
  return steps;
}

describe('clause tables against the spec files', () => {
  it('the parser of the spec files finds the clauses (3, 14, 11 and 13 steps)', () => {
    // given the spec files
    // when reading each clause's numbered steps
    const counts = PROCEDURE_IDS.map((id) => specSteps(id).length);
    // then the counts are those of the clauses
    expect(counts).toEqual([3, 14, 11, 13]);
  });

  it.each(PROCEDURE_IDS)('%s: each table step is the spec step of the same number, verbatim', (id) => {
    // given the procedure's table and the spec's numbered steps
    const table = getProcedure(id).steps;
    // when comparing them in order
    const fromSpec = specSteps(id);
    // then numbers and texts agree (whitespace normalised only)
    expect(table.map((s) => ({ n: s.n, text: norm(s.text) }))).toEqual(fromSpec);
  });

  it.each(PROCEDURE_IDS)('%s: preconditions, figure and branches are verbatim text of the clause', (id) => {
    // given the procedure's other quoted texts
    const procedure = getProcedure(id);
    const clause = norm(clauseText(id));
    // when looking them up in the clause
    const quoted = [...procedure.preconditions, procedure.figure, ...procedure.branches.map((b) => b.text)];
    // then each is a substring of it
    for (const text of quoted) expect(clause).toContain(norm(text));
  });

  it('the table is well-formed: steps numbered 1..n, known entities, actions are own steps', () => {
    for (const id of PROCEDURE_IDS) {
      // given a table
      const { steps, branches } = PROCEDURES[id];
      // then numbering, entities and kinds are consistent
      expect(steps.map((s) => s.n)).toEqual(steps.map((_, i) => i + 1));
      for (const s of steps) {
        expect(ENTITY_IDS).toContain(s.from);
        expect(ENTITY_IDS).toContain(s.to);
        expect(s.kind === 'action').toBe(s.from === s.to);
        expect(s.label.length).toBeGreaterThan(0);
      }
      for (const b of branches) expect(steps.some((s) => s.n === b.after)).toBe(true);
    }
  });

  it('the superseded draft is the only procedure from the earlier spec file', () => {
    // given the four procedures
    // when listing those marked superseded and their sources
    const superseded = PROCEDURE_IDS.filter((id) => PROCEDURES[id].superseded);
    // then only 10.1.4.x.2 is, from 000_…
    expect(superseded).toEqual(['10.1.4.x.2']);
    expect(PROCEDURES['10.1.4.x.2'].source).toBe('spec/000_aa75c319f9e03d98.txt');
    for (const id of ['10.1.4.3.1', '10.1.4.3.2', '10.1.4.3.3'] as const)
      expect(PROCEDURES[id].source).toBe('spec/002_eb0511376d640cd6.txt');
  });
});

describe('happy-path traces follow the clause tables', () => {
  it.each(PROCEDURE_IDS)('%s: step i of the run is step i of the table', (id) => {
    // given the example scenario and the procedure's table
    const table = getProcedure(id).steps;
    // when the procedure runs
    const run = simulate(exampleScenario(), id);
    // then every step has the table's number, entities, kind and text, none assumed
    expect(run.outcome).toBe('delivered');
    expect(run.steps).toHaveLength(table.length);
    run.steps.forEach((step, i) => {
      const row = table[i]!;
      expect({ n: step.n, from: step.from, to: step.to, kind: step.kind, text: step.text }).toEqual({
        n: row.n,
        from: row.from,
        to: row.to,
        kind: row.kind,
        text: row.text,
      });
      expect(step.assumption).toBe(false);
      expect(step.clauseStep).toBe(row.n);
      expect(step.label).toBe(row.label);
    });
  });
});
