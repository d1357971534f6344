import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core.js';
import { testCore } from '../helpers/temp.js';

describe('decisions through the API', () => {
  it('creates, reads, updates and keeps every save as a revision', async () => {
    const core = testCore();
    const created = await core.invoke('createDecision', { content: { title: 'Use PostgreSQL for orders' } });
    expect(created).toMatchObject({
      title: 'Use PostgreSQL for orders',
      status: 'proposed',
      number: null,
      revision: 1,
    });
    expect(created.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const { id, revision, createdAt: _c, updatedAt: _u, trashedAt: _t, number: _n, ...content } = created;
    const updated = await core.invoke('updateDecision', {
      id,
      baseRevision: revision,
      content: { ...content, context: 'Orders need ACID.', tags: ['data'] },
    });
    expect(updated.revision).toBe(2);
    expect((await core.invoke('getDecision', { id })).context).toBe('Orders need ACID.');

    const revisions = await core.invoke('listRevisions', { id });
    expect(revisions.map((r) => [r.revision, r.reason])).toEqual([
      [2, 'update'],
      [1, 'create'],
    ]);
    expect((await core.invoke('getRevision', { id, revision: 1 })).context).toBe('');
  });

  it('refuses an update based on a stale revision and keeps the newer save', async () => {
    const core = testCore();
    const d = await core.invoke('createDecision', { content: { title: 'A' } });
    const { id, revision, createdAt: _c, updatedAt: _u, trashedAt: _t, number: _n, ...content } = d;
    await core.invoke('updateDecision', { id, baseRevision: revision, content: { ...content, title: 'B' } });
    const stale = await core.call('updateDecision', {
      id,
      baseRevision: revision,
      content: { ...content, title: 'C' },
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await core.invoke('getDecision', { id })).title).toBe('B');
  });

  it('gives a draft its number only when it is accepted', async () => {
    const core = testCore();
    const a = await core.invoke('createDecision', { content: { title: 'First' } });
    const b = await core.invoke('createDecision', { content: { title: 'Second', status: 'accepted' } });
    expect(a.number).toBeNull();
    expect(b.number).toBe(1);
    const { id, revision, createdAt: _c, updatedAt: _u, trashedAt: _t, number: _n, ...content } = a;
    const accepted = await core.invoke('updateDecision', {
      id,
      baseRevision: revision,
      content: { ...content, status: 'accepted' },
    });
    expect(accepted.number).toBe(2);
  });

  it('moves to the trash and back without losing anything', async () => {
    const core = testCore();
    const d = await core.invoke('createDecision', { content: { title: 'Trash me', context: 'keep this' } });
    await core.invoke('trashDecision', { id: d.id });
    expect((await core.invoke('listDecisions', {})).total).toBe(0);
    expect((await core.invoke('listDecisions', { trashed: true })).items.map((x) => x.title)).toEqual(['Trash me']);
    const back = await core.invoke('restoreDecision', { id: d.id });
    expect(back).toMatchObject({ trashedAt: null, context: 'keep this', revision: 3 });
    expect((await core.invoke('listDecisions', {})).total).toBe(1);
  });

  it('filters by status, tag and ranked text', async () => {
    const core = testCore();
    await core.invoke('createDecision', {
      content: { title: 'Use PostgreSQL for orders', tags: ['data'], status: 'accepted' },
    });
    await core.invoke('createDecision', {
      content: { title: 'Pick a message broker', context: 'Orders events go through Kafka', tags: ['events'] },
    });
    await core.invoke('createDecision', { content: { title: 'Frontend framework' } });
    expect((await core.invoke('listDecisions', { status: 'accepted' })).items.map((d) => d.title)).toEqual([
      'Use PostgreSQL for orders',
    ]);
    expect((await core.invoke('listDecisions', { tag: 'events' })).items.map((d) => d.title)).toEqual([
      'Pick a message broker',
    ]);
    const hits = (await core.invoke('listDecisions', { text: 'orders' })).items.map((d) => d.title);
    expect(hits).toEqual(['Use PostgreSQL for orders', 'Pick a message broker']);
    expect((await core.invoke('listDecisions', { text: '"; DROP TABLE decisions; --' })).total).toBe(0);
  });

  it('finds a decision by its ADR number, with or without words (the relation picker asks this way)', async () => {
    const core = testCore();
    await core.invoke('createDecision', { content: { title: 'Use PostgreSQL for orders', status: 'accepted' } });
    await core.invoke('createDecision', { content: { title: 'Use Kafka for orders', status: 'accepted' } });
    await core.invoke('createDecision', { content: { title: 'A draft about orders' } });
    const titles = async (q: object) =>
      (await core.invoke('listDecisions', q as never)).items.map((d) => `${d.number}: ${d.title}`);
    expect(await titles({ number: 2 })).toEqual(['2: Use Kafka for orders']);
    expect(await titles({ number: 2, text: 'postgresql' })).toEqual([]);
    expect(await titles({ number: 1, text: 'orders' })).toEqual(['1: Use PostgreSQL for orders']);
    expect(await titles({ number: 7 })).toEqual([]);
    expect((await core.call('listDecisions', { number: -1 })).ok).toBe(false);
  });

  it('answers bad requests with an error envelope that names the field', async () => {
    const core = testCore();
    expect(await core.call('createDecision', { content: { title: '' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('content.title') },
    });
    expect(await core.call('getDecision', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await core.call('dropEverything', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await core.call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('keeps decisions across reopening the file', async () => {
    const first = testCore();
    await first.invoke('createDecision', { content: { title: 'Persisted' } });
    first.close();
    const again = createCore({ dbPath: first.dbPath });
    expect((await again.invoke('listDecisions', {})).items.map((d) => d.title)).toEqual(['Persisted']);
    again.close();
  });
});

describe('the store inside a bulk transaction', () => {
  it('a joining store saves inside its caller’s transaction, and refuses to save outside one', async () => {
    const { createDecisionStore } = await import('../../electron/core/decisions/store.js');
    const core = testCore();
    const store = createDecisionStore(core.ctx, { transactions: 'join' });
    expect(() => store.create({ ...store.validate({ title: 'Alone', date: '2026-01-01' }).data! })).toThrow(
      /joins its caller/,
    );
    // A failure later in the caller's transaction takes the joined saves with it.
    expect(() =>
      core.db.transaction(() => {
        store.create(store.validate({ title: 'Rolled back', date: '2026-01-01' }).data!);
        throw new Error('the import failed');
      })(),
    ).toThrow('the import failed');
    expect((await core.invoke('listDecisions', {})).total).toBe(0);
    const saved = core.db.transaction(() =>
      store.create(store.validate({ title: 'Kept', date: '2026-01-01' }).data!),
    )();
    expect(await core.invoke('getDecision', { id: saved.id })).toEqual(saved);
  });

  it('content that skipped `validate` is still validated when saved', async () => {
    const { createDecisionStore } = await import('../../electron/core/decisions/store.js');
    const core = testCore();
    const store = createDecisionStore(core.ctx);
    expect(store.validate({ title: '' }).success).toBe(false);
    expect(() => store.create({ title: '' } as never)).toThrow();
    expect((await core.invoke('listDecisions', {})).total).toBe(0);
  });

  it('numbering a decision saves a revision with the same content and changes nothing else', async () => {
    const { createDecisionStore } = await import('../../electron/core/decisions/store.js');
    const core = testCore();
    const draft = await core.invoke('createDecision', {
      content: { title: 'Keep a log', context: 'Answers get lost.' },
    });
    const store = createDecisionStore(core.ctx);
    expect(store.assignNumber(draft.id, 7)).toEqual({ revision: 2 });
    const after = await core.invoke('getDecision', { id: draft.id });
    const { number, revision, updatedAt: _u, ...rest } = after;
    const { number: _n, revision: _r, updatedAt: _b, ...before } = draft;
    expect({ number, revision }).toEqual({ number: 7, revision: 2 });
    expect(rest).toEqual(before);
    expect((await core.invoke('listRevisions', { id: draft.id })).map((r) => [r.revision, r.reason])).toEqual([
      [2, 'number'],
      [1, 'create'],
    ]);
    expect((await core.invoke('getRevision', { id: draft.id, revision: 2 })).number).toBe(7);
    expect(() => store.assignNumber('no-such-id', 8)).toThrow(/No decision/);
  });
});

it('lists by number from its index: numbered decisions first, then drafts in the order they were made', async () => {
  const { BY_NUMBER } = await import('../../electron/core/decisions/store.js');
  const core = testCore();
  const draftA = await core.invoke('createDecision', { content: { title: 'Draft A' } });
  const two = await core.invoke('createDecision', { content: { title: 'Two', status: 'accepted' } });
  const draftB = await core.invoke('createDecision', { content: { title: 'Draft B' } });
  const three = await core.invoke('createDecision', { content: { title: 'Three', status: 'accepted' } });
  const { items } = await core.invoke('listDecisions', { sort: 'number', limit: 10 });
  expect(items.map((d) => d.id)).toEqual([two.id, three.id, draftA.id, draftB.id]);
  const plan = core.db
    .prepare(`EXPLAIN QUERY PLAN SELECT d.id FROM decisions d WHERE d.trashed_at IS NULL ORDER BY ${BY_NUMBER}`)
    .all() as { detail: string }[];
  expect(plan.map((p) => p.detail).join(' | ')).toMatch(/USING INDEX decisions_listed/);
  expect(plan.map((p) => p.detail).join(' | ')).not.toMatch(/TEMP B-TREE/);
});

it('counts the total only when a page is full', async () => {
  const core = testCore();
  for (const title of ['A', 'B', 'C']) await core.invoke('createDecision', { content: { title } });
  expect(await core.invoke('listDecisions', { limit: 2 })).toMatchObject({ total: 3 });
  expect((await core.invoke('listDecisions', { limit: 2, offset: 2 })).total).toBe(3);
  expect((await core.invoke('listDecisions', { limit: 5 })).total).toBe(3);
  expect(await core.invoke('listDecisions', { limit: 2, offset: 6 })).toEqual({ total: 3, items: [] });
});
