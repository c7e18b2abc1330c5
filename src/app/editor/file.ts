import type { Profile } from '../../core/model/profile';
import { formatIssues, parseScenario, type Scenario } from '../../core/model/scenario';
import { errorLine } from '../notice';
import { loadXmlSupport, mentionsXml, parseOptions } from '../xmlSupport';

/** A file name from the scenario's title: `officer-migrates-from-metro-to-county.json`. */
export function exportName(scenario: Scenario): string {
  const slug = (scenario.title ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'scenario'}.json`;
}

/** The scenario file, pretty-printed, as the simulator reads it. */
export function exportText(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

export type ImportResult = { ok: true; scenario: Scenario } | { ok: false; message: string };

/** Reads an imported file; a refusal names the JSON path of the problem (formatIssues). */
export async function importText(name: string, text: string): Promise<ImportResult> {
  // A scenario with profiles given as TS 24.484 documents needs the XML reader first.
  if (mentionsXml(text)) await loadXmlSupport();
  const refuse = (why: string): ImportResult => ({
    ok: false,
    message: `“${name}” is not a valid scenario: ${why}. The current scenario is kept.`,
  });
  try {
    // The core's parse checks the limits of CONTRACT.md §6 (size, strings, nesting), then JSON, then the schema.
    const parsed = parseScenario(text, parseOptions());
    return parsed.ok ? parsed : refuse(formatIssues(parsed.issues));
  } catch (error) {
    return refuse(errorLine(error));
  }
}

/** A TS 24.484 document read into a profile, or why not (one line naming the element). */
export async function importProfileDocument(
  name: string,
  text: string,
): Promise<{ ok: true; profile: Profile } | { ok: false; message: string }> {
  const xml = await loadXmlSupport();
  try {
    return { ok: true, profile: xml.parseProfileXml(text) };
  } catch (error) {
    if (!(error instanceof xml.ProfileXmlError)) throw error;
    return {
      ok: false,
      message: `“${name}” is not an MCPTT user profile document: ${error.message}. Nothing was changed.`,
    };
  }
}

/** The profiles as TS 24.484 documents, one after the other (as `sim --format xml` prints them). */
export async function profileDocuments(profiles: readonly Profile[]): Promise<string> {
  const xml = await loadXmlSupport();
  return profiles.map((p) => xml.toProfileXml(p)).join('');
}
