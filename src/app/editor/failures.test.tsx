// @vitest-environment jsdom
/**
 * What the editor does when a file cannot be read or the XML reader cannot be loaded (a dropped connection, a newer
 * build on the server): a notice names the file and the reason, and nothing the user had is lost. Before, such an
 * Import's rejection was voided and the click did nothing at all.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Notices } from '../Notices';
import { useApp } from '../store';
import { Editor } from './Editor';
import { useFreshStore } from './testing';

const LOAD_ERROR = 'Failed to fetch dynamically imported module';

vi.mock('../xmlSupport', async (importOriginal) => {
  const real = await importOriginal<typeof import('../xmlSupport')>();
  return { ...real, loadXmlSupport: () => Promise.reject(new Error(LOAD_ERROR)) };
});

/** A chosen file whose text is `text`, or whose reading fails with `failure`. */
function chosen(name: string, content: string | Error): File {
  const file = new File([typeof content === 'string' ? content : ''], name);
  // jsdom's File has no text(); the browser's has.
  Object.assign(file, {
    text: () => (typeof content === 'string' ? Promise.resolve(content) : Promise.reject(content)),
  });
  return file;
}

function renderEditor() {
  render(
    <>
      <Notices />
      <Editor />
    </>,
  );
}

describe('a failed Import is a notice, and the scenario is kept', () => {
  useFreshStore();

  it('a scenario file that cannot be read', async () => {
    renderEditor();
    const before = useApp.getState().scenario;
    const failure = new DOMException('The file could not be read.', 'NotReadableError');
    fireEvent.change(screen.getByLabelText('Import'), { target: { files: [chosen('moved.json', failure)] } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      '“moved.json” could not be imported: The file could not be read. Nothing was changed.',
    );
    expect(useApp.getState().scenario).toBe(before);
  });

  it('a scenario with profile documents while the XML reader cannot be loaded', async () => {
    renderEditor();
    const before = useApp.getState().scenario;
    const text = JSON.stringify({ ...before, primary: { ...before.primary, profiles: [{ xml: '<x/>' }] } });
    fireEvent.change(screen.getByLabelText('Import'), { target: { files: [chosen('docs.json', text)] } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      `“docs.json” could not be imported: ${LOAD_ERROR}. Nothing was changed.`,
    );
    expect(useApp.getState().scenario).toBe(before);
  });

  it('a profile document while the XML reader cannot be loaded', async () => {
    renderEditor();
    const before = useApp.getState().scenario;
    fireEvent.change(screen.getByLabelText('Import profile (XML)'), {
      target: { files: [chosen('profile.xml', '<mcptt-user-profile/>')] },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      `“profile.xml” could not be imported: ${LOAD_ERROR}. Nothing was changed.`,
    );
    expect(useApp.getState().scenario).toBe(before);
  });

  it('Download resulting profile (XML) while the XML reader cannot be loaded', async () => {
    renderEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Download resulting profile (XML)' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(`The resulting profile (XML) could not be made: ${LOAD_ERROR}.`);
  });
});
