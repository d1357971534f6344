import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.js';
import type { Decision } from '../../shared/domain.js';
import { driver } from '../helpers/decisions.js';
import { tempDir, testCore } from '../helpers/temp.js';
import { readTree, writeTree as write } from '../helpers/folders.js';

const tree = (dir: string) => readTree(dir);

/**
 * Repositories whose ADR folder has subfolders: links between files in different subfolders are
 * written relative to the file that holds them, and resolve to the real files after an export
 * into an empty folder, a renumber, or a teammate's import. Real folders, real SQLite files.
 */

/** Every link to a Markdown file in the ADR files under `dir`, with where it leads and whether a file is there. */
function markdownLinks(dir: string): { file: string; href: string; target: string; exists: boolean }[] {
  const out: { file: string; href: string; target: string; exists: boolean }[] = [];
  for (const [file, text] of tree(dir)) {
    if (!file.endsWith('.md')) continue;
    for (const m of text.matchAll(/\]\(([^)\s]+\.md)\)/g)) {
      const href = decodeURI(m[1]!);
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), href));
      out.push({ file, href, target, exists: fs.existsSync(path.join(dir, target)) });
    }
  }
  return out;
}

const madr = (title: string, more = '') =>
  `---\nstatus: accepted\ndate: 2024-03-01\n---\n# ${title}\n\n## Context and Problem Statement\n\nWhy ${title.toLowerCase()}.\n\n## Decision Outcome\n\nChosen option: "${title}", because it fits.\n${more}`;

const nygard = (n: number, title: string, status = 'Accepted') =>
  `# ${n}. ${title}\n\nDate: 2024-02-0${n % 9}\n\n## Status\n\n${status}\n\n## Context\n\nWhy ${title.toLowerCase()}.\n\n## Decision\n\nWe do it.\n\n## Consequences\n\nSome.\n`;

/** A decision's content, ready to send back with a change. */
function contentOf(d: Decision) {
  const { id: _i, number: _n, revision: _r, createdAt: _c, updatedAt: _u, trashedAt: _t, ...content } = d;
  return content;
}

/** The relations of every decision in a store, by title: `[title, type, other title]`, sorted. */
async function relationsByTitle(core: ReturnType<typeof testCore>): Promise<string[][]> {
  const list = (await core.invoke('listDecisions', {})).items;
  const title = new Map(list.map((d) => [d.id, d.title]));
  const out: string[][] = [];
  for (const d of list)
    for (const r of await core.invoke('listRelations', { id: d.id }))
      out.push([d.title, r.type, title.get(r.target) ?? r.target]);
  return out.sort((a, b) => a.join('|').localeCompare(b.join('|')));
}

describe('links between subfolders of an ADR folder', () => {
  it('are written relative to each file, for drafts and imported files, and resolve after an export into an empty folder', async () => {
    const core = testCore();
    const root = tempDir('nested-');
    write(root, {
      'docs/decisions/0001-use-markdown.md': madr('Use Markdown'),
      'docs/decisions/backend/0002-use-postgres.md': madr(
        'Use Postgres',
        '\n## More Information\n\n* Relates to [ADR-0001](../0001-use-markdown.md)\n',
      ),
      'docs/decisions/backend/db/0003-use-pgbouncer.md': madr('Use PgBouncer'),
    });
    const report = await core.invoke('importFolder', { dir: root });
    const id = (file: string) => report.imported.find((f) => f.file === file)!.id;
    const bouncer = id('backend/db/0003-use-pgbouncer.md');
    await core.invoke('linkDecisions', { from: bouncer, relation: 'amends', to: id('backend/0002-use-postgres.md') });
    await core.invoke('linkDecisions', { from: bouncer, relation: 'relates-to', to: id('0001-use-markdown.md') });
    const draft = await core.invoke('createDecision', { content: { title: 'Use Redis', status: 'proposed' } });
    await core.invoke('linkDecisions', { from: draft.id, relation: 'depends-on', to: bouncer });

    const out = tempDir('out-');
    const result = await core.invoke('runExport', { dir: out, index: true });
    expect(result.conflicts).toEqual([]);
    const files = tree(out);
    expect([...files.keys()].sort()).toEqual([
      '0001-use-markdown.md',
      '0004-use-redis.md',
      'README.md',
      'backend/0002-use-postgres.md',
      'backend/db/0003-use-pgbouncer.md',
    ]);
    // A draft at the top links down; an imported file deep down links up; siblings by their folder.
    expect(files.get('0004-use-redis.md')).toContain(
      '* Depends on [ADR-0003: Use PgBouncer](backend/db/0003-use-pgbouncer.md)',
    );
    const deep = files.get('backend/db/0003-use-pgbouncer.md')!;
    expect(deep).toContain('* Amends [ADR-0002](../0002-use-postgres.md)');
    expect(deep).toContain('* Relates to [ADR-0001](../../0001-use-markdown.md)');
    expect(deep).toContain('(../../0004-use-redis.md)');
    expect(files.get('backend/0002-use-postgres.md')).toBe(
      madr(
        'Use Postgres',
        '\n## More Information\n\n* Relates to [ADR-0001](../0001-use-markdown.md)\n* Amended by [ADR-0003](db/0003-use-pgbouncer.md)\n',
      ),
    );
    const links = markdownLinks(out);
    expect(links.length).toBeGreaterThanOrEqual(10);
    expect(links.filter((l) => !l.exists)).toEqual([]);
    // The index at the top knows the relations between folders.
    expect(files.get('README.md')).toMatch(/-->\|amends\|/);
    expect(files.get('README.md')).toMatch(/-->\|depends on\|/);

    // A teammate importing the export finds every relation, both ways.
    const mate = testCore();
    await mate.invoke('importFolder', { dir: out });
    expect(await relationsByTitle(mate)).toEqual(await relationsByTitle(core));
  });

  it('follow a renumber in either direction, in place and through `cairn export --dir` into an empty folder', async () => {
    const core = testCore();
    const root = tempDir('renumber-');
    write(root, {
      'doc/adr/0001-record-decisions.md': nygard(1, 'Record decisions'),
      'doc/adr/0002-use-postgres.md': nygard(
        2,
        'Use Postgres',
        'Accepted\n\nSupercedes [3. Use MySQL](archive/0003-use-mysql.md)',
      ),
      'doc/adr/archive/0003-use-mysql.md': nygard(
        3,
        'Use MySQL',
        'Superceded by [2. Use Postgres](../0002-use-postgres.md)',
      ),
      'doc/adr/archive/0002-use-kafka.md': nygard(2, 'Use Kafka'),
    });
    const dir = fs.realpathSync(path.join(root, 'doc/adr'));
    const report = await core.invoke('importFolder', { dir: root });
    const id = (file: string) => report.imported.find((f) => f.file === file)!.id;
    expect(report.duplicates).toHaveLength(1);

    // The file in the subfolder is renamed where it lies, and the link to it from the top follows.
    const mysql = await core.invoke('renumberDecision', { id: id('archive/0003-use-mysql.md'), number: 7 });
    expect(mysql.moved).toEqual([{ dir, from: 'archive/0003-use-mysql.md', to: 'archive/0007-use-mysql.md' }]);
    // The top file renumbered: the link to it from the subfolder follows, still going up.
    const postgres = await core.invoke('renumberDecision', { id: id('0002-use-postgres.md'), number: 9 });
    expect(postgres.moved).toEqual([{ dir, from: '0002-use-postgres.md', to: '0009-use-postgres.md' }]);

    const written = await core.invoke('runExport', { dir, index: false });
    expect(written.conflicts).toEqual([]);
    const inPlace = tree(dir);
    expect(inPlace.get('0009-use-postgres.md')).toBe(
      nygard(2, 'Use Postgres', 'Accepted\n\nSupercedes [7. Use MySQL](archive/0007-use-mysql.md)').replace(
        '# 2. Use Postgres',
        '# 9. Use Postgres',
      ),
    );
    expect(inPlace.get('archive/0007-use-mysql.md')).toBe(
      nygard(3, 'Use MySQL', 'Superceded by [9. Use Postgres](../0009-use-postgres.md)').replace(
        '# 3. Use MySQL',
        '# 7. Use MySQL',
      ),
    );
    expect(markdownLinks(dir).filter((l) => !l.exists)).toEqual([]);
    const again = await core.invoke('importFolder', { dir });
    expect(again).toMatchObject({ imported: [], updated: [], missing: [], duplicates: [] });

    // The store alone re-creates the folder elsewhere, links and all.
    core.close();
    const out = tempDir('cli-out-');
    const io = { out: () => {}, err: (t: string) => expect.fail(t) };
    expect(await runCli(['export', '--dir', out, '--db', core.dbPath], io)).toBe(0);
    expect(tree(out)).toEqual(inPlace);
    expect(markdownLinks(out).map((l) => [l.file, l.href, l.exists])).toEqual([
      ['0009-use-postgres.md', 'archive/0007-use-mysql.md', true],
      ['archive/0007-use-mysql.md', '../0009-use-postgres.md', true],
    ]);
  });
});

describe('links read from a folder with subfolders', () => {
  it('name the file at their path, even where two subfolders hold the same name', async () => {
    const core = testCore();
    const dir = tempDir('same-names-');
    write(dir, {
      'api/0001-setup.md': nygard(1, 'Set up the API'),
      'web/0001-setup.md': nygard(1, 'Set up the web app'),
      'web/0002-use-react.md': nygard(2, 'Use React', 'Accepted\n\nAmends [1. Set up](0001-setup.md)'),
      'api/0002-use-grpc.md': nygard(2, 'Use gRPC', 'Accepted\n\nAmends [1. Set up](../api/0001-setup.md)'),
      '0003-share-types.md': nygard(3, 'Share types', 'Accepted\n\nRelates to [1. Set up](web/0001-setup.md)'),
    });
    const report = await core.invoke('importFolder', { dir });
    const id = (file: string) => report.imported.find((f) => f.file === file)!.id;
    const targetOf = async (file: string) => (await core.invoke('getDecision', { id: id(file) })).relations;
    expect(await targetOf('web/0002-use-react.md')).toEqual([{ type: 'amends', target: id('web/0001-setup.md') }]);
    expect(await targetOf('api/0002-use-grpc.md')).toEqual([{ type: 'amends', target: id('api/0001-setup.md') }]);
    expect(await targetOf('0003-share-types.md')).toEqual([{ type: 'relates-to', target: id('web/0001-setup.md') }]);
  });
});

describe('MADR 4 relations under More Information', () => {
  it('read back as relations both ways, prose links stay prose, and the files re-export byte for byte', async () => {
    const core = testCore();
    const make = async (title: string, moreInformation = '') =>
      core.invoke('createDecision', { content: { title, status: 'accepted', date: '2024-05-01', moreInformation } });
    const first = await make('Use REST');
    const second = await make('Use GraphQL', 'See [the first one](0001-use-rest.md) for the history.');
    const third = await make('Cache responses');
    await core.invoke('supersedeDecision', { old: first.id, new: second.id });
    await core.invoke('linkDecisions', { from: third.id, relation: 'amends', to: second.id });
    await core.invoke('linkDecisions', { from: third.id, relation: 'relates-to', to: first.id });
    const dir = tempDir('madr4-');
    await core.invoke('runExport', { dir, format: 'madr', index: false });
    const exported = tree(dir);
    const graphql = exported.get('0002-use-graphql.md')!;
    expect(graphql).toContain(
      '## More Information\n\n* Supersedes [ADR-0001: Use REST](0001-use-rest.md)\n* Amended by [ADR-0003: Cache responses](0003-cache-responses.md)\n\nSee [the first one](0001-use-rest.md) for the history.\n',
    );

    const mate = testCore();
    const report = await mate.invoke('importFolder', { dir });
    expect(report.warnings).toEqual([]);
    expect(await relationsByTitle(mate)).toEqual([
      ['Cache responses', 'amends', 'Use GraphQL'],
      ['Cache responses', 'relates-to', 'Use REST'],
      ['Use GraphQL', 'amended-by', 'Cache responses'],
      ['Use GraphQL', 'supersedes', 'Use REST'],
      ['Use REST', 'relates-to', 'Cache responses'],
      ['Use REST', 'superseded-by', 'Use GraphQL'],
    ]);
    // The prose link is the text, not a relation; the list is not part of the text.
    const read = await mate.invoke('getDecision', {
      id: report.imported.find((f) => f.file === '0002-use-graphql.md')!.id,
    });
    expect(read.moreInformation).toBe('See [the first one](0001-use-rest.md) for the history.');
    expect(read.relations.map((r) => r.type).sort()).toEqual(['amended-by', 'supersedes']);

    // Unedited, every file goes back as it came: in place, and into an empty folder.
    expect((await mate.invoke('runExport', { dir, index: false })).written).toEqual([]);
    expect(tree(dir)).toEqual(exported);
    const out = tempDir('madr4-out-');
    await mate.invoke('runExport', { dir: out, index: false });
    expect(tree(out)).toEqual(exported);

    // An edit of the text keeps the list; a new relation joins it.
    const fourth = await mate.invoke('createDecision', { content: { title: 'Use gRPC', status: 'proposed' } });
    await mate.invoke('updateDecision', {
      id: read.id,
      baseRevision: read.revision,
      content: { ...contentOf(read), moreInformation: 'Reviewed in May.' },
    });
    await mate.invoke('linkDecisions', { from: read.id, relation: 'relates-to', to: fourth.id });
    await mate.invoke('runExport', { dir, index: false });
    expect(fs.readFileSync(path.join(dir, '0002-use-graphql.md'), 'utf8')).toBe(
      graphql.replace(
        '* Amended by [ADR-0003: Cache responses](0003-cache-responses.md)\n\nSee [the first one](0001-use-rest.md) for the history.\n',
        '* Amended by [ADR-0003: Cache responses](0003-cache-responses.md)\n* Relates to [ADR-0004](0004-use-grpc.md)\n\nReviewed in May.\n',
      ),
    );
  });

  it('leaves a list that is not all relations, and links in prose, as text', async () => {
    const core = testCore();
    const dir = tempDir('madr4-prose-');
    write(dir, {
      '0001-use-rest.md': madr('Use REST'),
      '0002-use-graphql.md': madr(
        'Use GraphQL',
        '\n## More Information\n\n* Background: [ADR-0001](0001-use-rest.md)\n* Supersedes [ADR-0001](0001-use-rest.md)\n\n[ADR-0001](0001-use-rest.md) reasons on the API.\n',
      ),
    });
    const report = await core.invoke('importFolder', { dir });
    const graphql = await core.invoke('getDecision', {
      id: report.imported.find((f) => f.file === '0002-use-graphql.md')!.id,
    });
    expect(graphql.relations).toEqual([]);
    expect(graphql.moreInformation).toContain('* Supersedes [ADR-0001](0001-use-rest.md)');
  });
});

describe('renumbering a decision with an evidence ledger', () => {
  it('moves the ledger with its ADR, rewrites it beside the new name, and a re-import finds it', async () => {
    const core = testCore();
    const root = tempDir('ledger-');
    write(root, {
      'doc/adr/0001-record-decisions.md': nygard(1, 'Record decisions'),
      'doc/adr/archive/0003-use-mysql.md': nygard(3, 'Use MySQL'),
    });
    const dir = fs.realpathSync(path.join(root, 'doc/adr'));
    const report = await core.invoke('importFolder', { dir: root });
    const mysqlId = report.imported.find((f) => f.file === 'archive/0003-use-mysql.md')!.id;
    const before = await core.invoke('getDecision', { id: mysqlId });
    // A weight is evidence the prose cannot carry: the export writes a ledger beside the ADR.
    await core.invoke('updateDecision', {
      id: mysqlId,
      baseRevision: before.revision,
      content: { ...contentOf(before), drivers: [driver('cost', 'Cost', 4)] },
    });
    await core.invoke('runExport', { dir, index: false });
    const oldLedger = path.join(dir, 'archive/0003-use-mysql.ledger.json');
    expect(JSON.parse(fs.readFileSync(oldLedger, 'utf8'))).toMatchObject({
      adr: { file: 'archive/0003-use-mysql.md' },
      number: 3,
    });

    const renumbered = await core.invoke('renumberDecision', { id: mysqlId, number: 8 });
    expect(renumbered.moved).toEqual([
      { dir, from: 'archive/0003-use-mysql.md', to: 'archive/0008-use-mysql.md' },
      { dir, from: 'archive/0003-use-mysql.ledger.json', to: 'archive/0008-use-mysql.ledger.json' },
    ]);
    expect(renumbered.kept).toEqual([]);
    const result = await core.invoke('runExport', { dir, index: false });
    expect(result.conflicts).toEqual([]);
    expect([...tree(dir).keys()].sort()).toEqual([
      '0001-record-decisions.md',
      'archive/0008-use-mysql.ledger.json',
      'archive/0008-use-mysql.md',
    ]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'archive/0008-use-mysql.ledger.json'), 'utf8'))).toMatchObject({
      adr: { file: 'archive/0008-use-mysql.md' },
      number: 8,
    });

    // A teammate's store reads the ledger beside its ADR: the weight comes back.
    const mate = testCore();
    const read = await mate.invoke('importFolder', { dir });
    expect(read.warnings).toEqual([]);
    expect(read.ignored).toEqual([]);
    const back = await mate.invoke('getDecision', {
      id: read.imported.find((f) => f.file === 'archive/0008-use-mysql.md')!.id,
    });
    expect(back).toMatchObject({ number: 8, drivers: [{ name: 'Cost', weight: 4 }] });
  });

  it('leaves a ledger edited by hand where it is, and writes the new one beside the renamed ADR', async () => {
    const core = testCore();
    const dir = tempDir('ledger-edited-');
    const first = await core.invoke('createDecision', {
      content: { title: 'Use Postgres', status: 'accepted', drivers: [driver('cost', 'Cost', 3)] },
    });
    await core.invoke('runExport', { dir, index: false });
    const ledger = path.join(dir, '0001-use-postgres.ledger.json');
    const edited = fs.readFileSync(ledger, 'utf8').replace('"weight": 3', '"weight": 5');
    fs.writeFileSync(ledger, edited);

    const renumbered = await core.invoke('renumberDecision', { id: first.id, number: 4 });
    expect(renumbered.moved).toEqual([
      { dir: fs.realpathSync(dir), from: '0001-use-postgres.md', to: '0004-use-postgres.md' },
    ]);
    expect(renumbered.kept).toEqual([
      {
        dir: fs.realpathSync(dir),
        file: '0001-use-postgres.ledger.json',
        reason: expect.stringMatching(/changed since Cairn last wrote it; it stays/),
      },
    ]);
    await core.invoke('runExport', { dir, index: false });
    expect(fs.readFileSync(ledger, 'utf8')).toBe(edited);
    expect(JSON.parse(fs.readFileSync(path.join(dir, '0004-use-postgres.ledger.json'), 'utf8'))).toMatchObject({
      adr: { file: '0004-use-postgres.md' },
      number: 4,
    });
  });
});
