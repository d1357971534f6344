import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.js';
import { createImporter } from '../../electron/core/import/importer.js';
import { parseGitLog } from '../../electron/core/import/git-dates.js';
import { openDatabase } from '../../electron/core/store/database.js';
import { fakePlatform, tempDir, testCore } from '../helpers/temp.js';
import { readTree, writeTree as write } from '../helpers/folders.js';

/** Bytes as latin1 text, so CRLF and any byte compare exactly. */
const tree = (dir: string) => readTree(dir, 'latin1');

/**
 * Repositories as first-class: import by the repository root, files in subfolders, exact names,
 * export back home without --dir, `REPO:N`, and dates never made up. Real folders, real git.
 */

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=test@example.org', '-c', 'user.name=Test', ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
}

const nygard = (n: number, title: string, status = 'Accepted') =>
  `# ${n}. ${title}\n\nDate: 2024-0${(n % 9) + 1}-11\n\n## Status\n\n${status}\n\n## Context\n\nWhy ${title}.\n\n## Decision\n\nWe do it.\n\n## Consequences\n\nSome.\n`;

/** A repository laid out the way real ones are: odd names, a duplicate number, a subfolder, CRLF, its own README. */
function adrToolsRepo(): string {
  const root = tempDir('cairn-repo-');
  git(root, 'init', '-q');
  write(root, {
    'README.md': '# Some project\n',
    'doc/adr/README.md': '# Our decisions\n\nKept by hand.\n',
    'doc/adr/0001-record-architecture-decisions.md': nygard(1, 'Record architecture decisions'),
    'doc/adr/0002-use-postgres.md': nygard(2, 'Use Postgres'),
    // Two branches merged with the same number: both stay ADR 2, under their own names.
    'doc/adr/0002-use-kafka.md': nygard(2, 'Use Kafka'),
    'doc/adr/0009-translations-2.0.md': nygard(9, 'Translations 2.0'),
    'doc/adr/adr-010-logging.md': nygard(10, 'Logging'),
    'doc/adr/ADR011-caching.html.md': nygard(11, 'Cache \\*everything\\*'),
    'doc/adr/archive/0003-use-mysql.md': nygard(3, 'Use MySQL', 'Superceeded by [ADR 2](../0002-use-postgres.md)'),
    'doc/adr/archive/2019/0004-crlf.md': nygard(4, 'Line endings').replace(/\n/g, '\r\n'),
  });
  git(root, 'add', '.');
  git(root, 'commit', '-qm', 'ADRs');
  return root;
}

describe('importing a repository by its root', () => {
  it('finds doc/adr, reads its subfolders, and the store alone re-creates every file with its name and bytes', async () => {
    const core = testCore();
    const root = adrToolsRepo();
    const report = await core.invoke('importFolder', { dir: root });
    const folder = fs.realpathSync(path.join(root, 'doc/adr'));
    expect(report.folders).toEqual([{ folder, source: 'doc/adr', repository: path.basename(root), files: 9 }]);
    expect(report.imported.map((f) => f.file).sort()).toEqual([
      '0001-record-architecture-decisions.md',
      '0002-use-kafka.md',
      '0002-use-postgres.md',
      '0009-translations-2.0.md',
      'ADR011-caching.html.md',
      'adr-010-logging.md',
      'archive/0003-use-mysql.md',
      'archive/2019/0004-crlf.md',
    ]);
    const mysql = report.imported.find((f) => f.file === 'archive/0003-use-mysql.md')!;
    const read = await core.invoke('getDecision', { id: mysql.id });
    expect(read.status).toBe('superseded');
    expect(read.relations).toEqual([
      { type: 'superseded-by', target: report.imported.find((f) => f.file === '0002-use-postgres.md')!.id },
    ]);
    expect(
      (await core.invoke('getDecision', { id: report.imported.find((f) => f.file === 'ADR011-caching.html.md')!.id }))
        .title,
    ).toBe('Cache *everything*');

    // The clone moved away: an export into an empty folder re-creates it, with the repository's
    // layout (doc/adr under the folder named) and every file, name and bytes.
    const original = tree(path.join(root, 'doc/adr'));
    const out = tempDir();
    const result = await core.invoke('runExport', { dir: out });
    expect(result.conflicts).toEqual([]);
    expect(fs.readdirSync(out)).toEqual(['doc']);
    const again = tree(path.join(out, 'doc/adr'));
    // Their README too, as they wrote it (kept at import): Cairn adds no index of its own.
    for (const [name, bytes] of original)
      expect({ name, same: again.get(name) === bytes }).toEqual({ name, same: true });
    expect(again.size).toBe(original.size);
    expect(result.restored).toEqual(['README.md']);
  });

  it('exports each decision back to its own repository, re-creating a deleted folder with git status clean', async () => {
    const core = testCore();
    const root = adrToolsRepo();
    await core.invoke('importFolder', { dir: root });
    core.close();
    const io = { out: () => {}, err: () => {} };
    fs.rmSync(path.join(root, 'doc/adr'), { recursive: true });
    expect(git(root, 'status', '--porcelain')).not.toBe('');
    expect(await runCli(['export', '--db', core.dbPath], io)).toBe(0);
    // The ADRs and the folder's own README (kept as imported, never Cairn's): git sees no change.
    expect(git(root, 'status', '--porcelain')).toBe('');
    expect(await runCli(['export', '--db', core.dbPath], io)).toBe(0);
    expect(git(root, 'status', '--porcelain')).toBe('');
  });

  it("keeps the folder's other files as imported and re-creates them only into an empty folder, never over a file", async () => {
    const core = testCore();
    const root = adrToolsRepo();
    const diagram = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255]);
    fs.mkdirSync(path.join(root, 'doc/adr/img'));
    fs.writeFileSync(path.join(root, 'doc/adr/img/flow.png'), diagram);
    write(root, { 'doc/adr/template.md': '# NUMBER. TITLE\n\nDate: DATE\n' });
    fs.symlinkSync('/etc/passwd', path.join(root, 'doc/adr/passwd.md'));
    await core.invoke('importFolder', { dir: root });

    // In place, nothing is re-created: a file its owners deleted stays deleted.
    fs.rmSync(path.join(root, 'doc/adr/template.md'));
    const inPlace = await core.invoke('runExport', { repository: path.basename(root) });
    expect(inPlace.restored).toEqual([]);
    expect(fs.existsSync(path.join(root, 'doc/adr/template.md'))).toBe(false);

    // Into an empty folder, the whole repository comes back: README, template, the diagram's bytes.
    const out = tempDir();
    const fresh = await core.invoke('runExport', { dir: out });
    expect(fresh.restored).toEqual(['README.md', 'img/flow.png', 'template.md']);
    expect(fs.readFileSync(path.join(out, 'doc/adr/img/flow.png')).equals(diagram)).toBe(true);
    expect(fs.readFileSync(path.join(out, 'doc/adr/README.md'), 'utf8')).toBe('# Our decisions\n\nKept by hand.\n');
    // The link was not content: it is neither kept nor followed.
    expect(fs.existsSync(path.join(out, 'doc/adr/passwd.md'))).toBe(false);

    // Only some of the repository's decisions: its other files are not brought along.
    const one = (await core.invoke('listDecisions', {})).items[0]!;
    const part = await core.invoke('runExport', { dir: tempDir(), ids: [one.id] });
    expect(part.restored).toEqual([]);
  });

  it('says where it looked when a repository has no ADR folder', async () => {
    const core = testCore();
    const root = tempDir();
    write(root, { 'README.md': '# Nothing here\n', 'src/main.ts': '' });
    const report = await core.invoke('importFolder', { dir: root });
    expect(report.folders).toEqual([]);
    expect(report.lookedIn).toEqual(
      expect.arrayContaining([
        '.adr-dir',
        '.log4brains.yml',
        'docs/decisions',
        'doc/adr',
        'docs/architecture/decisions',
        'adr',
      ]),
    );
    const out: string[] = [];
    core.close();
    expect(await runCli(['import', root, '--db', core.dbPath], { out: (t) => out.push(t), err: () => {} })).toBe(0);
    expect(out.join('\n')).toMatch(/Found no ADR folder in .*Looked in: \., \.adr-dir, \.log4brains\.yml/);
  });

  it('follows .log4brains.yml to the project folder and each package folder, each its own repository', async () => {
    const core = testCore();
    const root = tempDir('mono-');
    write(root, {
      '.log4brains.yml':
        'project:\n  name: mono\n  tz: Europe/Paris\n  adrFolder: ./docs/adr\n  packages:\n    - name: core\n      path: ./packages/core\n      adrFolder: ./packages/core/adr\n',
      'docs/adr/20240101-use-a-monorepo.md':
        '# Use a monorepo\n\n- Status: accepted\n- Date: 2024-01-01\n\n## Context and Problem Statement\n\nMany packages.\n',
      'packages/core/adr/20240202-use-zod.md':
        '# Use zod\n\n- Status: accepted\n- Date: 2024-02-02\n\n## Context and Problem Statement\n\nSchemas.\n',
    });
    const report = await core.invoke('importFolder', { dir: root });
    expect(report.folders.map((f) => [path.relative(fs.realpathSync(root), f.folder), f.source])).toEqual([
      ['docs/adr', '.log4brains.yml'],
      ['packages/core/adr', '.log4brains.yml'],
    ]);
    expect(report.imported.map((f) => f.file).sort()).toEqual([
      'docs/adr/20240101-use-a-monorepo.md',
      'packages/core/adr/20240202-use-zod.md',
    ]);
    const repos = await core.invoke('listRepositories', {});
    expect(repos.map((r) => [r.name, r.decisions, r.naming])).toEqual([
      [path.basename(root), 1, 'date'],
      [`${path.basename(root)}/packages/core/adr`, 1, 'date'],
    ]);
  });
});

describe('numbers per repository', () => {
  it('lists repositories, and takes REPO:N where a bare number is ambiguous', async () => {
    const core = testCore();
    const a = tempDir('alpha-');
    const b = tempDir('beta-');
    write(a, { 'doc/adr/0001-use-go.md': nygard(1, 'Use Go') });
    write(b, {
      'docs/decisions/0001-use-rust.md':
        '# Use Rust\n\n## Context and Problem Statement\n\nSpeed.\n\n## Decision Outcome\n\nChosen option: Rust.\n',
    });
    await core.invoke('importFolder', { dir: a });
    await core.invoke('importFolder', { dir: b });
    core.close();
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
    expect(await runCli(['repos', '--json', '--db', core.dbPath], io)).toBe(0);
    const repos = JSON.parse(out.join('\n')) as { name: string; decisions: number }[];
    expect(repos.map((r) => [r.name, r.decisions])).toEqual([
      [path.basename(a), 1],
      [path.basename(b), 1],
    ]);
    expect(await runCli(['show', '1', '--db', core.dbPath], io)).toBe(2);
    expect(err.join('\n')).toContain(
      `ADR 1 is ambiguous: 2 decisions have that number. Name one as ${path.basename(a)}:1 or ${path.basename(b)}:1.`,
    );
    out.length = 0;
    expect(await runCli(['show', `${path.basename(b)}:1`, '--db', core.dbPath], io)).toBe(0);
    expect(out.join('\n')).toContain('ADR 1: Use Rust');
    err.length = 0;
    expect(await runCli(['show', 'nowhere:1', '--db', core.dbPath], io)).toBe(2);
    expect(err.join('\n')).toContain('No repository "nowhere"');
    out.length = 0;
    expect(await runCli(['list', '--db', core.dbPath], io)).toBe(0);
    expect(out.join('\n')).toMatch(new RegExp(`^REPOSITORY +NUMBER[\\s\\S]*\\n${path.basename(a)} +1 `));
  });
});

describe('dates', () => {
  it('never invents one: no date outside git, the date of the commit that added the file inside', async () => {
    const core = testCore();
    const plain = tempDir();
    const undated = '# 1. Undated\n\n## Status\n\nAccepted\n\n## Context\n\nNo date line, or one Cairn cannot read:\n';
    write(plain, {
      '0001-undated.md': undated,
      '0002-us-style.md': undated
        .replace('# 1. Undated', '# 2. US style')
        .replace('## Status', 'Date: 05/02/2018\n\n## Status'),
    });
    const first = await core.invoke('importFolder', { dir: plain });
    for (const f of first.imported) expect((await core.invoke('getDecision', { id: f.id })).date).toBe('');
    const listed = await core.invoke('listDecisions', { sort: 'date' });
    expect(listed.items.map((d) => [d.date, d.dateSource])).toEqual([
      ['', 'written'],
      ['', 'written'],
    ]);

    const repo = tempDir();
    git(repo, 'init', '-q');
    write(repo, { 'doc/adr/0001-undated.md': undated, 'doc/adr/0002-dated.md': nygard(2, 'Dated') });
    git(repo, 'add', '.');
    execFileSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=T', 'commit', '-qm', 'x'], {
      cwd: repo,
      env: { ...process.env, GIT_COMMITTER_DATE: '2021-06-15T10:00:00Z', GIT_AUTHOR_DATE: '2021-06-15T10:00:00Z' },
    });
    const second = await core.invoke('importFolder', { dir: repo });
    const undatedInGit = await core.invoke('getDecision', {
      id: second.imported.find((f) => f.file === '0001-undated.md')!.id,
    });
    expect([undatedInGit.date, undatedInGit.dateSource]).toEqual(['2021-06-15', 'git']);
    const dated = await core.invoke('getDecision', { id: second.imported.find((f) => f.file === '0002-dated.md')!.id });
    expect([dated.date, dated.dateSource]).toEqual(['2024-03-11', 'written']);
    // The file still says nothing about a date: re-exported, it is the same bytes.
    const out = tempDir();
    await core.invoke('runExport', { dir: out, ids: [undatedInGit.id] });
    expect(fs.readFileSync(path.join(out, '0001-undated.md'), 'utf8')).toBe(undated);
    // Sorted by date, "no date" comes last.
    expect((await core.invoke('listDecisions', { sort: 'date' })).items.map((d) => d.date)).toEqual([
      '2024-03-11',
      '2021-06-15',
      '',
      '',
    ]);
    // "No date" is a facet of its own, counted under the other filters, and a filter of the list.
    const facets = await core.invoke('listDecisionFacets', {});
    expect(facets.dated).toEqual([
      { value: 'none', count: 2 },
      { value: 'git', count: 1 },
      { value: 'written', count: 1 },
    ]);
    const noDate = await core.invoke('listDecisions', { dated: 'none', sort: 'date' });
    expect(noDate.items.map((d) => d.title).sort()).toEqual(['US style', 'Undated']);
    expect((await core.invoke('listDecisions', { dated: 'git' })).items.map((d) => d.id)).toEqual([undatedInGit.id]);
    expect((await core.invoke('listDecisions', { dated: 'written' })).items.map((d) => d.id)).toEqual([dated.id]);
    const repoName = (await core.invoke('listRepositories', {})).find(
      (r) => r.decisions === 2 && r.root.includes(path.basename(repo)),
    )!.name;
    expect((await core.invoke('listDecisionFacets', { repository: repoName })).dated).toEqual([
      { value: 'git', count: 1 },
      { value: 'written', count: 1 },
    ]);
  });
});

describe('dates from git, off the import transaction', () => {
  it('asks git once, before the transaction opens, with its own progress state', async () => {
    const repo = tempDir();
    git(repo, 'init', '-q');
    const undated = (n: number) => `# ${n}. Undated ${n}\n\n## Status\n\nAccepted\n\n## Context\n\nNo date.\n`;
    write(repo, { 'doc/adr/0001-a.md': undated(1), 'doc/adr/sub/0002-b.md': undated(2) });
    git(repo, 'add', '.');
    execFileSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=T', 'commit', '-qm', 'x'], {
      cwd: repo,
      env: { ...process.env, GIT_COMMITTER_DATE: '2022-02-02T10:00:00Z', GIT_AUTHOR_DATE: '2022-02-02T10:00:00Z' },
    });
    const dbPath = path.join(tempDir(), 'cairn.db');
    const db = openDatabase(dbPath);
    const importer = createImporter({
      db,
      platform: fakePlatform(),
      dataDir: path.dirname(dbPath),
      dbPath,
      knowledgeDir: tempDir(),
    });
    const seen: { state: string; inTransaction: boolean }[] = [];
    const report = await importer.run(repo, (_done, _total, state) =>
      seen.push({ state, inTransaction: db.inTransaction }),
    );
    db.close();
    const states = seen.map((s) => s.state).filter((s, i, all) => s !== all[i - 1]);
    expect(states).toEqual(['reading', 'dating', 'writing']);
    expect(seen.every((s) => !s.inTransaction)).toBe(true);
    expect(report.imported.map((f) => f.file).sort()).toEqual(['0001-a.md', 'sub/0002-b.md']);
    const core = testCore({ dbPath });
    const dates = (await core.invoke('listDecisions', {})).items.map((d) => [d.path, d.date, d.dateSource]);
    expect(dates.sort()).toEqual([
      ['0001-a.md', '2022-02-02', 'git'],
      ['sub/0002-b.md', '2022-02-02', 'git'],
    ]);
  });

  it('skips git when every file states its date', async () => {
    const dir = tempDir();
    write(dir, { '0001-dated.md': nygard(1, 'Dated') });
    const dbPath = path.join(tempDir(), 'cairn.db');
    const db = openDatabase(dbPath);
    const importer = createImporter({
      db,
      platform: fakePlatform(),
      dataDir: path.dirname(dbPath),
      dbPath,
      knowledgeDir: dir,
    });
    const states = new Set<string>();
    await importer.run(dir, (_d, _t, state) => states.add(state));
    db.close();
    expect([...states]).toEqual(['reading', 'writing']);
  });

  it('reads one git log: the first addition of each file wins', () => {
    const log = ['', '2024-05-01\n\nsub/0002-b.md\n', '2020-01-01\n\n0001-a.md\nsub/0002-b.md\n'].join('\u0000');
    expect([...parseGitLog(log)]).toEqual([
      ['sub/0002-b.md', '2020-01-01'],
      ['0001-a.md', '2020-01-01'],
    ]);
  });
});

describe('the timeline and the relation graph by repository', () => {
  it('shows one repository’s decisions and links, or all of them by default', async () => {
    const core = testCore();
    const a = tempDir('alpha-');
    const b = tempDir('beta-');
    write(a, {
      'doc/adr/0001-use-go.md': nygard(1, 'Use Go', 'Superseded by [2. Use Rust](0002-use-rust.md)'),
      'doc/adr/0002-use-rust.md': nygard(2, 'Use Rust', 'Accepted\n\nSupersedes [1. Use Go](0001-use-go.md)'),
    });
    write(b, {
      'doc/adr/0001-use-rest.md': nygard(1, 'Use REST', 'Superseded by [2. Use gRPC](0002-use-grpc.md)'),
      'doc/adr/0002-use-grpc.md': nygard(2, 'Use gRPC', 'Accepted\n\nSupersedes [1. Use REST](0001-use-rest.md)'),
      'doc/adr/0003-undated.md': '# 3. Undated\n\n## Status\n\nAccepted\n\n## Context\n\nNone.\n',
    });
    await core.invoke('importFolder', { dir: a });
    await core.invoke('importFolder', { dir: b });
    const [ra, rb] = (await core.invoke('listRepositories', {})).map((r) => r.name);

    const all = await core.invoke('getTimeline', {});
    expect(all.entries).toHaveLength(5);
    expect(all.chains).toHaveLength(2);
    expect(all.entries.at(-1)).toMatchObject({ title: 'Undated', date: '', repository: rb });
    const onlyB = await core.invoke('getTimeline', { repository: rb! });
    expect(onlyB.entries.map((e) => [e.title, e.repository])).toEqual([
      ['Use REST', rb],
      ['Use gRPC', rb],
      ['Undated', rb],
    ]);
    expect(onlyB.chains.map((c) => c.map((id) => onlyB.entries.find((e) => e.id === id)?.title))).toEqual([
      ['Use REST', 'Use gRPC'],
    ]);

    const graph = await core.invoke('getRelationGraph', {});
    expect(graph.nodes).toHaveLength(4);
    const graphA = await core.invoke('getRelationGraph', { repository: ra! });
    expect(graphA.nodes.map((n) => n.title).sort()).toEqual(['Use Go', 'Use Rust']);
    expect(graphA.edges).toHaveLength(1);
    // A decision of another repository keeps its own place but shows none of the chosen one's links.
    const rest = onlyB.entries.find((e) => e.title === 'Use REST')!;
    const focused = await core.invoke('getRelationGraph', { focus: rest.id, repository: ra! });
    expect([focused.nodes.map((n) => n.id), focused.edges]).toEqual([[rest.id], []]);
    expect((await core.invoke('getTimeline', { repository: 'nowhere' })).entries).toEqual([]);

    for (const [method, input] of [
      ['getTimeline', { repository: 7 }],
      ['getRelationGraph', { repository: ['x'] }],
      ['getTimeline', { repository: 'x'.repeat(5_000) }],
    ] as const) {
      expect(await core.call(method, input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });
});

describe('a new draft named as the folder names its files', () => {
  it.each([
    [['adr-001-logging.md', 'adr-009-tracing.md'], 'adr-010-pick-a-queue.md'],
    [['ADR001-use-madr.html.md', 'ADR002-use-vue.html.md'], 'ADR003-pick-a-queue.html.md'],
    [['001_USE_POSTGRES.md', '002_USE_KAFKA.md'], '003_PICK_A_QUEUE.md'],
  ])('%j → %s', async (names, expected) => {
    const core = testCore();
    const dir = tempDir();
    write(dir, Object.fromEntries(names.map((n, i) => [n, nygard(i + 1, `Existing ${i + 1}`)])));
    const draft = await core.invoke('createDecision', { content: { title: 'Pick a queue' } });
    const result = await core.invoke('runExport', { dir, ids: [draft.id], index: false });
    expect(result.written.map((w) => w.file)).toEqual([expected]);
    expect(fs.readdirSync(dir).sort()).toEqual([...names, expected].sort());
  });
});

describe('links between files in subfolders', () => {
  it('resolves ../ and subfolder links to the decision they name', async () => {
    const core = testCore();
    const dir = tempDir();
    write(dir, {
      'backend/0001-use-go.md': nygard(1, 'Use Go', 'Superseded by [2. Use Rust](../frontend/0002-use-rust.md)'),
      // Number 2 twice (two teams' folders): only the linked file's name tells them apart.
      'backend/0002-use-kafka.md': nygard(2, 'Use Kafka'),
      'frontend/0002-use-rust.md': nygard(
        2,
        'Use Rust',
        'Accepted\n\nSupersedes [1. Use Go](../backend/0001-use-go.md)',
      ),
      '0003-overview.md': nygard(3, 'Overview', 'Accepted\n\nRelates to [2. Use Rust](frontend/0002-use-rust.md)'),
    });
    const report = await core.invoke('importFolder', { dir });
    const id = (file: string) => report.imported.find((f) => f.file === file)!.id;
    expect(report.warnings.filter((w) => /names no decision/.test(w.message))).toEqual([]);
    expect((await core.invoke('getDecision', { id: id('backend/0001-use-go.md') })).relations).toEqual([
      { type: 'superseded-by', target: id('frontend/0002-use-rust.md') },
    ]);
    expect((await core.invoke('getDecision', { id: id('0003-overview.md') })).relations).toEqual([
      { type: 'relates-to', target: id('frontend/0002-use-rust.md') },
    ]);
  });
});

describe('ADRs kept only in subfolders of the folder named (one folder a year)', () => {
  /** No ADR file at the top: `2021/`, `2022/`, a `.markdown` file and one named without a slug. */
  function byYear(): string {
    const dir = tempDir();
    write(dir, {
      'notes.txt': 'not an ADR\n',
      '2021/0001-use-go.md': nygard(1, 'Use Go'),
      '2021/0002-use-kafka.md': nygard(2, 'Use Kafka', 'Superseded by [3. Use NATS](../2022/0003-use-nats.md)'),
      '2022/0003-use-nats.md': nygard(
        3,
        'Use NATS',
        'Accepted\n\nSupersedes [2. Use Kafka](../2021/0002-use-kafka.md)',
      ),
      '2022/0004-keep-a-changelog.markdown': nygard(4, 'Keep a changelog'),
    });
    return dir;
  }

  it('is imported as the ADR folder, each file under its own path', async () => {
    const core = testCore();
    const dir = byYear();
    const report = await core.invoke('importFolder', { dir });
    expect(report.folders.map((f) => f.folder)).toEqual([fs.realpathSync(dir)]);
    expect(report.imported.map((f) => f.file).sort()).toEqual([
      '2021/0001-use-go.md',
      '2021/0002-use-kafka.md',
      '2022/0003-use-nats.md',
      '2022/0004-keep-a-changelog.markdown',
    ]);
  });

  it('a repository root whose ADRs sit under an unusual folder is narrowed to that folder', async () => {
    const core = testCore();
    const root = tempDir();
    write(root, { 'README.md': '# Project\n', 'guide/setup.md': '# Setup\n\nRun it.\n' });
    fs.cpSync(byYear(), path.join(root, 'engineering/records'), { recursive: true });
    const report = await core.invoke('importFolder', { dir: root });
    expect(report.folders.map((f) => f.folder)).toEqual([fs.realpathSync(path.join(root, 'engineering/records'))]);
    expect(report.imported).toHaveLength(4);
  });

  it('re-exports in place with nothing changed or added, and the store alone re-creates every file', async () => {
    const core = testCore();
    const dir = byYear();
    await core.invoke('importFolder', { dir });
    const original = tree(dir);

    const inPlace = await core.invoke('runExport', { dir });
    expect(inPlace.conflicts).toEqual([]);
    expect(inPlace.written).toEqual([]);
    expect(tree(dir)).toEqual(original);

    const out = tempDir();
    const fresh = await core.invoke('runExport', { dir: out });
    expect(fresh.conflicts).toEqual([]);
    const again = tree(out);
    for (const [name, bytes] of original)
      if (name !== 'notes.txt') expect({ name, same: again.get(name) === bytes }).toEqual({ name, same: true });
  });
});
