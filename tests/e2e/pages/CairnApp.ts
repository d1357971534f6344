import { expect, type Page } from '@playwright/test';

/** The app as a user sees it: methods are user intents, elements found by role and label. */
export class CairnApp {
  constructor(
    readonly page: Page,
    readonly url: string,
  ) {}

  async open() {
    await this.page.goto(this.url);
    await expect(this.page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  }

  async goToDecisions() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decisions' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Decisions' })).toBeVisible();
  }

  async createDecision(title: string) {
    await this.goToDecisions();
    await this.page.getByLabel('Title of a new decision').fill(title);
    await this.page.getByRole('button', { name: 'New decision' }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText(title);
  }

  async openDecision(title: string) {
    await this.goToDecisions();
    await this.page.getByRole('link', { name: title, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText(title);
  }

  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  async fill(label: string, value: string) {
    await this.field(label).fill(value);
  }

  /** Opens the import dialog, imports a folder and waits for the report; the dialog stays open. */
  async importFolder(dir: string) {
    await this.goToDecisions();
    await this.page.getByRole('button', { name: 'Import folder…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Import ADRs from a folder' });
    await dialog.getByLabel('Folder', { exact: true }).fill(dir);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByRole('region', { name: 'Import report' })).toBeVisible({ timeout: 60_000 });
    return dialog;
  }

  async closeImport() {
    await this.page.getByRole('dialog', { name: 'Import ADRs from a folder' }).getByRole('button', { name: 'Close' }).click();
  }

  relations() {
    return this.page.getByRole('region', { name: 'Relations' });
  }

  async addRelation(relation: string, decision: string) {
    const panel = this.relations();
    await panel.getByLabel('Relation', { exact: true }).selectOption({ label: relation });
    await panel.getByLabel('Decision', { exact: true }).selectOption({ label: decision });
    await panel.getByRole('button', { name: 'Add relation' }).click();
  }

  async waitUntilSaved() {
    await expect(this.page.getByRole('status')).toHaveText('All changes saved');
  }
}
