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

  async openLibraryPack(title: string) {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
    await this.page.getByRole('link', { name: title }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  async fill(label: string, value: string) {
    await this.field(label).fill(value);
  }

  async waitUntilSaved() {
    await expect(this.page.getByRole('status')).toHaveText('All changes saved');
  }

  /** The export dialog, opened from the list (all decisions) or from an open decision (that one). */
  exportDialog() {
    return this.page.getByRole('dialog', { name: /^Export / });
  }

  async openExport() {
    await this.page.getByRole('button', { name: 'Export…' }).click();
    await expect(this.exportDialog()).toBeVisible();
  }

  async previewExport(dir: string, format?: 'MADR 4' | 'Nygard (adr-tools)') {
    const dialog = this.exportDialog();
    await dialog.getByLabel('Repository or ADR folder').fill(dir);
    if (format) await dialog.getByLabel('Format').selectOption({ label: format });
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(dialog.getByRole('region', { name: 'Files to be written' })).toBeVisible();
  }

  /** Shows one planned file's text and returns the element holding it. */
  async showExportedText(file: string) {
    const dialog = this.exportDialog();
    await dialog.getByRole('button', { name: new RegExp(file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
    return dialog.getByLabel(`Text of ${file}`);
  }

  async writeExport() {
    const dialog = this.exportDialog();
    await dialog.getByRole('button', { name: /^Write \d+ files?$/ }).click();
    const result = dialog.getByRole('status', { name: 'Export result' });
    await expect(result).toBeVisible();
    return result;
  }

  async closeExport() {
    await this.exportDialog().getByRole('button', { name: 'Close' }).click();
    await expect(this.exportDialog()).toBeHidden();
  }
}
