import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useRun } from '../useRun';

const DRAWER_ID = 'scenario-editor';

/**
 * A phone's editor (below 600 px, styles.css): a full-height drawer opened from a button at the top of the page, so
 * that an edit's effect is in sight while editing: a one-line summary of the Resulting profile (the run's outcome,
 * the policy's changes) stays at the drawer's top. Esc or Close shuts it and gives the focus back to the button.
 * Wider, the editor is beside or under the player as before: the button and the summary are not shown.
 */
export function useEditorDrawer() {
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);

  const toggle = (
    <button
      ref={toggleRef}
      type="button"
      className="btn editor-drawer-toggle"
      aria-expanded={open}
      aria-controls={DRAWER_ID}
      onClick={() => setOpen((o) => !o)}
    >
      Scenario editor
    </button>
  );
  const asideProps = {
    id: DRAWER_ID,
    'data-drawer': open ? 'open' : 'closed',
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === 'Escape' && open) {
        event.preventDefault();
        close();
      }
    },
  };
  const head = (
    <div className="editor-drawer-head">
      <DrawerSummary />
      <button ref={closeRef} type="button" className="btn" onClick={close}>
        Close
      </button>
    </div>
  );
  return { open, toggle, asideProps, head };
}

/** The Resulting profile in one line: what the run ended with and how many changes the partner's policy made. */
function DrawerSummary(): ReactNode {
  const { run } = useRun();
  const n = run.changes.length;
  return (
    <p className="editor-drawer-summary" role="status" aria-label="Result summary">
      <span className="editor-drawer-outcome">
        {run.procedure}: {run.outcome}
      </span>{' '}
      · {n} {n === 1 ? 'change' : 'changes'} by the partner’s policy
    </p>
  );
}
