/** How a field's text becomes a scenario value and back. `undefined` is "absent". */
export interface Conversion {
  format: (value: unknown) => string;
  parse: (text: string) => unknown;
}

const show = (value: unknown): string =>
  value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/** Free text; an empty field is absent when `emptyIsAbsent`, else the empty string (which the schema may refuse). */
export const textConversion = (emptyIsAbsent: boolean): Conversion => ({
  format: show,
  parse: (text) => (text === '' && emptyIsAbsent ? undefined : text),
});

/**
 * A whole number as typed. Anything that is not a plain decimal number is passed on as text, so that the schema
 * refuses it with its own words (`expected an integer 0..255, got "high"`).
 */
export const numberConversion = (emptyIsAbsent: boolean): Conversion => ({
  format: show,
  parse: (text) => {
    const t = text.trim();
    if (t === '') return emptyIsAbsent ? undefined : text;
    return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : text;
  },
});

/** One item a line; blank lines are skipped. An empty list is absent when `emptyIsAbsent`. */
export const listConversion = (emptyIsAbsent: boolean): Conversion => ({
  format: (value) => (Array.isArray(value) ? value.map(show).join('\n') : show(value)),
  parse: (text) => {
    const items = text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    return items.length === 0 && emptyIsAbsent ? undefined : items;
  },
});
