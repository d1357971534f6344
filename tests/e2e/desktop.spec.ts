import os from 'node:os';
import { expect, test } from './fixtures.js';
import { CairnApp } from './pages/CairnApp.js';

test('an empty store opens on the welcome screen, and one click makes a finished sample decision', async ({
  app,
  page,
}) => {
  await app.expectWelcome();
  await expect(page.getByRole('button', { name: 'Start a decision' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import a repository' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Browse the knowledge library' })).toHaveAttribute('href', '#/library');

  await page.getByRole('button', { name: 'Create a sample decision' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'Sample: Which runtime for the notification service?',
  );
  // The sample opens on its read view; Edit shows its fields.
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(app.field('Chosen option')).toHaveValue('nodejs');
  await expect(app.field('Rationale')).toHaveValue(/^Node\.js totals \d+ of \d+ possible points .*, ahead of Python/);
  await expect(page.getByRole('group', { name: 'Decision drivers' }).getByRole('textbox').first()).toHaveValue(
    'I/O concurrency model',
  );
  await expect(page.getByRole('group', { name: 'Considered options' }).getByRole('textbox')).toHaveCount(2);
  await expect(page.getByRole('group', { name: 'Consequences' }).getByRole('textbox').first()).not.toHaveValue('');

  await page.goto(app.url.replace(/#.*/, '') + '#/');
  await expect(page.getByRole('heading', { level: 1, name: 'Decisions' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Sample: / })).toBeVisible();
});

test('"Start a decision" puts the cursor in the new decision’s title', async ({ app, page }) => {
  await app.expectWelcome();
  await page.getByRole('button', { name: 'Start a decision' }).click();
  await expect(page.getByLabel('Title of a new decision')).toBeFocused();
  await page.keyboard.type('Pick a message broker');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Pick a message broker');
});

test('the repository folder is typed in a browser, with recent folders to pick from, and opens the import dialog', async ({
  app,
  page,
  served,
}) => {
  await app.expectWelcome();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Import a repository' }) });
  await expect(card.getByRole('button', { name: /^Choose/ })).toHaveCount(0);
  await expect(card.getByText('Type the folder’s full path.')).toBeVisible();

  const folder = os.tmpdir();
  await served.api('addRecentFolder', { path: folder });
  await page.reload();
  await card.getByRole('button', { name: `Use ${folder}` }).click();
  await expect(card.getByLabel('Repository folder')).toHaveValue(folder);
  await card.getByRole('button', { name: 'Import a repository' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import ADRs from a folder' });
  await expect(dialog.getByLabel('Folder', { exact: true })).toHaveValue(folder);
  await expect(dialog.getByRole('button', { name: `Use ${folder}` })).toHaveCount(0);
});

test('keyboard shortcuts: help, new decision, search, export, go to, and a clear word when an action has no place here', async ({
  app,
  page,
}) => {
  await app.expectWelcome();
  await app.leaveFields();
  await page.keyboard.press('Shift+?');
  await expect(page.getByRole('heading', { level: 1, name: 'Help' })).toBeVisible();
  const row = page.getByRole('row', { name: /New decision/ });
  await expect(row).toContainText('Ctrl+N');
  await expect(page.getByRole('table', { name: 'Guided decision' })).toContainText('Next step');

  await page.keyboard.press('Control+2');
  await expect(page.getByRole('heading', { level: 1, name: 'Knowledge library' })).toBeVisible();
  await page.keyboard.press('F1');
  await expect(page.getByRole('heading', { level: 1, name: 'Help' })).toBeVisible();
  await page.keyboard.press('Control+1');
  await expect(page.getByRole('heading', { level: 1, name: 'Decisions' })).toBeVisible();

  await app.leaveFields();
  await page.keyboard.press('n');
  await expect(page.getByLabel('Title of a new decision')).toBeFocused();
  await page.keyboard.type('now typing n and / is just text');
  await expect(page.getByLabel('Title of a new decision')).toHaveValue('now typing n and / is just text');

  await page.keyboard.press('Control+f');
  await expect(page.getByLabel('Search')).toBeFocused();

  await page.keyboard.press('Control+e');
  await expect(app.exportDialog()).toBeVisible();
  await app.closeExport();
  await page.keyboard.press('Control+o');
  await expect(page.getByRole('dialog', { name: 'Import ADRs from a folder' })).toBeVisible();
  await app.closeImport();

  await page.keyboard.press('Control+]');
  await expect(page.getByText('Next step is not available here — it works in a guided decision.')).toBeVisible();
});

test('the theme follows the system, can be chosen, and is remembered by the store', async ({
  app,
  page,
  served,
  browser,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await app.shownTheme()).toBe('dark');
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const darkBackground = await background();

  await app.chooseTheme('Light');
  expect(await app.shownTheme()).toBe('light');
  expect(await background()).not.toBe(darkBackground);
  await page.emulateMedia({ colorScheme: 'light' });
  await app.chooseTheme('System');
  expect(await app.shownTheme()).toBe('light');
  await app.chooseTheme('Dark');
  expect(await app.shownTheme()).toBe('dark');

  // A fresh browser profile has no local cache: the choice comes from the store.
  await expect.poll(() => served.api('getSettings')).toEqual({ theme: 'dark' });
  const other = await browser.newContext({ colorScheme: 'light' });
  const fresh = new CairnApp(await other.newPage(), served.url);
  await fresh.open();
  await expect.poll(() => fresh.shownTheme()).toBe('dark');
  await expect(fresh.page.getByRole('navigation', { name: 'Main' }).getByLabel('Theme')).toHaveValue('dark');
  await other.close();
});
