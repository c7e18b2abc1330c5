import { useId, useState, type ReactNode } from 'react';
import { sameValue } from '../../core/model/profile';
import { useApp } from '../store';
import { tryEdit } from './actions';
import type { Conversion } from './convert';
import { getIn, setIn, type Path } from './paths';

/** What the user typed and the scenario value it was typed over: shown while that value has not changed since. */
interface Draft {
  text: string;
  basis: unknown;
  error: string | null;
}

/** A switch that makes the field's value absent (a policy rule off, a profile unrestricted in area). */
export interface Presence {
  label: string;
  /** Checked means absent ("Unrestricted"). */
  inverted?: boolean;
  /** What the switch removes, if not the field itself (the profile's `migration` for its partner list). */
  path?: Path;
  /** The value put back when the switch is turned on and the field holds nothing valid. */
  fallback: unknown;
}

export interface FieldProps {
  label: string;
  path: Path;
  conversion: Conversion;
  multiline?: boolean;
  hint?: ReactNode;
  presence?: Presence;
  numeric?: boolean;
}

/**
 * One scenario value as text. Every keystroke is checked by the core's schema: a valid value is applied at once,
 * an invalid one stays in the field with the schema's message and is not applied.
 */
export function Field({ label, path, conversion, multiline, hint, presence, numeric }: FieldProps) {
  const id = useId();
  const value = useApp((s) => getIn(s.scenario, path));
  const switched = useApp((s) => (presence ? getIn(s.scenario, presence.path ?? path) : value));
  const [draft, setDraft] = useState<Draft | null>(null);
  const live = draft && sameValue(draft.basis, value) ? draft : null;
  const present = switched !== undefined;
  // A switched-off field keeps showing what it held, so that switching it back on restores it.
  const text = live ? live.text : presence && !present && draft ? draft.text : conversion.format(value);
  const error = live?.error ?? null;

  const change = (next: string) => {
    const parsed = conversion.parse(next);
    const result = tryEdit(path, parsed);
    setDraft({ text: next, basis: result.ok ? parsed : value, error: result.ok ? null : result.message });
  };

  const toggle = (on: boolean) => {
    if (!presence) return;
    const togglePath = presence.path ?? path;
    if (!on) {
      setDraft({ text, basis: undefined, error: null });
      tryEdit(togglePath, undefined);
      return;
    }
    // Put back what the field held, if the schema takes it; else the fallback.
    const inner = presence.path ? path.slice(presence.path.length) : [];
    const restored = setIn(presence.fallback, inner, conversion.parse(text));
    if (restored !== undefined && tryEdit(togglePath, restored).ok) return;
    tryEdit(togglePath, presence.fallback);
    setDraft(null);
  };

  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value: text,
    disabled: !!presence && !present,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    spellCheck: false,
  } as const;

  return (
    <div className={`editor-field${error ? ' editor-field-invalid' : ''}`}>
      {presence && (
        <label className="editor-presence">
          <input
            type="checkbox"
            checked={presence.inverted ? !present : present}
            onChange={(e) => toggle(presence.inverted ? !e.target.checked : e.target.checked)}
          />
          {presence.label}
        </label>
      )}
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          {...common}
          rows={Math.min(6, Math.max(2, text.split('\n').length))}
          onChange={(e) => change(e.target.value)}
        />
      ) : (
        <input
          {...common}
          type="text"
          inputMode={numeric ? 'numeric' : undefined}
          onChange={(e) => change(e.target.value)}
        />
      )}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="editor-field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A yes/no value, written as `true`, and as `false` or (`absentWhenOff`) nothing. */
export function CheckField({
  label,
  path,
  absentWhenOff = false,
  isOn = (v) => v === true,
}: {
  label: string;
  path: Path;
  absentWhenOff?: boolean;
  isOn?: (value: unknown) => boolean;
}) {
  const value = useApp((s) => getIn(s.scenario, path));
  const off = absentWhenOff ? undefined : false;
  return (
    <div className="editor-field editor-field-check">
      <label>
        <input
          type="checkbox"
          checked={isOn(value)}
          onChange={(e) => tryEdit(path, e.target.checked ? true : off)}
        />
        {label}
      </label>
    </div>
  );
}
