import { formatIssues, parseScenario, type Scenario } from '../../core/scenario';

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
export function importText(name: string, text: string): ImportResult {
  const parsed = parseScenario(text);
  if (parsed.ok) return parsed;
  return {
    ok: false,
    message: `“${name}” is not a valid scenario: ${formatIssues(parsed.issues)}. The current scenario is kept.`,
  };
}

/** Offers `text` as a download named `name`. */
export function download(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
