import { expect, type Locator, type Page } from '@playwright/test';

/** The scenario editor and the Resulting profile, by role and label (what a user sees). */
export class EditorPage {
  constructor(readonly page: Page) {}

  get aside(): Locator {
    return this.page.getByRole('complementary', { name: 'Scenario editor' });
  }

  get result(): Locator {
    return this.page.getByRole('region', { name: 'Resulting profile' });
  }

  /** The list of the policy's changes, one item per change naming its rule. */
  get changes(): Locator {
    return this.result.getByRole('list', { name: 'Changes', exact: true });
  }

  change(field: string): Locator {
    return this.changes.getByRole('listitem').filter({ hasText: new RegExp(`^${field}:`) });
  }

  group(name: string): Locator {
    return this.aside.getByRole('group', { name, exact: true });
  }

  field(group: string, label: string): Locator {
    return this.group(group).getByLabel(label, { exact: true });
  }

  /** The value the client ends with for a field (the last cell of its row). */
  resulting(field: string): Locator {
    return this.result
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: field, exact: true }) })
      .getByRole('cell')
      .last();
  }

  button(name: string): Locator {
    return this.aside.getByRole('button', { name, exact: true });
  }

  /** Fills a field and checks the schema took it. */
  async set(group: string, label: string, value: string): Promise<void> {
    const field = this.field(group, label);
    await field.fill(value);
    await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  }

  /** The editor's file input for a whole scenario (Import). */
  get importInput(): Locator {
    return this.aside.getByLabel('Import', { exact: true });
  }

  /** Chooses a scenario file (text, or a path on disk) for Import. */
  async importScenario(file: string | { name: string; text: string }): Promise<void> {
    await this.importInput.setInputFiles(
      typeof file === 'string'
        ? file
        : { name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) },
    );
  }

  /** Chooses a TS 24.484 document for "Import profile (XML)". */
  async importProfile(name: string, text: string): Promise<void> {
    await this.aside
      .getByLabel('Import profile (XML)')
      .setInputFiles({ name, mimeType: 'application/xml', buffer: Buffer.from(text) });
  }

  async rule(name: string, on: boolean): Promise<void> {
    await this.field('Local policy', `Apply rule ${name}`).setChecked(on);
  }
}
