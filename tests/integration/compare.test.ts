import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.js';
import { WIDE_QUERIES } from '../../electron/core/store/wide-queries.js';
import { claim, driver, option } from '../helpers/decisions.js';
import { testCore } from '../helpers/temp.js';

const reporting = {
  title: 'Python for the reporting service',
  status: 'accepted' as const,
  date: '2025-03-01',
  decisionMakers: ['Ada'],
  tags: ['reports'],
  drivers: [
    driver('d1', 'Real-time and streaming', 1, 'real-time'),
    driver('d2', 'Machine learning and data work', 5, 'ml-data'),
  ],
  options: [option('o1', 'Python', 'python'), option('o2', 'Node.js', 'nodejs')],
  chosenOption: 'o1',
  rationale: 'The data team already writes Python.',
  evaluation: {
    pack: 'backend-runtime',
    scores: [{ option: 'o1', driver: 'd2', value: 5 }],
    claims: [claim('c1', 'd2', 'o1', 'good', 'Python leads for data work.')],
  },
};
const gateway = {
  title: 'Node.js for the gateway',
  status: 'accepted' as const,
  date: '2025-09-01',
  decisionMakers: ['Grace'],
  tags: ['edge'],
  drivers: [
    driver('x1', 'Real-time and streaming', 5, 'real-time'),
    driver('x2', 'I/O concurrency model', 4, 'io-concurrency'),
  ],
  options: [option('n', 'Node.js', 'nodejs'), option('p', 'Python', 'python')],
  chosenOption: 'n',
  evaluation: { pack: 'backend-runtime' },
};

async function seeded() {
  const core = testCore();
  const rep = await core.invoke('createDecision', { content: reporting });
  const gw = await core.invoke('createDecision', { content: gateway });
  const db = await core.invoke('createDecision', {
    content: {
      title: 'PostgreSQL for orders',
      status: 'accepted',
      date: '2024-05-01',
      options: [option('pg', 'PostgreSQL')],
      chosenOption: 'pg',
      tags: ['reports'],
    },
  });
  return { core, rep, gw, db };
}

describe('compare, precedents and facets through the API', () => {
  it('compares decisions named by id or by ADR number and refuses bad requests clearly', async () => {
    const { core, rep, gw } = await seeded();
    expect([rep.number, gw.number]).toEqual([1, 2]);
    const c = await core.invoke('compareDecisions', { ids: ['1', gw.id] });
    expect(c.decisions.map((d) => d.id)).toEqual([rep.id, gw.id]);
    expect(c.differences[0]!.message).toBe(
      'Real-time and streaming was weighed very differently: 1 in ADR 1, 5 in ADR 2',
    );

    const one = await core.call('compareDecisions', { ids: [rep.id] });
    expect(one).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('at least two') },
    });
    const twice = await core.call('compareDecisions', { ids: [rep.id, 'ADR-1'] });
    expect(twice).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('named twice') },
    });
    const missing = await core.call('compareDecisions', { ids: [rep.id, '99'] });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('cairn list') },
    });
  });

  it('finds the precedents of a new decision on the same pack, with what they chose', async () => {
    const { core, rep, gw } = await seeded();
    const draft = await core.invoke('createDecision', {
      content: {
        title: 'Runtime for notifications',
        drivers: [driver('a', 'Real-time and streaming', 5, 'real-time')],
        options: [option('x', 'Node.js', 'nodejs'), option('y', 'Python', 'python')],
        evaluation: { pack: 'backend-runtime' },
      },
    });
    const found = await core.invoke('findPrecedents', { id: draft.id });
    expect(found.map((p) => [p.id, p.chosen])).toEqual([
      [gw.id, 'Node.js'],
      [rep.id, 'Python'],
    ]);
    expect(found[1]!.rationale).toBe('The data team already writes Python.');
    await core.invoke('trashDecision', { id: gw.id });
    expect((await core.invoke('findPrecedents', { id: draft.id })).map((p) => p.id)).toEqual([rep.id]);

    // A change saved by another process on the same file shows at the next ask.
    const other = testCore({ dbPath: core.dbPath });
    await other.invoke('updateDecision', {
      id: rep.id,
      baseRevision: rep.revision,
      content: { ...reporting, chosenOption: 'o2' },
    });
    expect((await core.invoke('findPrecedents', { id: draft.id })).map((p) => p.chosen)).toEqual(['Node.js']);
  });

  it('counts each facet under the other filters', async () => {
    const { core } = await seeded();
    await core.invoke('createDecision', {
      content: { title: 'Python for scripts', options: [option('p', 'python')], chosenOption: 'p' },
    });
    const all = await core.invoke('listDecisionFacets', {});
    expect(all.status).toEqual([
      { value: 'accepted', count: 3 },
      { value: 'proposed', count: 1 },
    ]);
    expect(all.chosenOption).toEqual([
      { value: 'Python', count: 2 },
      { value: 'Node.js', count: 1 },
      { value: 'PostgreSQL', count: 1 },
    ]);
    const accepted = await core.invoke('listDecisionFacets', { status: 'accepted', chosenOption: 'python' });
    expect(accepted.status).toEqual([
      { value: 'accepted', count: 1 },
      { value: 'proposed', count: 1 },
    ]);
    expect(accepted.chosenOption.map((v) => v.value)).toEqual(['Node.js', 'PostgreSQL', 'Python']);
    expect(accepted.tag).toEqual([{ value: 'reports', count: 1 }]);
    const list = await core.invoke('listDecisions', { status: 'accepted', chosenOption: 'Python' });
    expect(list.items.map((d) => d.title)).toEqual(['Python for the reporting service']);
  });
});

describe('history: diff and restore', () => {
  it('diffs any two revisions and restores an old one as a new revision', async () => {
    const { core, rep } = await seeded();
    const edited = await core.invoke('updateDecision', {
      id: rep.id,
      baseRevision: 1,
      content: {
        ...reporting,
        title: 'Python for reports',
        drivers: [{ ...reporting.drivers[0]!, weight: 4 }, reporting.drivers[1]!],
      },
    });
    const diff = await core.invoke('diffRevisions', { id: rep.id, from: 1, to: edited.revision });
    expect(diff.changes.map((c) => c.label)).toEqual(['Title', 'Driver “Real-time and streaming”: weight']);

    const stale = await core.call('restoreRevision', { id: rep.id, revision: 1, baseRevision: 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const current = await core.call('restoreRevision', { id: rep.id, revision: 2 });
    expect(current).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('earlier revision') },
    });

    const restored = await core.invoke('restoreRevision', { id: rep.id, revision: 1, baseRevision: 2 });
    expect(restored).toMatchObject({ revision: 3, title: reporting.title, number: 1 });
    expect(restored.drivers[0]!.weight).toBe(1);
    const revisions = await core.invoke('listRevisions', { id: rep.id });
    expect(revisions.map((r) => [r.revision, r.reason])).toEqual([
      [3, 'revert'],
      [2, 'update'],
      [1, 'create'],
    ]);
    expect((await core.invoke('diffRevisions', { id: rep.id, from: 1, to: 3 })).changes).toEqual([]);
    const missing = await core.call('diffRevisions', { id: rep.id, from: 1, to: 9 });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('no revision 9') },
    });
  });
});

describe('relation graph and timeline', () => {
  async function chain() {
    const core = testCore();
    const make = (title: string, date: string, extra: object = {}) =>
      core.invoke('createDecision', { content: { title, date, status: 'accepted', ...extra } });
    const first = await make('Use MySQL', '2020-01-10');
    const second = await make('Use PostgreSQL', '2022-04-01', {
      relations: [{ type: 'supersedes', target: first.id }],
    });
    const third = await make('Use PostgreSQL 16 with pgvector', '2025-02-01', {
      relations: [{ type: 'supersedes', target: '2' }],
    });
    const note = await make('Backups nightly', '2023-06-01', {
      relations: [
        { type: 'relates-to', target: second.id },
        { type: 'amends', target: 'ADR-99' },
      ],
    });
    const alone = await make('Use Markdown for docs', '2021-01-01');
    // The old decision records the link too, as an imported file would; it stays one edge.
    await core.invoke('updateDecision', {
      id: first.id,
      baseRevision: 1,
      content: {
        title: 'Use MySQL',
        date: '2020-01-10',
        status: 'superseded',
        relations: [{ type: 'superseded-by', target: second.id }],
      },
    });
    return { core, first, second, third, note, alone };
  }

  it('draws every linked decision once with each link once, and a missing target as missing', async () => {
    const { core, first, second, third, note, alone } = await chain();
    const g = await core.invoke('getRelationGraph', {});
    expect(g.nodes.map((n) => n.id).sort()).toEqual([first.id, second.id, third.id, note.id, 'ADR-99'].sort());
    expect(g.nodes.find((n) => n.id === 'ADR-99')).toMatchObject({ missing: true, status: null });
    expect(g.edges).toHaveLength(4);
    expect(g.edges).toContainEqual({ from: third.id, to: second.id, type: 'supersedes' });
    expect(g.edges).toContainEqual({ from: second.id, to: first.id, type: 'supersedes' });
    const lonely = await core.invoke('getRelationGraph', { focus: alone.id });
    expect(lonely).toEqual({ nodes: [expect.objectContaining({ id: alone.id })], edges: [], truncated: false });
    const small = await core.invoke('getRelationGraph', { limit: 2 });
    expect(small.truncated).toBe(true);
  });

  it('lists decisions by date with status changes and supersede chains', async () => {
    const { core, first, second, third } = await chain();
    const t = await core.invoke('getTimeline', {});
    expect(t.entries.map((e) => e.title)).toEqual([
      'Use MySQL',
      'Use Markdown for docs',
      'Use PostgreSQL',
      'Backups nightly',
      'Use PostgreSQL 16 with pgvector',
    ]);
    expect(t.entries[0]!.changes.map((c) => [c.from, c.to])).toEqual([
      [null, 'accepted'],
      ['accepted', 'superseded'],
    ]);
    expect(t.entries[0]!.supersededBy).toEqual([second.id]);
    expect(t.chains).toEqual([[first.id, second.id, third.id]]);
    const recent = await core.invoke('getTimeline', { from: '2024-01-01' });
    expect(recent.entries.map((e) => e.id)).toEqual([third.id]);
    expect(recent.chains).toEqual([[first.id, second.id, third.id]]);
  });
});

describe('cairn compare', () => {
  async function cairn(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('prints aligned columns and the warnings, or the comparison as JSON', async () => {
    const { core } = await seeded();
    core.close();
    const db = core.dbPath;
    const text = await cairn('compare', '1', '2', '--db', db);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/Chosen option\s+Python\s+Node\.js/);
    expect(text.out).toMatch(/Real-time and streaming\s+1\s+5\s+!/);
    expect(text.out).toContain('! Real-time and streaming was weighed very differently: 1 in ADR 1, 5 in ADR 2');
    const json = JSON.parse((await cairn('compare', '1', '2', '--json', '--db', db)).out);
    expect(Object.keys(json)).toEqual(['decisions', 'options', 'criteria', 'differences']);
    expect(json.criteria[0]).toMatchObject({ name: 'Real-time and streaming', weightSpread: 4 });
    const usage = await cairn('compare', '1', '--db', db);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('Name 2 to 4 decisions');
  });
});

it('answers the queries that read every decision from covering indexes, never parsing whole decisions', () => {
  const core = testCore();
  for (const [name, sql] of Object.entries(WIDE_QUERIES)) {
    const explain = core.db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
    const plan = (sql.includes('?') ? explain.all('x') : explain.all()) as { detail: string }[];
    // Every step that reads a table holding whole decisions (decision_content, revisions) reads an index instead.
    const heavy = plan.map((p) => p.detail).filter((d) => /^(SCAN|SEARCH) (c|revisions)\b/.test(d));
    // A query that names those tables reads them (as `c` or `revisions`); one that names neither
    // (incoming relations come from `relation_targets`) has nothing heavy to read.
    const readsWhole = /\b(decision_content|revisions)\b/.test(sql);
    expect(heavy.length > 0, `${name}: ${plan.map((p) => p.detail).join(' | ')}`).toBe(readsWhole);
    for (const step of heavy) expect(step, name).toMatch(/USING COVERING INDEX (decision_content_|revisions_status)/);
  }
});
