/**
 * Every user-editable string of the editor and the review notes, given every hostile payload in turn (each field
 * from a fresh start): the diagram is still drawn, nothing runs, no console error, and the text shows as typed wherever
 * the page shows it (the SVG too, for the system ids).
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test, type EditorPage, type PlayerPage } from './fixtures';
import { eachAfresh } from './afresh';
import { PAYLOADS, expectDiagram, expectNotPwned, shownInDiagram } from './hostile';

type Shape = 'line' | 'list' | 'note';

interface FieldCase {
  /** The fieldset (legend) and the label of the field. */
  group: string;
  label: string;
  shape: Shape;
  /** Where the page shows the value, besides the field itself (none: the field alone). */
  shows?: (page: Page, player: PlayerPage, editor: EditorPage) => Locator;
  /** The SVG shows it too (a system id in its box), cut at this many characters. */
  diagram?: number;
  procedure?: string;
}

const result = (_: Page, __: PlayerPage, editor: EditorPage) => editor.result;
const entities = (page: Page) => page.getByRole('region', { name: /^Entities after/ });

const FIELDS: FieldCase[] = [
  { group: 'User and UE', label: 'Title', shape: 'line' },
  { group: 'User and UE', label: 'MCPTT ID', shape: 'line', shows: entities },
  { group: 'Primary MC system', label: 'Primary system id', shape: 'line', shows: entities, diagram: 60 },
  { group: 'Partner MC system', label: 'Partner system id', shape: 'line', shows: result, diagram: 60 },
  { group: 'Profile 2', label: 'Name', shape: 'line', shows: result },
  // the migration profile must be the user's: another MC service ID leaves none (an error run)
  { group: 'Profile 2', label: 'MC service ID (mcpttId)', shape: 'line' },
  { group: 'Profile 2', label: 'Organization', shape: 'line', shows: result },
  { group: 'Profile 2', label: 'Groups (one URI a line)', shape: 'list', shows: result },
  { group: 'Profile 2', label: 'Emergency group', shape: 'line', shows: result },
  { group: 'Profile 2', label: 'Private call list (one URI a line)', shape: 'list', shows: result },
  { group: 'Profile 2', label: 'Service areas (one a line)', shape: 'list', shows: result },
  // no longer naming the partner: no migration profile, the error reaches the diagram
  { group: 'Profile 2', label: 'Migration partners (one system id a line, * = any)', shape: 'list' },
  { group: 'Profile 1', label: 'Name', shape: 'line', procedure: '10.1.4.3.1', shows: result },
  { group: 'Local policy', label: 'Service areas (areas, one a line)', shape: 'list' },
  { group: 'Local policy', label: 'Allowed groups (groups.allow, one URI a line)', shape: 'list' },
  { group: 'Local policy', label: 'Added groups (groups.add, one URI a line)', shape: 'list', shows: result },
  {
    group: 'Validation rules',
    label: 'Required groups (requiredGroups, one URI a line)',
    shape: 'list',
    procedure: '10.1.4.3.2',
  },
  {
    group: 'Current step',
    label: 'Review note for step 2',
    shape: 'note',
    shows: (_, player) => player.items.nth(1),
  },
];

/** What the field holds once the text is typed (a text input turns a line break into a space). */
function typed(shape: Shape, text: string): string {
  return shape === 'line' ? text.replace(/\r?\n/g, ' ') : text;
}

/** The strings the page shows for it: one item a line for a list, the whole text otherwise. */
function displayed(shape: Shape, text: string): string[] {
  if (shape === 'list') return text.split('\n').map((line) => line.trim());
  return [typed(shape, text).replace(/\s+/g, ' ').trim()];
}

// Mermaid lays a long title out on several lines (tspans), hyphenating a word too long for one
const squeeze = (text: string) => text.replace(/[\s-]+/g, '');
/** The drawn text of the SVG (its style sheet left out). */
const svgText = (player: PlayerPage) =>
  player.svg.evaluate((svg) => [...svg.querySelectorAll('text')].map((t) => t.textContent).join('\n'));
/** What Mermaid leaves of an entity code it split (its placeholder ﬂ°°NN¶ß, or a bare °NN;). */
const BROKEN = /[ﬂ¶]|°\d|&-/;

// Four tests of a few fields each (a test per field spent most of its time opening a new browser): each field starts
// afresh on the test's page (nothing stored, the page opened at its own address), as it did in a page of its own.
const TESTS = 4;
const BATCHES = Array.from({ length: TESTS }, (_, k) => FIELDS.filter((_, i) => i % TESTS === k));

for (const batch of BATCHES) {
  test(`hostile input: ${batch.map((f) => `${f.group} › ${f.label}`).join('; ')}`, async ({
    editor,
    page,
    player,
  }) => {
    test.slow(); // a few fields, each with every payload
    await eachAfresh(
      { editor, page, player },
      batch.map((field) => [
        `${field.group} › ${field.label}`,
        async ({ editor, page, player }) => {
          await player.open(`?procedure=${field.procedure ?? '10.1.4.3.3'}&step=2`);
          const input =
            field.shape === 'note'
              ? page
                  .getByRole('region', { name: field.group, exact: true })
                  .getByLabel(field.label, { exact: true })
              : editor.group(field.group).getByLabel(field.label, { exact: true });
          await expect(input).toBeEditable();

          for (const payload of PAYLOADS) {
            await test.step(payload.name, async () => {
              await input.fill(payload.text);
              // taken as typed: valid, and the field holds it
              await expect(input).toHaveValue(typed(field.shape, payload.text));
              await expect(input).not.toHaveAttribute('aria-invalid', 'true');
              await expectDiagram(player);
              await expectNotPwned(page);
              if (field.shows) {
                const where = field.shows(page, player, editor);
                for (const text of displayed(field.shape, payload.text))
                  await expect(where).toContainText(text);
              }
              if (field.diagram) {
                // compared without white space and hyphens
                const literal = squeeze(shownInDiagram(typed(field.shape, payload.text), field.diagram));
                await expect
                  .poll(async () => squeeze(await svgText(player)), { message: 'the SVG text' })
                  .toContain(literal);
              }
              expect(await svgText(player), 'no broken entity codes in the SVG text').not.toMatch(BROKEN);
            });
          }
          // the page still steps
          await player.button('Next step').click();
          await expect(page).toHaveURL(/[?&]step=3(&|#|$)/);
          await expectNotPwned(page);
        },
      ]),
    );
  });
}
