import { axe } from './axe.js';
import { expect, test } from './fixtures.js';

test('follow supersedes, amends and relates-to links through the graph, and see the chain on the timeline', async ({
  app,
  page,
}) => {
  const make = (title: string, date: string, extra: object = {}) =>
    app.api('createDecision', { content: { title, date, status: 'accepted', ...extra } });
  const mysql = await make('Use MySQL for orders', '2019-05-01');
  const postgres = await make('Use PostgreSQL for orders', '2022-02-10', {
    relations: [{ type: 'supersedes', target: mysql.id }],
  });
  await make('PostgreSQL 16 with pgvector', '2025-09-01', { relations: [{ type: 'amends', target: postgres.id }] });
  await make('Nightly backups', '2023-01-15', { relations: [{ type: 'relates-to', target: postgres.id }] });
  await make('Markdown for docs', '2021-01-01');
  await page.reload();

  await app.goTo('Relations');
  const graph = page.getByRole('group', { name: 'Relation graph' });
  await expect(graph.getByRole('link')).toHaveCount(4);
  await expect(page.getByRole('complementary', { name: 'Links in words' })).toContainText(
    'ADR 2: Use PostgreSQL for orders supersedes ADR 1: Use MySQL for orders',
  );

  await graph.getByRole('link', { name: 'ADR 2 · accepted · 2022 Use PostgreSQL for orders' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Links of ADR 2: Use PostgreSQL for orders');
  const links = page.getByRole('list', { name: 'Its links' });
  await expect(links.getByRole('listitem')).toHaveText([
    /^supersedes ADR 1: Use MySQL for orders/,
    /^amended by ADR 3: PostgreSQL 16 with pgvector/,
    /^relates to ADR 4: Nightly backups/,
  ]);

  const audit = await axe(page).include('main').analyze();
  expect(
    audit.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.failureSummary + n.html).join(' ')}`),
  ).toEqual([]);

  // By keyboard: the decisions in the drawing are links.
  await graph.getByRole('link', { name: /^ADR 1 .* Use MySQL for orders$/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Links of ADR 1: Use MySQL for orders');
  await expect(page.getByRole('list', { name: 'Its links' })).toHaveText(
    /superseded by ADR 2: Use PostgreSQL for orders/,
  );
  await page.getByRole('link', { name: 'Open the decision' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Use MySQL for orders');

  await app.goTo('Timeline');
  await expect(page.getByRole('list', { name: 'Chain of 2 decisions, oldest first' })).toHaveText(
    /ADR 1: Use MySQL for orders.*ADR 2: Use PostgreSQL for orders/,
  );
  const y2022 = page.getByRole('region', { name: /^2022/ });
  await expect(y2022).toContainText('supersedes ADR 1: Use MySQL for orders');
  await page.getByLabel('From').fill('2023-01-01');
  await expect(page.getByRole('region', { name: /^2022/ })).toHaveCount(0);
  await expect(page.getByRole('region', { name: /^2025/ })).toContainText('PostgreSQL 16 with pgvector');
});
