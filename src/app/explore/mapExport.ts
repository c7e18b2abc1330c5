/**
 * The maps as one picture: every map's SVG side by side under its title, the legend below, on the page's background;
 * saved as SVG or PNG through the review downloads' helpers (../review/svgExport.ts). The cells' colours are plain
 * fills already; the labels' `currentColor` is the page's text colour, written on the root.
 */
import { standaloneSvg, SVG_NS, svgSize, type SvgSize } from '../review/svgExport';
import { KIND_ORDER, KINDS } from './cells';

const GAP = 24;
const TITLE = 28;
const LEGEND_ROW = 22;

function text(doc: Document, x: number, y: number, content: string, attrs: Record<string, string> = {}) {
  const el = doc.createElementNS(SVG_NS, 'text');
  el.setAttribute('x', String(x));
  el.setAttribute('y', String(y));
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.textContent = content;
  return el;
}

/**
 * One map as one SVG (not in the document): the page draws it as an <svg> of axes under an <svg> per block of rows
 * (./OutcomeMap.tsx), all in the map's coordinates; here their contents go into one root of the map's size.
 */
export function mapSvgOf(grid: HTMLElement): SVGSVGElement {
  const root = document.createElementNS(SVG_NS, 'svg');
  const width = grid.dataset.width ?? '0';
  const height = grid.dataset.height ?? '0';
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('width', width);
  root.setAttribute('height', height);
  for (const part of grid.querySelectorAll(':scope > svg')) {
    for (const child of part.children) root.append(child.cloneNode(true));
  }
  return root;
}

/** The composed SVG element (not in the document) and its size. */
export function composeMaps(
  maps: readonly { title: string; svg: SVGSVGElement }[],
  colours: { fg: string; bg: string },
): { svg: SVGSVGElement; size: SvgSize } {
  const doc = document;
  const root = doc.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('font-family', 'IBM Plex Sans, sans-serif');
  root.setAttribute('style', `color: ${colours.fg}`);
  const background = doc.createElementNS(SVG_NS, 'rect');
  background.setAttribute('fill', colours.bg);
  background.setAttribute('x', '0');
  background.setAttribute('y', '0');
  root.append(background);
  let x = GAP;
  let height = 0;
  for (const map of maps) {
    const size = svgSize(map.svg);
    if (!size) continue;
    root.append(
      text(doc, x, GAP + 16, map.title, { 'font-size': '16', 'font-weight': '600', fill: colours.fg }),
    );
    const clone = map.svg.cloneNode(true);
    if (!(clone instanceof SVGSVGElement)) continue;
    for (const el of clone.querySelectorAll('[tabindex]')) el.removeAttribute('tabindex');
    clone.setAttribute('x', String(x));
    clone.setAttribute('y', String(GAP + TITLE));
    clone.setAttribute('width', String(size.width));
    clone.setAttribute('height', String(size.height));
    root.append(clone);
    x += size.width + GAP;
    height = Math.max(height, size.height);
  }
  let y = GAP + TITLE + height + GAP;
  for (const id of KIND_ORDER) {
    const kind = KINDS[id];
    const swatch = doc.createElementNS(SVG_NS, 'rect');
    for (const [k, v] of Object.entries({ x: GAP, y: y - 14, width: 18, height: 18, fill: kind.fill })) {
      swatch.setAttribute(k, String(v));
    }
    root.append(swatch);
    root.append(
      text(doc, GAP + 9, y + 1, kind.mark, { fill: kind.ink, 'font-size': '12', 'text-anchor': 'middle' }),
    );
    root.append(text(doc, GAP + 28, y, kind.label, { fill: colours.fg, 'font-size': '13' }));
    y += LEGEND_ROW;
  }
  const size = { width: Math.max(x, 420), height: y + GAP };
  background.setAttribute('width', String(size.width));
  background.setAttribute('height', String(size.height));
  root.setAttribute('viewBox', `0 0 ${size.width} ${size.height}`);
  return { svg: root, size };
}

/** The standalone SVG file of the maps (fonts embedded as in the review downloads). */
export function mapsSvgText(composed: SVGSVGElement, fontCss: string): string {
  return standaloneSvg(composed, { fontCss });
}
