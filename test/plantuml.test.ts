import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARTICIPANT, toMermaid } from '../src/core/formats/diagram';
import { escapePlantUml, toPlantUml } from '../src/core/formats/plantuml';
import { simulate } from '../src/core/engine/run';
import { ENTITY_IDS, PROCEDURE_IDS } from '../src/core/model/ids';
import { PRESETS } from '../src/core/model/presets';
import { exampleScenario } from './support/fixtures';

const ENTITY = /&#(\d+);/g;
const decode = (text: string) => text.replace(ENTITY, (_, n: string) => String.fromCodePoint(Number(n)));
/** What PlantUML could read as markup outside an entity: Creole's doubled markers, tags, links, escapes. */
const MARKUP = /\*\*|\/\/|__|~~|""|--|<|>|\[|\]|\\|&(?!#\d+;)/;

/** The steps of a diagram's message lines, in order: the step number each label starts with. */
const stepNumbers = (text: string) =>
  text
    .split('\n')
    .map((line) => /^\s*\w+\s*\S+\s*\w+\s*: (\d+[a-z]?)\. /.exec(line)?.[1])
    .filter((n) => n !== undefined);

describe('escapePlantUml', () => {
  it('leaves no markup, and decodes back to the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 70 }), (input) => {
        const out = escapePlantUml(input);
        expect(out.replace(ENTITY, '')).not.toMatch(MARKUP);
        expect(out).not.toMatch(/\n/);
        expect(decode(out)).toBe(input.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a single dash and cuts long text with an ellipsis', () => {
    expect(escapePlantUml('a-b -- c')).toBe('a-b &#45;&#45; c');
    expect(escapePlantUml('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}&#8230;`);
  });
});

describe('toPlantUml', () => {
  it('draws a lost message with a cross and a fired timer as a note over its entity, as the Mermaid text does', () => {
    // given 10.1.4.3.3 with its step 6 lost and the client's timer
    const scenario = exampleScenario((raw) => {
      Object.assign(raw, { faults: [{ kind: 'drop', step: 6 }], timing: { timeoutMs: { cmc: 5000 } } });
    });
    const run = simulate(scenario, '10.1.4.3.3');
    // when drawn both ways
    const mermaid = toMermaid(run, scenario);
    const plantuml = toPlantUml(run, scenario);
    // then the same arrows and the same one note, and the same step numbers in the same order
    expect(plantuml.arrows).toEqual(mermaid.arrows);
    expect(plantuml.notes).toEqual(mermaid.notes);
    expect(plantuml.notes).toHaveLength(1);
    expect(stepNumbers(plantuml.text)).toEqual(stepNumbers(mermaid.text));
    // and the lost message ends in a cross, the timer is a note over the client
    const lost = `${PARTICIPANT['primary-cms']} -->x ${PARTICIPANT['partner-cms']} : 6. `;
    expect(
      plantuml.text.split('\n').filter((line) => line.includes(' ->x ') || line.includes(' -->x ')),
    ).toEqual([expect.stringContaining(lost)]);
    expect(plantuml.text).toContain(`note over ${PARTICIPANT.cmc} : 6a. `);
  });

  const runs = PRESETS.flatMap((preset) =>
    PROCEDURE_IDS.map((procedure) => [`${preset.id} ${procedure}`, preset.scenario, procedure] as const),
  );

  it.each(runs)(
    '%s: the same steps in the same order as the Mermaid text, from the same trace',
    (_n, scenario, procedure) => {
      // given a run
      const run = simulate(scenario, procedure);
      // when drawn both ways
      const mermaid = toMermaid(run, scenario);
      const plantuml = toPlantUml(run, scenario);
      // then each arrow is the same step of the trace, in the same order
      expect(plantuml.arrows).toEqual(mermaid.arrows);
      // and the texts' message lines carry the same step numbers in the same order: those of the trace
      const numbers = stepNumbers(plantuml.text);
      expect(numbers).toEqual(stepNumbers(mermaid.text));
      expect(numbers).toEqual(plantuml.arrows.map((n) => run.steps[n - 1]?.number));
      // and it is one document with the same participants
      expect(plantuml.text.startsWith('@startuml\n')).toBe(true);
      expect(plantuml.text.endsWith('@enduml\n')).toBe(true);
      for (const id of ENTITY_IDS)
        expect(plantuml.text.includes(` as ${PARTICIPANT[id]}\n`), id).toBe(
          mermaid.text.includes(`participant ${PARTICIPANT[id]} as`),
        );
    },
  );

  it('keeps a hostile system id inside its box title', () => {
    const scenario = exampleScenario((raw) => {
      raw.partner.systemId = 'evil"\n@enduml\ncmc -> cmc : forged';
    });
    const text = toPlantUml(simulate(scenario, '10.1.4.3.3'), scenario).text;
    expect(text.match(/@/g)).toEqual(['@', '@']);
    expect(text.split('\n').filter((line) => line.startsWith('cmc'))).toHaveLength(1);
    expect(text).toContain('box "Partner MC system evil&#34; &#64;enduml cmc -&#62; cmc : forged"');
  });
});
