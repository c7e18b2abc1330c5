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

  async rule(name: string, on: boolean): Promise<void> {
    await this.field('Local policy', `Apply rule ${name}`).setChecked(on);
  }
}
