/**
 * "Import pack…" where the host has a system open-file dialog (the desktop app): the page asks the
 * host for a path (`pickPackFile`) and the core reads that file. The Electron binary cannot run
 * here, so the host's two answers about the dialog (it exists; the path chosen) are given by the
 * test; the file, its import and everything after are real. The pack carries a contradiction and
 * an outdated note, which arrive with it as the pack's own (shown, not removable).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type Served } from './fixtures.js';

/** The host says it has the dialog, and the dialog answers `chosen` (null: the user cancelled). */
async function desktopDialog(page: Page, chosen: () => string | null) {
  const asked: unknown[] = [];
  await page.route('**/api/getHostInfo', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        ok: true,
        value: {
          capabilities: {
            pickFolder: false,
            pickPackFile: true,
            showItemInFolder: false,
            openExternal: false,
            menu: false,
          },
        },
      }),
    }),
  );
  await page.route('**/api/pickPackFile', (route) => {
    asked.push(route.request().postDataJSON());
    return route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ ok: true, value: { path: chosen() } }),
    });
  });
  return asked;
}

async function packFileWithNotes(served: Served): Promise<{ file: string; claims: string[] }> {
  await served.api('createPack', {
    id: 'session-cache',
    title: 'Session cache',
    question: 'Which cache for the session store?',
    options: [{ name: 'Redis' }, { name: 'Memcached' }],
    criteria: [{ name: 'Persistence' }],
  });
  const source = (await served.api('addSource', { pack: 'session-cache', source: { title: 'Team notes' } })) as {
    id: string;
  };
  const claims: string[] = [];
  for (const [option, summary] of [
    ['redis', 'Redis writes its data to disk and survives a restart.'],
    ['memcached', 'Memcached keeps nothing across a restart.'],
  ] as const) {
    const c = (await served.api('addClaim', {
      pack: 'session-cache',
      claim: { source: source.id, criterion: 'persistence', option, effect: 'good', summary },
    })) as { id: string };
    claims.push(c.id);
  }
  await served.api('addContradiction', {
    pack: 'session-cache',
    claims,
    note: 'They disagree on what a restart keeps.',
  });
  await served.api('markOutdated', { pack: 'session-cache', claim: claims[1], note: 'Extstore keeps items on flash.' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-pack-dialog-'));
  const saved = (await served.api('savePackFile', { id: 'session-cache', folder: dir })) as { path: string };
  // Imported beside the original under another id, as a teammate's copy would be.
  const pack = JSON.parse(fs.readFileSync(saved.path, 'utf8'));
  const file = path.join(dir, 'session-cache-copy.cairn-pack.json');
  fs.writeFileSync(file, JSON.stringify({ ...pack, id: 'session-cache-copy', title: 'Session cache (copy)' }));
  return { file, claims };
}

test('Import pack… opens the host’s file dialog, imports the chosen file, and a cancel changes nothing', async ({
  app,
  page,
  served,
}) => {
  const { file, claims } = await packFileWithNotes(served);
  let chosen: string | null = null;
  const asked = await desktopDialog(page, () => chosen);
  // The page asks the host what it can do once per load: load it again to ask this host.
  await page.reload();
  await app.open();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  const importer = page.getByRole('region', { name: 'Import a pack file' });
  // The desktop app offers its dialog instead of the browser's file input.
  await expect(importer.getByRole('button', { name: 'Import pack…' })).toBeVisible();
  await expect(importer.getByLabel('Choose a .cairn-pack.json file')).toHaveCount(0);

  // Cancelled: nothing imported, nothing said to be wrong.
  await importer.getByRole('button', { name: 'Import pack…' }).click();
  await expect.poll(() => asked.length).toBe(1);
  await expect(importer.getByRole('button', { name: 'Import pack…' })).toBeEnabled();
  await expect(importer.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Session cache (copy)' })).toHaveCount(0);

  chosen = file;
  await importer.getByRole('button', { name: 'Import pack…' }).click();
  const outcome = importer.getByRole('status').filter({ hasText: 'Imported' });
  await expect(outcome).toContainText('Imported Session cache (copy): 2 claims from 1 source');
  await outcome.getByRole('link', { name: 'Session cache (copy)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Session cache (copy)' })).toBeVisible();

  // The notes came with the file: shown on the cards, as the pack's own (no Remove).
  await expect(page.locator(`article#claim-${claims[0]} .claim-contradiction`)).toContainText(
    'They disagree on what a restart keeps.',
  );
  await expect(page.locator(`article#claim-${claims[1]} .claim-outdated`)).toContainText(
    'Extstore keeps items on flash.',
  );
  await expect(page.getByRole('button', { name: /^Remove the/ })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Library views' })).toContainText('Contradictions (1)');
});
