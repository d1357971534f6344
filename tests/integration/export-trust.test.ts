/**
 * What an adversarial review broke in export, each on real folders: an edit made while the
 * export runs is kept (the check happens right before each rename); a failed export (ENOSPC,
 * EROFS) records nothing whose file did not land; a target inside `.git` is refused; a file name
 * with a control character fails that file only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir, testCore } from '../helpers/temp.js';

afterEach(() => vi.restoreAllMocks());

type TestCore = ReturnType<typeof testCore>;

async function drafts(core: TestCore, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= n; i++)
    ids.push(
      (
        await core.invoke('createDecision', {
          content: { title: `Decision ${i}`, date: '2026-02-01', context: `Why ${i}.` },
        })
      ).id,
    );
  return ids;
}

const mdFiles = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.md') && n !== 'README.md')
    .sort();

describe('an edit made while the export runs', () => {
  it('is kept: the file changed after the plan is a conflict, Cairn’s version goes beside it', async () => {
    const core = testCore();
    await drafts(core, 120);
    const dir = fs.realpathSync(tempDir());
    await core.invoke('runExport', { dir, format: 'madr' });
    const files = mdFiles(dir);
    const last = files[files.length - 1]!;
    // Every file is rewritten (another dialect); while the temporary files are being written, a teammate edits the last one.
    let edited = false;
    const watcher = setInterval(() => {
      if (edited || !fs.readdirSync(dir).some((n) => n.endsWith('.cairn-tmp'))) return;
      fs.appendFileSync(path.join(dir, last), '\nA line added by hand.\n');
      edited = true;
    }, 0);
    const poll = () => new Promise<void>((resolve) => setImmediate(resolve));
    const running = core.invoke('runExport', { dir, format: 'nygard' });
    while (!edited) {
      await poll();
      if (!edited && fs.readdirSync(dir).some((n) => n.endsWith('.cairn-tmp'))) {
        fs.appendFileSync(path.join(dir, last), '\nA line added by hand.\n');
        edited = true;
      }
    }
    const result = await running;
    clearInterval(watcher);
    expect(fs.readFileSync(path.join(dir, last), 'utf8')).toContain('A line added by hand.');
    expect(result.conflicts).toEqual([
      { file: last, keptAs: `${last}.cairn`, message: expect.stringContaining('changed while the export ran') },
    ]);
    expect(fs.readFileSync(path.join(dir, `${last}.cairn`), 'utf8')).toMatch(/^# 120\. Decision 120\n/);
    expect(result.written.map((w) => w.file).filter((f) => f !== 'README.md')).toEqual(files.slice(0, -1));
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.cairn-tmp'))).toEqual([]);
  });
});

describe('a failed export', () => {
  /** Makes the n-th temporary file (1-based) fail to open with `code`, as a full or read-only disk would. */
  function failTempFile(n: number, code: 'ENOSPC' | 'EROFS' | 'EPERM') {
    const open = fs.openSync;
    let temps = 0;
    vi.spyOn(fs, 'openSync').mockImplementation(((file: fs.PathLike, ...rest: unknown[]) => {
      if (String(file).endsWith('.cairn-tmp') && ++temps >= n)
        throw Object.assign(new Error(`${code}: simulated, open '${String(file)}'`), { code });
      return (open as (...a: unknown[]) => number)(file, ...rest);
    }) as typeof fs.openSync);
  }

  it.each(['ENOSPC', 'EROFS', 'EPERM'] as const)(
    'on %s records numbers and files only for what landed, and the next attempt numbers the same way',
    async (code) => {
      const core = testCore();
      const ids = await drafts(core, 40);
      const dir = fs.realpathSync(tempDir());
      const planned = await core.invoke('planExport', { dir });
      const all = ids.map((_, i) => i + 1);
      expect(planned.numbers.map((n) => n.to)).toEqual(all);
      // Past the 32 files synced at once, so some files land before the failure.
      failTempFile(36, code);
      await expect(core.invoke('runExport', { dir })).rejects.toThrow(new RegExp(code));
      vi.restoreAllMocks();
      const landed = mdFiles(dir);
      // How many landed before the failure depends on how far syncing got (load); whatever landed is recorded, nothing else.
      expect(landed.length).toBeLessThan(36);
      const recorded = core.db.prepare('SELECT file FROM repo_files ORDER BY file').all() as { file: string }[];
      expect(recorded.map((r) => r.file)).toEqual(landed);
      for (const id of ids) {
        const d = await core.invoke('getDecision', { id });
        const file = landed.find((f) => f.endsWith(`-decision-${d.title.split(' ')[1]}.md`));
        // A number (and the revision it makes) only where the file is on disk.
        expect([d.title, d.number, d.revision]).toEqual([
          d.title,
          file ? Number(file.slice(0, 4)) : null,
          file ? 2 : 1,
        ]);
      }
      expect(core.db.prepare('SELECT COUNT(*) AS n FROM export_intents').get()).toEqual({ n: 0 });
      const again = await core.invoke('runExport', { dir });
      expect(
        [
          ...again.numbers,
          ...(await core.invoke('listDecisions', { limit: 100 })).items
            .filter((d) => d.number !== null && !again.numbers.some((n) => n.id === d.id))
            .map((d) => ({ id: d.id, to: d.number })),
        ]
          .map((n) => n.to)
          .sort((a, b) => a! - b!),
      ).toEqual(all);
      for (const n of planned.numbers) expect((await core.invoke('getDecision', { id: n.id })).number).toBe(n.to);
      expect(mdFiles(dir)).toHaveLength(40);
    },
  );
});

describe('targets inside a .git folder', () => {
  it('refuses .adr-dir pointing into .git, a named folder inside .git, and an import from there', async () => {
    const core = testCore();
    await drafts(core, 1);
    const repo = fs.realpathSync(tempDir());
    fs.mkdirSync(path.join(repo, '.git', 'hooks'), { recursive: true });
    fs.writeFileSync(path.join(repo, '.adr-dir'), '.git/hooks\n');
    await expect(core.invoke('runExport', { dir: repo })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/\.adr-dir .*inside the git folder/),
    });
    fs.writeFileSync(path.join(repo, '.adr-dir'), './.GIT/../.git/hooks/\n');
    await expect(core.invoke('planExport', { dir: repo })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(core.invoke('runExport', { dir: path.join(repo, '.git') })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(core.invoke('runExport', { dir: path.join(repo, '.git', 'hooks') })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(fs.readdirSync(path.join(repo, '.git', 'hooks'))).toEqual([]);
    fs.writeFileSync(path.join(repo, '.git', 'hooks', '0001-x.md'), '# 1. X\n\n## Status\n\nAccepted\n');
    await expect(core.invoke('importFolder', { dir: path.join(repo, '.git', 'hooks') })).rejects.toMatchObject({
      code: 'forbidden',
    });
    // A folder that merely has ".git" inside its name is fine.
    fs.writeFileSync(path.join(repo, '.adr-dir'), 'docs/my.git.notes\n');
    expect((await core.invoke('runExport', { dir: repo })).written.length).toBe(2);
  });
});

describe('a file name with a control character', () => {
  it('fails that one file, and the rest of the export is written', async () => {
    const core = testCore();
    const dir = fs.realpathSync(tempDir());
    const bad = '0002-bad\u0001name.md';
    fs.writeFileSync(
      path.join(dir, '0001-good.md'),
      '# 1. Good\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nA.\n',
    );
    fs.writeFileSync(
      path.join(dir, bad),
      '# 2. Bad name\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nB.\n',
    );
    const imported = (await core.invoke('importFolder', { dir })).imported;
    expect(imported).toHaveLength(2);
    // Both decisions are edited in Cairn, so both files are to be written again.
    for (const f of imported) {
      const d = await core.invoke('getDecision', { id: f.id });
      await core.invoke('updateDecision', {
        id: d.id,
        baseRevision: d.revision,
        content: { ...d, context: `${d.context} Edited.` },
      });
    }
    await drafts(core, 1);
    const result = await core.invoke('runExport', { dir });
    expect(result.conflicts).toEqual([
      { file: bad, keptAs: null, message: expect.stringContaining('rename the file') },
    ]);
    // The folder's files were imported, so its index is not Cairn's to write (see the index policy).
    expect(result.written.map((w) => w.file).sort()).toEqual(['0001-good.md', '0003-decision-1.md']);
    expect(fs.readFileSync(path.join(dir, '0001-good.md'), 'utf8')).toContain('A. Edited.');
    expect(fs.readFileSync(path.join(dir, bad), 'utf8')).not.toContain('Edited');
  });
});

describe('two exports started together', () => {
  it('run one after the other: both succeed, each file recorded once, the second finds nothing to write', async () => {
    const core = testCore();
    for (const title of ['Use Postgres', 'Use Kafka', 'Use NATS'])
      await core.invoke('createDecision', { content: { title } });
    const dir = tempDir();
    const [first, second] = await Promise.all([
      core.invoke('runExport', { dir, index: false }),
      core.invoke('runExport', { dir, index: false }),
    ]);
    expect(first.written.map((w) => w.file)).toEqual(['0001-use-postgres.md', '0002-use-kafka.md', '0003-use-nats.md']);
    expect(first.conflicts).toEqual([]);
    expect(second).toMatchObject({ written: [], conflicts: [], numbers: [] });
    expect(second.unchanged).toEqual(first.written.map((w) => w.file));
  });
});
