import { LIMITS, tooLarge } from '../core/limits';
import { formatIssues, jsonPath, parseScenario, type Scenario } from '../core/scenario';
import { parseProfileXml } from '../core/xml/profileXml';
import { inputName, readInput, UsageError, type Io } from './io';

/**
 * The scenario file a command line names (`-`: stdin), read up to the 4 MB limit and parsed with profile documents
 * allowed; a bad one is a UsageError of one line naming the file and the JSON path (exit 2).
 */
export function readScenarioInput(file: string, io: Io): Scenario {
  const text = readInput(file, io, {
    bytes: LIMITS.scenarioBytes,
    message: (bytes) => formatIssues([{ path: jsonPath([]), message: tooLarge('scenario', bytes) }]),
  });
  const parsed = parseScenario(text, { readProfileXml: parseProfileXml });
  if (!parsed.ok) throw new UsageError(`${inputName(file)}: ${formatIssues(parsed.issues)}`);
  return parsed.scenario;
}
