/**
 * A decision's plain links travel through its ADR: exported (MADR and Nygard) and imported into
 * a fresh store, with or without the ledger, the decision holds the same links in the same order.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, testCore } from '../helpers/temp.js';

const links = [
  { title: 'Vendor comparison', url: 'https://wiki.example.org/cdn-vendors' },
  { title: 'Ticket WEB-88', url: 'https://tracker.example.org/WEB-88' },
  { title: '', url: 'mailto:web-team@example.org' },
  { title: 'Load test report', url: 'reports/load-test.pdf' },
];

describe('plain links exported and imported into a fresh store', () => {
  it.each([
    ['madr', true],
    ['madr', false],
    ['nygard', true],
    ['nygard', false],
  ] as const)('%s, ledger kept: %s', async (format, keepLedger) => {
    const core = testCore();
    const made = await core.invoke('createDecision', {
      content: {
        title: 'Use a CDN for static files',
        date: '2026-02-01',
        links,
        drivers: [{ id: 'd1', name: 'Speed', weight: 4 }],
      },
    });
    const dir = tempDir();
    const result = await core.invoke('runExport', { ids: [made.id], dir, format, index: false });
    if (!keepLedger)
      for (const f of fs.readdirSync(result.folder))
        if (f.endsWith('.ledger.json')) fs.rmSync(path.join(result.folder, f));
    const other = testCore();
    await other.invoke('importFolder', { dir: result.folder });
    const [summary] = (await other.invoke('listDecisions', {})).items;
    expect((await other.invoke('getDecision', { id: summary!.id })).links).toEqual(links);
  });
});
