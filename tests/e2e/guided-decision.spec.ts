import { axe } from './axe.js';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

async function press(page: Page, key: string, times = 1) {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

test('with the backend-runtime pack, from a question to an accepted decision (drivers by keyboard only)', async ({
  app,
  page,
  served,
}) => {
  // Five steps by keyboard, then two CLI runs (each starts tsx): more than the default minute on a busy machine.
  test.setTimeout(120_000);
  await app.startGuidedDecision('Which runtime for our notification service?');

  // 1. Question and context: the pack's options become the considered options; the user adds and removes one.
  await app.fill(
    'Context and problem statement',
    'The service keeps 50,000 WebSocket connections open and mostly waits on the queue.',
  );
  await app.fill('Decision-makers', 'Ada, Grace');
  await app.choosePack(/Backend runtime/);
  await expect(app.optionNames()).toHaveCount(2);
  await app.addOption('Go');
  await expect(app.optionNames()).toHaveCount(3);
  await app.removeOption('Go');
  await expect(app.optionNames()).toHaveCount(2);

  // 2. Drivers, by keyboard only: arrive, weigh, answer the conditions, leave.
  await press(page, 'Alt+PageDown');
  await app.expectStep(2, 'Drivers');
  await expect(page.getByRole('heading', { level: 2 })).toBeFocused();
  // Criteria start unweighted (0): none is a driver until it is weighed. First stop: how to set the
  // weights (direct rating stays chosen), then the first criterion's weights.
  await press(page, 'Tab');
  await expect(page.getByRole('radio', { name: 'Rate each criterion 0–5' })).toBeFocused();
  await press(page, 'Tab');
  await expect(app.weightOf('I/O concurrency model', 0)).toBeFocused();
  // Each criterion is two stops: its weights, then its must-have choice.
  await press(page, 'ArrowRight', 5);
  await press(page, 'Tab', 6);
  await press(page, 'ArrowRight', 2);
  await press(page, 'Tab', 2);
  await expect(app.weightOf('Scalability', 0)).toBeFocused();
  await press(page, 'ArrowRight', 3);
  await press(page, 'Tab', 2);
  await expect(app.weightOf('Real-time and streaming', 0)).toBeFocused();
  await press(page, 'ArrowRight', 5);
  // On with Tab (only the keyboard) past the criteria left at 0 and their must-have choices.
  for (
    let i = 0;
    i < 40 &&
    !(await app.weightOf('Maturity, stability and evolution', 0).evaluate((e) => e === document.activeElement));
    i++
  )
    await press(page, 'Tab');
  await expect(app.weightOf('Maturity, stability and evolution', 0)).toBeFocused();
  await press(page, 'ArrowRight', 3);
  const condition = (name: string) => page.getByRole('group', { name: `Does “${name}” describe this decision?` });
  const notSure = condition('I/O-bound workload').getByRole('radio', { name: 'Not sure' });
  for (let i = 0; i < 10 && !(await notSure.evaluate((e) => e === document.activeElement)); i++)
    await press(page, 'Tab');
  await expect(condition('I/O-bound workload').getByRole('radio', { name: 'Not sure' })).toBeFocused();
  await press(page, 'ArrowRight');
  await press(page, 'Tab');
  await press(page, 'ArrowLeft');
  await press(page, 'Tab');
  await press(page, 'ArrowLeft');
  for (const [criterion, weight] of [
    ['I/O concurrency model', 5],
    ['CPU-heavy workloads', 0],
    ['Threading and parallelism', 0],
    ['Raw performance and speed', 2],
    ['Scalability', 3],
    ['Real-time and streaming', 5],
    ['Machine learning and data work', 0],
    ['Package ecosystem and libraries', 0],
    ['Maturity, stability and evolution', 3],
  ] as const) {
    await expect(app.weightOf(criterion, weight)).toBeChecked();
  }
  await expect(condition('I/O-bound workload').getByRole('radio', { name: 'Yes' })).toBeChecked();
  await expect(condition('machine learning or data work').getByRole('radio', { name: /^No:/ })).toBeChecked();
  await expect(condition('CPU-bound workload').getByRole('radio', { name: /^No:/ })).toBeChecked();
  await expect(page.getByText(/\d+ claims are set aside by your answers/)).toBeVisible();
  await press(page, 'Alt+PageDown');

  // 3. Evidence: how scores are pre-filled, contradictions, outdated and set-aside claims; verdicts, an own claim, a score with a note.
  await app.expectStep(3, 'Evidence');
  await expect(page.getByText('How scores are pre-filled.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /^I\/O concurrency model/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Contradicting claims' })).toContainText('Why they differ');
  await expect(page.getByText(/^Outdated/).first()).toBeVisible();
  await app.openCriterion('Scalability');
  const aside = page.locator('summary', { hasText: /^Set aside \(\d+\)/ }).first();
  await aside.click();
  await expect(page.getByText('which you said does not apply').first()).toBeVisible();

  await app.openCriterion('Real-time and streaming');
  const node = app.optionEvidence('Node.js');
  // Claims start unreviewed and count nowhere; accept the cell's claims at once, then reject one.
  await expect(node.getByText(/not reviewed yet/).first()).toBeVisible();
  await node.getByRole('button', { name: /^Accept all \d+ claims about Node\.js on Real-time and streaming$/ }).click();
  await expect(node.getByText(/^All \d+ reviewed\.$/)).toBeVisible();
  await node
    .getByRole('button', { name: /^Reject:/ })
    .first()
    .click();
  await expect(node.getByText(/1 rejected/)).toBeVisible();
  await app.addOwnClaim('Node.js', {
    text: 'Our gateway prototype held 20,000 sockets on one small instance.',
    source: 'Spike report, March',
  });
  await app.setScore('Python', 2, 'Nobody on the team has run asyncio in production.');
  await app.waitUntilSaved();

  // Close and reopen mid-way: the wizard resumes at the step it was left on, with everything kept.
  await page.reload();
  await app.expectStep(3, 'Evidence');
  await app.openCriterion('Real-time and streaming');
  await expect(
    app.optionEvidence('Node.js').getByText('Our gateway prototype held 20,000 sockets on one small instance.'),
  ).toBeVisible();
  await expect(app.optionEvidence('Python').getByRole('textbox', { name: /^Why 2\?/ })).toHaveValue(
    'Nobody on the team has run asyncio in production.',
  );
  await app.nextStep();

  // 4. Outcome: matrix, charts, sensitivity; choose, with proposed consequences and a suggested rationale.
  await app.expectStep(4, 'Outcome');
  const matrix = page.getByRole('table').filter({ hasText: 'score (1–5) × weight' });
  await expect(matrix.getByRole('rowheader', { name: 'Real-time and streaming' })).toBeVisible();
  await expect(matrix.getByRole('rowheader', { name: 'CPU-heavy workloads' })).toHaveCount(0);
  await expect(page.getByRole('img', { name: /Total weighted score per option/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Contribution of each criterion/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'How firm is this?' })).toContainText(
    /(wins if the weight of .+ (drops|rises) from \d to \d)|(No change of a single weight (changes the winner|gives another option the lead))/,
  );
  await app.chooseOption('Node.js');
  const consequences = page.getByRole('group', { name: 'Consequences' });
  await expect(consequences.getByText(/^Cites:/).first()).toBeVisible();
  await page.getByRole('button', { name: 'Suggest a rationale from the matrix' }).click();
  await expect(app.field('Rationale')).toHaveValue(/^Node\.js totals \d+ of \d+ possible points/);
  await app.fill('Confirmation', 'Load test with 50,000 connections before launch.');
  await app.nextStep();

  // 5. Review: the preview as exported, then accept.
  await app.expectStep(5, 'Review');
  const preview = page.getByRole('region', { name: 'Preview of the exported ADR' });
  await expect(preview).toContainText('Chosen option: "Node.js", because Node.js totals');
  await expect(preview.locator('.footnotes').getByRole('listitem').first()).toBeVisible();
  await expect(preview).toContainText('Sensitivity:');
  await page.getByRole('button', { name: 'Accept this decision' }).click();
  await app.waitUntilSaved();
  await expect(page.getByText('Accepted as ADR 1.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'ADR 1: Which runtime for our notification service?',
  );

  const list = JSON.parse((await served.cli('list', '--json')).out) as { id: string }[];
  const shown = JSON.parse((await served.cli('show', list[0]!.id, '--json')).out);
  expect(shown).toMatchObject({
    status: 'accepted',
    number: 1,
    chosenOption: 'nodejs',
    decisionMakers: ['Ada', 'Grace'],
  });
  expect(shown.evaluation.conditions).toMatchObject({
    'I/O-bound workload': true,
    'machine learning or data work': false,
    'CPU-bound workload': false,
  });
  expect(shown.evaluation.scores).toEqual([
    {
      option: 'python',
      driver: 'real-time',
      value: 2,
      note: 'Nobody on the team has run asyncio in production.',
      min: null,
      max: null,
    },
  ]);
  expect(shown.evaluation.claims.filter((c: { own: boolean }) => c.own)).toHaveLength(1);
  expect(shown.evaluation.claims.filter((c: { verdict: string }) => c.verdict === 'rejected')).toHaveLength(1);
  expect(shown.analysis.sensitivity.statement).toBeTruthy();
});

test('a blank decision with typed options, criteria and claims', async ({ app, page }) => {
  await app.startGuidedDecision('Which message broker for order events?');
  await expect(page.getByRole('radio', { name: /^No pack/ })).toBeChecked();
  await app.addOption('Kafka');
  await app.addOption('RabbitMQ');
  await expect(app.optionNames()).toHaveCount(2);
  await app.nextStep();

  await app.expectStep(2, 'Drivers');
  await expect(page.getByText('No criteria yet.')).toBeVisible();
  await app.addCriterion('Throughput', 'How many events per second at peak?');
  await app.addCriterion('Operational effort', 'Who runs it at 3 a.m.?');
  await app.setWeight('Throughput', 5);
  await app.setWeight('Operational effort', 2);
  await expect(page.getByText('How many events per second at peak?')).toBeVisible();
  await app.nextStep();

  await app.expectStep(3, 'Evidence');
  await expect(
    app.optionEvidence('Kafka').getByText('No counted claim, so the score is unknown until you set one.'),
  ).toBeVisible();
  await app.addOwnClaim('Kafka', {
    text: 'Our benchmark sustained a million events per second on three brokers.',
    source: 'Benchmark notes',
  });
  await expect(app.optionEvidence('Kafka').getByText(/^Pre-filled 4 from 1 claim/)).toBeVisible();
  await app.setScore('RabbitMQ', 3, 'Enough for today, tight for next year.');
  await app.openCriterion('Operational effort');
  await app.setScore('Kafka', 2, 'Needs KRaft expertise we lack.');
  await app.addOwnClaim('RabbitMQ', { text: 'The platform team already runs it for two other services.' });
  await app.nextStep();

  await app.expectStep(4, 'Outcome');
  const matrix = page.getByRole('table').filter({ hasText: 'score (1–5) × weight' });
  // Kafka 4×5 + 2×2 = 24; RabbitMQ 3×5 + 4×2 = 23.
  await expect(matrix.getByRole('row', { name: /^Total/ })).toContainText('24');
  await expect(matrix.getByRole('row', { name: /^Total/ })).toContainText('23');
  const firmness = page.getByRole('region', { name: 'How firm is this?' });
  await expect(firmness).toContainText('RabbitMQ wins if the weight of Operational effort rises from 2 to 3.');
  await expect(firmness).toContainText('Close call');
  await app.chooseOption('Kafka');
  await expect(
    page.getByRole('group', { name: 'Consequences' }).getByRole('textbox', { name: 'Consequence 1' }),
  ).toHaveValue(/Throughput.*Our benchmark/);
  await app.fill('Rationale', 'it has the headroom we need, and we accept the operational cost.');
  await app.nextStep();

  await app.expectStep(5, 'Review');
  const preview = page.getByRole('region', { name: 'Preview of the exported ADR' });
  await expect(preview).toContainText('Chosen option: "Kafka", because it has the headroom we need');
  await expect(preview).toContainText('Benchmark notes');
  await page.getByLabel('Status of this decision').selectOption('accepted');
  await app.waitUntilSaved();
  await expect(page.getByText('Accepted as ADR 1.')).toBeVisible();
});

test('the editor opens the guided flow where it was left', async ({ app, page }) => {
  await app.createDecision('Pick a cache');
  await page.getByRole('button', { name: 'Start guided decision' }).click();
  await app.expectStep(1, 'Question and context');
  await app.nextStep();
  await app.nextStep();
  await app.expectStep(3, 'Evidence');
  await app.waitUntilSaved();
  await page.getByRole('link', { name: '← Open in the editor' }).click();
  await page.getByRole('button', { name: 'Continue guided decision (step 3)' }).click();
  await app.expectStep(3, 'Evidence');
  await press(page, 'Alt+PageUp');
  await app.expectStep(2, 'Drivers');
});

test('every step of the guided decision passes an accessibility check', async ({ app, page }) => {
  // axe walks every element; the Evidence step shows a whole pack's claims, so give it room.
  test.setTimeout(120_000);
  await app.startGuidedDecision('Which runtime for our notification service?');
  await app.choosePack(/Backend runtime/);
  const titles = ['Question and context', 'Drivers', 'Evidence', 'Outcome', 'Review'];
  for (const [i, title] of titles.entries()) {
    await app.expectStep(i + 1, title);
    if (title === 'Outcome') await app.chooseOption('Python');
    const result = await axe(page).include('main').analyze();
    expect(result.violations.map((v) => `${title}: ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    if (i < titles.length - 1) await app.nextStep();
  }
});
