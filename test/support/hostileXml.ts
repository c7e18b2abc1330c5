/**
 * Profile documents an attacker (or a broken exporter) could hand the simulator, each with the one line it must be
 * refused with (CONTRACT.md §6). Shared by the XML, scenario, import and CLI tests.
 */
export const PROFILE_NS = 'urn:3gpp:mcptt:user-profile:1.0';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** A valid profile document (index 1) with `inner` inside its root; the root starts on line 2. */
export const profileDoc = (inner = '', attributes = '') =>
  `${DECLARATION}<mcptt-user-profile xmlns="${PROFILE_NS}" user-profile-index="1"${attributes}>${inner}</mcptt-user-profile>\n`;

/** `n` in the en-US form the messages use (`3,000,000`), computed here without the code under test. */
const count = (n: number) => n.toLocaleString('en-US');

/** The classic entity expansion: ten lol9 → a billion "lol"s from a document of a few hundred bytes. */
const BILLION_LAUGHS = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE lolz [',
  ' <!ENTITY lol "lol">',
  ...Array.from(
    { length: 8 },
    (_, i) => ` <!ENTITY lol${i + 2} "${`&lol${i === 0 ? '' : i + 1};`.repeat(10)}">`,
  ),
  ']>',
  `<mcptt-user-profile xmlns="${PROFILE_NS}" user-profile-index="1"><ProfileName>&lol9;</ProfileName></mcptt-user-profile>`,
].join('\n');

const DEEP = profileDoc(`${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}`);
const BIG = profileDoc(`<X>${'a'.repeat(3_000_000)}</X>`);

export interface Hostile {
  name: string;
  xml: string;
  /** The ProfileXmlError's message, exactly. */
  message: string;
}

export const HOSTILE: readonly Hostile[] = [
  {
    name: 'a DTD with an entity',
    xml: `${DECLARATION}<!DOCTYPE mcptt-user-profile [<!ENTITY name "Injected">]>\n${profileDoc('<ProfileName>&name;</ProfileName>').slice(DECLARATION.length)}`,
    message: 'a DTD (<!DOCTYPE …>) is not allowed in a profile document (line 2)',
  },
  {
    name: 'entity expansion ("billion laughs")',
    xml: BILLION_LAUGHS,
    message: 'a DTD (<!DOCTYPE …>) is not allowed in a profile document (line 2)',
  },
  {
    name: 'an external entity (XXE)',
    xml: `<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>${profileDoc('<ProfileName>&x;</ProfileName>').slice(DECLARATION.length)}`,
    message: 'a DTD (<!DOCTYPE …>) is not allowed in a profile document (line 1)',
  },
  {
    name: 'elements nested 5,000 levels deep',
    xml: DEEP,
    message: 'elements nested more than 64 levels deep, over the limit of 64, at <a> (line 2)',
  },
  {
    name: 'two root elements',
    xml: profileDoc() + profileDoc().slice(DECLARATION.length),
    message:
      'not XML: a second root element <mcptt-user-profile> after <mcptt-user-profile>: a document has one (line 3)',
  },
  {
    name: 'a 3 MB document',
    xml: BIG,
    message: `the document is ${count(BIG.length)} bytes, over the limit of 1,000,000 bytes (1 MB)`,
  },
];
