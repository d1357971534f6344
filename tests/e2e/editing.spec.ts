/**
 * Edits are never lost: a field that cannot be saved is flagged beside itself in plain words while
 * every other edit saves, and leaving with such an edit asks first (a link in the app, or closing
 * the window).
 */
import { expect, test } from './fixtures.js';

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
  await expect(page.getByRole('status')).toHaveText('Other changes saved; one field needs fixing');
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
