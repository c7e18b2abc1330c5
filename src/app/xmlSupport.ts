/**
 * TS 24.484 documents in the page. The XML library is loaded only when a document is met (an imported profile, a
 * scenario with `{ "xml": … }` profiles, a download as XML), so that the first view stays small.
 */
import type { ParseOptions } from '../core/model/scenario';

type XmlModule = typeof import('../core/xml/profileXml');

let loaded: XmlModule | null = null;
let loading: Promise<XmlModule> | null = null;

export function loadXmlSupport(): Promise<XmlModule> {
  loading ??= import('../core/xml/profileXml').then((module) => (loaded = module));
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** Options for the core's scenario parser: with the document reader once it is loaded. */
export function parseOptions(): ParseOptions {
  return loaded ? { readProfileXml: loaded.parseProfileXml } : {};
}

/** Whether a scenario (as text or value) has profiles given as documents. */
export function mentionsXml(scenario: unknown): boolean {
  const text = typeof scenario === 'string' ? scenario : JSON.stringify(scenario ?? null);
  return text.includes('"xml"');
}
