import { download } from './download';
import type { NoticeAction } from './notice';
import { restoreReplaced } from './openLink';
import { discardKept, keptFileName, keptText } from './savedSession';
import { useApp } from './store';

const LABELS: Record<NoticeAction['kind'], string> = {
  restore: 'Restore',
  'download-kept': 'Download it',
  'discard-kept': 'Discard it',
  update: 'Reload',
};

/** Does what the action says; true when the notice has done its work and goes. */
function act(action: NoticeAction): boolean {
  switch (action.kind) {
    case 'restore':
      restoreReplaced();
      return true;
    case 'download-kept': {
      const text = keptText(action.key);
      if (text !== null) download(keptFileName(action.key, text), text, 'text/plain');
      return text === null;
    }
    case 'discard-kept':
      discardKept(action.key);
      return true;
    case 'update':
      // Loaded already: the notice comes from it (src/app/offline/).
      void import('./offline/registerOffline').then((m) => m.applyUpdate());
      return true;
  }
}

/**
 * Messages about bad input (URL, storage, files), shown with role="alert", and news such as a link's scenario
 * opened (role="status"); dismissible, never blocking, some with actions.
 */
export function Notices() {
  const notices = useApp((s) => s.notices);
  const dismiss = useApp((s) => s.dismiss);
  if (!notices.length) return null;
  return (
    <div className="app-notices">
      {notices.map((n) => (
        <div
          key={n.id}
          role={n.tone === 'info' ? 'status' : 'alert'}
          className={`app-notice${n.tone === 'info' ? ' app-notice-info' : ''}`}
        >
          <span>{n.text}</span>
          {n.actions?.length ? (
            <span className="app-notice-actions">
              {n.actions.map((action) => (
                <button
                  key={action.kind}
                  type="button"
                  className="btn"
                  onClick={() => {
                    if (act(action)) dismiss(n.id);
                  }}
                >
                  {LABELS[action.kind]}
                </button>
              ))}
            </span>
          ) : null}
          <button
            type="button"
            className="btn btn-quiet app-notice-dismiss"
            onClick={() => dismiss(n.id)}
            aria-label="Dismiss message"
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
