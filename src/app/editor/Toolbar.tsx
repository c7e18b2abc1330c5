import { useEffect, useId, useState } from 'react';
import { findPreset, PRESETS } from '../../core/model/presets';
import { buildEmbedCode } from '../embed/embedCode';
import { useApp, type AppState } from '../store';
import { procedureFor, redo, replaceScenario, undo } from './actions';
import { download } from '../download';
import { exportName, exportText, importText } from './file';
import { FileButton } from './FileButton';
import { buildLink } from './link';

const TEXT_INPUTS = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'file',
  'range',
  'color',
  'image',
]);

/** Whether keys typed here belong to a text field (whose own undo wins). */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !TEXT_INPUTS.has(target.type);
}

/** Ctrl+Z undoes, Ctrl+Shift+Z (or Ctrl+Y) redoes, unless the focus is in a text field. */
function useUndoKeys() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isTextField(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function Presets() {
  const id = useId();
  const [chosen, setChosen] = useState(PRESETS[0]?.id ?? '');
  const preset = findPreset(chosen);
  return (
    <div className="editor-presets">
      <label htmlFor={id}>Preset</label>
      <div className="editor-inline">
        <select id={id} value={chosen} onChange={(e) => setChosen(e.target.value)}>
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn"
          onClick={() => preset && replaceScenario(structuredClone(preset.scenario), preset.procedure, 0)}
        >
          Load preset
        </button>
      </div>
      {preset && (
        <p className="hint">
          {/* What Load preset would load: the preset chosen here, not the scenario on the page. */}
          {preset.description} (loads it and opens {preset.procedure})
        </p>
      )}
    </div>
  );
}

/**
 * Copies what `build` makes of the current state (a link, an embed snippet) to the clipboard and says so; without a
 * clipboard, shows it in a field to copy from.
 */
function CopyButton({
  label,
  build,
  copiedText,
  fallbackLabel,
}: {
  label: string;
  build: (state: AppState) => string;
  copiedText: string;
  fallbackLabel: string;
}) {
  const fieldId = useId();
  const [copied, setCopied] = useState<string | null>(null);
  const [fallback, setFallback] = useState<string | null>(null);
  const copy = async () => {
    const text = build(useApp.getState());
    setCopied(null);
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setFallback(null);
      setCopied(copiedText);
    } catch {
      setFallback(text);
    }
  };
  return (
    <>
      <button type="button" className="btn" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="editor-status">
        {copied}
      </span>
      {fallback !== null && (
        <div className="editor-field editor-link-fallback">
          <label htmlFor={fieldId}>{fallbackLabel}</label>
          <input id={fieldId} readOnly value={fallback} onFocus={(e) => e.target.select()} />
        </div>
      )}
    </>
  );
}

function CopyLink() {
  return (
    <CopyButton
      label="Copy link"
      build={(s) => buildLink(window.location.href, s.procedure, s.step, s.scenario)}
      copiedText="Link copied to the clipboard."
      fallbackLabel="Link to this scenario (the clipboard is unavailable: copy it from here)"
    />
  );
}

/** CONTRACT.md §8: an iframe of the embedded page (`?embed=1`) at this scenario, procedure and step. */
function CopyEmbedCode() {
  return (
    <CopyButton
      label="Copy embed code"
      build={(s) => buildEmbedCode(window.location.href, s.procedure, s.step, s.scenario)}
      copiedText="Embed code copied to the clipboard."
      fallbackLabel="Embed code for a course page (the clipboard is unavailable: copy it from here)"
    />
  );
}

function ImportExport() {
  const [status, setStatus] = useState<string | null>(null);
  const onText = async (name: string, text: string) => {
    setStatus(null);
    const result = await importText(name, text);
    if (!result.ok) {
      useApp.getState().notify(result.message);
      return;
    }
    replaceScenario(result.scenario, procedureFor(result.scenario, useApp.getState().procedure), 0);
    setStatus(`Imported “${name}”.`);
  };
  return (
    <>
      <FileButton label="Import" accept=".json,application/json" onText={onText} />
      <button
        type="button"
        className="btn"
        onClick={() => {
          const { scenario } = useApp.getState();
          download(exportName(scenario), exportText(scenario));
        }}
      >
        Export
      </button>
      <span role="status" className="editor-status">
        {status}
      </span>
    </>
  );
}

/** Presets, undo/redo, share and files: what acts on the scenario as a whole. */
export function Toolbar() {
  useUndoKeys();
  const canUndo = useApp((s) => s.past.length > 0);
  const canRedo = useApp((s) => s.future.length > 0);
  return (
    <div className="editor-toolbar">
      <Presets />
      <div className="editor-inline" role="group" aria-label="Scenario actions">
        <button
          type="button"
          className="btn"
          onClick={undo}
          disabled={!canUndo}
          aria-keyshortcuts="Control+Z"
        >
          Undo
        </button>
        <button
          type="button"
          className="btn"
          onClick={redo}
          disabled={!canRedo}
          aria-keyshortcuts="Control+Shift+Z"
        >
          Redo
        </button>
        <ImportExport />
        <CopyLink />
        <CopyEmbedCode />
      </div>
    </div>
  );
}
