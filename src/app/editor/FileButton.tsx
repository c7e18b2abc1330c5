import { useId, type ChangeEvent } from 'react';
import { useApp } from '../store';

/**
 * A button that opens a file: reads the chosen file as text and hands it over (the input is cleared, so the same
 * file can be chosen again). A file that cannot be read, or a handler that fails (e.g. the XML reader cannot be
 * loaded), is a notice: an Import never fails silently.
 */
export function FileButton({
  label,
  accept,
  onText,
}: {
  label: string;
  accept: string;
  onText: (name: string, text: string) => void | Promise<void>;
}) {
  const inputId = useId();
  const onChange = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      await onText(file.name, await file.text());
    } catch (error) {
      // A DOMException (an unreadable file) is an Error in browsers, but not in every DOM; its message ends in a stop.
      const message = error instanceof Error || error instanceof DOMException ? error.message : String(error);
      const reason = message.replace(/\.$/, '');
      useApp.getState().notify(`“${file.name}” could not be imported: ${reason}. Nothing was changed.`);
    }
  };
  return (
    <>
      <input
        id={inputId}
        type="file"
        accept={accept}
        className="visually-hidden"
        // onChange reports its own failures.
        onChange={(e) => void onChange(e)}
      />
      <label htmlFor={inputId} className="btn editor-file-button">
        {label}
      </label>
    </>
  );
}
