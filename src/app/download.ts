/**
 * The one way the page offers a file: a Blob URL on a hidden `<a download>`, clicked. The URL is released a while
 * later, not at once: some browsers read it after the click has returned.
 */
export const REVOKE_AFTER_MS = 30_000;

export function download(name: string, content: Blob | string, type = 'application/json'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
