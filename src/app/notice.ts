/**
 * What the page tells the user (src/app/Notices.tsx): one line each, dismissible, some with actions. Actions are data
 * (a kind, and what it acts on), so that a notice made while the saved session is read needs no handler yet.
 */
export type NoticeAction =
  /** Brings back the scenario that a link replaced. */
  | { kind: 'restore' }
  /** Offers a saved session that could not be read (kept aside under `key`) as a file. */
  | { kind: 'download-kept'; key: string }
  /** Removes that kept-aside session. */
  | { kind: 'discard-kept'; key: string }
  /** Takes the new version of the app that is waiting (CONTRACT.md §9) and reloads the page on it. */
  | { kind: 'update' };

export interface Notice {
  id: number;
  text: string;
  /** `error` (the default): something was wrong, announced at once (`role="alert"`); `info`: a status. */
  tone?: 'error' | 'info';
  actions?: readonly NoticeAction[];
}

let lastId = 0;

export function newNotice(text: string, options: Omit<Notice, 'id' | 'text'> = {}): Notice {
  return { id: ++lastId, text, ...options };
}

/** An error as one line of a notice: its message's first line. */
export function errorLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]?.trim() || 'an unknown error';
}
