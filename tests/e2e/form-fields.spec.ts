/**
 * The shared form controls by keyboard alone, on the screens that use them: an editable list's rows
 * are named by their place and added and removed with Enter; a radio group moves with the arrow
 * keys as native radios do (the review's outcome, the guided decision's pack cards, where switching
 * away from a pack still asks first).
 */
import { expect, test } from './fixtures.js';

test('the editor’s lists: rows named by their place, added and removed by keyboard, and saved', async ({
  app,
  page,
}) => {
  await app.createDecision('Pick a message broker');
  await expect(app.field('Title')).toBeVisible();
  const id = new URL(page.url()).hash.split('/')[2]!;
  const options = page.getByRole('group', { name: 'Considered options', exact: true });

  await options.getByRole('button', { name: 'Add option' }).press('Enter');
  await expect(options.getByRole('textbox', { name: 'Option 1', exact: true })).toHaveValue('New option');
  await options.getByRole('button', { name: 'Add option' }).press('Enter');
  await expect(options.getByRole('textbox', { name: 'Option 2', exact: true })).toBeVisible();
  await options.getByRole('textbox', { name: 'Option 2', exact: true }).fill('RabbitMQ');
  // Each row's Remove button says which row it removes.
  await expect(options.getByRole('button', { name: /^Remove option/ })).toHaveCount(2);
  await options.getByRole('button', { name: 'Remove option New option', exact: true }).press('Enter');
  await expect(options.getByRole('textbox')).toHaveCount(1);
  await expect(options.getByRole('textbox', { name: 'Option 1', exact: true })).toHaveValue('RabbitMQ');

  const consequences = page.getByRole('group', { name: 'Consequences', exact: true });
  await consequences.getByRole('button', { name: 'Add consequence' }).press('Enter');
  await expect(consequences.getByRole('combobox', { name: 'Effect of consequence 1', exact: true })).toHaveValue(
    'good',
  );
  await consequences.getByRole('textbox', { name: 'Consequence 1', exact: true }).fill('One broker to run.');

  await app.waitUntilSaved();
  const saved = await app.api('getDecision', { id });
  expect(saved.options.map((o) => o.name)).toEqual(['RabbitMQ']);
  expect(saved.consequences.map((c) => [c.effect, c.text])).toEqual([['good', 'One broker to run.']]);
});

test('the review’s outcome moves with the arrow keys, and what follows the choice follows it', async ({
  app,
  page,
}) => {
  await app.api('createDecision', {
    content: { title: 'Use Redis for sessions', status: 'accepted', reviewBy: '2020-01-15' },
  });
  await page.reload();
  await app.openDecision('Use Redis for sessions');
  const review = page.getByRole('region', { name: 'Review' });
  await review.getByRole('button', { name: 'Review…' }).press('Enter');
  const outcome = review.getByRole('group', { name: 'Outcome of the review' });
  await expect(outcome.getByRole('radio', { name: /^Still holds/ })).toBeFocused();
  await expect(review.getByLabel('Next review', { exact: true })).toBeVisible();

  await page.keyboard.press('ArrowDown');
  await expect(outcome.getByRole('radio', { name: /^Amend it/ })).toBeChecked();
  await expect(outcome.getByRole('radio', { name: /^Amend it/ })).toBeFocused();
  await expect(review.getByLabel('Next review', { exact: true })).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await expect(outcome.getByRole('radio', { name: /^Supersede it/ })).toBeChecked();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(outcome.getByRole('radio', { name: /^Still holds/ })).toBeChecked();
  await expect(review.getByLabel('Next review', { exact: true })).toBeVisible();
});

test('the pack cards move with the arrow keys: the first pack applies at once, switching away asks first', async ({
  app,
  page,
}) => {
  await app.startGuidedDecision('Which runtime for the mail service?');
  const packs = page.getByRole('group', { name: 'Knowledge pack' });
  const none = packs.getByRole('radio', { name: /^No pack/ });
  await expect(none).toBeChecked();
  await none.focus();

  // The next card, whichever pack it is, is chosen and applied.
  const chosen = packs.getByRole('radio').nth(1);
  await page.keyboard.press('ArrowDown');
  await expect(chosen).toBeChecked();
  await expect(none).not.toBeChecked();
  await expect(packs.getByRole('button', { name: 'Refresh from the pack' })).toBeVisible();
  await expect(app.optionNames().first()).toBeVisible();
  const options = await app.optionNames().count();

  // Back to no pack: asked first, and keeping the pack changes nothing. (The cards are disabled
  // while a pack applies, which takes the focus from them: the user comes back to the card.)
  await chosen.focus();
  await page.keyboard.press('ArrowUp');
  const ask = packs.getByRole('alert').filter({ hasText: 'Switching to no pack removes' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: /^Keep / }).press('Enter');
  await expect(ask).toHaveCount(0);
  await expect(chosen).toBeChecked();
  await expect(none).not.toBeChecked();
  await expect(app.optionNames()).toHaveCount(options);
});

test('the list, the reader and a criterion’s row: each control named by its words and worked by keyboard', async ({
  app,
  page,
}) => {
  await app.api('createDecision', { content: { title: 'Use Kafka for events' } });
  await app.readDecision('Use Kafka for events');

  // The reader's toggle: Space shows the file's text, Space again the rendered ADR.
  const raw = page.getByRole('checkbox', { name: 'Show the Markdown text', exact: true });
  await raw.focus();
  await page.keyboard.press('Space');
  await expect(page.getByLabel('The ADR (Markdown text)')).toContainText('# Use Kafka for events');
  await page.keyboard.press('Space');
  await expect(app.renderedAdr()).toBeVisible();

  // The list: a row's box is named after its row and ticked with Space; searching offers Best match.
  await app.goToDecisions();
  const pick = page.getByRole('checkbox', { name: 'Select Use Kafka for events to compare', exact: true });
  await pick.focus();
  await page.keyboard.press('Space');
  await expect(pick).toBeChecked();
  const search = page.getByRole('search').getByRole('searchbox', { name: 'Search', exact: true });
  await search.fill('Kafka');
  const sort = page.getByRole('search').getByRole('combobox', { name: 'Sort by', exact: true });
  await expect(sort).toHaveValue('auto');
  await expect(sort.getByRole('option', { name: 'Best match' })).toHaveCount(1);
  await search.fill('');
  await expect(sort).toHaveValue('number');
  await expect(page.getByRole('textbox', { name: 'Title of a new decision', exact: true })).toBeVisible();

  // A criterion of one's own: renamed in its row, made a must-have; its group follows the name.
  await app.startGuidedDecision('Which queue for the mailer?');
  await app.nextStep();
  await app.expectStep(2, 'Drivers');
  await app.addCriterion('Latency');
  const row = page.getByRole('group', { name: 'Latency', exact: true });
  await row.getByRole('textbox', { name: 'Name', exact: true }).fill('Tail latency');
  const renamed = page.getByRole('group', { name: 'Tail latency', exact: true });
  await renamed.getByRole('combobox', { name: 'Must-have', exact: true }).selectOption({
    label: 'Yes: exclude an option scoring below 4',
  });
  await app.waitUntilSaved();
  const id = new URL(page.url()).hash.split('/')[2]!;
  const saved = await app.api('getDecision', { id });
  expect(saved.drivers.map((d) => [d.name, d.minimum])).toEqual([['Tail latency', 4]]);
});
