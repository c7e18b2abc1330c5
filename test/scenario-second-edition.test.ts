import { describe, expect, it } from 'vitest';
import { formatIssues, parseScenarioValue } from '../src/core/model/scenario';
import { exampleJson } from './support/fixtures';

const parse = (change: (raw: ReturnType<typeof exampleJson>) => void) => {
  const raw = exampleJson();
  change(raw);
  return parseScenarioValue(raw);
};

describe('scenario, second edition fields (CONTRACT.md §6)', () => {
  it('ue.service: each service the user has an ID for is accepted; absent means mcptt', () => {
    expect(parse(() => undefined).ok).toBe(true);
    const result = parse((raw) => {
      raw.user.serviceIds.mcvideo = 'sip:alice-video@metro.example';
      raw.ue = { ...raw.ue, service: 'mcvideo' };
    });
    expect(result.ok && result.scenario.ue.service).toBe('mcvideo');
  });

  it('ue.service: a service the user has no MC service ID for is refused, naming ue.service', () => {
    const result = parse((raw) => (raw.ue = { ...raw.ue, service: 'mcdata' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatIssues(result.issues)).toBe(
      'ue.service: expected a service the user has an MC service ID for (user.serviceIds.mcdata is not given), got "mcdata"',
    );
  });

  it('ue.service: an unknown service is refused', () => {
    const result = parse((raw) => (raw.ue = { ...raw.ue, service: 'mcfax' }));
    expect(!result.ok && formatIssues(result.issues)).toBe(
      'ue.service: expected "mcptt", "mcvideo" or "mcdata", got "mcfax"',
    );
  });

  it('primary.validation.onFailure: "prohibit" and "continue" accepted, anything else refused', () => {
    const set = (value: unknown) =>
      parse((raw) => {
        raw.primary.validation = { ...raw.primary.validation, onFailure: value };
      });
    expect(set('prohibit').ok).toBe(true);
    expect(set('continue').ok).toBe(true);
    const bad = set('ignore');
    expect(!bad.ok && formatIssues(bad.issues)).toBe(
      'primary.validation.onFailure: expected "prohibit" or "continue", got "ignore"',
    );
  });
});
