import { useId, type ChangeEvent } from 'react';

/**
 * A button that opens a file: reads the chosen file as text and hands it over (the input is cleared, so the same
 * file can be chosen again).
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
    if (file) await onText(file.name, await file.text());
  };
  return (
    <>
      <input
        id={inputId}
        type="file"
        accept={accept}
        className="visually-hidden"
        onChange={(e) => void onChange(e)}
      />
      <label htmlFor={inputId} className="button file-button">
        {label}
      </label>
    </>
  );
}
