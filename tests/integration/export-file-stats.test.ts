import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDecisionStore } from '../../electron/core/decisions/store.js';
import { createFileStats, STAT_SLACK_MS } from '../../electron/core/export/file-stats.js';
import { planExport } from '../../electron/core/export/plan.js';
import { tempDir, testCore } from '../helpers/temp.js';

const FILE = '0001-use-sqlite-for-the-store.md';
/** A hash no file here has: seen in a plan only when the remembered one was used instead of reading the file. */
const REMEMBERED = 'f'.repeat(64);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A folder with one exported ADR, and a core that knows it. */
async function exported() {
  const core = testCore();
  const dir = tempDir('cairn-stats-');
  const d = await core.invoke('createDecision', {
    content: { title: 'Use SQLite for the store', date: '2026-02-01', status: 'accepted' },
  });
  const first = await core.invoke('runExport', { dir, index: false });
  expect(first.written.map((f) => f.file)).toEqual([FILE]);
  /** An edit in Cairn, so the next export has a new version to write. */
  const edit = async (context: string) => {
    const {
      revision,
      id: _id,
      number: _n,
      createdAt: _c,
      updatedAt: _u,
      trashedAt: _t,
      ...content
    } = await core.invoke('getDecision', { id: d.id });
    await core.invoke('updateDecision', { id: d.id, baseRevision: revision, content: { ...content, context } });
  };
  return { core, dir, file: path.join(dir, FILE), edit };
}

/** Remembers `hash` for the file's current stat, as if the stat had been taken `later` ms after its last change. */
function remember(core: ReturnType<typeof testCore>, dir: string, full: string, hash: string, later: number) {
  const stat = fs.lstatSync(full);
  const stats = createFileStats(core.db, dir);
  stats.read(path.basename(full), stat, Math.max(stat.mtimeMs, stat.ctimeMs) + later, hash);
  stats.save(new Set([path.basename(full)]));
}

const planned = (core: ReturnType<typeof testCore>, dir: string) =>
  planExport(core.ctx, createDecisionStore(core.ctx), { ids: [], dir, index: false }).scan.entries.get(FILE)!;

describe('re-export: files recognised by their stat', () => {
  it('takes the remembered hash while the stat is the recorded one (checked when the text is read), and reads the file once it is not', async () => {
    const { core, dir, file } = await exported();
    remember(core, dir, file, REMEMBERED, STAT_SLACK_MS + 1000);
    // The scan takes the remembered hash without reading; the first read of the text (its header)
    // checks the bytes against it, so a wrong one stops the plan instead of being trusted.
    expect(() => planned(core, dir)).toThrow(/changed while the export was being planned/);

    // Same length, new bytes: the times move, so the file is read again.
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace('Use SQLite', 'Use sqlite'));
    expect(fs.statSync(file).size).toBe(Buffer.byteLength(text));
    expect(planned(core, dir).sha256).toBe(sha256(fs.readFileSync(file)));
  });

  it('does not remember a stat taken right after the file changed (it could change again within the same tick)', async () => {
    const { core, dir, file } = await exported();
    remember(core, dir, file, REMEMBERED, STAT_SLACK_MS - 1000);
    expect(core.db.prepare('SELECT COUNT(*) AS n FROM export_file_stats').get()).toEqual({ n: 0 });
    expect(planned(core, dir).sha256).toBe(sha256(fs.readFileSync(file)));
  });

  it('a teammate’s edit of the same length after the stat was remembered is a conflict, never overwritten', async () => {
    const { core, dir, file, edit } = await exported();
    remember(core, dir, file, sha256(fs.readFileSync(file)), STAT_SLACK_MS + 1000);
    const edited = fs.readFileSync(file, 'utf8').replace('Use SQLite', 'Use SQLITE');
    fs.writeFileSync(file, edited);
    await edit('The store is one file on the machine of its user.');

    const again = await core.invoke('runExport', { dir, index: false });
    expect(again.written).toEqual([]);
    expect(again.conflicts.map((c) => [c.file, c.keptAs])).toEqual([[FILE, `${FILE}.cairn`]]);
    expect(fs.readFileSync(file, 'utf8')).toBe(edited);
  });

  it('forgets the stats of files that left the folder', async () => {
    const { core, dir, file } = await exported();
    remember(core, dir, file, sha256(fs.readFileSync(file)), STAT_SLACK_MS + 1000);
    fs.rmSync(file);
    await core.invoke('runExport', { dir, index: false });
    expect(core.db.prepare('SELECT file FROM export_file_stats').all()).toEqual([]);
  });
});
