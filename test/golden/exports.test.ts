import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/sim';
import { PROCEDURE_IDS, type ProcedureId } from '../../src/core/model/ids';
import { PRESETS } from '../../src/core/model/presets';
import { fakeIo } from '../support/fixtures';

const HERE = dirname(fileURLToPath(import.meta.url));
const SCENARIOS = join(HERE, 'scenarios');
const EXPECTED = join(HERE, 'exports');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** What the CLI prints (exit 0 and nothing on stderr, or the test fails). */
function cli(args: string[]): string {
  const { io, stdout, stderr } = fakeIo(PRESET_FILES);
  const code = main(args, io);
  expect(stderr()).toBe('');
  expect(code).toBe(0);
  return stdout();
}

/** Each preset's scenario as a file the CLI reads (`<id>.json`, served by the fake io). */
const PRESET_FILES = Object.fromEntries(PRESETS.map((p) => [`${p.id}.json`, JSON.stringify(p.scenario)]));

interface Case {
  file: string;
  args: string[];
}

/**
 * The test descriptions of two presets' scenarios (the happy path with the partner CMS as the SUT, the refused
 * validation with the primary CMS), as Markdown and JSON; the PlantUML of the example in every procedure.
 */
const CASES: Case[] = [
  ...(['testcase', 'testcase-json'] as const).flatMap((format) => {
    const ext = format === 'testcase' ? 'md' : 'json';
    return [
      {
        file: `happy-path.10.1.4.3.3.partner-cms.${ext}`,
        args: ['happy-path.json', '--procedure', '10.1.4.3.3', '--format', format, '--sut', 'partner-cms'],
      },
      {
        file: `validation-refused.10.1.4.3.2.primary-cms.${ext}`,
        args: [
          'validation-refused.json',
          '--procedure',
          '10.1.4.3.2',
          '--format',
          format,
          '--sut',
          'primary-cms',
        ],
      },
    ];
  }),
  ...PROCEDURE_IDS.map((procedure: ProcedureId) => ({
    file: `metro-to-county.${procedure}.puml`,
    args: [join(SCENARIOS, 'metro-to-county.json'), '--procedure', procedure, '--format', 'plantuml'],
  })),
];

describe('golden test descriptions and PlantUML (test/golden/exports)', () => {
  it.each(CASES.map((c) => [c.file, c] as const))('%s', (_file, c) => {
    // given a scenario, a procedure and a format
    const path = join(EXPECTED, c.file);
    // when the CLI prints it
    const text = cli(c.args);
    if (UPDATE) {
      mkdirSync(EXPECTED, { recursive: true });
      writeFileSync(path, text);
    }
    // then it equals the expected file byte for byte
    expect(existsSync(path), `${path} is missing: run npm run golden:update`).toBe(true);
    expect(text).toBe(readFileSync(path, 'utf8'));
  });

  it('has no expected file without a case', () => {
    const wanted = new Set(CASES.map((c) => c.file));
    const stale = (existsSync(EXPECTED) ? readdirSync(EXPECTED) : []).filter((f) => !wanted.has(f));
    if (UPDATE) for (const f of stale) rmSync(join(EXPECTED, f));
    expect(UPDATE ? [] : stale).toEqual([]);
  });
});
