/**
 * The simulator's limits on what it reads (CONTRACT.md §6), and the checks that enforce them before anything costly
 * runs: a hostile file is refused after one linear pass, with one line naming the field and the limit.
 */
export const LIMITS = {
  /** Characters (code points) in any string of a scenario: a value or a key. */
  stringChars: 10_000,
  /** UTF-8 bytes of a scenario's JSON text. */
  scenarioBytes: 4_000_000,
  /** UTF-8 bytes of a TS 24.484 profile document. */
  documentBytes: 1_000_000,
  /** Elements nested in a profile document, the root element being level 1. */
  documentDepth: 64,
  /** Objects and lists nested in a scenario, the scenario object being level 1. */
  scenarioDepth: 64,
  /** Faults in a scenario's `faults` (CONTRACT.md §10): more than a review ever needs, few enough to check each. */
  faults: 64,
} as const;

/** `12000` as `12,000`, the same on every machine (no locale). */
export const formatCount = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Bytes of `text` in UTF-8 (an unpaired surrogate counts as the 3 bytes of U+FFFD, as encoders write it). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (isHighSurrogate(c) && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Characters (code points) of `text`: a surrogate pair is one character. */
function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++, n++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) i++;
  }
  return n;
}

type Sized = 'document' | 'scenario';
const byteLimit = (what: Sized) => (what === 'document' ? LIMITS.documentBytes : LIMITS.scenarioBytes);

/** `the document is 3,000,000 bytes, over the limit of 1,000,000 bytes (1 MB)`; without `bytes`, the limit only. */
export function tooLarge(what: Sized, bytes?: number): string {
  const limit = byteLimit(what);
  const size = bytes === undefined ? '' : ` ${formatCount(bytes)} bytes,`;
  return `the ${what} is${size} over the limit of ${formatCount(limit)} bytes (${limit / 1_000_000} MB)`;
}

/** The message for `text` over the size limit of `what`, or null when it is within. */
export function sizeProblem(what: Sized, text: string): string | null {
  // A UTF-16 unit is one to three bytes of UTF-8: most texts are decided without counting.
  if (text.length * 3 <= byteLimit(what)) return null;
  const bytes = utf8Length(text);
  return bytes > byteLimit(what) ? tooLarge(what, bytes) : null;
}

/** `a string of 12,000 characters is over the limit of 10,000`, or null for a string within the limit. */
export function stringProblem(text: string, what: 'string' | 'key' = 'string'): string | null {
  if (text.length <= LIMITS.stringChars) return null;
  const n = codePoints(text);
  if (n <= LIMITS.stringChars) return null;
  return `a ${what} of ${formatCount(n)} characters is over the limit of ${formatCount(LIMITS.stringChars)}`;
}

const deepMessage = () =>
  `nested more than ${LIMITS.scenarioDepth} levels deep, over the limit of ${LIMITS.scenarioDepth}`;

export interface LimitIssue {
  path: PropertyKey[];
  message: string;
}

interface Visit {
  value: unknown;
  path: PropertyKey[];
}

/**
 * Every string and key over the string limit, and every object or list nested deeper than the scenario depth
 * limit, in a parsed JSON value, in document order. Iterative: a value nested 10,000 levels deep costs no stack.
 * `exempt` names the strings that another limit governs (a profile's `xml` document).
 */
export function valueLimitIssues(
  root: unknown,
  exempt: (path: readonly PropertyKey[]) => boolean = () => false,
): LimitIssue[] {
  const issues: LimitIssue[] = [];
  const stack: Visit[] = [{ value: root, path: [] }];
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const { value, path } = visit;
    if (typeof value === 'string') {
      const problem = exempt(path) ? null : stringProblem(value);
      if (problem) issues.push({ path, message: problem });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= LIMITS.scenarioDepth) {
      issues.push({ path, message: deepMessage() });
      continue;
    }
    const list = Array.isArray(value);
    const children: Visit[] = [];
    for (const key of Object.keys(value)) {
      const keyProblem = list ? null : stringProblem(key, 'key');
      if (keyProblem) issues.push({ path, message: keyProblem });
      else {
        const child = (value as Record<string, unknown>)[key];
        children.push({ value: child, path: [...path, list && /^\d+$/.test(key) ? Number(key) : key] });
      }
    }
    // Pushed in reverse, so that they are visited in order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Visit);
  }
  return issues;
}

/** `faults` longer than the limit: one issue naming the field, before the schema reads each fault. */
export function faultCountIssues(root: unknown): LimitIssue[] {
  if (typeof root !== 'object' || root === null || !('faults' in root)) return [];
  const faults: unknown = root.faults;
  if (!Array.isArray(faults) || faults.length <= LIMITS.faults) return [];
  return [
    {
      path: ['faults'],
      message: `a list of ${formatCount(faults.length)} faults is over the limit of ${formatCount(LIMITS.faults)}`,
    },
  ];
}

/**
 * The objects and lists of a JSON text nested deeper than the scenario depth limit, found in one pass over the text
 * before JSON.parse builds them (a 4 MB text can nest two million levels). The issues are those valueLimitIssues
 * gives for the parsed value; a text that is not JSON gives none here (JSON.parse then says what is wrong).
 */
export function jsonDepthIssues(text: string): LimitIssue[] {
  const issues: LimitIssue[] = [];
  /** One frame per enclosing object or list, up to the limit: the key (or index) of the value being read in it. */
  const frames: { list: boolean; key: PropertyKey }[] = [];
  let beyond = 0; // levels below the deepest frame, counted only
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c /* \ */ ? 2 : 1;
      const top = frames[frames.length - 1];
      if (expectKey && top && !beyond) {
        try {
          top.key = String(JSON.parse(text.slice(i, j + 1)));
        } catch {
          return [];
        }
      }
      i = j;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (frames.length < LIMITS.scenarioDepth) frames.push({ list: c === 0x5b, key: c === 0x5b ? 0 : '' });
      else if (beyond++ === 0) issues.push({ path: frames.map((f) => f.key), message: deepMessage() });
      expectKey = c === 0x7b;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      if (beyond) beyond--;
      else frames.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */ && !beyond) {
      const top = frames[frames.length - 1];
      if (top?.list && typeof top.key === 'number') top.key += 1;
      else expectKey = true;
    } else if (c === 0x3a /* : */) expectKey = false;
  }
  return issues;
}
