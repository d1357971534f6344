import { axe } from './axe.js';
import { expect, test } from './fixtures.js';

const today = new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

test('review dates: the list shows what is due, a decision says it is overdue, Review → still holds clears it (by keyboard)', async ({
  app,
  page,
  served,
}) => {
  // Two runs of the real CLI besides the browser: slow on a shared machine.
  test.setTimeout(180_000);
  await app.api('createDecision', {
    content: {
      title: 'Use Redis for sessions',
      status: 'accepted',
      reviewBy: '2020-01-15',
      reviewTriggers: ['when traffic passes 5k requests/s'],
    },
  });
  await app.api('createDecision', {
    content: { title: 'Use Python for workers', status: 'accepted', reviewBy: inDays(200) },
  });
  await app.api('createDecision', { content: { title: 'Pick a CI service', status: 'proposed' } });
  await page.reload();
  await app.goToDecisions();

  // The facet and the sort.
  const facet = page.getByRole('group', { name: 'Due for review' });
  await expect(facet.getByRole('button', { name: /^Overdue 1$/ })).toBeVisible();
  await expect(facet.getByRole('button', { name: /^Later 1$/ })).toBeVisible();
  await expect(facet.getByRole('button', { name: /^No review date 1$/ })).toBeVisible();
  await page.getByLabel('Sort by').selectOption('review');
  await expect(app.decisionRows().first()).toContainText('Use Redis for sessions');
  await expect(app.decisionRows().first()).toContainText('review overdue');
  await app.filterBy('Due for review', 'Overdue');
  await expect(app.decisionRows()).toHaveCount(1);
  expect((await served.cli('due')).code).toBe(1);

  // The decision's page.
  await page.getByRole('link', { name: 'Use Redis for sessions', exact: true }).click();
  // The read view says it is due; the review is recorded beside the fields.
  await expect(page.getByText(/Review by 2020-01-15 \(overdue by/)).toBeVisible();
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  const review = page.getByRole('region', { name: 'Review' });
  await expect(review).toContainText('Overdue: Review by 2020-01-15, overdue by');
  await expect(review.getByLabel('Review triggers')).toHaveValue('when traffic passes 5k requests/s');
  await page.screenshot({ path: 'test-results/review-overdue.png', fullPage: true });

  // Keyboard only: open Review, choose "Still holds", set the next date, write a note, record.
  await review.getByRole('button', { name: 'Review…' }).focus();
  await page.keyboard.press('Enter');
  await expect(review.getByRole('radio', { name: /Still holds/ })).toBeFocused();
  await expect(review.getByRole('radio', { name: /Still holds/ })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(review.getByLabel('Next review', { exact: true })).toBeFocused();
  await review.getByLabel('Next review', { exact: true }).fill(inDays(90));
  // Tab walks the date field's own parts (month, day, year) before it leaves it.
  const note = review.getByLabel('Note', { exact: true });
  for (let i = 0; i < 4 && !(await note.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(note).toBeFocused();
  await page.keyboard.type('Traffic is still at 2k/s.');
  await page.keyboard.press('Tab');
  await expect(review.getByRole('button', { name: 'Record review' })).toBeFocused();
  const audit = await axe(page).include('main').analyze();
  expect(
    audit.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`),
  ).toEqual([]);
  await page.screenshot({ path: 'test-results/review-form.png', fullPage: true });
  await page.keyboard.press('Enter');

  await expect(review).toContainText(`Review by ${inDays(90)}, due in`);
  await expect(review).toContainText('Last reviewed');
  await expect(review).toContainText('Traffic is still at 2k/s.');
  await expect(page.getByText('Review recorded: still holds')).toBeVisible();
  expect((await served.cli('due')).code).toBe(0);
  await page.getByRole('button', { name: 'Revisions' }).click();
  await expect(page.getByText(/reviewed/).first()).toBeVisible();
});

test('Review → supersede opens the superseding draft; amend sends you to editing', async ({ app, page }) => {
  await app.api('createDecision', {
    content: {
      title: 'Queue on Postgres',
      status: 'accepted',
      reviewBy: '2021-03-01',
      context: 'Orders need a queue.',
    },
  });
  await page.reload();
  await app.openDecision('Queue on Postgres');
  const review = page.getByRole('region', { name: 'Review' });
  await review.getByRole('button', { name: 'Review…' }).click();
  await review.getByRole('radio', { name: /Amend it/ }).check();
  await review.getByRole('button', { name: 'Record review' }).click();
  await expect(page.getByText('Review recorded: amend the decision below.')).toBeVisible();
  await expect(page.getByLabel('Title')).toBeFocused();

  await review.getByRole('button', { name: 'Review…' }).click();
  await review.getByRole('radio', { name: /Supersede it/ }).check();
  await review.getByLabel('Note', { exact: true }).fill('Moving to a broker.');
  await review.getByRole('button', { name: 'Record review' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Draft: Queue on Postgres (revisited)');
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(page.getByLabel('Context')).toHaveValue('Orders need a queue.');
});

test('in the dark theme, the list with its review facet and badge and the review panel pass the audit', async ({
  app,
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.api('createDecision', {
    content: { title: 'Use Redis for sessions', status: 'accepted', reviewBy: '2020-01-15' },
  });
  await app.api('createDecision', {
    content: { title: 'Use Python for workers', status: 'accepted', reviewBy: inDays(10) },
  });
  await page.reload();
  await app.goToDecisions();
  await expect(page.getByRole('group', { name: 'Due for review' })).toBeVisible();
  await expect(page.getByText('review overdue')).toBeVisible();
  const serious = async () =>
    (await axe(page).include('main').analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help}`);
  expect(await serious()).toEqual([]);
  await page.screenshot({ path: 'test-results/review-list-dark.png', fullPage: true });
  await app.openDecision('Use Redis for sessions');
  await page.getByRole('region', { name: 'Review' }).getByRole('button', { name: 'Review…' }).click();
  expect(await serious()).toEqual([]);
});
