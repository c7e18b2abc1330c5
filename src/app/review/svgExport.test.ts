// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { markSteps, tagSteps } from '../player/svgSteps';
import { standaloneSvg, svgSize } from './svgExport';

/** The shape of Mermaid's sequence diagram SVG: labels before their message lines, a viewBox, 100% width. */
const MERMAID = `<svg aria-roledescription="sequence" role="graphics-document document" viewBox="-50 -10 850 640"
  style="max-width: 850px; background-color: white;" xmlns="http://www.w3.org/2000/svg"
  xmlns:xlink="http://www.w3.org/1999/xlink" width="100%" id="sequence-1">
  <style>#sequence-1{font-family:"IBM Plex Sans";}</style>
  <g><rect class="actor" x="0" y="0" width="150" height="65"></rect><text class="actor">CM client (UE)</text></g>
  <text class="messageText" x="10" y="80">1. request profile &amp; more</text>
  <line class="messageLine0" data-et="message" x1="0" x2="300" y1="90" y2="90"></line>
  <text class="messageText" x="10" y="120">2. retrieve</text>
  <path class="messageLine0" data-et="message" d="M 300,130 C 360,120 360,160 300,150"></path>
</svg>`;

function drawn(): SVGSVGElement {
  document.body.innerHTML = `<div id="host">${MERMAID}</div>`;
  const host = document.getElementById('host')!;
  tagSteps(host, [1, 2]);
  markSteps(host, 1);
  return host.querySelector('svg')!;
}

const parse = (text: string) => new DOMParser().parseFromString(text, 'image/svg+xml');

describe('the SVG download', () => {
  it('is a well-formed SVG document in the SVG namespace, sized by its viewBox', () => {
    const text = standaloneSvg(drawn());
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    const doc = parse(text);
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const root = doc.documentElement;
    expect(root.localName).toBe('svg');
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('width')).toBe('850');
    expect(root.getAttribute('height')).toBe('640');
    expect(root.getAttribute('viewBox')).toBe('-50 -10 850 640');
    expect(root.getAttribute('style')).not.toContain('max-width');
    expect(root.getAttribute('style')).toContain('background-color');
  });

  it('keeps the labels and the step tags, drops the click areas and the step states', () => {
    const svg = drawn();
    expect(svg.querySelectorAll('.step-current')).not.toHaveLength(0);
    const doc = parse(standaloneSvg(svg));
    expect([...doc.querySelectorAll('text.messageText')].map((t) => t.textContent)).toEqual([
      '1. request profile & more',
      '2. retrieve',
    ]);
    expect([...doc.querySelectorAll('[data-et="message"]')].map((e) => e.getAttribute('data-step'))).toEqual([
      '1',
      '2',
    ]);
    expect(doc.querySelectorAll('.step-current, .step-done, .step-todo, .step-hit')).toHaveLength(0);
    expect(doc.querySelector('line')!.getAttribute('class')).toBe('messageLine0');
    // the page's SVG is left as it was
    expect(svg.querySelectorAll('.step-current')).not.toHaveLength(0);
  });

  it('carries the font CSS first, when given', () => {
    const css =
      '@font-face { font-family: "IBM Plex Sans"; src: url(data:font/woff2;base64,AAAA) format("woff2"); }';
    const doc = parse(standaloneSvg(drawn(), { fontCss: css }));
    const first = doc.documentElement.firstElementChild!;
    expect(first.localName).toBe('style');
    expect(first.textContent).toBe(css);
  });

  it('knows the size from the viewBox, else width and height', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    expect(svgSize(svg)).toBeNull();
    svg.setAttribute('width', '300');
    svg.setAttribute('height', '200');
    expect(svgSize(svg)).toEqual({ width: 300, height: 200 });
    svg.setAttribute('viewBox', '0 0 640 480');
    expect(svgSize(svg)).toEqual({ width: 640, height: 480 });
    svg.setAttribute('viewBox', '0 0 0 480');
    expect(svgSize(svg)).toEqual({ width: 300, height: 200 });
  });
});
