import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DecisionContentInput } from '../../shared/domain.js';
import { runCli } from '../../electron/cli/main.js';
import { createDecisionStore } from '../../electron/core/decisions/store.js';
import { planExport, planFiles } from '../../electron/core/export/plan.js';
import { writeAtomicMany } from '../../electron/core/export/write.js';
import { tempDir, testCore } from '../helpers/temp.js';

const FOLDERS = path.join(import.meta.dirname, '../fixtures/export/folders');
const EVIDENCE = path.join(import.meta.dirname, '../fixtures/export/decision-evidence.json');

/** A copy of one of our fixture repositories, made a git repository with everything committed. */
function repo(fixture?: 'adr-tools' | 'madr' | 'log4brains'): string {
  const dir = path.join(tempDir('cairn-export-'), 'repo');
  if (fixture) fs.cpSync(path.join(FOLDERS, fixture), dir, { recursive: true });
  else fs.mkdirSync(dir);
  git(dir, 'init', '-q');
  commit(dir);
  return dir;
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=test@example.org', '-c', 'user.name=Test', ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
}

function commit(dir: string) {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'state');
}

const status = (dir: string) => git(dir, 'status', '--porcelain', '--untracked-files=all').trim();

function evidenceContent(): DecisionContentInput {
  const {
    id: _i,
    number: _n,
    revision: _r,
    createdAt: _c,
    updatedAt: _u,
    trashedAt: _t,
    relations: _rel,
    ...content
  } = JSON.parse(fs.readFileSync(EVIDENCE, 'utf8')) as Record<string, unknown>;
  return content as DecisionContentInput;
}

async function create(
  core: ReturnType<typeof testCore>,
  content: Omit<DecisionContentInput, 'date'> & { date?: string },
) {
  return core.invoke('createDecision', { content: { date: '2026-02-01', ...content } });
}

describe('export into a new repository', () => {
  it('writes MADR files into docs/decisions, numbers drafts, and re-exporting changes nothing in git', async () => {
    const core = testCore();
    const dir = repo();
    const a = await create(core, evidenceContent());
    const b = await create(core, { title: 'Keep a decision log', status: 'proposed' });
    expect(a.number).toBe(1);
    expect(b.number).toBeNull();

    const plan = await core.invoke('planExport', { dir });
    expect(plan.folder).toBe(path.join(fs.realpathSync(dir), 'docs/decisions'));
    expect(plan.format).toBe('madr');
    expect(plan.files.map((f) => [f.file, f.action])).toEqual([
      ['0001-use-node-js-for-the-notification-gateway.md', 'create'],
      // It weighs options, so its evidence ledger goes beside it; the plain decision needs none.
      ['0001-use-node-js-for-the-notification-gateway.ledger.json', 'create'],
      ['0002-keep-a-decision-log.md', 'create'],
      ['README.md', 'create'],
    ]);
    expect(fs.existsSync(plan.folder)).toBe(false);

    const result = await core.invoke('runExport', { dir });
    expect(result.written).toHaveLength(4);
    expect(result.numbers).toEqual([{ id: b.id, title: 'Keep a decision log', from: null, to: 2 }]);
    expect((await core.invoke('getDecision', { id: b.id })).number).toBe(2);
    const written = fs.readFileSync(path.join(plan.folder, '0001-use-node-js-for-the-notification-gateway.md'), 'utf8');
    expect(written).toBe(plan.files[0]!.text);
    expect(written).toContain('Chosen option: "Node.js", because');

    commit(dir);
    const again = await core.invoke('runExport', { dir });
    expect(again.written).toEqual([]);
    expect(again.unchanged).toHaveLength(4);
    expect(status(dir)).toBe('');

    // An edit changes exactly that file.
    const current = await core.invoke('getDecision', { id: b.id });
    const { id: _i, number: _n, revision, createdAt: _c, updatedAt: _u, trashedAt: _t, ...content } = current;
    await core.invoke('updateDecision', {
      id: b.id,
      baseRevision: revision,
      content: { ...content, context: 'Answers live in chat threads.' },
    });
    const third = await core.invoke('runExport', { dir });
    expect(third.written).toEqual([{ file: '0002-keep-a-decision-log.md', action: 'update' }]);
    expect(status(dir)).toBe('M docs/decisions/0002-keep-a-decision-log.md');
  });

  it('writes the adr-tools folder doc/adr when asked for Nygard, and the index can be left out', async () => {
    const core = testCore();
    const dir = repo();
    await create(core, { title: 'First' });
    const result = await core.invoke('runExport', { dir, format: 'nygard', index: false });
    expect(result.written.map((w) => w.file)).toEqual(['0001-first.md']);
    expect(fs.readFileSync(path.join(dir, 'doc/adr/0001-first.md'), 'utf8')).toMatch(/^# 1\. First\n\nDate: /);
  });
});

describe('export of an empty store', () => {
  it('says there is nothing to export and writes no file', async () => {
    const core = testCore();
    const dir = tempDir();
    await expect(core.invoke('runExport', { dir })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/no decisions to export: the store holds none outside the trash/),
    });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('export into existing folders continues them in their own dialect', () => {
  it('adr-tools: Nygard files numbered after the last one, the index listing all with their relations', async () => {
    const core = testCore();
    const dir = repo('adr-tools');
    const accepted = await create(core, { ...evidenceContent(), title: 'Use Node.js for the notification gateway' });
    const draft = await create(core, { title: 'Adopt a code formatter' });
    const result = await core.invoke('runExport', { dir });
    expect(result.format).toBe('nygard');
    expect(result.numbers.map((n) => [n.id, n.from, n.to])).toEqual([
      [accepted.id, 1, 4],
      [draft.id, null, 5],
    ]);
    const folder = path.join(dir, 'doc/adr');
    const file = fs.readFileSync(path.join(folder, '0004-use-node-js-for-the-notification-gateway.md'), 'utf8');
    expect(file.split('\n').slice(0, 7)).toEqual([
      '# 4. Use Node.js for the notification gateway',
      '',
      'Date: 2026-03-14',
      '',
      '## Status',
      '',
      'Accepted',
    ]);
    expect(fs.existsSync(path.join(folder, '0005-adopt-a-code-formatter.md'))).toBe(true);
    const index = fs.readFileSync(path.join(folder, 'README.md'), 'utf8');
    expect(index).toContain('| 2 | [Use make for builds](0002-use-make-for-builds.md) | superseded | 2024-01-09 |');
    expect(index).toContain('| 5 | [Adopt a code formatter](0005-adopt-a-code-formatter.md) | proposed |');
    expect(index).toContain('adr3 -->|supersedes| adr2');
    // ADRs only: the evidence ledger beside ADR 4 is no decision of its own (nor a second ADR 4 in the graph).
    expect(index).not.toContain('.ledger.json');
    expect(index).toMatch(
      /^\| 4 \| \[Use Node\.js for the notification gateway\]\(0004-use-node-js-for-the-notification-gateway\.md\) \|/m,
    );
    expect(status(dir).split('\n').sort()).toEqual([
      '?? doc/adr/0004-use-node-js-for-the-notification-gateway.ledger.json',
      '?? doc/adr/0004-use-node-js-for-the-notification-gateway.md',
      '?? doc/adr/0005-adopt-a-code-formatter.md',
      '?? doc/adr/README.md',
    ]);
  });

  it('MADR: docs/decisions continues after 0001, other files of the folder are left alone', async () => {
    const core = testCore();
    const dir = repo('madr');
    await create(core, { title: 'Use semantic versioning' });
    const plan = await core.invoke('planExport', { dir });
    expect(plan.folderSource).toBe('docs/decisions');
    expect(plan.format).toBe('madr');
    expect(plan.formatSource).toBe('folder');
    // The folder has its own index.md, which Cairn did not write: no README.md index of Cairn's goes beside it unasked.
    expect(plan.files.map((f) => f.file)).toEqual(['0002-use-semantic-versioning.md']);
    await core.invoke('runExport', { dir });
    expect(fs.readFileSync(path.join(dir, 'docs/decisions/0002-use-semantic-versioning.md'), 'utf8')).toMatch(
      /^---\nstatus: proposed\ndate: /,
    );
    expect(status(dir).split('\n').sort()).toEqual(['?? docs/decisions/0002-use-semantic-versioning.md']);
    expect((await core.invoke('planExport', { dir, index: true })).files.map((f) => f.file)).toEqual([
      '0002-use-semantic-versioning.md',
      'README.md',
    ]);
  });

  it('log4brains: date-named files with metadata bullets; its own README is kept and Cairn’s index, when asked for, goes beside it', async () => {
    const core = testCore();
    const dir = repo('log4brains');
    await create(core, { title: 'Use Kafka for events', date: '2024-03-01', status: 'accepted' });
    expect((await core.invoke('planExport', { dir })).files.map((f) => f.file)).toEqual([
      '20240301-use-kafka-for-events.md',
    ]);
    const result = await core.invoke('runExport', { dir, index: true });
    const folder = path.join(dir, 'docs/adr');
    const text = fs.readFileSync(path.join(folder, '20240301-use-kafka-for-events.md'), 'utf8');
    expect(text).toMatch(/^# Use Kafka for events\n\n- Status: accepted\n- Date: 2024-03-01\n/);
    expect(result.conflicts).toEqual([
      expect.objectContaining({
        file: 'README.md',
        keptAs: 'README.md.cairn',
        message: expect.stringContaining('A file Cairn did not write'),
      }),
    ]);
    expect(fs.readFileSync(path.join(folder, 'README.md'), 'utf8')).toContain("team's own front page");
    expect(fs.readFileSync(path.join(folder, 'README.md.cairn'), 'utf8')).toContain(
      '[Pick a message broker](20240210-pick-a-message-broker.md)',
    );

    commit(dir);
    const again = await core.invoke('runExport', { dir, index: true });
    expect(again.written).toEqual([]);
    expect(again.conflicts).toHaveLength(1);
    expect(status(dir)).toBe('');
  });
});

describe('files changed outside Cairn', () => {
  async function exported() {
    const core = testCore();
    const dir = repo();
    const d = await create(core, { title: 'Use PostgreSQL', context: 'Orders need transactions.' });
    await core.invoke('runExport', { dir });
    commit(dir);
    const file = path.join(dir, 'docs/decisions/0001-use-postgresql.md');
    const edit = async (context: string) => {
      const current = await core.invoke('getDecision', { id: d.id });
      const { id: _i, number: _n, revision, createdAt: _c, updatedAt: _u, trashedAt: _t, ...content } = current;
      await core.invoke('updateDecision', { id: d.id, baseRevision: revision, content: { ...content, context } });
    };
    return { core, dir, file, edit };
  }

  it('are never overwritten: the conflict is reported and both versions are kept', async () => {
    const { core, dir, file, edit } = await exported();
    const theirs = fs
      .readFileSync(file, 'utf8')
      .replace('Orders need transactions.', 'Orders need transactions and audits.');
    fs.writeFileSync(file, theirs);
    await edit('Orders need strict transactions.');

    const plan = await core.invoke('planExport', { dir });
    expect(plan.files[0]).toMatchObject({ action: 'conflict', keptAs: '0001-use-postgresql.md.cairn' });
    const result = await core.invoke('runExport', { dir });
    expect(result.conflicts).toEqual([
      expect.objectContaining({ file: '0001-use-postgresql.md', keptAs: '0001-use-postgresql.md.cairn' }),
    ]);
    expect(fs.readFileSync(file, 'utf8')).toBe(theirs);
    expect(fs.readFileSync(`${file}.cairn`, 'utf8')).toContain('Orders need strict transactions.');

    // Still a conflict next time, and the copy is refreshed rather than multiplied.
    await edit('Orders need strict, audited transactions.');
    const again = await core.invoke('runExport', { dir });
    expect(again.conflicts[0]!.keptAs).toBe('0001-use-postgresql.md.cairn');
    expect(fs.readFileSync(`${file}.cairn`, 'utf8')).toContain('strict, audited');
    expect(fs.readFileSync(file, 'utf8')).toBe(theirs);
  });

  it('end when the file again holds what Cairn would write', async () => {
    const { core, dir, file, edit } = await exported();
    fs.writeFileSync(file, 'changed by hand\n');
    await edit('Merged text.');
    await core.invoke('runExport', { dir });
    fs.copyFileSync(`${file}.cairn`, file);
    fs.rmSync(`${file}.cairn`);
    commit(dir);
    await edit('After the merge.');
    const result = await core.invoke('runExport', { dir });
    expect(result.conflicts).toEqual([]);
    // The index follows too: it had listed the hand-written file by name, as it had no title.
    expect(result.written).toEqual([
      { file: '0001-use-postgresql.md', action: 'update' },
      { file: 'README.md', action: 'update' },
    ]);
  });

  it('a deleted file is written again; a renamed one is followed, not duplicated', async () => {
    const { core, dir, file } = await exported();
    fs.rmSync(file);
    const plan = await core.invoke('planExport', { dir });
    expect(plan.files[0]).toMatchObject({ action: 'create', note: expect.stringContaining('deleted outside Cairn') });
    await core.invoke('runExport', { dir });
    expect(fs.existsSync(file)).toBe(true);

    const renamed = path.join(dir, 'docs/decisions/0001-postgres.md');
    fs.renameSync(file, renamed);
    const result = await core.invoke('runExport', { dir });
    expect(result.written.filter((w) => w.file !== 'README.md')).toEqual([]);
    expect(result.unchanged).toContain('0001-postgres.md');
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('writing stays inside the folder', () => {
  it('never writes through a symlink at a file name', async () => {
    const core = testCore();
    const dir = repo();
    const outside = path.join(tempDir(), 'precious.md');
    fs.writeFileSync(outside, 'do not touch\n');
    fs.mkdirSync(path.join(dir, 'docs/decisions'), { recursive: true });
    fs.symlinkSync(outside, path.join(dir, 'docs/decisions/README.md'));
    await create(core, { title: 'Anything' });
    const result = await core.invoke('runExport', { dir, index: true });
    expect(result.conflicts).toEqual([expect.objectContaining({ file: 'README.md', keptAs: null })]);
    expect(fs.readFileSync(outside, 'utf8')).toBe('do not touch\n');
  });

  it('refuses an ADR folder or .adr-dir that leads out of the named folder', async () => {
    const core = testCore();
    await create(core, { title: 'Anything' });
    const elsewhere = tempDir();
    const linked = repo();
    fs.mkdirSync(path.join(linked, 'docs'));
    fs.symlinkSync(elsewhere, path.join(linked, 'docs/decisions'));
    await expect(core.invoke('runExport', { dir: linked })).rejects.toMatchObject({ code: 'forbidden' });
    const dotted = repo();
    fs.writeFileSync(path.join(dotted, '.adr-dir'), '../../somewhere\n');
    await expect(core.invoke('planExport', { dir: dotted })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('.adr-dir'),
    });
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });

  it('follows .adr-dir inside the repository', async () => {
    const core = testCore();
    const dir = repo();
    fs.writeFileSync(path.join(dir, '.adr-dir'), 'architecture/decisions\n');
    await create(core, { title: 'Anything' });
    const plan = await core.invoke('planExport', { dir, format: 'nygard' });
    expect(plan.folderSource).toBe('.adr-dir');
    expect(plan.folder).toBe(path.join(fs.realpathSync(dir), 'architecture/decisions'));
  });

  it('gives hostile titles safe names, all inside the folder', async () => {
    const core = testCore();
    const dir = repo();
    const titles = [
      '../../etc/passwd',
      'CON',
      'nul.txt',
      'x'.repeat(300),
      '🚀 Ship it 🚀',
      'קבלת החלטה',
      'a/b\\c',
      '?!…',
      '.hidden',
    ];
    for (const title of titles) await create(core, { title });
    const result = await core.invoke('runExport', { dir, format: 'madr' });
    expect(result.conflicts).toEqual([]);
    const names = fs.readdirSync(path.join(dir, 'docs/decisions')).sort();
    expect(names).toEqual([
      '0001-etc-passwd.md',
      '0002-con.md',
      '0003-nul-txt.md',
      `0004-${'x'.repeat(60)}.md`,
      '0005-ship-it.md',
      '0006-decision.md',
      '0007-a-b-c.md',
      '0008-decision.md',
      '0009-hidden.md',
      'README.md',
    ]);
    expect(status(dir).split('\n')).toHaveLength(10);
    expect(status(dir)).not.toMatch(/\.\.|etc\/passwd/);
  });

  it('asks for an absolute path and an existing folder', async () => {
    const core = testCore();
    await expect(core.invoke('planExport', { dir: 'relative/path' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(core.invoke('planExport', { dir: path.join(tempDir(), 'missing') })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('relations and numbers', () => {
  it('writes a supersede relation into both files, and takes the related decision along', async () => {
    const core = testCore();
    const dir = repo();
    const old = await create(core, { title: 'Use make for builds', status: 'superseded' });
    const neu = await create(core, {
      title: 'Use ninja for builds',
      relations: [{ type: 'supersedes', target: old.id }],
    });
    await create(core, { title: 'Unrelated' });
    const result = await core.invoke('runExport', { dir, ids: [neu.id], format: 'nygard' });
    expect(result.written.map((w) => w.file)).toEqual([
      '0001-use-make-for-builds.md',
      '0002-use-ninja-for-builds.md',
      'README.md',
    ]);
    const folder = path.join(dir, 'doc/adr');
    expect(fs.readFileSync(path.join(folder, '0001-use-make-for-builds.md'), 'utf8')).toContain(
      '## Status\n\nSuperceded by [2. Use ninja for builds](0002-use-ninja-for-builds.md)\n\n## Context',
    );
    expect(fs.readFileSync(path.join(folder, '0002-use-ninja-for-builds.md'), 'utf8')).toContain(
      '## Status\n\nProposed\n\nSupercedes [1. Use make for builds](0001-use-make-for-builds.md)\n\n## Context',
    );
    expect(fs.readFileSync(path.join(folder, 'README.md'), 'utf8')).toContain('adr2 -->|supersedes| adr1');
  });

  it('refuses a trashed or unknown decision by name', async () => {
    const core = testCore();
    const dir = repo();
    const d = await create(core, { title: 'Gone' });
    await core.invoke('trashDecision', { id: d.id });
    await expect(core.invoke('planExport', { dir, ids: [d.id] })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('trash'),
    });
    await expect(core.invoke('planExport', { dir, ids: ['nope'] })).rejects.toMatchObject({ code: 'not_found' });
    // Everything in the trash: nothing to export, not an index of nothing.
    await expect(core.invoke('planExport', { dir })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('numbers a decision exported before anew only where its number is taken, and keeps its own number', async () => {
    const core = testCore();
    const first = repo();
    const d = await create(core, { title: 'Shared decision' });
    await core.invoke('runExport', { dir: first, format: 'nygard' });
    expect((await core.invoke('getDecision', { id: d.id })).number).toBe(1);

    const taken = repo('adr-tools');
    const plan = await core.invoke('planExport', { dir: taken });
    expect(plan.files[0]).toMatchObject({
      file: '0004-shared-decision.md',
      action: 'create',
      number: 4,
      note: expect.stringContaining('stays ADR 1'),
    });
    expect(plan.numbers).toEqual([]);
    await core.invoke('runExport', { dir: taken });
    expect(fs.readFileSync(path.join(taken, 'doc/adr/0004-shared-decision.md'), 'utf8')).toMatch(
      /^# 4\. Shared decision\n/,
    );
    expect((await core.invoke('getDecision', { id: d.id })).number).toBe(1);

    // Where ADR 1 is free it stays ADR 1, even though the folder's next number is 6.
    const free = repo();
    fs.mkdirSync(path.join(free, 'doc/adr'), { recursive: true });
    fs.writeFileSync(
      path.join(free, 'doc/adr/0005-other.md'),
      '# 5. Other\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n',
    );
    expect((await core.invoke('planExport', { dir: free })).files[0]).toMatchObject({
      file: '0001-shared-decision.md',
      action: 'create',
      note: '',
    });
  });
});

describe('writing a whole folder', () => {
  it('puts every file in place whole, in order, and leaves no temporary file', async () => {
    const dir = tempDir();
    const files = Array.from({ length: 150 }, (_, i) => ({
      name: `${String(i + 1).padStart(4, '0')}-decision.md`,
      text: `# Decision ${i + 1}\n`.repeat(i + 1),
    }));
    const done: string[] = [];
    await writeAtomicMany(dir, files, (name) => done.push(name));
    expect(done).toEqual(files.map((f) => f.name));
    expect(fs.readdirSync(dir).sort()).toEqual(files.map((f) => f.name));
    for (const f of files) expect(fs.readFileSync(path.join(dir, f.name), 'utf8')).toBe(f.text);
  });

  it('stops at a name it must not write through, keeps the files already in place, and removes its temporary files', async () => {
    const dir = tempDir();
    fs.symlinkSync(path.join(dir, 'elsewhere.md'), path.join(dir, '0003-c.md'));
    const names = ['0001-a.md', '0002-b.md', '0003-c.md', '0004-d.md'];
    const done: string[] = [];
    await expect(
      writeAtomicMany(
        dir,
        names.map((name) => ({ name, text: name })),
        (name) => done.push(name),
      ),
    ).rejects.toThrow(/symbolic link/);
    expect(done).toEqual(names.slice(0, done.length));
    expect(done).not.toContain('0003-c.md');
    expect(fs.readdirSync(dir).sort()).toEqual([...done, '0003-c.md'].sort());
    for (const name of done) expect(fs.readFileSync(path.join(dir, name), 'utf8')).toBe(name);
    expect(fs.existsSync(path.join(dir, 'elsewhere.md'))).toBe(false);
  });
});

describe('what an export remembers for the next one', () => {
  it('records a file numbered by its export with the revision the number gave it, so the next export renders nothing', async () => {
    const core = testCore();
    const dir = repo();
    const draft = await create(core, { title: 'Keep a decision log', status: 'proposed' });
    await create(core, { title: 'Use PostgreSQL', status: 'accepted' });
    const first = await core.invoke('runExport', { dir });
    expect(first.numbers.map((n) => n.id)).toEqual([draft.id]);
    // The number was saved as a new revision; the fingerprint recorded for the file must be that revision's.
    const next = planExport(core.ctx, createDecisionStore(core.ctx), { ids: [], dir, index: true });
    const recorded = new Map(
      core.db
        .prepare<[], { file: string; input_sha: string }>('SELECT file, input_sha FROM repo_files')
        .all()
        .map((r) => [r.file, r.input_sha]),
    );
    const decisions = planFiles(next).filter((f) => f.kind === 'decision');
    expect(decisions).toHaveLength(2);
    for (const f of decisions)
      expect({ file: f.file, inputSha: f.inputSha }).toEqual({ file: f.file, inputSha: recorded.get(f.file) });
  });

  it('lists a file changed outside Cairn in the index as it now reads, not as it was remembered', async () => {
    const core = testCore();
    const dir = repo();
    await create(core, { title: 'Use PostgreSQL' });
    await create(core, { title: 'Keep a decision log' });
    await core.invoke('runExport', { dir });
    const folder = path.join(dir, 'docs/decisions');
    const file = path.join(folder, '0002-keep-a-decision-log.md');
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace('# Keep a decision log', '# Keep a decision log in the repository'),
    );
    await core.invoke('runExport', { dir });
    const index = fs.readFileSync(path.join(folder, 'README.md'), 'utf8');
    expect(index).toContain('[Keep a decision log in the repository](0002-keep-a-decision-log.md)');
  });

  it('forgets what it read of files that have left the folder', async () => {
    const core = testCore();
    const dir = repo('adr-tools');
    await create(core, { title: 'Use PostgreSQL' });
    await core.invoke('runExport', { dir });
    const folder = path.join(fs.realpathSync(dir), 'doc/adr');
    const remembered = () =>
      core.db
        .prepare<[], { file: string }>('SELECT file FROM adr_headers ORDER BY file')
        .all()
        .map((r) => r.file);
    const adrFiles = () =>
      fs
        .readdirSync(folder)
        .filter((f) => /^\d+-.*\.md$/.test(f))
        .sort();
    expect(remembered()).toEqual(adrFiles());
    fs.rmSync(path.join(folder, adrFiles()[0]!));
    await core.invoke('runExport', { dir });
    expect(remembered()).toEqual(adrFiles());
  });
});

describe('cairn export', () => {
  it('writes, reports, and exits 1 when an ADR was kept back; an index it cannot write is only a notice', async () => {
    const core = testCore();
    const dir = repo('log4brains');
    await create(core, { title: 'From the command line', date: '2024-04-01' });
    await create(core, { title: 'Someone got there first', date: '2024-04-02' });
    core.close();
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
    expect(await runCli(['export', '--dir', dir, '--db', core.dbPath, '--dry-run'], io)).toBe(0);
    expect(out.join('\n')).toContain('write  20240401-from-the-command-line.md');
    expect(fs.existsSync(path.join(dir, 'docs/adr/20240401-from-the-command-line.md'))).toBe(false);
    // The team's own README stays theirs: asked for, Cairn's index goes beside it, and the export still succeeds.
    out.length = 0;
    expect(await runCli(['export', '--dir', dir, '--index', '--db', core.dbPath, '--json'], io)).toBe(0);
    const result = JSON.parse(out.join('\n')) as { written: { file: string }[] };
    expect(result.written.map((w) => w.file)).toEqual([
      '20240401-from-the-command-line.md',
      '20240402-someone-got-there-first.md',
    ]);
    expect(err.join('\n')).toContain('README.md.cairn');
    // An ADR file changed outside Cairn is kept, and the exit code says not everything was written.
    fs.appendFileSync(path.join(dir, 'docs/adr/20240402-someone-got-there-first.md'), 'Edited by hand.\n');
    err.length = 0;
    expect(await runCli(['export', '--db', core.dbPath], io)).toBe(1);
    expect(err.join('\n')).toContain('20240402-someone-got-there-first.md.cairn');
    const drafts = path.join(tempDir(), 'drafts.db');
    expect(await runCli(['new', 'Nowhere yet', '--db', drafts], io)).toBe(0);
    err.length = 0;
    expect(await runCli(['export', '--db', drafts], io)).toBe(2);
    expect(err.join('\n')).toContain('belongs to no repository yet');
    expect(await runCli(['export', '--dir', dir, '--format', 'rst', '--db', core.dbPath], io)).toBe(2);
  });
});
