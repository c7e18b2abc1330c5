/**
 * Step marks on Mermaid's SVG. Mermaid (≥ 11.14) marks each message line or self-message path with
 * `data-et="message"`, in the order the messages are written, and draws its label (`text.messageText`) just before
 * it in the same group. The i-th message is `diagram.arrows[i]`.
 */

/** The box that stands for a whole message (label and line), for clicks and scrolling. */
export const HIT_AREA = 'step-hit';

export const STEP_CLASSES = ['step-current', 'step-done', 'step-todo'] as const;

/** The label texts Mermaid drew for a message: the `.messageText` siblings right before its line. */
function labelsOf(line: Element): Element[] {
  const labels: Element[] = [];
  let node = line.previousElementSibling;
  while (node && node.classList.contains('messageText')) {
    labels.unshift(node);
    node = node.previousElementSibling;
  }
  return labels;
}

/**
 * Gives every element of step n (message lines and their labels; a note's group, for a timer that fires)
 * `data-step="n"`. Returns how many messages and notes were found; a count different from `arrows.length +
 * notes.length` means Mermaid drew something other than expected.
 */
export function tagSteps(root: ParentNode, arrows: readonly number[], notes: readonly number[] = []): number {
  const steps: { elements: Element[]; n: number }[] = [];
  const lines = [...root.querySelectorAll('[data-et="message"]')];
  lines.forEach((line, i) => {
    const n = arrows[i];
    if (n !== undefined) steps.push({ elements: [...labelsOf(line), line], n });
  });
  const groups = [...root.querySelectorAll('[data-et="note"]')];
  groups.forEach((group, i) => {
    const n = notes[i];
    if (n !== undefined) steps.push({ elements: [group], n });
  });
  for (const { elements, n } of steps)
    for (const element of elements) element.setAttribute('data-step', String(n));
  // Every box is measured before any is inserted: an insertion invalidates the layout, and measuring after it would
  // lay the page out again once per message (a third of React's first commit on a cold visit).
  const extents = steps.map(({ elements }) => extentOf(elements));
  steps.forEach(({ elements, n }, i) => addHitArea(elements, n, extents[i] ?? null));
  return lines.length + groups.length;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAD = 4;

type Extent = { x: number; y: number; width: number; height: number };

/** The box around a message's label and line, padded (user units, as laid out now), or null where there is no layout. */
function extentOf(elements: readonly Element[]): Extent | null {
  let box: { x1: number; y1: number; x2: number; y2: number } | null = null;
  for (const element of elements) {
    if (!('getBBox' in element)) return null;
    const b = (element as SVGGraphicsElement).getBBox();
    box = box
      ? {
          x1: Math.min(box.x1, b.x),
          y1: Math.min(box.y1, b.y),
          x2: Math.max(box.x2, b.x + b.width),
          y2: Math.max(box.y2, b.y + b.height),
        }
      : { x1: b.x, y1: b.y, x2: b.x + b.width, y2: b.y + b.height };
  }
  if (!box || box.x2 <= box.x1) return null;
  return {
    x: box.x1 - PAD,
    y: box.y1 - PAD,
    width: box.x2 - box.x1 + 2 * PAD,
    height: box.y2 - box.y1 + 2 * PAD,
  };
}

function place(rect: Element, extent: Extent): void {
  rect.setAttribute('x', String(extent.x));
  rect.setAttribute('y', String(extent.y));
  rect.setAttribute('width', String(extent.width));
  rect.setAttribute('height', String(extent.height));
}

/**
 * A transparent rectangle under a message's label and line: a click target wider than a 2px line, and one box to
 * scroll into view. Needs layout (`extent`, from getBBox), so it is skipped where there is none.
 */
function addHitArea(elements: Element[], n: number, extent: Extent | null): void {
  const first = elements[0];
  if (!first || !extent) return;
  const rect = first.ownerDocument.createElementNS(SVG_NS, 'rect');
  place(rect, extent);
  rect.setAttribute('class', HIT_AREA);
  rect.setAttribute('data-step', String(n));
  first.before(rect);
}

/**
 * Measures a hit area again on the layout as it is now. A label's box depends on the size its text is laid out at
 * (the page's layout when the SVG was tagged, before a zoom, a fit or the font): revealing a step measures its box
 * first, so that where it lands does not depend on when the diagram was tagged.
 */
export function measureHitArea(rect: Element): void {
  if (!rect.classList.contains(HIT_AREA)) return;
  // Put right before its message's first label (or its line): the line is the first message after it; or right
  // before a timer's note, which it covers.
  const next = rect.nextElementSibling;
  if (next?.getAttribute('data-et') === 'note') {
    const extent = extentOf([next]);
    if (extent) place(rect, extent);
    return;
  }
  let line = next;
  while (line && line.getAttribute('data-et') !== 'message') line = line.nextElementSibling;
  const extent = line ? extentOf([...labelsOf(line), line]) : null;
  if (extent) place(rect, extent);
}

/** Marks step elements current, done or to do; returns the elements of the current step. */
export function markSteps(root: ParentNode, current: number): Element[] {
  const marked: Element[] = [];
  for (const element of root.querySelectorAll('[data-step]')) {
    const n = Number(element.getAttribute('data-step'));
    element.classList.toggle('step-current', n === current);
    element.classList.toggle('step-done', n < current);
    element.classList.toggle('step-todo', n > current);
    if (n === current) marked.push(element);
  }
  return marked;
}

/** The step number of an element inside the diagram (for clicks), or null. */
export function stepOf(target: EventTarget | null): number | null {
  if (!(target instanceof Element)) return null;
  const element = target.closest('[data-step]');
  if (!element) return null;
  const n = Number(element.getAttribute('data-step'));
  return Number.isInteger(n) ? n : null;
}
