import { describe, expect, it } from 'vitest';
import { simulate } from '../src/core/engine/run';
import {
  FaultSpecError,
  parseFaultSpec,
  parseTimeoutSpec,
  withCommandLineFaults,
} from '../src/core/model/faultSpec';
import { parseScenarioValue } from '../src/core/model/scenario';
import { exampleJson } from './support/fixtures';

describe('the command line forms of faults and timers', () => {
  it.each([
    ['drop:6', { kind: 'drop', step: 6 }],
    ['delay:10:8000', { kind: 'delay', step: 10, byMs: 8000 }],
    ['duplicate:1', { kind: 'duplicate', step: 1 }],
    ['down:partner-udb', { kind: 'down', entity: 'partner-udb' }],
    ['down:partner-udb:0..20000', { kind: 'down', entity: 'partner-udb', fromMs: 0, untilMs: 20000 }],
    ['down:cmc:500..', { kind: 'down', entity: 'cmc', fromMs: 500 }],
    ['store-fails:primary-udb', { kind: 'store-fails', entity: 'primary-udb' }],
  ])('%s', (spec, fault) => {
    expect(parseFaultSpec(spec)).toEqual(fault);
  });

  it.each([
    ['explode:1', /unknown kind "explode"/],
    ['drop', /expected one of drop:<step>/],
    ['drop:six', /expected a step number \(an integer\), got "six"/],
    ['delay:6', /expected one of/],
    ['down:nobody', /expected an entity id/],
    ['down:cmc:5-9', /expected <from>\.\.<until>/],
  ])('refuses %s with one line', (spec, message) => {
    expect(() => parseFaultSpec(spec)).toThrow(FaultSpecError);
    expect(() => parseFaultSpec(spec)).toThrow(message);
  });

  it('reads --timeout <entity>=<ms>', () => {
    expect(parseTimeoutSpec('partner-cms=3000')).toEqual(['partner-cms', 3000]);
    expect(() => parseTimeoutSpec('partner=3000')).toThrow(/expected an entity id/);
    expect(() => parseTimeoutSpec('cmc=-1')).toThrow(/expected a time in ms/);
  });

  it("adds the forms after the scenario's own faults; the schema then checks them by their JSON path", () => {
    const raw = { ...exampleJson(), faults: [{ kind: 'duplicate', step: 1 }] };
    const out = withCommandLineFaults(raw, { faults: ['drop:6'], timeouts: ['cmc=5000'], retries: '1' });
    const parsed = parseScenarioValue(out);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.scenario.faults).toEqual([
      { kind: 'duplicate', step: 1 },
      { kind: 'drop', step: 6 },
    ]);
    expect(parsed.scenario.timing).toEqual({ timeoutMs: { cmc: 5000 }, retries: 1 });
    expect(simulate(parsed.scenario, '10.1.4.3.3').outcome).toBe('failed');
    // a value the schema refuses is named by its path
    const bad = parseScenarioValue(withCommandLineFaults(raw, { faults: ['delay:6:0'] }));
    expect(bad.ok ? '' : `${bad.issues[0]?.path}: ${bad.issues[0]?.message}`).toBe(
      'faults[1].byMs: expected an integer 1..3600000, got 0',
    );
    // the input is not changed
    expect(raw.faults).toHaveLength(1);
  });
});
