/**
 * Contradictions and outdated notes on a pack of one's own, made in the Library by keyboard: they
 * show on the claim cards and, once the pack is applied, on the decision's evidence step; they can be
 * removed again. The shipped pack says it is read-only and offers neither.
 */
import { axe } from './axe.js';
import type { Page } from '@playwright/test';
import { expect, test, type Served } from './fixtures.js';

/** A pack with three claims under one criterion, made through the API. */
async function cachePack(served: Served) {
  await served.api('createPack', {
    id: 'session-cache',
    title: 'Session cache',
    question: 'Which cache for the session store?',
    options: [{ name: 'Redis' }, { name: 'Memcached' }],
    criteria: [{ name: 'Persistence' }, { name: 'Memory use' }],
  });
  const source = (await served.api('addSource', {
    pack: 'session-cache',
    source: { title: 'Team notes on caching', publisher: 'Platform team' },
  })) as { id: string };
  const claim = async (option: string, effect: string, summary: string) =>
    (
      (await served.api('addClaim', {
        pack: 'session-cache',
        claim: { source: source.id, criterion: 'persistence', option, effect, summary },
      })) as { id: string }
    ).id;
  return {
    durable: await claim('redis', 'good', 'Redis writes its data to disk and survives a restart.'),
    lossy: await claim('redis', 'bad', 'Redis loses the most recent writes when it restarts.'),
    memcached: await claim('memcached', 'bad', 'Memcached keeps nothing across a restart.'),
  };
}

const card = (page: Page, id: string) => page.locator(`article#claim-${id}`);

test('note a contradiction and an outdated claim by keyboard, see them in the Library and the evidence step, remove them', async ({
  app,
  page,
  served,
}) => {
  test.setTimeout(180_000);
  const ids = await cachePack(served);
  // The page opened before the pack existed: load it again so no cached list of packs predates it.
  await page.reload();
  await app.openLibraryPack('Session cache');
  await expect(page.getByText(/read-only/)).toHaveCount(0);

  // "Contradicts…": open it from the keyboard, find the other claim by words of its summary.
  const durable = card(page, ids.durable);
  await durable.getByRole('button', { name: 'Contradicts…' }).focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: `Note a claim that contradicts ${ids.durable}` });
  const search = form.getByRole('searchbox', { name: 'Find the other claim by its summary' });
  await expect(search).toBeFocused();
  await page.keyboard.type('recent writes');
  await expect(form.getByText('1 claim matches.')).toBeVisible();
  await expect(form.getByRole('radio')).toHaveCount(1);
  const audit = await axe(page).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(audit.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
    [],
  );
  // Saving with nothing chosen says what is missing, next to it.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(form.getByRole('button', { name: 'Save contradiction' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(form.getByText('Choose the claim that disagrees with this one.')).toBeVisible();
  await expect(form.getByText('Say why the two claims disagree.')).toBeVisible();
  await form.getByRole('radio', { name: /Redis · Persistence: Redis loses the most recent writes/ }).focus();
  await page.keyboard.press('Space');
  await expect(form.getByRole('radio', { name: /Redis loses the most recent writes/ })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(form.getByRole('textbox', { name: 'Why they disagree' })).toBeFocused();
  await page.keyboard.type('One counts the append-only file, the other the default snapshots.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(form).toHaveCount(0);
  await expect(durable.getByRole('button', { name: 'Contradicts…' })).toBeFocused();

  // Both cards say it, each naming the other.
  for (const [id, other] of [
    [ids.durable, 'Redis loses the most recent writes when it restarts.'],
    [ids.lossy, 'Redis writes its data to disk and survives a restart.'],
  ] as const) {
    const line = card(page, id).locator('.claim-contradiction');
    await expect(line).toContainText('Contradicted by');
    await expect(line).toContainText(other);
    await expect(line).toContainText('One counts the append-only file, the other the default snapshots.');
  }
  await expect(page.getByRole('navigation', { name: 'Library views' })).toContainText('Contradictions (1)');

  // "Mark outdated…", by keyboard too; Escape closes the form without saving.
  const memcached = card(page, ids.memcached);
  await memcached.getByRole('button', { name: 'Mark outdated…' }).focus();
  await page.keyboard.press('Enter');
  const outdated = page.getByRole('form', { name: `Mark claim ${ids.memcached} outdated` });
  await expect(outdated.getByRole('textbox', { name: 'Why it is outdated, and what replaced it' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(outdated).toHaveCount(0);
  await expect(memcached.getByRole('button', { name: 'Mark outdated…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Extstore keeps items on flash since version 1.6.');
  await page.keyboard.press('Tab');
  await expect(outdated.getByRole('button', { name: 'Mark outdated' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(memcached.locator('.claim-outdated')).toContainText(
    'Outdated: Extstore keeps items on flash since version 1.6.',
  );
  await expect(memcached.getByRole('button', { name: 'Change outdated note…' })).toBeVisible();

  // A decision made with the pack shows both on its evidence step.
  await app.startGuidedDecision('Where do sessions live?');
  await app.choosePack(/Session cache/);
  await app.nextStep();
  await app.expectStep(2, 'Drivers');
  await app.setWeight('Persistence', 5);
  await app.nextStep();
  await app.expectStep(3, 'Evidence');
  const pairs = page.getByRole('region', { name: 'Contradicting claims' });
  await expect(pairs.getByRole('heading', { name: 'Two claims contradict each other' })).toBeVisible();
  await expect(pairs).toContainText('One counts the append-only file, the other the default snapshots.');
  await expect(app.optionEvidence('Memcached').locator('.mark-outdated')).toContainText(
    'Outdated (counts half): Extstore keeps items on flash since version 1.6.',
  );
  await app.waitUntilSaved();

  // Back in the Library, both are removed again.
  await app.openLibraryPack('Session cache');
  await card(page, ids.lossy)
    .getByRole('button', { name: `Remove the contradiction between claims ${ids.lossy} and ${ids.durable}` })
    .focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.claim-contradiction')).toHaveCount(0);
  await card(page, ids.memcached)
    .getByRole('button', { name: `Remove the outdated note on claim ${ids.memcached}` })
    .click();
  await expect(page.locator('.claim-outdated')).toHaveCount(0);
  await expect(card(page, ids.memcached).getByRole('button', { name: 'Mark outdated…' })).toBeVisible();
  const pack = (await served.api('getPack', { id: 'session-cache' })) as { contradictions: []; outdated: [] };
  expect(pack.contradictions).toEqual([]);
  expect(pack.outdated).toEqual([]);
});

test('the shipped pack says it is read-only and offers no notes to add', async ({ app, page }) => {
  await app.openLibraryPack('Backend runtime: Node.js or Python');
  await expect(
    page.getByText(/Shipped with Cairn: this pack’s claims, contradictions and outdated notes are read-only/),
  ).toBeVisible();
  await expect(page.locator('article.claim').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Contradicts…' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Mark outdated…' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Remove the/ })).toHaveCount(0);
});

test('a note added in the Library after a decision accepted the claim shows on its evidence step, taken on request', async ({
  app,
  page,
  served,
}) => {
  test.setTimeout(180_000);
  const ids = await cachePack(served);
  await page.reload();
  await app.startGuidedDecision('Where do sessions live now?');
  await app.choosePack(/Session cache/);
  await app.nextStep();
  await app.expectStep(2, 'Drivers');
  await app.setWeight('Persistence', 5);
  await app.nextStep();
  await app.expectStep(3, 'Evidence');
  const memcached = app.optionEvidence('Memcached');
  await memcached.getByRole('button', { name: 'Accept: Memcached keeps nothing across a restart.' }).click();
  await expect(
    memcached.getByRole('button', { name: 'Accept: Memcached keeps nothing across a restart.' }),
  ).toHaveAttribute('aria-pressed', 'true');
  await app.waitUntilSaved();
  await expect(page.getByRole('region', { name: /The pack’s notes changed/ })).toHaveCount(0);

  // Later, in the Library: the accepted claim is marked outdated, two others contradict each other.
  await app.openLibraryPack('Session cache');
  await card(page, ids.memcached).getByRole('button', { name: 'Mark outdated…' }).click();
  await page
    .getByRole('form', { name: `Mark claim ${ids.memcached} outdated` })
    .getByRole('textbox', { name: 'Why it is outdated, and what replaced it' })
    .fill('Extstore keeps items on flash since version 1.6.');
  await page.getByRole('button', { name: 'Mark outdated', exact: true }).click();
  await expect(card(page, ids.memcached).locator('.claim-outdated')).toBeVisible();
  await served.api('addContradiction', {
    pack: 'session-cache',
    claims: [ids.durable, ids.lossy],
    note: 'One counts the append-only file, the other the default snapshots.',
  });

  // Back on the decision's evidence step: what changed is said, and nothing changed by itself.
  await page.reload();
  await app.goToDecisions();
  await page.getByRole('link', { name: 'Where do sessions live now?', exact: true }).click();
  await page.getByRole('link', { name: 'Continue guided decision' }).click();
  await app.expectStep(3, 'Evidence');
  const changed = page.getByRole('region', { name: 'The pack’s notes changed on 3 claims this decision took' });
  await expect(changed).toContainText(
    '“Memcached keeps nothing across a restart.”: now outdated: Extstore keeps items on flash since version 1.6.',
  );
  await expect(changed).toContainText('now contradicted by “Redis loses the most recent writes when it restarts.”');
  await expect(memcached.locator('.mark-outdated')).toHaveCount(0);
  await changed.getByRole('button', { name: 'Take the pack’s current notes' }).click();
  await expect(memcached.locator('.mark-outdated')).toContainText(
    'Outdated (counts half): Extstore keeps items on flash since version 1.6.',
  );
  await expect(page.getByRole('region', { name: 'Contradicting claims' })).toContainText(
    'One counts the append-only file, the other the default snapshots.',
  );
  await expect(changed).toHaveCount(0);
  await expect(
    memcached.getByRole('button', { name: 'Accept: Memcached keeps nothing across a restart.' }),
  ).toHaveAttribute('aria-pressed', 'true');
  await app.waitUntilSaved();
});
