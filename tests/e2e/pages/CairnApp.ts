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
}
