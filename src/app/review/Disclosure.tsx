import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/**
 * A disclosure: a real button (`aria-expanded`, `aria-controls`) that shows and hides the panel after it;
 * Escape, in the panel or on the button, closes it and gives the focus back to the button. Where the button is drawn
 * is the sheet's choice: `review.css` draws it on a narrow screen only and there hides the closed panel; on a wider
 * screen the panel is always shown (the button is not drawn, and the state does nothing).
 */
export function Disclosure({
  label,
  className,
  children,
}: {
  label: string;
  className: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useId();
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    event.stopPropagation();
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className={`review-disclosure ${className}`} data-open={open || undefined} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="btn review-disclosure-button"
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => setOpen(!open)}
      >
        {label}
        <span className="review-disclosure-mark" aria-hidden="true">
          {open ? '▴' : '▾'}
        </span>
      </button>
      <div id={panel} className="review-disclosure-panel">
        {children}
      </div>
    </div>
  );
}
