import type { ProcedureId } from '../model/ids';
import { getProcedure, type ClauseStep } from '../procedures';

export type RowStatus = 'same' | 'reworded' | 'removed' | 'added';

export interface WordSegment {
  type: 'same' | 'removed' | 'added';
  text: string;
}

/** One row of two procedures side by side: a step of each aligned, or a step only one of them has. */
export interface CompareRow {
  left: ClauseStep | null;
  right: ClauseStep | null;
  status: RowStatus;
  /** Word-level difference of the clause texts, for aligned steps. */
  words: WordSegment[];
}

/** Longest common subsequence alignment of two sequences, as index pairs (either side null where unmatched). */
export function align<T>(
  a: readonly T[],
  b: readonly T[],
  same: (x: T, y: T) => boolean,
): [number | null, number | null][] {
  const n = a.length;
  const m = b.length;
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = same(a[i]!, b[j]!)
        ? table[i + 1]![j + 1]! + 1
        : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const pairs: [number | null, number | null][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(a[i]!, b[j]!)) pairs.push([i++, j++]);
    else if (table[i + 1]![j]! >= table[i]![j + 1]!) pairs.push([i++, null]);
    else pairs.push([null, j++]);
  }
  while (i < n) pairs.push([i++, null]);
  while (j < m) pairs.push([null, j++]);
  return pairs;
}

export function diffWords(before: string, after: string): WordSegment[] {
  const a = before.split(/\s+/).filter(Boolean);
  const b = after.split(/\s+/).filter(Boolean);
  const segments: WordSegment[] = [];
  const push = (type: WordSegment['type'], word: string) => {
    const last = segments[segments.length - 1];
    if (last && last.type === type) last.text += ` ${word}`;
    else segments.push({ type, text: word });
  };
  for (const [i, j] of align(a, b, (x, y) => x === y)) {
    if (i !== null && j !== null) push('same', a[i]!);
    else if (i !== null) push('removed', a[i]!);
    else if (j !== null) push('added', b[j]!);
  }
  return segments;
}

const sameShape = (x: ClauseStep, y: ClauseStep) => x.from === y.from && x.to === y.to && x.kind === y.kind;

/** Two procedures' steps aligned by who sends what to whom, with the differences marked. */
export function compareProcedures(leftId: ProcedureId, rightId: ProcedureId): CompareRow[] {
  const left = getProcedure(leftId).steps;
  const right = getProcedure(rightId).steps;
  return align(left, right, sameShape).map(([i, j]) => {
    const l = i === null ? null : left[i]!;
    const r = j === null ? null : right[j]!;
    if (l && r) {
      const status: RowStatus = l.text === r.text ? 'same' : 'reworded';
      return {
        left: l,
        right: r,
        status,
        words: status === 'same' ? [{ type: 'same', text: l.text }] : diffWords(l.text, r.text),
      };
    }
    return l
      ? { left: l, right: null, status: 'removed', words: [{ type: 'removed', text: l.text }] }
      : { left: null, right: r, status: 'added', words: [{ type: 'added', text: r!.text }] };
  });
}
