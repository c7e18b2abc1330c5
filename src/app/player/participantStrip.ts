/**
 * The sticky header of participants: a copy of the top of Mermaid's drawn sequence diagram (the system boxes' titles
 * and the top actor boxes), as an SVG of its own with the same viewBox width, so that laid out at the same width it
 * lines up with the lifelines below. Built once per drawn SVG, from its attributes only (no layout needed).
 */
import { participantRegion, parseViewBox, type Box } from './diagramGeometry';

const SVG_NS = 'http://www.w3.org/2000/svg';

const number = (element: Element, name: string): number => Number(element.getAttribute(name) ?? NaN);

/** The top actor boxes, as drawn (their attributes, in the viewBox's units). */
export function topActors(svg: Element): Box[] {
  return [...svg.querySelectorAll('rect.actor-top')]
    .map((rect) => ({
      x: number(rect, 'x'),
      y: number(rect, 'y'),
      width: number(rect, 'width'),
      height: number(rect, 'height'),
    }))
    .filter((box) => [box.x, box.y, box.width, box.height].every(Number.isFinite));
}

/** Whether a top-level child of the drawn SVG belongs in the strip: its styles, the participants, the system boxes. */
function keep(child: Element): boolean {
  if (child.localName === 'style') return true;
  if (child.localName !== 'g') return false;
  if (child.querySelector('[data-et="participant"], rect.actor-top')) return true;
  // A system box (`box … end`): a rect and its title, nothing of a message or of a bottom actor.
  return !!child.querySelector(':scope > rect.rect') && !child.querySelector('[data-step], .actor-bottom');
}

/** Sets the part of the diagram the strip shows (./diagramGeometry.ts `stripView`). */
export function showRegion(svg: SVGSVGElement, view: Box): void {
  const round = (n: number) => Math.round(n * 100) / 100;
  svg.setAttribute('viewBox', [view.x, view.y, view.width, view.height].map(round).join(' '));
}

export interface ParticipantStrip {
  svg: SVGSVGElement;
  /** The part of the diagram's viewBox it can show. */
  region: Box;
  /** The top and bottom of the row of actor boxes. */
  row: { top: number; bottom: number };
  viewBox: Box;
}

/**
 * The strip for a drawn diagram, or null when it has no top actor boxes (or no viewBox). Hidden from assistive
 * technology: the names are in the diagram itself.
 */
export function participantStrip(drawn: SVGSVGElement): ParticipantStrip | null {
  const viewBox = parseViewBox(drawn.getAttribute('viewBox'));
  if (!viewBox) return null;
  const actors = topActors(drawn);
  const region = participantRegion(viewBox, actors);
  if (!region) return null;
  const row = {
    top: Math.min(...actors.map((a) => a.y)),
    bottom: Math.max(...actors.map((a) => a.y + a.height)),
  };
  const doc = drawn.ownerDocument;
  const svg = doc.createElementNS(SVG_NS, 'svg');
  // Mermaid scopes its styles to the diagram's id: the copy takes an id of its own and the styles follow it.
  const id = drawn.id;
  const stripId = id ? `${id}-participants` : '';
  if (stripId) svg.id = stripId;
  showRegion(svg, region);
  svg.setAttribute('width', '100%');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'diagram-strip-svg');
  const style = drawn.getAttribute('style');
  if (style) svg.setAttribute('style', style);
  for (const child of drawn.children) {
    if (!keep(child)) continue;
    const copy = child.cloneNode(true);
    if (!(copy instanceof Element)) continue;
    if (copy.localName === 'style' && id) {
      copy.textContent = (copy.textContent ?? '').split(`#${id}`).join(`#${stripId}`);
    }
    // No id twice in the page; nothing in the copy points to one (no markers: no messages).
    for (const element of [copy, ...copy.querySelectorAll('[id]')]) element.removeAttribute('id');
    // A bottom actor drawn inside a participant's group (none today) does not belong at the top.
    for (const bottom of copy.querySelectorAll('.actor-bottom')) bottom.remove();
    svg.append(copy);
  }
  return { svg, region, row, viewBox };
}
