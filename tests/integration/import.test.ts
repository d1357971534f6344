import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderImported } from '../../shared/adr/roundtrip.js';
import type { Core } from '../../electron/core/core.js';
import { readDecisionOrigin } from '../../electron/core/origins.js';
import { FIXTURES } from '../helpers/adr.js';
import { tempDir, testCore } from '../helpers/temp.js';

/** A copy of a fixture folder that a test may change, as a teammate's `git pull` would. */
function copyFixture(name: string): string {
  const dir = path.join(tempDir('cairn-import-'), name);
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return fs.realpathSync(dir);
}

/** A decision as the API gives it, with the file it was imported from beside it (never in it). */
async function withOrigin(core: Core, id: string) {
  return { ...(await core.invoke('getDecision', { id })), origin: readDecisionOrigin(core.db, id) };
}

async function all(core: Core) {
  return (await core.invoke('listDecisions', { limit: 100_000, sort: 'number' })).items;
}

/** Every imported decision, rendered back, equals its file on disk. */
async function expectRoundTrip(core: Core, dir: string) {
  const rows = core.db.prepare('SELECT file, decision_id FROM repo_files WHERE dir = ?').all(dir) as {
    file: string;
    decision_id: string;
  }[];
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    // A file gone from the folder keeps its row (so it is matched if it comes back); nothing to compare.
    if (!fs.existsSync(path.join(dir, row.file))) continue;
    const d = await withOrigin(core, row.decision_id);
    expect(renderImported(d), row.file).toBe(fs.readFileSync(path.join(dir, row.file), 'utf8'));
  }
}

describe('importing a folder', () => {
  it.each([
    ['madr2', 4, 0],
    ['madr3', 1, 0],
    ['madr4', 4, 2],
    ['nygard', 4, 0],
    ['log4brains', 3, 3],
    ['variants', 7, 1],
  ])(
    '%s: imports every decision, skips index/README/template files with a reason, and round-trips byte for byte',
    async (name, imported, skipped) => {
      const core = testCore();
      const dir = copyFixture(name);
      const report = await core.invoke('importFolder', { dir });
      expect(report.imported).toHaveLength(imported);
      expect(report.skipped).toHaveLength(skipped);
      for (const s of report.skipped) expect(s).toMatchObject({ kind: 'not-adr' });
      expect(report.updated).toEqual([]);
      expect(await all(core)).toHaveLength(imported);
      await expectRoundTrip(core, dir);
    },
  );

  it('resolves relations between the imported files, in both directions', async () => {
    const core = testCore();
    const report = await core.invoke('importFolder', { dir: copyFixture('nygard') });
    const id = (file: string) => report.imported.find((f) => f.file === file)!.id;
    const [one, two, three, four] = [
      '0001-record-architecture-decisions.md',
      '0002-deploy-with-scripts.md',
      '0003-deploy-with-containers.md',
      '0004-old-logging.md',
    ].map(id);
    expect((await core.invoke('getDecision', { id: three! })).relations).toEqual([
      { type: 'supersedes', target: two },
      { type: 'amends', target: one },
      { type: 'supersedes', target: four },
    ]);
    expect((await core.invoke('getDecision', { id: one! })).relations).toEqual([{ type: 'amended-by', target: three }]);
    expect((await core.invoke('getDecision', { id: two! })).status).toBe('superseded');
    expect((await core.invoke('getDecision', { id: four! })).statusText).toBe(
      'Superceded by [3. Deploy with containers](0003-deploy-with-containers.md)',
    );
  });

  it('numbers files named by date after the highest number of their repository, and reads a missing status as accepted', async () => {
    const core = testCore();
    await core.invoke('importFolder', { dir: copyFixture('nygard') });
    // Numbers are per repository: another folder's ADR 1–4 do not push these on.
    const report = await core.invoke('importFolder', { dir: copyFixture('log4brains') });
    expect(report.imported.map((f) => f.number)).toEqual([1, 2, 3]);
    const again = await core.invoke('importFolder', { dir: copyFixture('log4brains') });
    expect(again.imported.map((f) => f.number)).toEqual([1, 2, 3]);
    const madr = await core.invoke('importFolder', { dir: copyFixture('madr4') });
    const zero = await core.invoke('getDecision', { id: madr.imported.find((f) => f.number === 0)!.id });
    expect(zero).toMatchObject({ status: 'accepted', statusText: '' });
  });

  it('after a git pull: updates changed files as a new revision, adds new ones, follows renames, reports missing ones, never duplicates', async () => {
    const core = testCore();
    const dir = copyFixture('nygard');
    const first = await core.invoke('importFolder', { dir });
    const again = await core.invoke('importFolder', { dir });
    expect(again.unchanged).toHaveLength(4);
    expect(again.imported).toEqual([]);

    const f1 = path.join(dir, '0001-record-architecture-decisions.md');
    fs.writeFileSync(f1, fs.readFileSync(f1, 'utf8').replace('\nAccepted\n', '\nDeprecated\n'));
    fs.renameSync(path.join(dir, '0004-old-logging.md'), path.join(dir, '0004-log-to-files.md'));
    fs.rmSync(path.join(dir, '0002-deploy-with-scripts.md'));
    fs.writeFileSync(
      path.join(dir, '0005-ship-logs.md'),
      '# 5. Ship logs to a service\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\nAmends [4. Log to local files](0004-log-to-files.md)\n',
    );
    const pulled = await core.invoke('importFolder', { dir });

    const one = first.imported.find((f) => f.file === '0001-record-architecture-decisions.md')!.id;
    const four = first.imported.find((f) => f.file === '0004-old-logging.md')!.id;
    expect(pulled.updated).toEqual([
      expect.objectContaining({
        file: '0001-record-architecture-decisions.md',
        id: one,
        changes: ['status', 'statusText'],
        renamedFrom: null,
      }),
      expect.objectContaining({ file: '0004-log-to-files.md', id: four, renamedFrom: '0004-old-logging.md' }),
    ]);
    expect(pulled.imported.map((f) => f.file)).toEqual(['0005-ship-logs.md']);
    expect(pulled.missing.map((f) => f.file)).toEqual(['0002-deploy-with-scripts.md']);
    expect(pulled.unchanged.map((f) => f.file)).toEqual(['0003-deploy-with-containers.md']);
    expect(await all(core)).toHaveLength(5);
    expect((await core.invoke('getDecision', { id: one })).status).toBe('deprecated');
    expect((await core.invoke('listRevisions', { id: one })).map((r) => r.reason)).toEqual(['import', 'import']);
    const five = await core.invoke('getDecision', { id: pulled.imported[0]!.id });
    expect(five.relations).toEqual([{ type: 'amends', target: four }]);
    await expectRoundTrip(core, dir);
    const last = await core.invoke('importFolder', { dir });
    expect(last.unchanged).toHaveLength(4);
    expect(await all(core)).toHaveLength(5);
  });

  it('indexes what each file says for search, and after a git pull finds the new words, not the old', async () => {
    const core = testCore();
    const dir = copyFixture('nygard');
    const first = await core.invoke('importFolder', { dir });
    const three = first.imported.find((f) => f.file === '0003-deploy-with-containers.md')!.id;
    const found = async (query: string) =>
      (await core.invoke('search', { query, kinds: ['decision'] })).hits.map((h) => h.id);
    expect(await found('drift')).toEqual([three]);
    expect(await found('images')).toEqual([three]);
    const indexed = () => core.db.prepare("SELECT COUNT(*) AS n FROM search_docs WHERE kind = 'decision'").get();
    expect(indexed()).toEqual({ n: 4 });

    const file = path.join(dir, '0003-deploy-with-containers.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('drift from server', 'wander from host'));
    const pulled = await core.invoke('importFolder', { dir });
    expect(pulled.updated.map((f) => f.id)).toEqual([three]);
    expect(await found('drift')).toEqual([]);
    expect(await found('wander')).toEqual([three]);
    expect(indexed()).toEqual({ n: 4 });
  });

  it('warns when a changed file replaces edits made in Cairn that were never exported', async () => {
    const core = testCore();
    const dir = copyFixture('nygard');
    const first = await core.invoke('importFolder', { dir });
    const id = first.imported[0]!.id;
    const d = await core.invoke('getDecision', { id });
    const { id: _i, number: _n, revision, createdAt: _c, updatedAt: _u, trashedAt: _t, ...content } = d;
    await core.invoke('updateDecision', {
      id,
      baseRevision: revision,
      content: { ...content, context: 'Edited in Cairn.' },
    });
    const file = path.join(dir, first.imported[0]!.file);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('We need a memory', 'We need a record'));
    const pulled = await core.invoke('importFolder', { dir });
    expect(pulled.warnings.map((w) => w.message).join(' ')).toMatch(
      /edits in Cairn that were not exported.*revision 2 still holds them/,
    );
    expect((await core.invoke('getDecision', { id })).context).toBe('We need a record for decisions.');
  });

  it('skips each bad file with a clear reason and imports the rest', async () => {
    const core = testCore();
    const dir = copyFixture('bad');
    fs.writeFileSync(path.join(dir, '0011-huge.md'), '# 11. Huge\n\n' + 'x'.repeat(5 * 1024 * 1024));
    const report = await core.invoke('importFolder', { dir });
    expect(report.imported.map((f) => f.file)).toEqual([
      '0001-good-file.md',
      '0002-bom-and-crlf.md',
      '0003-crlf-front-matter.md',
    ]);
    const kinds = Object.fromEntries(report.skipped.map((s) => [s.file, s.kind]));
    expect(kinds).toEqual({
      '0004-unclosed-front-matter.md': 'front-matter',
      '0005-invalid-yaml.md': 'front-matter',
      '0006-code-tag.md': 'front-matter',
      '0007-alias-bomb.md': 'front-matter',
      '0008-binary.md': 'binary',
      '0009-invalid-utf8.md': 'encoding',
      '0010-utf16.md': 'encoding',
      '0011-huge.md': 'too-large',
    });
    const reason = (file: string) => report.skipped.find((s) => s.file === file)!.reason;
    expect(reason('0004-unclosed-front-matter.md')).toMatch(/never closed/);
    expect(reason('0005-invalid-yaml.md')).toMatch(/not valid YAML \(line 2/);
    expect(reason('0006-code-tag.md')).toMatch(/!!js\/function/);
    expect(reason('0007-alias-bomb.md')).toMatch(/aliases/);
    expect(reason('0008-binary.md')).toMatch(/binary data/);
    expect(reason('0009-invalid-utf8.md')).toMatch(/not valid UTF-8 \(byte 0xE9/);
    expect(reason('0010-utf16.md')).toMatch(/UTF-16/);
    expect(reason('0011-huge.md')).toMatch(/5\.0 MB; Cairn reads ADR files up to 5\.0 MB/);
    expect(report.ignored).toEqual(['diagram.png']);
    await expectRoundTrip(core, dir);
  });

  it('is one transaction: when a write fails, nothing of the folder is kept', async () => {
    const core = testCore();
    core.db.exec(
      `CREATE TRIGGER refuse BEFORE INSERT ON decisions WHEN NEW.title = 'Deploy with containers' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
    );
    const result = await core.call('importFolder', { dir: copyFixture('nygard') });
    expect(result.ok).toBe(false);
    expect(await all(core)).toEqual([]);
    expect(core.db.prepare('SELECT COUNT(*) AS n FROM repo_files').get()).toEqual({ n: 0 });
  });

  it('reports progress for a job the UI polls, then the report', async () => {
    const core = testCore();
    const dir = tempDir('cairn-many-');
    for (let i = 1; i <= 60; i++)
      fs.writeFileSync(
        path.join(dir, `${String(i).padStart(4, '0')}-decision-${i}.md`),
        `# ${i}. Decision ${i}\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n`,
      );
    const { job } = await core.invoke('startImport', { dir });
    const seen: number[] = [];
    let state = await core.invoke('getImportJob', { job });
    while (state.state !== 'done' && state.state !== 'failed') {
      seen.push(state.done);
      await new Promise((r) => setImmediate(r));
      state = await core.invoke('getImportJob', { job });
    }
    expect(state).toMatchObject({ state: 'done', done: 60, total: 60, error: null });
    expect(state.report!.imported).toHaveLength(60);
    expect(seen.some((n) => n > 0 && n < 60)).toBe(true);
    expect((await core.call('getImportJob', { job: 'nope' })).ok).toBe(false);
  });

  it('refuses a folder that does not exist, with what to give instead', async () => {
    const core = testCore();
    const result = await core.call('importFolder', { dir: path.join(tempDir(), 'missing') });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(!result.ok && result.error.message).toMatch(/docs\/decisions or doc\/adr/);
  });
});

describe('duplicate numbers from parallel branches', () => {
  it('are reported, and renumbering one rewrites the links that point at it', async () => {
    const core = testCore();
    const dir = tempDir('cairn-dup-');
    const adr = (n: number, title: string, status = 'Accepted') =>
      `# ${n}. ${title}\n\nDate: 2024-01-0${n}\n\n## Status\n\n${status}\n\n## Context\n\nSee [the cache](0002-add-a-cache.md) for details.\n`;
    fs.writeFileSync(path.join(dir, '0001-start.md'), adr(1, 'Start'));
    fs.writeFileSync(path.join(dir, '0002-add-a-cache.md'), adr(2, 'Add a cache'));
    fs.writeFileSync(path.join(dir, '0002-add-a-queue.md'), adr(2, 'Add a queue'));
    fs.writeFileSync(
      path.join(dir, '0003-tune-the-cache.md'),
      adr(3, 'Tune the cache', 'Accepted\n\nAmends [2. Add a cache](0002-add-a-cache.md)'),
    );
    const report = await core.invoke('importFolder', { dir });
    expect(report.duplicates).toHaveLength(1);
    expect(report.duplicates[0]!.decisions.map((d) => d.file)).toEqual(['0002-add-a-cache.md', '0002-add-a-queue.md']);
    expect(await core.invoke('findDuplicateNumbers', {})).toHaveLength(1);

    const cache = report.imported.find((f) => f.file === '0002-add-a-cache.md')!.id;
    const tune = report.imported.find((f) => f.file === '0003-tune-the-cache.md')!.id;
    const taken = await core.call('renumberDecision', { id: cache, number: 3 });
    expect(!taken.ok && taken.error.message).toMatch(/ADR 3 is taken by "Tune the cache"/);
    const { decision, rewritten, moved, kept } = await core.invoke('renumberDecision', { id: cache });
    expect(decision).toMatchObject({ number: 4 });
    expect(readDecisionOrigin(core.db, cache)).toMatchObject({ file: '0004-add-a-cache.md' });
    expect(moved).toEqual([{ dir: fs.realpathSync(dir), from: '0002-add-a-cache.md', to: '0004-add-a-cache.md' }]);
    expect(kept).toEqual([]);
    expect(fs.existsSync(path.join(dir, '0002-add-a-cache.md'))).toBe(false);
    expect(rewritten.sort()).toEqual(
      [
        tune,
        report.imported.find((f) => f.file === '0001-start.md')!.id,
        report.imported.find((f) => f.file === '0002-add-a-queue.md')!.id,
      ].sort(),
    );
    expect(await core.invoke('findDuplicateNumbers', {})).toEqual([]);

    const renderedTune = renderImported(await withOrigin(core, tune))!;
    expect(renderedTune).toContain('Amends [4. Add a cache](0004-add-a-cache.md)');
    expect(renderedTune).toContain('See [the cache](0004-add-a-cache.md) for details.');
    expect(renderImported(await withOrigin(core, cache))).toMatch(/^# 4\. Add a cache\n/);

    // The export writes the new number and links; importing again finds everything unchanged.
    const exported = await core.invoke('runExport', { dir, index: false });
    expect(exported.written.map((w) => w.file).sort()).toEqual([
      '0001-start.md',
      '0002-add-a-queue.md',
      '0003-tune-the-cache.md',
      '0004-add-a-cache.md',
    ]);
    expect(fs.readFileSync(path.join(dir, '0004-add-a-cache.md'), 'utf8')).toBe(
      adr(2, 'Add a cache')
        .replace('# 2. Add a cache', '# 4. Add a cache')
        .replace('(0002-add-a-cache.md)', '(0004-add-a-cache.md)'),
    );
    expect(fs.readFileSync(path.join(dir, '0003-tune-the-cache.md'), 'utf8')).toContain(
      'Amends [4. Add a cache](0004-add-a-cache.md)',
    );
    const again = await core.invoke('importFolder', { dir });
    expect(again).toMatchObject({ imported: [], updated: [], missing: [], duplicates: [] });
    expect(again.unchanged).toHaveLength(4);

    // A file changed since Cairn saw it is not renamed behind the person's back.
    fs.appendFileSync(path.join(dir, '0004-add-a-cache.md'), '\nEdited by hand.\n');
    const refused = await core.invoke('renumberDecision', { id: cache, number: 9 });
    expect(refused.moved).toEqual([]);
    expect(refused.kept[0]!.reason).toMatch(/changed since Cairn last read or wrote it; import the folder again/);
  });
});
