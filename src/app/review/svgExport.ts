/**
 * The diagram as a file: the SVG that Mermaid drew (and the player tagged), serialised as a standalone document,
 * and rasterised to PNG through an Image and a canvas. Mermaid's sequence diagram draws its labels as plain SVG
 * <text> (no foreignObject), so the canvas is not tainted.
 */
import { HIT_AREA, STEP_CLASSES } from '../player/svgSteps';

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** Classes the page puts on the SVG to show state; they mean nothing in a file. */
export const MARK_CLASSES: readonly string[] = [
  ...STEP_CLASSES,
  'step-removed',
  'step-added',
  'step-reworded',
];

export interface SvgSize {
  width: number;
  height: number;
}

/** The drawing's own size: its viewBox (Mermaid sets one), else its width and height in user units. */
export function svgSize(svg: Element): SvgSize | null {
  const box = (svg.getAttribute('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (box.length === 4 && box.every(Number.isFinite) && box[2]! > 0 && box[3]! > 0) {
    return { width: box[2]!, height: box[3]! };
  }
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  return width > 0 && height > 0 ? { width, height } : null;
}

/**
 * A standalone SVG document of a drawn diagram: the XML declaration, the SVG namespace, a fixed width and height
 * (the page shows it at 100% width), no click areas and no step-state classes; the `data-step` tags stay.
 * `fontCss` (for example an @font-face with the font as a data URL) is put in a <style> first.
 */
export function standaloneSvg(svg: SVGSVGElement, options: { fontCss?: string } = {}): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  for (const hit of clone.querySelectorAll(`.${HIT_AREA}`)) hit.remove();
  for (const element of [clone, ...clone.querySelectorAll('[class]')]) {
    element.classList.remove(...MARK_CLASSES);
    if (element.getAttribute('class') === '') element.removeAttribute('class');
  }
  const size = svgSize(clone);
  if (size) {
    clone.setAttribute('width', String(size.width));
    clone.setAttribute('height', String(size.height));
  }
  clone.style.removeProperty('max-width');
  if (!clone.getAttribute('style')) clone.removeAttribute('style');
  if (options.fontCss) {
    const style = clone.ownerDocument.createElementNS(SVG_NS, 'style');
    style.textContent = options.fontCss;
    clone.insertBefore(style, clone.firstChild);
  }
  const xml = new XMLSerializer().serializeToString(clone);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`;
}

/** Rasterises a standalone SVG at `scale` times its size (2: sharp on high-density screens and in documents). */
export async function svgToPng(
  text: string,
  size: SvgSize,
  options: { scale?: number; background?: string } = {},
): Promise<Blob> {
  const scale = options.scale ?? 2;
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(size.width * scale);
    canvas.height = Math.ceil(size.height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas in this browser');
    if (options.background) {
      context.fillStyle = options.background;
      context.fillRect(0, 0, canvas.width, canvas.height);
    }
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
