import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProcedureId } from '../../src/core/model/ids';
import { toTraceJson, type TraceJson } from '../../src/core/formats/report';
import { simulate, type RunResult } from '../../src/core/engine/run';
import { parseScenarioOrThrow, type Scenario } from '../../src/core/model/scenario';
import { ROOT } from './fixtures';

export const GOLDEN_SCENARIOS = join(ROOT, 'test', 'golden', 'scenarios');

/** A golden scenario by name (test/golden/scenarios/<name>.json), parsed. */
export function goldenScenario(name: string): Scenario {
  return parseScenarioOrThrow(readFileSync(join(GOLDEN_SCENARIOS, `${name}.json`), 'utf8'));
}

/** The names of the golden scenarios (`<name>.json` in test/golden/scenarios), sorted. */
export function goldenScenarioNames(): string[] {
  return readdirSync(GOLDEN_SCENARIOS)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** Every golden scenario, parsed, in the order of their names. */
export function allGoldenScenarios(): Scenario[] {
  return goldenScenarioNames().map(goldenScenario);
}

/** Runs a golden scenario; returns the run and its trace JSON. */
export function runGolden(name: string, procedure?: ProcedureId): { run: RunResult; trace: TraceJson } {
  const run = simulate(goldenScenario(name), procedure);
  return { run, trace: toTraceJson(run) };
}
