import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/sim';
import { isProcedureId, type ProcedureId } from '../../src/core/model/ids';
import { defaultProcedure } from '../../src/core/engine/run';
import { parseScenarioOrThrow } from '../../src/core/model/scenario';
import { fakeIo } from '../support/fixtures';
import { goldenScenarioNames } from '../support/golden';

const HERE = dirname(fileURLToPath(import.meta.url));
const SCENARIOS = join(HERE, 'scenarios');
const EXPECTED = join(HERE, 'expected');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface Case {
  name: string;
  file: string;
  procedure: ProcedureId;
}

/** Every scenario with the procedures its sidecar `<name>.procedures` names (else the scenario's default). */
function cases(): Case[] {
  const out: Case[] = [];
  for (const name of goldenScenarioNames()) {
    const file = join(SCENARIOS, `${name}.json`);
    const sidecar = join(SCENARIOS, `${name}.procedures`);
    let procedures: ProcedureId[];
    if (existsSync(sidecar)) {
      const ids = readFileSync(sidecar, 'utf8').split(/\s+/).filter(Boolean);
      for (const id of ids) if (!isProcedureId(id)) throw new Error(`${sidecar}: unknown procedure ${id}`);
      procedures = ids as ProcedureId[];
    } else {
      procedures = [defaultProcedure(parseScenarioOrThrow(readFileSync(file, 'utf8')))];
    }
    for (const procedure of procedures) out.push({ name, file, procedure });
  }
  return out;
}

/** What the CLI prints for a scenario file, procedure and format (exit code 0 or the test fails). */
function cli(file: string, procedure: ProcedureId, format: 'json' | 'mermaid' | 'markdown'): string {
  const { io, stdout, stderr } = fakeIo();
  const code = main([file, '--procedure', procedure, '--format', format], io);
  expect(stderr()).toBe('');
  expect(code).toBe(0);
  return stdout();
}

const ALL = cases();

describe('golden traces (test/golden/scenarios -> test/golden/expected)', () => {
  it('has scenarios for every procedure', () => {
    // given every golden case
    // when collecting the procedures they run
    const procedures = new Set(ALL.map((c) => c.procedure));
    // then all four procedures are covered
    expect([...procedures].sort()).toEqual(['10.1.4.3.1', '10.1.4.3.2', '10.1.4.3.3', '10.1.4.x.2']);
  });

  it.each(ALL.map((c) => [`${c.name} ${c.procedure}`, c] as const))('%s', (_title, c) => {
    // given a scenario file and a procedure
    const jsonPath = join(EXPECTED, `${c.name}.${c.procedure}.json`);
    const mmdPath = join(EXPECTED, `${c.name}.${c.procedure}.mmd`);
    const mdPath = join(EXPECTED, `${c.name}.${c.procedure}.md`);
    // when the CLI runs it as JSON, as Mermaid and as the walkthrough
    const json = cli(c.file, c.procedure, 'json');
    const mermaid = cli(c.file, c.procedure, 'mermaid');
    const markdown = cli(c.file, c.procedure, 'markdown');
    if (UPDATE) {
      mkdirSync(EXPECTED, { recursive: true });
      writeFileSync(jsonPath, json);
      writeFileSync(mmdPath, mermaid);
      writeFileSync(mdPath, markdown);
    }
    // then each equals its expected file byte for byte
    expect(existsSync(jsonPath), `${jsonPath} is missing: run npm run golden:update`).toBe(true);
    expect(json).toBe(readFileSync(jsonPath, 'utf8'));
    expect(mermaid).toBe(readFileSync(mmdPath, 'utf8'));
    expect(existsSync(mdPath), `${mdPath} is missing: run npm run golden:update`).toBe(true);
    expect(markdown).toBe(readFileSync(mdPath, 'utf8'));
  });

  it('has no expected file without a scenario', () => {
    // given the expected files and the cases
    const wanted = new Set(
      ALL.flatMap((c) => ['json', 'mmd', 'md'].map((ext) => `${c.name}.${c.procedure}.${ext}`)),
    );
    const present = existsSync(EXPECTED) ? readdirSync(EXPECTED) : [];
    // when looking for files no case produces
    const stale = present.filter((f) => !wanted.has(f));
    if (UPDATE) for (const f of stale) rmSync(join(EXPECTED, f));
    // then there are none (an update removes them)
    expect(UPDATE ? [] : stale).toEqual([]);
  });
});
