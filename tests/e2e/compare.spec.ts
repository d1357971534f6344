import { axe } from './axe.js';
import fs from 'node:fs';
import path from 'node:path';
import {
  batchJobs,
  gateway,
  notificationsDraft,
  reporting,
  scriptsDraft,
} from '../fixtures/decisions/runtime-decisions.js';
import { expect, test } from './fixtures.js';

test('find the accepted decisions that chose Python in three clicks, then compare two side by side', async ({
  app,
  page,
}) => {
  for (const content of [reporting, gateway, batchJobs, scriptsDraft]) await app.api('createDecision', { content });
  await page.reload();

  // Click 1: the decision list; 2: accepted; 3: Python.
  await app.goTo('Decisions');
  await app.filterBy('Status', 'accepted');
  await app.filterBy('Chosen option', 'Python');
  await expect(app.decisionRows()).toHaveCount(2);
  await expect(page.getByRole('link', { name: 'Python for the reporting service' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Python for the ETL batch jobs' })).toBeVisible();

  await app.filterBy('Chosen option', 'Python');
  await expect(app.decisionRows()).toHaveCount(3);
  await app.selectForComparison('Python for the reporting service');
  await app.selectForComparison('Node.js for the API gateway');
  await app.compareSelected();

  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader', { name: /ADR 1 Python for the reporting service/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /Chosen option/ })).toContainText('Python');
  await expect(table.getByRole('row', { name: /Chosen option/ })).toContainText('Node.js');
  await expect(page.getByRole('list', { name: 'Warnings' })).toContainText(
    'Real-time and streaming was weighed very differently: 1 in ADR 1, 5 in ADR 2',
  );
  const criterionRow = (name: string) =>
    table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
  const realtime = criterionRow('Real-time and streaming');
  await expect(realtime.getByRole('rowheader')).toContainText('weighed very differently');
  await expect(realtime.getByRole('cell').first()).toContainText('Weight 1 (lower here)');
  await expect(realtime.getByRole('cell').nth(1)).toContainText('Weight 5 (higher here)');
  await expect(page.getByText('Go was considered only in ADR 2')).toBeVisible();
  await expect(
    page.getByText('“Holding many open sockets is cheap on an event loop.” was accepted in ADR 2, rejected in ADR 1'),
  ).toBeVisible();

  const ml = criterionRow('Machine learning and data work');
  await expect(ml.getByRole('cell').nth(1)).toHaveText('not a driver here');
  await ml.getByText('Relied on 1 claim').click();
  await expect(ml.getByText('Data frame libraries make aggregation short to write.')).toBeVisible();

  const audit = await axe(page).include('main').analyze();
  expect(audit.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await page.getByLabel('Add a decision to the comparison').fill('batch');
  await page.getByRole('button', { name: /Add ADR 3: Python for the ETL batch jobs/ }).click();
  await expect(table.getByRole('columnheader')).toHaveCount(3);
  await page.getByRole('button', { name: 'Remove ADR 2 from the comparison' }).click();
  await expect(table.getByRole('columnheader')).toHaveCount(2);
  await expect(page.getByRole('list', { name: 'Warnings' })).toHaveCount(0);
});

test('a new decision shows its precedents and lines up with one', async ({ app, page }) => {
  await app.api('createDecision', { content: reporting });
  await app.api('createDecision', { content: gateway });
  const draft = await app.api('createDecision', { content: notificationsDraft });
  await page.goto(`${app.url.replace(/#.*/, '')}#/decisions/${draft.id}/edit`);

  await page.getByText('2 similar past decisions').click();
  const precedents = page
    .getByRole('list', { name: 'Similar past decisions, most similar first' })
    .locator(':scope > li');
  await expect(precedents).toHaveCount(2);
  await expect(precedents.first()).toContainText('Node.js for the API gateway');
  await expect(precedents.first()).toContainText('Chose Node.js, because: Thousands of idle websocket clients');
  await expect(precedents.nth(1)).toContainText('Real-time and streaming weighted 1 there, 5 here');
  await precedents.nth(1).getByRole('link', { name: 'Compare side by side' }).click();
  await expect(page.getByRole('list', { name: 'Warnings' })).toContainText(
    'Real-time and streaming was weighed very differently',
  );
});

test('the list stays windowed with thousands of decisions', async ({ app, page, served }) => {
  // 2,000 decisions in one import (a folder of ADRs, one transaction) rather than 2,000 saves.
  const folder = path.join(served.dataDir, 'adrs');
  fs.mkdirSync(folder);
  for (let i = 1; i <= 2000; i++) {
    const n = String(i).padStart(4, '0');
    fs.writeFileSync(
      path.join(folder, `${n}-decision-${n}.md`),
      `# ${i}. Decision ${n}\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nOne of many.\n`,
    );
  }
  expect((await app.api('importFolder', { dir: folder })).imported).toHaveLength(2000);
  await page.reload();
  await app.goTo('Decisions');
  await expect(page.getByText('2,000 decisions')).toBeVisible();
  await expect(page.getByRole('table')).toHaveAttribute('aria-rowcount', '2001');
  expect(await app.decisionRows().count()).toBeLessThan(80);

  // Keyboard users scroll the list itself; the rows at the end are fetched and drawn on the way.
  const list = page.getByRole('region', { name: /^Decisions, 2,?000 in all/ });
  await list.focus();
  await expect(list).toBeFocused();
  await page.keyboard.press('End');
  const last = app.decisionRows().last();
  await expect(last).toHaveAttribute('aria-rowindex', '2001');
  await expect(last.getByRole('cell').nth(1)).toHaveText('2000');
  await expect(last).toBeInViewport();
  expect(await app.decisionRows().count()).toBeLessThan(80);
});
