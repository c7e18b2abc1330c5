/**
 * The page's font as an @font-face with data URLs, for the downloaded SVG and PNG: an SVG file (or an SVG drawn
 * into a canvas) sees none of the page's fonts, and Mermaid laid the labels out with this one.
 */
import plex400 from '@fontsource/ibm-plex-sans/files/ibm-plex-sans-latin-400-normal.woff2?url';
import plex600 from '@fontsource/ibm-plex-sans/files/ibm-plex-sans-latin-600-normal.woff2?url';

const FACES: [weight: number, url: string][] = [
  [400, plex400],
  [600, plex600],
];

let css: Promise<string> | null = null;

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error('unreadable font'));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable font'));
    reader.readAsDataURL(blob);
  });
}

async function face(weight: number, url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const data = await dataUrl(new Blob([await response.arrayBuffer()], { type: 'font/woff2' }));
  return `@font-face { font-family: "IBM Plex Sans"; font-style: normal; font-weight: ${weight}; src: url(${data}) format("woff2"); }`;
}

/** The CSS, fetched once; empty when the font cannot be read (the file then falls back to a system font). */
export function embeddedFontCss(): Promise<string> {
  css ??= Promise.all(FACES.map(([weight, url]) => face(weight, url)))
    .then((faces) => faces.join('\n'))
    .catch(() => {
      css = null;
      return '';
    });
  return css;
}
