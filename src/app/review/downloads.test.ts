import { describe, expect, it } from 'vitest';
import { main } from '../../cli/sim';
import { PROCEDURE_IDS } from '../../core/ids';
import { PRESETS } from '../../core/presets';
import { simulate } from '../../core/run';
import { fileNames, traceText, walkthroughText } from './downloads';

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

describe('the downloads', () => {
  it.each(PRESETS.flatMap((preset) => PROCEDURE_IDS.map((id) => [preset.id, id] as const)))(
    'the trace of %s on %s is what the CLI prints',
    (presetId, procedure) => {
      const scenario = PRESETS.find((p) => p.id === presetId)!.scenario;
      const printed = cli(
        ['scenario.json', '--procedure', procedure, '--format', 'json'],
        JSON.stringify(scenario),
      );
      expect(traceText(simulate(scenario, procedure))).toBe(printed);
    },
  );

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

  it('names the files after the procedure', () => {
    expect(fileNames('10.1.4.3.3')).toEqual({
      svg: '10.1.4.3.3-diagram.svg',
      png: '10.1.4.3.3-diagram.png',
      trace: '10.1.4.3.3-trace.json',
      walkthrough: '10.1.4.3.3-walkthrough.md',
    });
  });
});
