// @vitest-environment jsdom
import { blobText } from './blobText.testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REVOKE_AFTER_MS, download } from './download';

const textOf = blobText;

describe('download', () => {
  const made: Blob[] = [];
  const revoked: string[] = [];
  const clicked: { href: string; name: string; hidden: boolean; attached: boolean }[] = [];

  beforeEach(() => {
    made.length = revoked.length = clicked.length = 0;
    URL.createObjectURL = (blob: Blob) => {
      made.push(blob);
      return `blob:test/${made.length}`;
    };
    URL.revokeObjectURL = (url: string) => void revoked.push(url);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({
        href: this.href,
        name: this.download,
        hidden: this.hidden === true,
        attached: this.isConnected,
      });
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('offers text as a file of its type, through a hidden link that is gone afterwards', async () => {
    download('scenario.json', '{"a":1}');
    expect(clicked).toEqual([{ href: 'blob:test/1', name: 'scenario.json', hidden: true, attached: true }]);
    expect(made[0]!.type).toBe('application/json');
    expect(await textOf(made[0]!)).toBe('{"a":1}');
    expect(document.querySelectorAll('a')).toHaveLength(0);
  });

  it('offers a Blob as it is', () => {
    const blob = new Blob(['<svg/>'], { type: 'image/svg+xml' });
    download('d.svg', blob, 'ignored/type');
    expect(made[0]).toBe(blob);
  });

  it('releases the URL a while after the click, not at once', () => {
    vi.useFakeTimers();
    download('a.md', '# a', 'text/markdown');
    vi.advanceTimersByTime(1000);
    expect(revoked).toEqual([]);
    vi.advanceTimersByTime(REVOKE_AFTER_MS);
    expect(revoked).toEqual(['blob:test/1']);
  });

  it('is the one the editor and the review downloads use', async () => {
    const { readFileSync } = await import('node:fs');
    for (const file of ['editor/Toolbar.tsx', 'editor/ResultingProfile.tsx', 'review/Downloads.tsx']) {
      const text = readFileSync(new URL(file, import.meta.url), 'utf8');
      expect(text, file).toContain("import { download } from '../download';");
      expect(text, file).not.toMatch(/createObjectURL|saveFile/);
    }
  });
});
