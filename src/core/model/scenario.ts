import type { z } from 'zod';
import { faultCountIssues, jsonDepthIssues, LIMITS, sizeProblem, valueLimitIssues } from './limits';
import { ScenarioSchema, describeValue, type Scenario } from './schema';
import { jsonErrorOffset, lineAndColumn, whatIsAt } from './jsonSyntax';
import { ProfileXmlError, type ProfileXmlReader } from '../xml/reader';

export type { Scenario } from './schema';

/** One problem in a scenario file, named by its JSON path (`primary.profiles[1].priority`). */
export interface ScenarioIssue {
  path: string;
  message: string;
}

export class ScenarioError extends Error {
  readonly issues: ScenarioIssue[];
  constructor(issues: ScenarioIssue[]) {
    super(formatIssues(issues));
    this.name = 'ScenarioError';
    this.issues = issues;
  }
}

export interface ParseOptions {
  /**
   * Reads profiles given as TS 24.484 documents (`{ "xml": … }`, CONTRACT.md §5): `parseProfileXml` from
   * `xml/profileXml`. Without one, such a profile is refused with a message saying so.
   */
  readProfileXml?: ProfileXmlReader;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = String(key);
      out += /^[A-Za-z_$][\w$-]*$/.test(name) ? (out ? `.${name}` : name) : `[${JSON.stringify(name)}]`;
    }
  }
  return out || '(the scenario)';
}

/** `primary.profiles[1].priority: expected an integer 0..255, got "high"` (and a count of the rest). */
export function formatIssues(issues: readonly ScenarioIssue[]): string {
  const [first, ...rest] = issues;
  if (!first) return 'invalid scenario';
  const more = rest.length ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
  return `${first.path}: ${first.message}${more}`;
}

const ARTICLE: Record<string, string> = {
  object: 'an object',
  record: 'an object',
  array: 'a list',
  string: 'a string',
  number: 'a number',
};

function flatten(issue: z.core.$ZodIssue, base: readonly PropertyKey[] = []): ScenarioIssue[] {
  const path = [...base, ...issue.path];
  if (issue.code === 'invalid_union') {
    // `cache` is null or a cached profile: report the branch that matches the value's shape.
    const input: unknown = issue.input;
    const objectBranch = issue.errors.find((branch) => branch.every((i) => i.path.length > 0));
    if (input !== null && typeof input === 'object' && objectBranch) {
      return objectBranch.flatMap((i) => flatten(i, path));
    }
    return [{ path: jsonPath(path), message: `expected null or an object, got ${describeValue(input)}` }];
  }
  if (issue.code === 'invalid_type') {
    const got = issue.input === undefined ? 'nothing' : describeValue(issue.input);
    return [
      { path: jsonPath(path), message: `expected ${ARTICLE[issue.expected] ?? issue.expected}, got ${got}` },
    ];
  }
  return [{ path: jsonPath(path), message: issue.message }];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A profile given as `{ "xml": "<mcptt-user-profile …>", … }` (CONTRACT.md §5): the document supplies the mapped
 * fields; fields given beside it in JSON win (they are the later edit), and `xml` stays as the export template.
 */
function expandXml(
  profile: unknown,
  path: PropertyKey[],
  issues: ScenarioIssue[],
  read: ProfileXmlReader | undefined,
): unknown {
  if (!isObject(profile) || !('xml' in profile)) return profile;
  if (typeof profile.xml !== 'string') {
    issues.push({
      path: jsonPath([...path, 'xml']),
      message: `expected a TS 24.484 document as a string, got ${describeValue(profile.xml)}`,
    });
    return profile;
  }
  if (!read) {
    issues.push({
      path: jsonPath([...path, 'xml']),
      message: 'TS 24.484 profile documents are not supported here',
    });
    return profile;
  }
  try {
    return { ...read(profile.xml), ...profile };
  } catch (error) {
    if (!(error instanceof ProfileXmlError)) throw error;
    issues.push({ path: jsonPath([...path, 'xml']), message: error.message });
    return profile;
  }
}

function expandXmlProfiles(
  value: unknown,
  issues: ScenarioIssue[],
  read: ProfileXmlReader | undefined,
): unknown {
  if (!isObject(value)) return value;
  let out = value;
  const primary = value.primary;
  if (isObject(primary) && Array.isArray(primary.profiles)) {
    const profiles = primary.profiles.map((p, i) => expandXml(p, ['primary', 'profiles', i], issues, read));
    out = { ...out, primary: { ...primary, profiles } };
  }
  const partner = value.partner;
  if (isObject(partner) && isObject(partner.cache) && 'profile' in partner.cache) {
    const profile = expandXml(partner.cache.profile, ['partner', 'cache', 'profile'], issues, read);
    out = { ...out, partner: { ...partner, cache: { ...partner.cache, profile } } };
  }
  return out;
}

/** A profile's `xml` document: governed by the document limits, not the string limit (CONTRACT.md §6). */
const isDocument = (path: readonly PropertyKey[]) =>
  (path.length === 4 && path[0] === 'primary' && path[1] === 'profiles' && path[3] === 'xml') ||
  (path.length === 4 &&
    path[0] === 'partner' &&
    path[1] === 'cache' &&
    path[2] === 'profile' &&
    path[3] === 'xml');

/** A path cut short for a message: a value nested 64 levels deep has a long one. */
const shortPath = (path: readonly PropertyKey[]) => {
  const text = jsonPath(path);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
};

/** Validates a parsed JSON value as a scenario (CONTRACT.md §2). Unknown fields are kept. */
export function parseScenarioValue(input: unknown, options: ParseOptions = {}): ParseResult {
  // The limits first (CONTRACT.md §6): one pass without recursion, before anything that recurses.
  const limitIssues = [...faultCountIssues(input), ...valueLimitIssues(input, isDocument)];
  if (limitIssues.length) {
    return { ok: false, issues: limitIssues.map((i) => ({ path: shortPath(i.path), message: i.message })) };
  }
  const xmlIssues: ScenarioIssue[] = [];
  const value = expandXmlProfiles(input, xmlIssues, options.readProfileXml);
  if (xmlIssues.length) return { ok: false, issues: xmlIssues };
  const result = ScenarioSchema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, scenario: result.data };
  return { ok: false, issues: result.error.issues.flatMap((i) => flatten(i)) };
}

/** Parses scenario text: JSON syntax errors and schema errors both come back as issues. */
export function parseScenario(text: string, options: ParseOptions = {}): ParseResult {
  const whole = (message: string): ParseResult => ({ ok: false, issues: [{ path: jsonPath([]), message }] });
  const size = sizeProblem('scenario', text);
  if (size) return whole(size);
  // Nesting too deep is found in the text, before JSON.parse builds it (CONTRACT.md §6).
  const deep = jsonDepthIssues(text);
  if (deep.length)
    return { ok: false, issues: deep.map((i) => ({ path: shortPath(i.path), message: i.message })) };
  let value: unknown;
  try {
    // A byte order mark is no part of the JSON (RFC 8259 §8.1 lets a reader ignore it).
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    if (error instanceof RangeError)
      return whole(`nested too deep to read (the limit is ${LIMITS.scenarioDepth} levels)`);
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const at = jsonErrorOffset(body);
    if (at !== null) {
      const { line, column } = lineAndColumn(body, at);
      return whole(`not valid JSON: unexpected ${whatIsAt(body, at)} at line ${line}, column ${column}`);
    }
    const why = error instanceof Error ? error.message : String(error);
    return whole(`not valid JSON: ${why}`);
  }
  return parseScenarioValue(value, options);
}

export function parseScenarioOrThrow(input: unknown, options: ParseOptions = {}): Scenario {
  const result =
    typeof input === 'string' ? parseScenario(input, options) : parseScenarioValue(input, options);
  if (!result.ok) throw new ScenarioError(result.issues);
  return result.scenario;
}
