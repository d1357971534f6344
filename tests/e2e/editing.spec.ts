/**
 * Edits are never lost: a field that cannot be saved is flagged beside itself in plain words while
 * every other edit saves, leaving with such an edit asks first (a link in the app, or closing the
 * window), and a save refused for another reason says so and keeps the text. The editor holds
 * what ADRs hold, tried on imported files: an option's pros and cons are a list edited with the
 * keyboard, an adr-tools (Nygard) ADR is edited as its Decision and Consequences text, nothing
 * weighs what the file did not weigh, and export writes back the file with only the edited lines
 * changed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Served } from './fixtures.js';

test('an over-long tag is flagged at the tag field, other edits save, and leaving asks first', async ({
  app,
  page,
}) => {
  await app.createDecision('Use PostgreSQL for orders');
  const longTag = 'x'.repeat(142);
  await app.fill('Tags', `database, ${longTag}`);
  await app.fill('Confirmation', 'Load test with production data before launch.');
  await expect(
    page.getByText('Tag 2 is too long: at most 100 characters, it has 142. Shorten it to save it.'),
  ).toBeVisible();
  await expect(app.field('Tags')).toHaveAttribute('aria-invalid', 'true');
  await expect(app.saveState()).toHaveText('Other changes saved; one field needs fixing');
  const id = new URL(page.url()).hash.split('/')[2]!;
  await expect
    .poll(async () => (await app.api('getDecision', { id })).confirmation)
    .toBe('Load test with production data before launch.');
  expect((await app.api('getDecision', { id })).tags).toEqual([]);

  // A link out asks; staying keeps everything typed.
  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await page.getByRole('link', { name: '← Decisions' }).click();
  await expect.poll(() => asked.length).toBe(1);
  expect(asked[0]).toContain('cannot be saved');
  await expect(app.field('Tags')).toHaveValue(`database, ${longTag}`);
  await expect(page).toHaveURL(/\/edit$/);

  // Closing the window asks too (beforeunload).
  const beforeUnload = new Promise<string>((resolve) =>
    page.once('dialog', (d) => (resolve(d.type()), void d.dismiss())),
  );
  await page.close({ runBeforeUnload: true });
  expect(await beforeUnload).toBe('beforeunload');
  // Staying was chosen: the page is still open. Close it for good before the test's teardown,
  // which otherwise races the page's pending close.
  await page.close();
});

test('fixing the field saves it and leaving no longer asks', async ({ app, page }) => {
  await app.createDecision('Use Kafka for events');
  await app.fill('Tags', `events, ${'y'.repeat(101)}`);
  await expect(page.getByText(/Tag 2 is too long/)).toBeVisible();
  await app.fill('Tags', 'events, streaming');
  await app.waitUntilSaved();
  await expect(page.getByText(/Tag 2 is too long/)).toHaveCount(0);
  let asked = false;
  page.on('dialog', (d) => {
    asked = true;
    void d.accept();
  });
  await page.getByRole('link', { name: '← Decisions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Decisions' })).toBeVisible();
  expect(asked).toBe(false);
});

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');

function copyFixture(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cairn-edit-${name}-`));
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

/** The text export would write for the decision with this title. */
async function exported(served: Served, title: string): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-edit-out-'));
  try {
    const plan = (await served.api('planExport', { ids: [], dir: out, index: false })) as {
      files: { title: string; text: string }[];
    };
    return plan.files.find((f) => f.title === title)!.text;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

test('pros and cons are a list per option: edited, reordered and added with the keyboard, exported as written', async ({
  app,
  page,
  served,
}) => {
  const dir = copyFixture('madr4');
  try {
    await app.api('importFolder', { dir });
    const original = fs.readFileSync(path.join(dir, '0001-use-feature-flags.md'), 'utf8');
    await app.openDecision('Use feature flags for risky releases');

    // The file weighs nothing: no weight is invented, and no matrix appears.
    await expect(page.getByRole('combobox', { name: 'Weight' })).toHaveCount(2);
    for (const weight of await page.getByRole('combobox', { name: 'Weight' }).all()) {
      await expect(weight).toHaveValue('0');
      await expect(weight.locator('option:checked')).toHaveText('not weighed');
    }

    const hosted = page.getByRole('list', { name: 'Pros and cons of A hosted flag service' });
    await expect(hosted.getByRole('listitem')).toHaveCount(2);
    await expect(app.field('Point 1 of A hosted flag service')).toHaveValue('it has a nice dashboard.');
    await expect(app.field('Effect of point 2 of A hosted flag service')).toHaveValue('bad');
    // The example before the list stays the option's description.
    await expect(app.field('Description of A hosted flag service')).toHaveValue(/^Example of what the file/);

    // Alt+↑ moves the con above the pro, keeping focus on it; Enter adds a point below it.
    await app.field('Point 2 of A hosted flag service').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect(app.field('Point 1 of A hosted flag service')).toHaveValue('it is another vendor.');
    await expect(app.field('Point 1 of A hosted flag service')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(app.field('Point 2 of A hosted flag service')).toBeFocused();
    await page.keyboard.type('it bills per seat.');
    await app.field('Effect of point 2 of A hosted flag service').selectOption('neutral');
    await expect(hosted.getByRole('listitem')).toHaveCount(3);

    const ours = 'Flags in our own config table';
    await page.getByRole('button', { name: `Add a con of ${ours}` }).click();
    await expect(app.field(`Point 2 of ${ours}`)).toBeFocused();
    await page.keyboard.type('we build the admin page.');
    await page.getByRole('button', { name: `Remove point 1 of ${ours}` }).click();
    await app.waitUntilSaved();

    const text = await exported(served, 'Use feature flags for risky releases');
    expect(text).toBe(
      original
        .replace(
          '* Good, because it has a nice dashboard.\n* Bad, because it is another vendor.',
          '* Bad, because it is another vendor.\n* Neutral, because it bills per seat.\n* Good, because it has a nice dashboard.',
        )
        .replace('* Good, because it is ours.', '* Bad, because we build the admin page.'),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an adr-tools ADR is edited as its Decision and Consequences text and exports as the same file', async ({
  app,
  page,
  served,
}) => {
  const dir = copyFixture('nygard');
  try {
    await app.api('importFolder', { dir });
    const original = fs.readFileSync(path.join(dir, '0001-record-architecture-decisions.md'), 'utf8');
    await app.openDecision('Record architecture decisions');
    const decisionText = () => page.getByRole('textbox', { name: 'Decision', exact: true });
    await expect(decisionText()).toHaveValue('We will keep decision records in this folder.');
    await expect(app.field('Consequences')).toHaveValue(
      'New people can read why things are as they are.\n\nSomeone has to write them.',
    );
    await expect(app.field('Rationale')).toHaveCount(0);
    await expect(page.getByText('Weighted matrix')).toHaveCount(0);

    // Typing the same text again changes nothing in the file.
    await app.fill('Consequences', 'New people can read why things are as they are.\n\nSomeone has to write them.');
    await decisionText().fill('We will keep decision records in this folder.');
    await app.waitUntilSaved();
    expect(await exported(served, 'Record architecture decisions')).toBe(original);

    // A second line in the Decision, a third consequence typed after a blank line.
    await decisionText().press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Each record is one Markdown file.');
    await app.field('Consequences').press('ControlOrMeta+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Reviews take a little longer.');
    await app.waitUntilSaved();
    await expect(app.field('Consequences')).toHaveValue(
      'New people can read why things are as they are.\n\nSomeone has to write them.\n\nReviews take a little longer.',
    );
    expect(await exported(served, 'Record architecture decisions')).toBe(
      original
        .replace(
          'We will keep decision records in this folder.',
          'We will keep decision records in this folder.\nEach record is one Markdown file.',
        )
        .replace('Someone has to write them.', 'Someone has to write them.\n\nReviews take a little longer.'),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a save refused because another window saved first says so and keeps the typed text', async ({ app, page }) => {
  await app.createDecision('Use Redis for sessions');
  const id = new URL(page.url()).hash.split('/')[2]!;
  const stored = await app.api('getDecision', { id });
  const { id: _i, number: _n, revision, createdAt: _c, updatedAt: _u, trashedAt: _t, ...content } = stored;
  await app.api('updateDecision', { id, baseRevision: revision, content: { ...content, context: 'Saved elsewhere.' } });

  await app.fill('Context and problem statement', 'Sessions must survive a deploy.');
  await expect(app.saveState()).toHaveText('Not saved: changed elsewhere');
  await expect(page.getByRole('alert')).toContainText('was saved elsewhere');
  await expect(page.getByRole('alert')).toContainText('your text is still in the editor');
  await expect(app.field('Context and problem statement')).toHaveValue('Sessions must survive a deploy.');
  expect((await app.api('getDecision', { id })).context).toBe('Saved elsewhere.');

  await page.getByRole('button', { name: 'Discard my edits and load the newer version' }).click();
  await expect(app.field('Context and problem statement')).toHaveValue('Saved elsewhere.');
  await app.waitUntilSaved();
});

test('options named by long addresses, as imported ADRs have them, wrap instead of widening the editor past a small window', async ({
  app,
  page,
}) => {
  const long = (site: string) =>
    `[A template](https://${site}.example.org/2011/11/15/documenting-architecture-decisions-with-a-very-long-address) – the first one`;
  await app.api('createDecision', {
    content: {
      title: 'Pick an ADR template',
      status: 'accepted',
      options: [
        { id: 'a', name: long('first') },
        { id: 'b', name: long('second') },
      ],
      chosenOption: 'a',
    },
  });
  await page.setViewportSize({ width: 1024, height: 700 });
  await app.openDecision('Pick an ADR template');
  await expect(page.getByRole('group', { name: long('second') })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});
