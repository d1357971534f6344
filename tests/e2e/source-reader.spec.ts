import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { htmlPage } from '../helpers/documents.js';
import { expect, test } from './fixtures.js';

/** Selects the first occurrence of `words` inside the reader, as a user dragging over them would. */
async function select(page: import('@playwright/test').Page, words: string) {
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

test('add a web page to my own pack, read it, make a claim from a selection, and see a made-up quote marked missing', async ({
  app,
  page,
  served,
}) => {
  await served.api('createPack', {
    id: 'brokers',
    question: 'Which message broker?',
    options: [{ name: 'RabbitMQ' }, { name: 'Kafka' }],
    criteria: [{ name: 'Operations' }, { name: 'Throughput' }],
  });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-doc-')), 'queues.html');
  fs.writeFileSync(file, htmlPage());
  await app.openLibraryPack('Which message broker?');
  await page.getByRole('navigation', { name: 'Library views' }).getByRole('link', { name: 'Add your own' }).click();
  await page.getByLabel('Add a source from a document').setInputFiles(file);
  await expect(
    page.getByRole('status').filter({ hasText: 'Stored text version 1 of “Queues compared | Example Notes”' }),
  ).toBeVisible();

  await page.getByRole('navigation', { name: 'Library views' }).getByRole('link', { name: 'Sources' }).click();
  await page.getByRole('link', { name: 'Queues compared | Example Notes' }).click();
  const reader = page.getByRole('article', { name: /Text of Queues compared/ });
  await expect(reader.getByRole('heading', { name: 'Operations' })).toBeVisible();

  // A selection that occurs twice is refused with how to fix it.
  await select(page, 'RabbitMQ');
  await page.getByRole('button', { name: 'Make a claim from the selection' }).click();
  await expect(page.getByRole('alert')).toContainText('occur 2 times');

  await select(page, 'Running Kafka meant learning about retention, compaction and rebalancing');
  await page.getByRole('button', { name: 'Make a claim from the selection' }).click();
  const form = page.getByRole('form', { name: 'Make a claim' });
  await expect(form.getByLabel(/Quote/)).toHaveValue(
    'Running Kafka meant learning about retention, compaction and rebalancing',
  );
  await expect(form.getByLabel('Section')).toHaveValue('Operations');
  await form.getByLabel('Option', { exact: true }).selectOption({ label: 'Kafka' });
  await form.getByLabel('Criterion').selectOption({ label: 'Operations' });
  await form.getByLabel('Effect for that option').selectOption('bad');
  await form
    .getByLabel('Claim, in your own words')
    .fill('Kafka asks the team to learn its storage model before the first release.');
  await form.getByRole('button', { name: 'Save claim' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Added claim own-claim-\d+: verified/ })).toBeVisible();
  await expect(reader.locator('mark.claim-mark')).toHaveText(
    'Running Kafka meant learning about retention, compaction and rebalancing',
  );
  await expect(page.getByRole('article', { name: /Bad claim own-claim/ }).getByText('quote verified')).toBeVisible();

  // A quote typed in by hand that the page never says.
  await served.api('addClaim', {
    pack: 'brokers',
    claim: {
      source: 'own-source-1',
      option: 'kafka',
      criterion: 'throughput',
      effect: 'good',
      summary: 'Made up.',
      anchor: 'Kafka never loses a message',
    },
  });
  await page.reload();
  const fake = page.getByRole('article').filter({ hasText: 'Made up.' });
  await expect(fake.getByText('quote not found in the source')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('source-reader.png'), fullPage: true });

  // A decision takes the verified claim; then the page changes and the passage is gone.
  const decision = (await served.api('createDecision', { content: { title: 'Pick a broker for orders' } })) as {
    id: string;
  };
  const applied = (await served.api('applyPack', { id: decision.id, pack: 'brokers' })) as {
    revision: number;
    evaluation: { claims: { verdict: string }[] };
  };
  // Claims start unreviewed; the architect accepts them, so a change to them matters to the decision.
  await served.api('updateDecision', {
    id: decision.id,
    baseRevision: applied.revision,
    content: {
      ...applied,
      evaluation: {
        ...applied.evaluation,
        claims: applied.evaluation.claims.map((c) => ({ ...c, verdict: 'accepted' })),
      },
    },
  });
  await served.api('addSourceDocument', {
    pack: 'brokers',
    source: 'own-source-1',
    document: { name: 'queues.txt', text: 'Operations\n\nKafka is now run for us by a managed service.\n' },
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decisions' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Pick a broker for orders' });
  await expect(row.getByText('evidence changed')).toBeVisible();
  await row.getByRole('link', { name: 'Pick a broker for orders' }).click();
  await expect(page.getByRole('note', { name: 'Evidence changed' })).toContainText(
    'Kafka asks the team to learn its storage model before the first release. — missing (was verified)',
  );
});
