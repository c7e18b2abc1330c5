/**
 * The package's typed API (CONTRACT.md §13): what a test suite needs to compute a trace, its diagram, its test
 * description or the page's address for a scenario, without the page or the command line.
 */
import { parseScenario as parseScenarioText, type ParseOptions, type ParseResult } from './model/scenario';
import { parseProfileXml } from './xml/profileXml';

export {
  simulate,
  Simulation,
  defaultProcedure,
  type RunResult,
  type RunOptions,
  type RunError,
  type TraceStep,
  type Outcome,
} from './engine/run';
export {
  parseScenarioValue,
  parseScenarioOrThrow,
  formatIssues,
  ScenarioError,
  type Scenario,
  type ScenarioIssue,
  type ParseOptions,
  type ParseResult,
} from './model/scenario';
export type { Profile, Policy, ValidationRules } from './model/schema';
export { ENTITY_IDS, PROCEDURE_IDS, ENTITIES, type EntityId, type ProcedureId } from './model/ids';
export { PRESETS, findPreset, presetScenario, type Preset } from './model/presets';
export {
  sweep,
  parseVary,
  toSweepCsv,
  SweepError,
  SWEEP_PROCEDURES,
  type SweepResult,
  type SweepCell,
  type Vary,
} from './explore/sweep';
export {
  check,
  breaksOnReplay,
  CheckLimit,
  CHECK_PROCEDURES,
  CHECK_KINDS,
  STATE_LIMIT,
  type CheckResult,
  type CheckResultRow,
  type CheckOptions,
  type CheckKind,
  type Counterexample,
} from './explore/check';
export { PROPERTIES, PROPERTY_IDS, type Property, type PropertyId } from './explore/properties';
export { toCheckJson, toCheckMarkdown, finding } from './explore/checkReport';
export { toMermaid, type Diagram, type DiagramOptions } from './formats/diagram';
export { toPlantUml } from './formats/plantuml';
export { toTraceJson, toText, type TraceJson } from './formats/report';
export { toWalkthrough } from './formats/walkthrough';
export {
  toTestCase,
  toTestCaseMarkdown,
  toTestCaseJson,
  testSuite,
  defaultSut,
  participantsOf,
  sutProblem,
  type TestCase,
  type TestStep,
  type TestCaseOptions,
  type MessageContents,
} from './formats/testcase';
export { scenarioUrl, encodeScenario, type ScenarioUrlOptions } from './formats/address';
export { parseProfileXml, toProfileXml } from './xml/profileXml';

/**
 * A scenario file's text, parsed and checked (CONTRACT.md §2); profiles given as TS 24.484 documents are read, as
 * the command line reads them. Never throws for bad input: `{ ok: false, issues }` names each problem by JSON path.
 */
export function parseScenario(text: string, options: ParseOptions = {}): ParseResult {
  return parseScenarioText(text, { readProfileXml: parseProfileXml, ...options });
}
