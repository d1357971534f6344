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

  /** Opens a decision from the list, which shows it rendered as its ADR (the read view). */
  async readDecision(title: string) {
    await this.goToDecisions();
    await this.page.getByRole('link', { name: title, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText(title);
    await expect(this.renderedAdr()).toBeVisible();
  }

  /** The rendered ADR of the read view. */
  renderedAdr() {
    return this.page.getByRole('region', { name: 'The ADR' });
  }

  /** Opens a decision from the list and then its editor (Edit on the read view). */
  async openDecision(title: string) {
    await this.readDecision(title);
    await this.page.getByRole('link', { name: 'Edit', exact: true }).click();
    await expect(this.page.getByLabel('Title', { exact: true })).toBeVisible();
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
    await this.page
      .getByRole('dialog', { name: 'Import ADRs from a folder' })
      .getByRole('button', { name: 'Close' })
      .click();
  }

  relations() {
    return this.page.getByRole('region', { name: 'Relations' });
  }

  async addRelation(relation: string, decision: string) {
    const panel = this.relations();
    await panel.getByLabel('Relation', { exact: true }).selectOption({ label: relation });
    // The decision is found by typing its name as the app writes it ("ADR 4: Log to local files").
    await panel.getByRole('combobox', { name: 'Decision', exact: true }).fill(decision);
    await panel.getByRole('option', { name: decision }).click();
    await panel.getByRole('button', { name: 'Add relation' }).click();
  }

  /** The editor's save state ("All changes saved", "Saving…"): one live region among others (a loading note is one too). */
  saveState() {
    return this.page.locator('.save-state[role="status"]');
  }

  async waitUntilSaved() {
    await expect(this.saveState()).toHaveText('All changes saved');
  }

  /** Calls the app's API as the page does (same token, same host): how tests set up data. */
  async api<M extends keyof Client>(
    method: M,
    input: Parameters<Client[M]>[0],
  ): Promise<Awaited<ReturnType<Client[M]>>> {
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
    await this.page
      .getByRole('group', { name: facet })
      .getByRole('button', { name: new RegExp(`^${value} \\d+$`) })
      .click();
  }

  decisionRows() {
    return this.page
      .getByRole('table')
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell') });
  }

  async selectForComparison(title: string) {
    await this.page.getByRole('checkbox', { name: new RegExp(`${title} to compare$`) }).check();
  }

  async compareSelected() {
    await this.page.getByRole('button', { name: 'Compare side by side' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Compare decisions' })).toBeVisible();
  }

  // The guided decision (wizard)

  /** Types the question as a new decision's title and starts the guided flow on it. */
  async startGuidedDecision(title: string) {
    await this.goToDecisions();
    await this.page.getByLabel('Title of a new decision').fill(title);
    await this.page.getByRole('button', { name: 'Start guided decision' }).click();
    await this.expectStep(1, 'Question and context');
  }

  async expectStep(n: number, title: string) {
    await expect(this.page.getByRole('heading', { level: 2, name: `Step ${n} of 5: ${title}` })).toBeVisible();
  }

  async nextStep() {
    await this.page.getByRole('button', { name: /^Next: / }).click();
  }

  async choosePack(name: string | RegExp) {
    await this.page.getByRole('group', { name: 'Knowledge pack' }).getByRole('radio', { name }).click();
    await expect(this.page.getByRole('group', { name: 'Knowledge pack' }).getByRole('radio', { name })).toBeChecked();
  }

  optionNames() {
    return this.page
      .getByRole('group', { name: 'Considered options' })
      .getByRole('textbox', { name: /^Name of option/ });
  }

  async addOption(name: string) {
    await this.page.getByLabel('Name of another option').fill(name);
    await this.page.getByRole('button', { name: 'Add option' }).click();
  }

  async removeOption(name: string) {
    await this.page.getByRole('button', { name: `Remove option ${name}` }).click();
  }

  async addCriterion(name: string, question = '') {
    await this.page.getByLabel('Criterion', { exact: true }).fill(name);
    await this.page.getByLabel('Guiding question (optional)').fill(question);
    await this.page.getByRole('button', { name: 'Add criterion' }).click();
  }

  weightOf(criterion: string, weight: number) {
    return this.page
      .getByRole('group', { name: criterion, exact: true })
      .getByRole('radio', { name: new RegExp(`^${weight} `) });
  }

  async setWeight(criterion: string, weight: number) {
    await this.weightOf(criterion, weight).check();
  }

  /** The evidence and score of one option under the criterion on screen. */
  optionEvidence(option: string) {
    return this.page.getByRole('region', { name: `${option}: evidence and score` });
  }

  async openCriterion(name: string) {
    await this.page
      .getByRole('navigation', { name: 'Criteria' })
      .getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}`) })
      .click();
    await expect(
      this.page.getByRole('heading', { level: 3, name: new RegExp(`^${escapeRegExp(name)}`) }),
    ).toBeVisible();
  }

  async addOwnClaim(option: string, claim: { effect?: 'Good' | 'Neutral' | 'Bad'; text: string; source?: string }) {
    const box = this.optionEvidence(option);
    await box.getByRole('button', { name: /Add your own claim/ }).click();
    if (claim.effect) await box.getByLabel('Effect').selectOption({ label: `${claim.effect} for ${option}` });
    await box.getByLabel('Claim', { exact: true }).fill(claim.text);
    if (claim.source) await box.getByLabel('Source (optional)').fill(claim.source);
    await box.getByRole('button', { name: 'Add claim' }).click();
    await expect(box.getByText(claim.text)).toBeVisible();
  }

  async setScore(option: string, value: number, note: string) {
    const box = this.optionEvidence(option);
    await box.getByRole('combobox', { name: /^Score/ }).selectOption(String(value));
    await box.getByRole('textbox', { name: new RegExp(`^Why ${value}\\?`) }).fill(note);
  }

  async chooseOption(name: string) {
    await this.page
      .getByRole('group', { name: 'Chosen option' })
      .getByRole('radio', { name: new RegExp(`^${escapeRegExp(name)}`) })
      .check();
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
    // A decision that belongs to a repository goes home by default; a named folder is the other choice.
    await expect(dialog.getByRole('status').filter({ hasText: 'Loading…' })).toHaveCount(0);
    const other = dialog.getByRole('radio', { name: 'Into another folder' });
    if (await other.isVisible()) await other.check();
    await dialog.getByLabel('Repository or ADR folder').fill(dir);
    if (format) await dialog.getByLabel('Format').selectOption({ label: format });
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(dialog.getByRole('region', { name: 'Files to be written' })).toBeVisible();
  }

  /** Shows one planned file's text and returns the element holding it. */
  async showExportedText(file: string) {
    const dialog = this.exportDialog();
    await dialog.getByRole('button', { name: new RegExp(escapeRegExp(file)) }).click();
    await expect(dialog.getByRole('region', { name: `Rendered ${file}` })).toBeVisible();
    await dialog.getByLabel('Show the Markdown text').check();
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
