import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Profile } from '../model/profile';
import { LIMITS, stringProblem } from '../model/limits';
import { checkDocument, decodeReferences } from './guard';
import { ProfileXmlError } from './reader';

export { ProfileXmlError } from './reader';

/** TS 24.484 MCPTT user profile document (CONTRACT.md §5). */
export const PROFILE_NAMESPACE = 'urn:3gpp:mcptt:user-profile:1.0';
export const PROFILE_ROOT = 'mcptt-user-profile';

type Attributes = Record<string, string>;
/** fast-xml-parser's order-preserving tree: `{ tag: children, ':@': attributes }` or `{ '#text': text }`. */
type XmlNode = { [key: string]: XmlNode[] | Attributes | string | undefined; ':@'?: Attributes };

/** The tree's shape, the same for reading and writing. */
const TREE = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  commentPropName: '#comment',
  cdataPropName: '#cdata',
} as const;

/**
 * Every option that bears on what a hostile document can do, set here rather than left to the library's defaults.
 * `guard.ts` has already refused DTDs, depth over the limit and unknown references; the parser is held to the same.
 */
const parser = new XMLParser({
  ...TREE,
  trimValues: true,
  parseTagValue: false,
  parseAttributeValue: false,
  allowBooleanAttributes: false,
  removeNSPrefix: false,
  ignoreDeclaration: false,
  ignorePiTags: false,
  unpairedTags: [],
  stopNodes: [],
  strictReservedNames: true,
  maxNestedTags: LIMITS.documentDepth,
  // No HTML entities; references are decoded by our decoder: the five XML predefines and numeric ones (&#233;).
  htmlEntities: false,
  processEntities: {
    enabled: true,
    // No DTD gets this far; were one to, it could declare one entity of one character, expanded once.
    maxEntityCount: 1,
    maxEntitySize: 1,
    maxTotalExpansions: 1,
    maxExpandedLength: 1,
    maxExpansionDepth: 1,
  },
  entityDecoder: {
    decode: decodeReferences,
    setExternalEntities: () => undefined,
    addInputEntities: () => {
      throw new ProfileXmlError('a DTD is not allowed in a profile document');
    },
    reset: () => undefined,
    setXmlVersion: () => undefined,
  },
});
const VALIDATION = { allowBooleanAttributes: false, unpairedTags: [] };
const builder = new XMLBuilder({
  ...TREE,
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  // Text and attribute values are written escaped (& < > ' "): what was decoded on reading is written as itself.
  processEntities: true,
  maxNestedTags: LIMITS.documentDepth,
});

const SPECIAL = new Set([':@', '#text', '#comment', '#cdata', '?xml']);
const tagOf = (node: XmlNode): string | undefined => Object.keys(node).find((k) => !SPECIAL.has(k));
const localName = (tag: string) => tag.slice(tag.indexOf(':') + 1);
const childrenOf = (node: XmlNode): XmlNode[] => {
  const tag = tagOf(node);
  return tag ? (node[tag] as XmlNode[]) : [];
};
const elements = (node: XmlNode, name: string) =>
  childrenOf(node).filter((c) => localName(tagOf(c) ?? '') === name);
const textOf = (node: XmlNode): string =>
  childrenOf(node)
    .map((c) => (typeof c['#text'] === 'string' ? c['#text'] : ''))
    .join('')
    .trim();

/** The first element at a path of local names below `node`. */
function at(node: XmlNode, path: readonly string[]): XmlNode | undefined {
  let current: XmlNode | undefined = node;
  for (const name of path) current = current ? elements(current, name)[0] : undefined;
  return current;
}

/** Every element at a path (the last name may repeat). */
function all(node: XmlNode, path: readonly string[]): XmlNode[] {
  const parent = at(node, path.slice(0, -1));
  return parent ? elements(parent, path[path.length - 1] as string) : [];
}

const PATHS = {
  name: ['ProfileName'],
  status: ['Status'],
  preSelected: ['Pre-selected-indication'],
  mcpttId: ['Common', 'MCPTTUserID', 'uri-entry'],
  organization: ['Common', 'MissionCriticalOrganization'],
  priority: ['Common', 'MCPTT-group-call', 'Priority'],
  emergencyGroup: [
    'Common',
    'MCPTT-group-call',
    'EmergencyCall',
    'MCPTTGroupInitiation',
    'entry',
    'uri-entry',
  ],
  privateCall: ['Common', 'PrivateCall', 'PrivateCallList', 'PrivateCallURI'],
  groups: ['OnNetwork', 'MCPTTGroupInfo', 'entry'],
  maxAffiliations: ['OnNetwork', 'MaxAffiliationsN2'],
} as const;

function integer(text: string, element: string, lo: number, hi: number): number {
  const value = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(value) || value < lo || value > hi) {
    throw new ProfileXmlError(`<${element}>: expected an integer ${lo}..${hi}, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** A mapped value becomes a scenario string: held to the same limit (CONTRACT.md §6). */
function within(text: string, element: string): string {
  const problem = stringProblem(text);
  if (problem) throw new ProfileXmlError(`${element}: ${problem}`);
  return text;
}

function boolean(text: string, element: string): boolean {
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  throw new ProfileXmlError(`<${element}>: expected true or false, got ${JSON.stringify(text)}`);
}

function rootOf(tree: XmlNode[]): { root: XmlNode; tag: string } {
  const root = tree.find((n) => tagOf(n) !== undefined);
  const tag = root && tagOf(root);
  if (!root || !tag) throw new ProfileXmlError('not an MCPTT user profile document: no root element');
  if (localName(tag) !== PROFILE_ROOT) {
    throw new ProfileXmlError(`root element is <${tag}>, expected <${PROFILE_ROOT}>`);
  }
  const prefix = tag.includes(':') ? tag.slice(0, tag.indexOf(':')) : '';
  const ns = root[':@']?.[prefix ? `@_xmlns:${prefix}` : '@_xmlns'];
  if (ns !== PROFILE_NAMESPACE) {
    throw new ProfileXmlError(
      `<${tag}> is in namespace ${ns ? JSON.stringify(ns) : '(none)'}, expected "${PROFILE_NAMESPACE}"`,
    );
  }
  return { root, tag };
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

/** The document's tree; cheap checks first (guard.ts), and whatever the library throws as a ProfileXmlError. */
function parseTree(xml: string): XmlNode[] {
  checkDocument(xml);
  try {
    const valid = XMLValidator.validate(xml, VALIDATION);
    if (valid !== true) throw new ProfileXmlError(`not XML: ${valid.err.msg} (line ${valid.err.line})`);
    return parser.parse(xml) as XmlNode[];
  } catch (error) {
    if (error instanceof ProfileXmlError) throw error;
    throw new ProfileXmlError(`not XML: ${firstLine(error)}`);
  }
}

/**
 * Reads a TS 24.484 `mcptt-user-profile` document into a Profile (CONTRACT.md §2 mapping). The document itself is
 * kept in the profile's `xml` field, so that the elements this mapping does not know are written back on export.
 */
export function parseProfileXml(xml: string): Profile {
  const { root, tag } = rootOf(parseTree(xml));
  const indexText = root[':@']?.['@_user-profile-index'];
  if (indexText === undefined) throw new ProfileXmlError(`<${tag}>: attribute user-profile-index is missing`);
  const profile: Profile = { index: integer(indexText, `${tag} user-profile-index`, 0, 255) };
  const text = (path: readonly string[]) => {
    const node = at(root, path);
    return node ? within(textOf(node), `<${path[path.length - 1] as string}>`) : undefined;
  };
  const uris = (path: readonly string[]) =>
    all(root, path)
      .map((n) => within(text_(n, 'uri-entry'), `<uri-entry> in <${path[path.length - 2] as string}>`))
      .filter(Boolean);
  const name = text(PATHS.name);
  if (name !== undefined) profile.name = name;
  const status = text(PATHS.status);
  if (status !== undefined) profile.status = boolean(status, 'Status');
  const preSelected = at(root, PATHS.preSelected);
  if (preSelected)
    profile.preSelected =
      textOf(preSelected) === '' || boolean(textOf(preSelected), 'Pre-selected-indication');
  const mcpttId = text(PATHS.mcpttId);
  if (mcpttId) profile.mcpttId = mcpttId;
  const organization = text(PATHS.organization);
  if (organization !== undefined) profile.organization = organization;
  const priority = text(PATHS.priority);
  if (priority !== undefined) profile.priority = integer(priority, 'Priority', 0, 255);
  const emergency = text(PATHS.emergencyGroup);
  if (emergency) profile.emergencyGroup = emergency;
  if (at(root, PATHS.privateCall.slice(0, -1))) {
    profile.privateCall = uris(PATHS.privateCall);
  }
  if (at(root, PATHS.groups.slice(0, -1))) {
    profile.groups = uris(PATHS.groups);
  }
  const max = text(PATHS.maxAffiliations);
  if (max !== undefined) profile.maxAffiliations = integer(max, 'MaxAffiliationsN2', 0, 65535);
  profile.xml = xml;
  return profile;
}

function text_(node: XmlNode, child: string): string {
  const c = elements(node, child)[0];
  return c ? textOf(c) : '';
}

const SKELETON = `<?xml version="1.0" encoding="UTF-8"?><${PROFILE_ROOT} xmlns="${PROFILE_NAMESPACE}"></${PROFILE_ROOT}>`;

/** Writes into a template document: mapped elements updated in place, every other element kept as it was. */
class Writer {
  constructor(
    private readonly root: XmlNode,
    private readonly prefix: string,
  ) {}

  private make(name: string, children: XmlNode[] = []): XmlNode {
    return { [this.prefix + name]: children };
  }

  /** The element at path, created (appended to its parent) where missing. */
  private ensure(path: readonly string[]): XmlNode {
    let current = this.root;
    for (const name of path) {
      let next = elements(current, name)[0];
      if (!next) {
        next = this.make(name);
        childrenOf(current).push(next);
      }
      current = next;
    }
    return current;
  }

  private remove(path: readonly string[]) {
    const parent = at(this.root, path.slice(0, -1));
    if (!parent) return;
    const name = path[path.length - 1] as string;
    const kids = childrenOf(parent);
    const keep = kids.filter((k) => localName(tagOf(k) ?? '') !== name);
    kids.splice(0, kids.length, ...keep);
  }

  text(path: readonly string[], value: string | number | boolean | undefined) {
    if (value === undefined) return this.remove(path);
    const node = this.ensure(path);
    const kids = childrenOf(node);
    kids.splice(0, kids.length, { '#text': String(value) });
  }

  flag(path: readonly string[], value: boolean | undefined) {
    if (value) {
      const node = this.ensure(path);
      const kids = childrenOf(node);
      if (kids.some((k) => k['#text'] === 'false' || k['#text'] === '0')) kids.splice(0, kids.length);
    } else this.remove(path);
  }

  /** A list of `<item><uri-entry>…</uri-entry></item>`: items kept in place (with their other content) or removed; new ones appended. */
  list(path: readonly string[], uris: readonly string[] | undefined) {
    if (uris === undefined) return this.remove(path.slice(0, -1));
    const parent = this.ensure(path.slice(0, -1));
    const name = path[path.length - 1] as string;
    const kids = childrenOf(parent);
    const wanted = new Set(uris);
    const present = new Set<string>();
    const kept = kids.filter((k) => {
      if (localName(tagOf(k) ?? '') !== name) return true;
      const uri = text_(k, 'uri-entry');
      if (!wanted.has(uri) || present.has(uri)) return false;
      present.add(uri);
      return true;
    });
    const added = uris
      .filter((u) => !present.has(u) && (present.add(u), true))
      .map((u) => this.make(name, [this.make('uri-entry', [{ '#text': u }])]));
    let last = -1;
    kept.forEach((k, i) => {
      if (localName(tagOf(k) ?? '') === name) last = i;
    });
    kept.splice(last === -1 ? kept.length : last + 1, 0, ...added);
    kids.splice(0, kids.length, ...kept);
  }
}

/**
 * A Profile as a TS 24.484 document, built with fast-xml-parser. A profile imported from a document (its `xml` field)
 * is written back into that document: mapped elements updated in place, all others kept.
 */
export function toProfileXml(profile: Profile): string {
  let tree: XmlNode[];
  let parsed: { root: XmlNode; tag: string };
  try {
    tree = parseTree(typeof profile.xml === 'string' ? profile.xml : SKELETON);
    parsed = rootOf(tree);
  } catch {
    tree = parseTree(SKELETON);
    parsed = rootOf(tree);
  }
  const { root, tag } = parsed;
  const prefix = tag.includes(':') ? tag.slice(0, tag.indexOf(':') + 1) : '';
  const attrs: Attributes = { ...(root[':@'] ?? {}) };
  if (profile.mcpttId !== undefined) attrs['@_XUI-URI'] = profile.mcpttId;
  attrs['@_user-profile-index'] = String(profile.index);
  root[':@'] = attrs;

  const w = new Writer(root, prefix);
  w.text(PATHS.name, profile.name);
  w.flag(PATHS.preSelected, profile.preSelected);
  w.text(PATHS.status, profile.status);
  w.text(PATHS.mcpttId, profile.mcpttId);
  w.text(PATHS.organization, profile.organization);
  w.list(PATHS.privateCall, profile.privateCall);
  w.text(PATHS.emergencyGroup, profile.emergencyGroup);
  w.text(PATHS.priority, profile.priority);
  w.list(PATHS.groups, profile.groups);
  w.text(PATHS.maxAffiliations, profile.maxAffiliations);

  if (!tree.some((n) => '?xml' in n)) {
    tree.unshift({ '?xml': [{ '#text': '' }], ':@': { '@_version': '1.0', '@_encoding': 'UTF-8' } });
  }
  return `${builder.build(tree).trim()}\n`;
}
