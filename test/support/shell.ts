/** Enough of a shell's word splitting for the command lines the README and the help show. */

/** A shell line's words, quotes removed, and its comment (after an unquoted `#`); `|` and `<` are words of their own. */
export function shellWords(line: string): { words: string[]; comment: string } {
  const words: string[] = [];
  let word: string | null = null;
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quote) {
      if (ch === quote) quote = null;
      else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      word ??= '';
    } else if (ch === ' ') {
      if (word !== null) words.push(word);
      word = null;
    } else if (ch === '#' && word === null) {
      return { words, comment: line.slice(i + 1).trim() };
    } else if ((ch === '|' || ch === '<') && word === null) {
      words.push(ch);
    } else word = (word ?? '') + ch;
  }
  if (quote) throw new Error(`unbalanced quote in README command: ${line}`);
  if (word !== null) words.push(word);
  return { words, comment: '' };
}
