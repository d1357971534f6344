import { expect, type Page } from '@playwright/test';
import type { Client } from '../../../shared/api/index.js';

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

  /** Calls the app's API as the page does (same token, same host): how tests set up data. */
  async api<M extends keyof Client>(method: M, input: Parameters<Client[M]>[0]): Promise<Awaited<ReturnType<Client[M]>>> {
    const result = await this.page.evaluate(
      async ([m, body]) => {
        const response = await fetch(`./api/${m}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Cairn-Token': sessionStorage.getItem('cairn.token') ?? '' },
          body: JSON.stringify(body),
        });
        return response.json();
      },
      [method, input] as const,
    );
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  }

  async goTo(label: 'Decisions' | 'Compare' | 'Timeline' | 'Relations') {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
  }

  /** One click on a facet value in the decision list (or, when it is already on, off). */
  async filterBy(facet: string, value: string) {
    await this.page.getByRole('group', { name: facet }).getByRole('button', { name: new RegExp(`^${value} \\d+$`) }).click();
  }

  decisionRows() {
    return this.page.getByRole('table').getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  async selectForComparison(title: string) {
    await this.page.getByRole('checkbox', { name: new RegExp(`${title} to compare$`) }).check();
  }

  async compareSelected() {
    await this.page.getByRole('button', { name: 'Compare side by side' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Compare decisions' })).toBeVisible();
  }
}
