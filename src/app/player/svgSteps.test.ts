// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { markSteps, measureHitArea, stepOf, tagSteps } from './svgSteps';

/** The shape Mermaid 11.17 draws: each message's label text(s), then its line (or self-message path). */
function diagram(): SVGSVGElement {
  document.body.innerHTML = `
    <svg xmlns="http://www.w3.org/2000/svg">
      <g><rect class="actor"/><line data-et="life-line"/></g>
      <text class="messageText">1. request</text>
      <line data-et="message" class="messageLine0"/>
      <text class="messageText">2. retrieve</text>
      <text class="messageText">applicable profile</text>
      <path data-et="message" class="messageLine0"/>
      <text class="messageText">3. store, acknowledge</text>
      <path data-et="message" class="messageLine0"/>
      <text class="messageText">3. acknowledgement</text>
      <line data-et="message" class="messageLine1"/>
      <text class="messageText">4. profile</text>
      <line data-et="message" class="messageLine1"/>
    </svg>`;
  return document.querySelector('svg')!;
}

const steps = (svg: Element, selector: string) =>
  [...svg.querySelectorAll(selector)].map((e) => e.getAttribute('data-step'));

describe('tagSteps', () => {
  it('gives each message line and its label texts the step of diagram.arrows', () => {
    // given a diagram whose step 3 has a side arrow
    const svg = diagram();
    // when tagged
    const found = tagSteps(svg, [1, 2, 3, 3, 4]);
    // then every message and label carries its step, nothing else does
    expect(found).toBe(5);
    expect(steps(svg, '[data-et="message"]')).toEqual(['1', '2', '3', '3', '4']);
    expect(steps(svg, 'text.messageText')).toEqual(['1', '2', '2', '3', '3', '4']);
    expect(svg.querySelectorAll('.actor[data-step], [data-et="life-line"][data-step]')).toHaveLength(0);
  });

  it("gives a timer's note (a step with no arrow) the step of diagram.notes, and counts it", () => {
    // given a diagram whose step 5 is a note over the client (a timer that fired)
    const svg = diagram();
    svg.insertAdjacentHTML(
      'beforeend',
      '<g data-et="note"><rect class="note"/><text class="noteText">5. timer fired</text></g>',
    );
    // when tagged with its notes
    const found = tagSteps(svg, [1, 2, 3, 3, 4], [5]);
    // then the note's group carries step 5, is counted, and is marked current at step 5
    expect(found).toBe(6);
    expect(steps(svg, '[data-et="note"]')).toEqual(['5']);
    markSteps(svg, 5);
    expect(svg.querySelector('[data-et="note"]')?.classList.contains('step-current')).toBe(true);
  });
});

describe('markSteps', () => {
  it('marks the current step, done steps and steps to do', () => {
    const svg = diagram();
    tagSteps(svg, [1, 2, 3, 3, 4]);
    const current = markSteps(svg, 3);
    expect(current).toHaveLength(4);
    expect(steps(svg, '.step-current')).toEqual(['3', '3', '3', '3']);
    expect(steps(svg, '.step-done')).toEqual(['1', '1', '2', '2', '2']);
    expect(steps(svg, '.step-todo')).toEqual(['4', '4']);
  });

  it('moves the marks without leaving any behind', () => {
    const svg = diagram();
    tagSteps(svg, [1, 2, 3, 3, 4]);
    markSteps(svg, 3);
    markSteps(svg, 1);
    expect(steps(svg, '.step-current')).toEqual(['1', '1']);
    markSteps(svg, 0);
    expect(svg.querySelectorAll('.step-current, .step-done')).toHaveLength(0);
    expect(svg.querySelectorAll('.step-todo')).toHaveLength(11);
  });
});

describe('stepOf', () => {
  it('finds the step of a clicked element, or null', () => {
    const svg = diagram();
    tagSteps(svg, [1, 2, 3, 3, 4]);
    expect(stepOf(svg.querySelectorAll('text.messageText')[2]!)).toBe(2);
    expect(stepOf(svg.querySelector('.actor'))).toBeNull();
    expect(stepOf(null)).toBeNull();
  });
});

/** Lays each label and line out as `boxes` says (jsdom has no layout): a label by its text, a line by its step. */
function layOut(svg: SVGSVGElement, boxes: Record<string, [number, number, number, number]>): void {
  for (const element of svg.querySelectorAll('text.messageText, [data-et="message"]')) {
    const key =
      element.textContent || element.getAttribute('data-et') + (element.getAttribute('data-step') ?? '');
    Object.defineProperty(element, 'getBBox', {
      configurable: true,
      value: () => {
        const [x, y, width, height] = boxes[key] ?? [0, 0, 0, 0];
        return { x, y, width, height };
      },
    });
  }
}

const hitOf = (svg: Element, step: number) => {
  const rect = svg.querySelector(`rect.step-hit[data-step="${step}"]`);
  return rect && ['x', 'y', 'width', 'height'].map((name) => Number(rect.getAttribute(name)));
};

describe('hit areas', () => {
  const boxes = (labelY: number): Record<string, [number, number, number, number]> => ({
    '1. request': [10, labelY, 80, 12],
    message1: [0, 30, 200, 2],
    // step 3: a message and its side message, one under the other
    '3. store, acknowledge': [20, 60 + labelY, 100, 12],
    message3: [10, 80, 150, 2],
    '3. acknowledgement': [30, 100, 90, 12],
  });
  /** Each message line tagged with its own step (the label keys above), the side message's line too. */
  const tagLines = (svg: SVGSVGElement) =>
    [...svg.querySelectorAll('[data-et="message"]')].forEach((line, i) =>
      line.setAttribute('data-step', String([1, 2, 3, 3, 4][i])),
    );

  it('covers a message label and line, padded, measured on the layout when tagged', () => {
    // given step 1's label and line as laid out
    const svg = diagram();
    tagLines(svg);
    layOut(svg, boxes(10));
    // when tagged
    tagSteps(svg, [1, 2, 3, 3, 4]);
    // then its hit area spans both, 4 units around
    expect(hitOf(svg, 1)).toEqual([-4, 6, 208, 30]);
  });

  it('is measured again on the layout as it is now, so a reveal does not depend on when the SVG was tagged', () => {
    // given a diagram tagged while its label was laid out 1.5 units higher than it is now
    const svg = diagram();
    tagLines(svg);
    layOut(svg, boxes(8.5));
    tagSteps(svg, [1, 2, 3, 3, 4]);
    layOut(svg, boxes(10));
    // when its hit area is measured again
    const rect = svg.querySelector('rect.step-hit[data-step="1"]')!;
    measureHitArea(rect);
    // then it is where a fresh tagging would put it; another element is left alone
    expect(hitOf(svg, 1)).toEqual([-4, 6, 208, 30]);
    // and a step with a side message: each hit area is its own message's, not the step's two together
    const [main, side] = svg.querySelectorAll('rect.step-hit[data-step="3"]');
    measureHitArea(main!);
    measureHitArea(side!);
    const place = (rect: Element) =>
      ['x', 'y', 'width', 'height'].map((name) => Number(rect.getAttribute(name)));
    expect(place(main!)).toEqual([6, 66, 158, 20]);
    expect(place(side!)).toEqual([6, 76, 158, 40]);
    const label = svg.querySelector('text.messageText')!;
    measureHitArea(label);
    expect(label.getAttributeNames()).not.toContain('x');
  });
});
