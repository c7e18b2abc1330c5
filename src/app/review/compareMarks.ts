/** How the differences of two procedures show on their diagrams: a class per step number, per side. Pure. */
import type { CompareRow } from '../../core/explore/compare';

export type StepMark = 'step-removed' | 'step-added' | 'step-reworded';

export const STEP_MARKS: readonly StepMark[] = ['step-removed', 'step-added', 'step-reworded'];

export interface SideMarks {
  left: Map<number, StepMark>;
  right: Map<number, StepMark>;
}

/** Removed steps are marked on the left, added ones on the right, reworded ones on both; the same, nowhere. */
export function marksOf(rows: readonly CompareRow[]): SideMarks {
  const left = new Map<number, StepMark>();
  const right = new Map<number, StepMark>();
  for (const row of rows) {
    if (row.status === 'removed' && row.left) left.set(row.left.n, 'step-removed');
    if (row.status === 'added' && row.right) right.set(row.right.n, 'step-added');
    if (row.status === 'reworded') {
      if (row.left) left.set(row.left.n, 'step-reworded');
      if (row.right) right.set(row.right.n, 'step-reworded');
    }
  }
  return { left, right };
}

/** Puts each step's mark on the SVG elements tagged with its number (`data-step`), and takes stale ones off. */
export function applyMarks(root: ParentNode, marks: ReadonlyMap<number, StepMark>): number {
  let marked = 0;
  for (const element of root.querySelectorAll('[data-step]')) {
    const mark = marks.get(Number(element.getAttribute('data-step')));
    for (const name of STEP_MARKS) element.classList.toggle(name, name === mark);
    if (mark) marked++;
  }
  return marked;
}

export const STATUS_TEXT = {
  same: 'Same',
  reworded: 'Reworded',
  removed: 'Removed',
  added: 'Added',
} as const;
