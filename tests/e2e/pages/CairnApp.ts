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

  /** The welcome screen an empty store opens on. */
  async expectWelcome() {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Welcome to Cairn' })).toBeVisible();
  }

  async createSampleDecision() {
    await this.page.goto(this.url.replace(/#.*/, '') + '#/welcome');
    await this.expectWelcome();
    await this.page.getByRole('button', { name: 'Create a sample decision' }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText('Sample:');
  }

  async openHelp() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Help' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Help' })).toBeVisible();
  }

  /** Picks a theme in the sidebar: System, Light or Dark. */
  async chooseTheme(label: 'System' | 'Light' | 'Dark') {
    await this.page.getByRole('navigation', { name: 'Main' }).getByLabel('Theme').selectOption({ label });
  }

  /** The theme the page shows: what `data-theme` pins, or the OS preference when it follows the system. */
  async shownTheme(): Promise<'light' | 'dark'> {
    return this.page.evaluate(() => {
      const pinned = document.documentElement.dataset.theme;
      if (pinned === 'light' || pinned === 'dark') return pinned;
      return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    });
  }

  /** Moves focus off any field, so single-key shortcuts apply. */
  async leaveFields() {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
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
