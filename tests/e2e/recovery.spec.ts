import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cairnCli, expect, serveDataDir, test } from './fixtures.js';
import { CairnApp } from './pages/CairnApp.js';

test('a damaged database opens on the restore page, and restoring brings the decisions back', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-e2e-recovery-'));
  const dbPath = path.join(dataDir, 'cairn.db');
  for (const title of ['Use PostgreSQL for orders', 'Pick a message broker'])
    expect((await cairnCli(dbPath, ['new', title])).code).toBe(0);
  expect((await cairnCli(dbPath, ['backup'])).code).toBe(0);
  // Garbage over every page but the first: SQLite still opens the file, and finds it malformed.
  const size = fs.statSync(dbPath).size;
  const fd = fs.openSync(dbPath, 'r+');
  fs.writeSync(fd, Buffer.alloc(size - 4096, 0x5a), 0, size - 4096, 4096);
  fs.closeSync(fd);
  const damaged = fs.readFileSync(dbPath);

  const { child, url } = await serveDataDir(dataDir);
  try {
    const app = new CairnApp(page, url);
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1, name: 'The database is damaged' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('has not changed the file');
    await expect(page.getByText(`cairn restore --db ${dbPath}`)).toBeVisible();
    expect(fs.readFileSync(dbPath).equals(damaged)).toBe(true);

    await page.getByRole('button', { name: /^Restore the backup from / }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Backup restored' })).toBeVisible();
    const setAside = fs.readdirSync(dataDir).find((n) => /^cairn\.db\.replaced-[^-]+.*Z$/.test(n));
    expect(setAside && fs.readFileSync(path.join(dataDir, setAside)).equals(damaged)).toBe(true);

    await page.getByRole('button', { name: 'Open Cairn' }).click();
    await app.goToDecisions();
    await expect(page.getByRole('link', { name: 'Use PostgreSQL for orders' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Pick a message broker' })).toBeVisible();
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
