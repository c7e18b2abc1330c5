import { describe, expect, it } from 'vitest';
import { main } from '../../cli/sim';
import { PROCEDURE_IDS } from '../../core/model/ids';
import { PRESETS, presetScenario } from '../../core/model/presets';
import { simulate, type RunResult } from '../../core/engine/run';
import type { Scenario } from '../../core/model/scenario';
import { participantsOf } from '../../core/formats/testcase';
import { fileNames, plantUmlText, testCaseText, traceText, walkthroughText } from './downloads';

function cli(argv: string[], file: string): string {
  let out = '';
  const code = main(argv, {
    readFile: () => file,
    readStdin: () => file,
    out: (text) => (out += text),
    err: (text) => {
      throw new Error(text);
    },
  });
  expect(code).toBe(0);
  return out;
}

/** What the page offers for download, by the CLI format that prints the same (review notes: none). */
const DOWNLOADS = {
  json: (run: RunResult) => traceText(run),
  markdown: (run: RunResult, scenario: Scenario) => walkthroughText(run, scenario, undefined),
  plantuml: (run: RunResult, scenario: Scenario) => plantUmlText(run, scenario),
} as const;
const FORMATS = Object.keys(DOWNLOADS) as (keyof typeof DOWNLOADS)[];

describe('the downloads', () => {
  it.each(
    PRESETS.flatMap((preset) =>
      PROCEDURE_IDS.flatMap((id) => FORMATS.map((format) => [preset.id, id, format] as const)),
    ),
  )('the download of %s on %s is what the CLI prints with --format %s', (presetId, procedure, format) => {
    const scenario = presetScenario(presetId);
    const printed = cli(
      ['scenario.json', '--procedure', procedure, '--format', format],
      JSON.stringify(scenario),
    );
    expect(DOWNLOADS[format](simulate(scenario, procedure), scenario)).toBe(printed);
  });

  it('the walkthrough carries the notes, blank ones left out', () => {
    const scenario = PRESETS[0]!.scenario;
    const run = simulate(scenario, '10.1.4.3.3');
    const text = walkthroughText(run, scenario, { 0: 'On the whole', 4: 'Which one?', 5: '   ' });
    expect(text).toContain('**Review note:** On the whole');
    expect(text.slice(text.indexOf('### 4. '), text.indexOf('### 5. '))).toContain(
      '**Review note:** Which one?',
    );
    expect(text.match(/Review note/g)).toHaveLength(2);
    for (const step of run.steps) expect(text).toContain(`### ${step.n}. `);
  });

  it.each(PROCEDURE_IDS.flatMap((id) => participantsOf(id).map((sut) => [id, sut] as const)))(
    'the test case of %s with %s as the SUT is what the CLI prints with --format testcase --sut',
    (procedure, sut) => {
      const scenario = presetScenario('validation-refused');
      const printed = cli(
        ['scenario.json', '--procedure', procedure, '--format', 'testcase', '--sut', sut],
        JSON.stringify(scenario),
      );
      expect(testCaseText(simulate(scenario, procedure), scenario, sut)).toBe(printed);
    },
  );

  it('names the files after the procedure (and the test case after its SUT)', () => {
    expect(fileNames('10.1.4.3.3', 'partner-udb')).toEqual({
      svg: '10.1.4.3.3-diagram.svg',
      png: '10.1.4.3.3-diagram.png',
      plantuml: '10.1.4.3.3-diagram.puml',
      trace: '10.1.4.3.3-trace.json',
      walkthrough: '10.1.4.3.3-walkthrough.md',
      testCase: '10.1.4.3.3-testcase-partner-udb.md',
    });
  });
});
