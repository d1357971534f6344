/**
 * Incoming relations come from `relation_targets` (migration 17), which triggers keep in step with
 * each decision's stated relations. Checked against the relations read straight from every
 * decision's JSON, after links, unlinks, saves, supersedes and an import, and on a store migrated
 * from version 14 that already held relations.
 */
import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/store/database.js';
import { MIGRATIONS } from '../../electron/core/store/migrations/index.js';
import { FIXTURES } from '../helpers/adr.js';
import { tempDir, testCore } from '../helpers/temp.js';
import type { Database } from 'better-sqlite3';

/** Every stated relation, read from the decisions' JSON: what the table must hold. */
function stated(db: Database): string[] {
  return db
    .prepare<[], { source: string; type: string; target: string }>(
      `SELECT c.id AS source, json_extract(r.value, '$.type') AS type, json_extract(r.value, '$.target') AS target
       FROM decision_content c, json_each(json_extract(c.content, '$.relations')) r`,
    )
    .all()
    .map((r) => `${r.source} ${r.type} ${r.target}`)
    .sort();
}

function kept(db: Database): string[] {
  return db
    .prepare<[], { source: string; type: string; target: string }>('SELECT source, type, target FROM relation_targets')
    .all()
    .map((r) => `${r.source} ${r.type} ${r.target}`)
    .sort();
}

describe('relation_targets', () => {
  it('follows every change of a decision’s relations, and incoming relations read from it', async () => {
    const core = testCore();
    const make = (title: string) => core.invoke('createDecision', { content: { title, status: 'accepted' } });
    const [a, b, c] = [await make('Use REST'), await make('Use GraphQL'), await make('Use gRPC')];
    await core.invoke('linkDecisions', { from: b.id, relation: 'amends', to: a.id });
    await core.invoke('linkDecisions', { from: c.id, relation: 'relates to', to: a.id });
    await core.invoke('supersedeDecision', { old: b.id, new: c.id });
    expect(kept(core.db)).toEqual(stated(core.db));
    expect(kept(core.db)).toHaveLength(6);
    expect((await core.invoke('listRelations', { id: a.id })).map((r) => [r.type, r.target])).toEqual([
      ['amended-by', b.id],
      ['relates-to', c.id],
    ]);

    await core.invoke('unlinkDecisions', { from: a.id, relation: 'amended-by', to: b.id });
    // A save that states a relation only on one side: it shows as incoming on the other.
    const saved = await core.invoke('getDecision', { id: c.id });
    const { id, number: _n, revision, createdAt: _c, updatedAt: _u, trashedAt: _t, ...content } = saved;
    await core.invoke('updateDecision', {
      id,
      baseRevision: revision,
      content: { ...content, relations: [...content.relations, { type: 'depends-on', target: a.id }] },
    });
    // A save that leaves the relations as they are changes nothing in the table.
    const again = await core.invoke('getDecision', { id: c.id });
    await core.invoke('updateDecision', {
      id,
      baseRevision: again.revision,
      content: { ...content, title: 'Use gRPC everywhere', relations: again.relations },
    });
    expect(kept(core.db)).toEqual(stated(core.db));
    expect((await core.invoke('listRelations', { id: a.id })).map((r) => [r.type, r.direction, r.target])).toEqual([
      ['relates-to', 'outgoing', c.id],
      ['enables', 'incoming', c.id],
    ]);

    const dir = path.join(tempDir(), 'adr');
    fs.cpSync(path.join(FIXTURES, 'madr2'), dir, { recursive: true });
    await core.invoke('importFolder', { dir });
    expect(kept(core.db)).toEqual(stated(core.db));
  });

  it('holds the relations a store stated before migration 17', () => {
    const file = path.join(tempDir(), 'cairn.db');
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, 14) });
    expect(old.pragma('user_version', { simple: true })).toBe(14);
    const add = (id: string, relations: unknown) => {
      old
        .prepare(
          `INSERT INTO decisions (id, number, title, status, date, revision, created_at, updated_at) VALUES (?, NULL, ?, 'proposed', '2026-01-01', 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
        )
        .run(id, `Decision ${id}`);
      old.prepare('INSERT INTO decision_content (id, content) VALUES (?, ?)').run(id, JSON.stringify({ relations }));
    };
    add('d-1', []);
    add('d-2', [{ type: 'supersedes', target: 'd-1' }]);
    add('d-3', [
      { type: 'relates-to', target: 'd-1' },
      { type: 'relates-to', target: 'd-2' },
    ]);
    old.close();
    const db = openDatabase(file);
    expect(kept(db)).toEqual(['d-2 supersedes d-1', 'd-3 relates-to d-1', 'd-3 relates-to d-2']);
    expect(kept(db)).toEqual(stated(db));
    db.close();
  });
});
