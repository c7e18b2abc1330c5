/**
 * The checks a profile document passes before the XML parser sees it (CONTRACT.md §6): its size, no DTD, its depth,
 * one root element, and every reference (`&…;`) one that XML defines without a DTD. One linear pass, so a hostile
 * document costs little; each refusal is one line naming what is wrong and where.
 */
import { formatCount, LIMITS, sizeProblem } from '../model/limits';
import { ProfileXmlError } from './reader';

/** The entities XML predefines (XML 1.0 §4.6); with no DTD allowed, these are all there are. */
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

const DTD = /<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;
/** After an `&`: a hexadecimal or decimal character reference, or an entity name, each ending with `;`. */
const REFERENCE = /#x([^;\s<&'"]*);|#([^;\s<&'"]*);|([A-Za-z_:][\w.:-]*);/y;

const hex = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');
const shorten = (text: string, max = 24) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** What a reference stands for, or why it is refused. `match` is REFERENCE's match. */
function resolve(match: RegExpExecArray): { text: string } | { problem: string } {
  const [whole, hexDigits, decDigits, name] = match;
  const written = shorten(`&${whole}`);
  if (name !== undefined) {
    const text = PREDEFINED[name];
    if (text !== undefined) return { text };
    return {
      problem: `unknown entity ${written}: XML defines only &lt; &gt; &amp; &apos; &quot; (and a DTD is not allowed)`,
    };
  }
  const digits = hexDigits ?? decDigits ?? '';
  const isHex = hexDigits !== undefined;
  if (!(isHex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/).test(digits)) {
    const kind = isHex ? 'hexadecimal' : 'decimal';
    return {
      problem: `bad character reference ${written}: ${JSON.stringify(shorten(digits))} is not a ${kind} number`,
    };
  }
  const code = Number.parseInt(digits, isHex ? 16 : 10);
  const bad = (why: string) => ({ problem: `bad character reference ${written}: ${why}` });
  if (code > 0x10ffff) return bad('beyond U+10FFFF, the last Unicode code point');
  if (code >= 0xd800 && code <= 0xdfff) return bad(`U+${hex(code)} is a surrogate, not a character`);
  if (!isXmlChar(code)) return bad(`U+${hex(code)} is not a character XML allows`);
  return { text: String.fromCodePoint(code) };
}

/** Line of `index` in `xml`, 1-based. */
function lineAt(xml: string, index: number): number {
  let line = 1;
  for (let i = xml.indexOf('\n'); i !== -1 && i < index; i = xml.indexOf('\n', i + 1)) line++;
  return line;
}

type ReferenceCheck = (from: number, to: number) => void;

/**
 * A check of the references in `xml[from, to)`, refusing the first that XML does not define. The ranges come in
 * document order, so one cursor over the `&`s keeps the whole pass linear.
 */
function referenceChecker(xml: string): ReferenceCheck {
  let amp = xml.indexOf('&');
  return (from, to) => {
    if (amp !== -1 && amp < from) amp = xml.indexOf('&', from);
    for (; amp !== -1 && amp < to; amp = xml.indexOf('&', amp + 1)) {
      REFERENCE.lastIndex = amp + 1;
      const match = REFERENCE.exec(xml);
      const result: { text: string } | { problem: string } =
        match && REFERENCE.lastIndex <= to
          ? resolve(match)
          : { problem: 'an "&" that starts no reference: write &amp; for the character &' };
      if ('problem' in result) throw new ProfileXmlError(`${result.problem} (line ${lineAt(xml, amp)})`);
    }
  };
}

/** The character references and predefined entities of a text or attribute value, as the characters they name. */
export function decodeReferences(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  let last = 0;
  for (let at = text.indexOf('&'); at !== -1; at = text.indexOf('&', last)) {
    REFERENCE.lastIndex = at + 1;
    const match = REFERENCE.exec(text);
    const result = match ? resolve(match) : { problem: 'an "&" that starts no reference' };
    if ('problem' in result) throw new ProfileXmlError(result.problem);
    out += text.slice(last, at) + result.text;
    last = REFERENCE.lastIndex;
  }
  return out + text.slice(last);
}

/**
 * Throws ProfileXmlError for a document over the size limit, holding a DTD, nested deeper than the depth limit,
 * with more than one root element or text outside it, or with a reference XML does not define. What it cannot
 * judge cheaply (an unclosed comment, a mismatched end tag) it leaves to the XML validator that runs next.
 */
export function checkDocument(xml: string): void {
  const size = sizeProblem('document', xml);
  if (size) throw new ProfileXmlError(size);
  const dtd = DTD.exec(xml);
  if (dtd) {
    const line = lineAt(xml, dtd.index);
    throw new ProfileXmlError(`a DTD (<!${dtd[1]} …>) is not allowed in a profile document (line ${line})`);
  }
  scanElements(xml);
}

function scanElements(xml: string): void {
  const n = xml.length;
  const fail = (message: string, at: number): never => {
    throw new ProfileXmlError(`${message} (line ${lineAt(xml, at)})`);
  };
  const after = (token: string, from: number) => {
    const end = xml.indexOf(token, from);
    return end === -1 ? n : end + token.length;
  };
  const references = referenceChecker(xml);
  let depth = 0;
  let root: string | undefined;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (depth > 0) references(i, textEnd);
    else {
      const segment = xml.slice(i, textEnd);
      const text = segment.trim();
      if (text) {
        const quoted = JSON.stringify(shorten(text));
        const at = i + segment.length - segment.trimStart().length;
        if (root) fail(`not XML: text after the root element <${root}> ends: ${quoted}`, at);
        fail(`not XML: text before the root element: ${quoted}`, at);
      }
    }
    if (lt === -1) break;
    if (xml.startsWith('<!--', lt)) i = after('-->', lt + 4);
    else if (xml.startsWith('<![CDATA[', lt)) i = after(']]>', lt + 9);
    else if (xml.startsWith('<?', lt)) i = after('?>', lt + 2);
    else if (xml.startsWith('<!', lt)) i = after('>', lt + 2);
    else if (xml.startsWith('</', lt)) {
      depth--;
      if (depth < 0) return; // an end tag with no start: the validator names it
      i = after('>', lt + 2);
    } else {
      const end = startTagEnd(xml, lt, references);
      if (end === -1) return; // an unclosed tag: the validator names it
      const name = /^[^\s/>]*/.exec(xml.slice(lt + 1, lt + 1 + 200))?.[0] ?? '';
      if (depth === 0) {
        if (root)
          fail(`not XML: a second root element <${shorten(name)}> after <${root}>: a document has one`, lt);
        root = shorten(name);
      }
      if (xml.charCodeAt(end - 1) !== 0x2f /* / */) {
        depth++;
        if (depth > LIMITS.documentDepth) {
          const limit = formatCount(LIMITS.documentDepth);
          fail(
            `elements nested more than ${limit} levels deep, over the limit of ${limit}, at <${shorten(name)}>`,
            lt,
          );
        }
      }
      i = end + 1;
    }
  }
}

/** The index of the `>` that ends the start tag at `lt` (quotes respected; attribute values' references checked). */
function startTagEnd(xml: string, lt: number, references: ReferenceCheck): number {
  for (let j = lt + 1; j < xml.length; j++) {
    const c = xml[j];
    if (c === '>') return j;
    if (c === '"' || c === "'") {
      const close = xml.indexOf(c, j + 1);
      if (close === -1) return -1;
      references(j + 1, close);
      j = close;
    }
  }
  return -1;
}
