/**
 * The done-when walk of "Bring your own evidence", as a new user on a fresh store: create a pack
 * for another question in the app, add sources from three formats (HTML, Markdown, PDF; fixtures
 * in tests/fixtures/evidence), make claims partly from suggestions and partly from selected
 * passages, see every claim verified (in the app and by `cairn knowledge verify`), type a fake
 * quote and see it missing, export the pack file and import it again with its unverified claim said.
 */
import { axe } from './axe.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/evidence');

/** Selects the first occurrence of `words` inside the reader, as a user dragging over them would. */
async function select(page: Page, words: string) {
  await page.evaluate((w) => {
    const root = document.querySelector('.reader-text')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(w);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + w.length);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return;
    }
    throw new Error(`not in the text: ${w}`);
  }, words);
}

async function seriousViolations(page: Page) {
  const results = await axe(page).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

const views = (page: Page) => page.getByRole('navigation', { name: 'Library views' });

async function claimFromSelection(page: Page, source: string, words: string, fields: Record<string, string>) {
  await views(page).getByRole('link', { name: 'Sources' }).click();
  await page.getByRole('link', { name: source }).click();
  await expect(page.getByRole('article', { name: new RegExp(`Text of ${source}`) })).toBeVisible();
  await select(page, words);
  await page.getByRole('button', { name: 'Make a claim from the selection' }).click();
  const form = page.getByRole('form', { name: 'Make a claim' });
  await expect(form.getByLabel(/Quote/)).toHaveValue(words);
  await form.getByLabel('Option', { exact: true }).selectOption({ label: fields.option! });
  await form.getByLabel('Criterion').selectOption({ label: fields.criterion! });
  await form.getByLabel('Effect for that option').selectOption(fields.effect!);
  await form.getByLabel('Claim, in your own words').fill(fields.summary!);
  await form.getByRole('button', { name: 'Save claim' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added claim' })).toContainText(': verified.');
}

test('a pack for my own question, from three formats, partly from suggestions, every claim verified', async ({
  app,
  page,
  served,
}) => {
  test.setTimeout(240_000);
  // A fresh store: the app opens on its welcome screen.
  await app.expectWelcome();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  await page.getByRole('link', { name: 'New pack…' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New pack' })).toBeVisible();

  // Nothing filled in: each problem is said next to its field, and nothing is created.
  await page.getByRole('button', { name: 'Create pack' }).click();
  await expect(page.getByText('Give the pack a title')).toBeVisible();
  await expect(page.getByText('Say the question this pack helps answer.')).toBeVisible();
  await expect(page.getByText('A pack compares at least two options.')).toBeVisible();
  await expect(page.getByLabel('Title', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Title', { exact: true }).fill('Order storage');
  await expect(page.getByLabel('Pack id')).toHaveValue('order-storage');
  await page.getByLabel('Question', { exact: true }).fill('Which database should store our orders?');
  await page.getByLabel('Option 1', { exact: true }).fill('MongoDB');
  await page.getByLabel('Option 2', { exact: true }).fill('PostgreSQL');
  // Reorder with the keyboard-reachable buttons: PostgreSQL first.
  await page.getByRole('button', { name: 'Move option 2 up' }).click();
  await expect(page.getByLabel('Option 1', { exact: true })).toHaveValue('PostgreSQL');
  // A third option added, named twice, then removed.
  await page.getByRole('button', { name: 'Add an option' }).click();
  await page.getByLabel('Option 3', { exact: true }).fill('postgresql');
  await page.getByLabel('Criterion 1', { exact: true }).fill('Consistency');
  await page.getByRole('button', { name: 'Add a criterion' }).click();
  await page.getByLabel('Criterion 2', { exact: true }).fill('Schema flexibility');
  await page.getByRole('button', { name: 'Add a criterion' }).click();
  await page.getByLabel('Criterion 3', { exact: true }).fill('Operations');
  await page.getByRole('button', { name: 'Create pack' }).click();
  await expect(page.getByText('Another option is already called “postgresql”.')).toBeVisible();
  await page.getByRole('button', { name: 'Remove option 3' }).click();
  const question = (n: number) => page.getByLabel(`Guiding question of criterion ${n}`);
  await question(1).fill('Must an order, its payment and its stock change in one transaction?');
  await question(2).fill('What does adding a field to an order cost: a migration or nothing?');
  await question(3).fill('How hard are backups, recovery and monitoring?');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Create pack' }).click();

  // The new pack opens on "Add your own": three documents of three formats.
  await expect(page.getByRole('heading', { level: 1, name: 'Order storage' })).toBeVisible();
  const upload = page.getByLabel('Add a source from a document');
  await upload.setInputFiles(path.join(FIXTURES, 'orders-storage.html'));
  await expect(
    page.getByRole('status').filter({ hasText: 'Stored text version 1 of “Storing orders in a relational' }),
  ).toBeVisible();
  await upload.setInputFiles(path.join(FIXTURES, 'document-stores.md'));
  await expect(
    page.getByRole('status').filter({ hasText: 'Stored text version 1 of “Living with a document store”' }),
  ).toBeVisible();
  await upload.setInputFiles(path.join(FIXTURES, 'ops-review.pdf'));
  await expect(
    page.getByRole('status').filter({ hasText: 'Stored text version 1 of “Operations review of our databases”' }),
  ).toBeVisible();

  // Suggestions for the web page: accept one (in my words, effect changed), dismiss another.
  await views(page).getByRole('link', { name: 'Suggestions' }).click();
  await page.getByRole('link', { name: /Storing orders in a relational database/ }).click();
  const list = page.getByRole('list').filter({ has: page.locator('.suggestion') });
  const first = list.getByRole('listitem').first();
  await expect(first).toBeVisible();
  const firstAnchor = (await first.locator('.suggestion-anchor').innerText()).replace(/[“”]/g, '');
  const firstHeading = await first.getByRole('heading').innerText();
  const count = await list.getByRole('listitem').count();
  expect(count).toBeGreaterThanOrEqual(2);
  await expect(first.locator('.suggestion-facts')).toContainText('Section');
  await expect(first.locator('.suggestion-facts')).toContainText('Score');
  await first.getByRole('button', { name: 'Accept…' }).click();
  const accept = first.getByRole('form', { name: 'Accept the suggestion' });
  await accept.getByRole('button', { name: 'Save claim' }).click();
  await expect(accept.getByText('Write what the passage claims, in your own words.')).toBeVisible();
  await accept.getByLabel('Effect for that option').selectOption('bad');
  await accept
    .getByLabel('Claim, in your own words')
    .fill('Every change to the shape of an order needs a reviewed migration.');
  await accept.getByRole('button', { name: 'Save claim' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added claim' })).toContainText('(verified)');
  await expect(list.getByRole('listitem')).toHaveCount(count - 1);
  // Focus moved on to the suggestion that took its place: the keyboard user goes on from there.
  await expect(page.locator('.suggestion > h3').first()).toBeFocused();

  // A suggestion is one passage for one option and criterion: the same passage may be offered
  // again for another pair, so each is found by its passage and its heading together.
  const suggestion = (anchor: string, heading: string) =>
    page
      .locator('.suggestion')
      .filter({ has: page.locator('.suggestion-anchor', { hasText: anchor }) })
      .filter({ has: page.getByRole('heading', { name: heading, exact: true }) });
  const second = list.getByRole('listitem').first();
  const dismissedAnchor = await second.locator('.suggestion-anchor').innerText();
  const dismissedHeading = await second.getByRole('heading').innerText();
  await second.getByRole('button', { name: /^Dismiss suggestion/ }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Dismissed' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: /Suggested claims from/ })).toBeVisible();
  await expect(page.locator('.suggestion').first()).toBeVisible();
  await expect(suggestion(dismissedAnchor, dismissedHeading)).toHaveCount(0);
  await expect(suggestion(firstAnchor, firstHeading)).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  // Claims from selected passages, in the Markdown note and the PDF.
  await claimFromSelection(page, 'Living with a document store', 'MongoDB let us add new fields to an order', {
    option: 'MongoDB',
    criterion: 'Schema flexibility',
    effect: 'good',
    summary: 'New order fields need no migration in MongoDB.',
  });
  await claimFromSelection(page, 'Operations review of our databases', 'point-in-time recovery restored a whole day', {
    option: 'PostgreSQL',
    criterion: 'Operations',
    effect: 'good',
    summary: 'PostgreSQL recovers a day of orders quickly.',
  });

  // Every claim verified, in the app and on the command line.
  await views(page).getByRole('link', { name: 'By criterion' }).click();
  const pack = (await served.api('getPack', { id: 'order-storage' })) as {
    claims: { verification: { state: string } }[];
  };
  expect(pack.claims).toHaveLength(3);
  expect(pack.claims.map((c) => c.verification.state)).toEqual(['verified', 'verified', 'verified']);
  const verify = await served.cli('knowledge', 'verify', 'order-storage');
  expect(verify.out).toContain('3 verified, 0 moved, 0 ambiguous, 0 missing, 0 unchecked');
  expect(verify.code).toBe(0);

  // A quote typed by hand that no document says.
  await views(page).getByRole('link', { name: 'Add your own' }).click();
  const claimForm = page.getByRole('form', { name: 'Add a claim' });
  await claimForm.getByLabel('Source', { exact: true }).selectOption({ label: 'Living with a document store' });
  await claimForm.getByLabel('Criterion').selectOption({ label: 'Consistency' });
  await claimForm.getByLabel('Option', { exact: true }).selectOption({ label: 'MongoDB' });
  await claimForm.getByLabel('Claim, in your own words').fill('MongoDB never loses an order.');
  await claimForm.getByLabel('Short quote (at most 12 words)').fill('MongoDB has never lost a single order');
  await claimForm.getByRole('button', { name: 'Add claim' }).click();
  await expect(page.getByRole('status').filter({ hasText: '(missing)' })).toBeVisible();
  await views(page).getByRole('link', { name: 'By criterion' }).click();
  const fake = page.getByRole('article').filter({ hasText: 'MongoDB never loses an order.' });
  await expect(fake.getByText('quote not found in the source')).toBeVisible();
  const again = await served.cli('knowledge', 'verify', 'order-storage');
  expect(again.code).toBe(1);
  expect(again.out).toContain('3 verified, 0 moved, 0 ambiguous, 1 missing');

  // Export the pack file into a folder, then import a copy of it: the import says what did not verify.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-pack-'));
  await views(page).getByRole('link', { name: 'Export' }).click();
  await page.getByLabel('Folder to write into').fill(folder);
  await page.getByRole('button', { name: 'Export pack file' }).click();
  const written = path.join(folder, 'order-storage.cairn-pack.json');
  await expect(page.getByRole('status').filter({ hasText: 'Wrote' })).toContainText('3 source texts');
  const exported = JSON.parse(fs.readFileSync(written, 'utf8')) as {
    format: string;
    sources: { document?: { text: string } }[];
    claims: unknown[];
  };
  expect(exported.format).toBe('cairn-pack/1');
  expect(exported.sources.every((s) => s.document && s.document.text.length > 100)).toBe(true);
  expect(exported.claims).toHaveLength(4);
  const copy = path.join(folder, 'copy.cairn-pack.json');
  fs.writeFileSync(copy, JSON.stringify({ ...exported, id: 'order-storage-copy', title: 'Order storage (copy)' }));

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  await page.getByLabel('Choose a .cairn-pack.json file').setInputFiles(copy);
  const outcome = page.getByRole('status').filter({ hasText: 'Imported' });
  await expect(outcome).toContainText('4 claims from 3 sources (3 claims verified, 1 claim missing)');
  await expect(outcome).toContainText('1 claim is not verified.');
  await expect(page.getByRole('link', { name: 'Order storage (copy)' }).first()).toBeVisible();
});

test('a guided decision with my own pack exports a footnote that says the fake quote was not found', async ({
  app,
  page,
  served,
}) => {
  test.setTimeout(240_000);
  // The pack as the walk above leaves it, made through the API this time: one verified claim, one fake.
  await served.api('createPack', {
    id: 'order-storage',
    title: 'Order storage',
    question: 'Which database should store our orders?',
    options: [{ name: 'PostgreSQL' }, { name: 'MongoDB' }],
    criteria: [{ name: 'Consistency' }, { name: 'Operations' }],
  });
  const html = fs.readFileSync(path.join(FIXTURES, 'orders-storage.html'));
  await served.api('addSourceDocument', {
    pack: 'order-storage',
    document: { name: 'orders-storage.html', base64: html.toString('base64') },
  });
  const claim = (option: string, anchor: string, summary: string) =>
    served.api('addClaim', {
      pack: 'order-storage',
      claim: { source: 'own-source-1', criterion: 'consistency', option, effect: 'good', summary, anchor },
    });
  await claim('postgresql', 'commits an order, its payment and the stock change', 'One transaction per order.');
  await claim('mongodb', 'MongoDB has never lost a single order', 'MongoDB never loses an order.');

  await app.startGuidedDecision('Where do our orders live?');
  await app.choosePack(/Order storage/);
  await app.nextStep();
  await app.expectStep(2, 'Drivers');
  await app.setWeight('Consistency', 5);
  await app.nextStep();
  await app.expectStep(3, 'Evidence');
  // One claim per cell: each is accepted on its own.
  await app.optionEvidence('PostgreSQL').getByRole('button', { name: 'Accept: One transaction per order.' }).click();
  await app.optionEvidence('MongoDB').getByRole('button', { name: 'Accept: MongoDB never loses an order.' }).click();
  await expect(app.optionEvidence('MongoDB').getByText('quote not found in the source')).toBeVisible();
  await app.waitUntilSaved();
  await app.nextStep();
  await app.expectStep(4, 'Outcome');
  await app.chooseOption('PostgreSQL');
  await app.waitUntilSaved();
  await app.nextStep();
  await app.expectStep(5, 'Review');
  const footnotes = page.getByRole('region', { name: 'Preview of the exported ADR' }).locator('.footnotes');
  await expect(footnotes).toContainText('Quote not found in the source.');
  await expect(footnotes).toContainText('commits an order, its payment and the stock change');

  // The exported file says the same.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-adr-'));
  const list = JSON.parse((await served.cli('list', '--json')).out) as { id: string }[];
  const exported = await served.cli('export', list[0]!.id, '--dir', dir);
  expect(exported.code).toBe(0);
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.md') && f !== 'README.md')!;
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  expect(text).toMatch(/"MongoDB has never lost a single order"\.? \*\*Quote not found\*\* in the source\./);
});
