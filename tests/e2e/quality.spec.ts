import { axe } from './axe.js';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

/**
 * Decision quality beyond a weighted sum, walked as a user with a pack that is not the shipped one
 * (tests/fixtures/packs/database-engine.json): swing weights, a must-have that drops an option, an
 * unknown cell with its range and advice, two ranges and the robustness figure, two people's
 * scores and their disagreement, and the ADR's paragraph that states all of it.
 */
const PACK = path.resolve(import.meta.dirname, '../fixtures/packs/database-engine.json');

function quality(page: Page) {
  return page.getByRole('region', { name: 'How robust is the outcome?' });
}

async function firstShare(page: Page): Promise<string> {
  const text = await quality(page).locator('.quality-summary').innerText();
  return /PostgreSQL ranks first in (\d+)% of 10,000 draws/.exec(text)?.[1] ?? `not found in: ${text}`;
}

test('must-have, unknowns, ranges, robustness, two people, swing weights and the ADR paragraph', async ({
  app,
  page,
  served,
}) => {
  // A long walk through four steps, two accessibility checks, a reload and a CLI export.
  test.setTimeout(180_000);
  expect((await served.cli('knowledge', 'import', PACK)).code).toBe(0);
  await app.startGuidedDecision('Which database for the catalogue service?');
  await app.fill('Decision-makers', 'Ana');
  await app.fill('Consulted', 'Bo');
  await app.choosePack(/Database engine/);
  await expect(app.optionNames()).toHaveCount(3);

  // Drivers: three weighted criteria, Write concurrency a must-have of at least 3.
  await app.nextStep();
  await app.expectStep(2, 'Drivers');
  await app.setWeight('Write concurrency', 5);
  await app.setWeight('SQL features', 3);
  await app.setWeight('Read performance', 2);
  await page
    .getByRole('group', { name: 'Write concurrency', exact: true })
    .getByLabel('Must-have')
    .selectOption({ label: 'Yes: exclude an option scoring below 3' });

  // Swing weighting: Read performance matters more than SQL features; moved up by keyboard, rated 80.
  await page.getByRole('radio', { name: 'Swing weighting: rank and compare' }).check();
  const swing = page.getByRole('region', { name: 'Swing weighting' });
  const ranking = swing.getByRole('list', { name: 'Criteria by swing, the most valued first' });
  await expect(ranking.getByRole('listitem').first()).toContainText('Write concurrency');
  await swing.getByRole('button', { name: 'Move Read performance up' }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(ranking.getByRole('listitem').nth(1)).toContainText('Read performance');
  await expect(swing.getByRole('button', { name: 'Move Read performance up' })).toBeFocused();
  await swing.getByLabel('Points for Read performance').fill('80');
  await swing.getByLabel('Points for SQL features').fill('40');
  await expect(page.getByRole('group', { name: 'Read performance', exact: true })).toContainText(
    'Weight 4 of 5 (Major), from 80 swing points.',
  );
  await expect(page.getByRole('group', { name: 'SQL features', exact: true })).toContainText('Weight 2 of 5');
  const axeDrivers = await axe(page).include('.wizard-step').analyze();
  expect(axeDrivers.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Evidence: Write concurrency scored by hand; SQLite below the must-have; two ranges.
  await app.nextStep();
  await app.expectStep(3, 'Evidence');
  await app.openCriterion('Write concurrency');
  await app.setScore('PostgreSQL', 4, 'MVCC lets writers proceed together');
  await app.setScore('MySQL', 3, 'InnoDB row locks');
  await app.setScore('SQLite', 2, 'One writer at a time');
  await app
    .optionEvidence('PostgreSQL')
    .getByLabel(/^Could be as low as/)
    .selectOption('3');
  await app.optionEvidence('PostgreSQL').getByLabel('and as high as').selectOption('5');
  await app
    .optionEvidence('MySQL')
    .getByLabel(/^Could be as low as/)
    .selectOption('2');
  await app.optionEvidence('MySQL').getByLabel('and as high as').selectOption('5');

  // Two people score on their own and differ on SQLite's Write concurrency.
  const people = page.getByRole('region', { name: 'People’s views' });
  await people.getByRole('button', { name: 'Add Ana’s view (decision-maker)' }).click();
  await people.getByRole('button', { name: 'Add Bo’s view (consulted)' }).click();
  await people.getByLabel('Scoring as').selectOption('Ana');
  await people.getByLabel('Ana’s score for SQLite on Write concurrency').selectOption('4');
  await people.getByLabel('Ana’s score for PostgreSQL on Write concurrency').selectOption('4');
  await people.getByLabel('Scoring as').selectOption('Bo');
  await people.getByLabel('Bo’s score for SQLite on Write concurrency').selectOption('1');
  await people.getByLabel('Bo’s score for PostgreSQL on Write concurrency').selectOption('5');
  await expect(people.getByRole('cell', { name: /People differ: Ana 4/ })).toBeVisible();
  await expect(people.getByText('Now: the matrix keeps the decision’s own scores.')).toBeVisible();
  const axeEvidence = await axe(page).include('.wizard-step').analyze();
  expect(axeEvidence.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Outcome: SQLite drops out, the unknown cells say their range and what to fill first, the
  // robustness figure is read, and the two people's disagreement is shown.
  await app.nextStep();
  await app.expectStep(4, 'Outcome');
  const panel = quality(page);
  await expect(panel.getByText('SQLite scores 2 on Write concurrency, below the minimum of 3.')).toBeVisible();
  await expect(panel.getByRole('heading', { name: /^Unknown cells \(\d+\)$/ })).toBeVisible();
  await expect(
    panel.getByText(/^Totals range from PostgreSQL \d+–\d+, MySQL \d+–\d+, SQLite \d+–\d+\.$/),
  ).toBeVisible();
  await expect(
    panel.getByText(/could change the winner: score \w+ on [\w ]+ first\.|None of them could change/),
  ).toBeVisible();
  const share = await firstShare(page);
  expect(Number(share)).toBeGreaterThan(0);
  const row = panel.getByRole('row', { name: /SQLite · Write concurrency/ });
  await expect(row).toContainText('Ana 4, Bo 1');
  await expect(row).toContainText('3');
  await expect(panel).toContainText('the matrix keeps the decision’s own scores');

  // The same decision gives the same figure after a reload.
  await page.reload();
  await app.expectStep(4, 'Outcome');
  expect(await firstShare(page)).toBe(share);

  // Export: the ADR's paragraph states the exclusion, the unknowns, the robustness and the disagreement.
  await app.chooseOption('PostgreSQL');
  await app.waitUntilSaved();
  const repo = path.join(served.dataDir, 'repo');
  fs.mkdirSync(repo);
  const done = await served.cli('export', '--dir', repo, '--no-index');
  expect(done.code, done.err).toBe(0);
  const adr = fs.readdirSync(repo).find((f) => f.endsWith('.md'))!;
  const text = fs.readFileSync(path.join(repo, adr), 'utf8');
  const paragraph = text.split('\n').find((l) => l.startsWith('Ranking: '))!;
  expect(paragraph).toContain('Robustness: SQLite is excluded: 2 on Write concurrency, below its must-have 3.');
  expect(paragraph).toMatch(/\d+ unknown cells could (not )?change the winner/);
  expect(paragraph).toContain(`PostgreSQL ranks first in ${share}% of 10,000 draws`);
  expect(paragraph).toContain('People differ most on SQLite under Write concurrency (Ana 4, Bo 1)');
});
