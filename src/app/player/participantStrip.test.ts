// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { participantStrip, topActors } from './participantStrip';

/** The shape Mermaid 11.17 draws for a sequence diagram with a system box, two participants and one message. */
function drawn(): SVGSVGElement {
  document.body.innerHTML = `
    <svg id="sequence-2" xmlns="http://www.w3.org/2000/svg" width="100%" style="max-width: 500px;"
         viewBox="-50 -10 500 400" role="graphics-document document" aria-roledescription="sequence">
      <g><rect x="-5" y="-5" width="300" height="390" class="rect"/><text class="text" y="15">Primary MC system</text></g>
      <g><rect x="200" y="300" width="140" height="65" class="actor actor-bottom" name="b"/><text>UDB</text></g>
      <g><rect x="0" y="300" width="140" height="65" class="actor actor-bottom" name="a"/><text>CMS</text></g>
      <g><line id="actor1" data-et="life-line" x1="270" y1="95" x2="270" y2="300"/>
        <g id="root-1" data-et="participant"><rect x="200" y="30" width="140" height="65" class="actor actor-top"/><text>UDB</text></g></g>
      <g><line id="actor0" data-et="life-line" x1="70" y1="95" x2="70" y2="300"/>
        <g id="root-0" data-et="participant"><rect x="0" y="30" width="140" height="65" class="actor actor-top"/><text>CMS</text></g></g>
      <style>#sequence-2 .actor{fill:#eaeaea;}#sequence-2 text.actor>tspan{fill:black;}</style>
      <defs><marker id="arrowhead"/></defs>
      <rect class="step-hit" data-step="1"/>
      <text class="messageText" data-step="1">1. request</text>
      <line data-et="message" data-step="1" marker-end="url(#arrowhead)"/>
    </svg>`;
  const svg = document.querySelector('svg');
  if (!(svg instanceof SVGSVGElement)) throw new Error('no svg');
  return svg;
}

describe('participantStrip', () => {
  it('reads the top actor boxes from their attributes', () => {
    expect(topActors(drawn())).toEqual([
      { x: 200, y: 30, width: 140, height: 65 },
      { x: 0, y: 30, width: 140, height: 65 },
    ]);
  });

  it('copies the top of the diagram: same viewBox width, down to under the actor boxes', () => {
    const strip = participantStrip(drawn());
    expect(strip).not.toBeNull();
    const svg = strip!.svg;
    expect(svg.getAttribute('viewBox')).toBe('-50 -10 500 111');
    expect(svg.getAttribute('width')).toBe('100%');
    expect(svg.getAttribute('style')).toBe('max-width: 500px;');
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    expect(strip!.row).toEqual({ top: 30, bottom: 95 });
    expect(svg.getAttribute('role')).toBeNull();
  });

  it('holds the participants and the system box, no message, no bottom actor, no id twice', () => {
    const original = drawn();
    const svg = participantStrip(original)!.svg;
    expect([...svg.querySelectorAll('rect.actor-top')]).toHaveLength(2);
    expect(svg.querySelector('rect.rect')).not.toBeNull();
    expect(svg.querySelector('.actor-bottom, [data-step], .messageText, defs')).toBeNull();
    expect(svg.textContent).toContain('Primary MC system');
    expect(svg.id).toBe('sequence-2-participants');
    expect([...svg.querySelectorAll('[id]')]).toHaveLength(0);
    // the original is left as it was
    expect(original.querySelectorAll('[data-et="participant"][id]')).toHaveLength(2);
  });

  it("scopes Mermaid's styles to the copy's id", () => {
    const style = participantStrip(drawn())!.svg.querySelector('style')?.textContent ?? '';
    expect(style).toContain('#sequence-2-participants .actor{fill:#eaeaea;}');
    expect(style).not.toMatch(/#sequence-2 /);
  });

  it('is null for a drawing without a viewBox or without actor boxes', () => {
    const svg = drawn();
    svg.removeAttribute('viewBox');
    expect(participantStrip(svg)).toBeNull();
    const bare = drawn();
    for (const rect of bare.querySelectorAll('rect.actor-top')) rect.remove();
    expect(participantStrip(bare)).toBeNull();
  });
});
