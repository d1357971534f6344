import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderImported } from '../../shared/adr/roundtrip.js';
import { readDecisionOrigin } from '../../electron/core/origins.js';
import { FIXTURES } from '../helpers/adr.js';
import { tempDir, testCore } from '../helpers/temp.js';

async function twoDecisions() {
  const core = testCore();
  const a = await core.invoke('createDecision', { content: { title: 'Use REST', status: 'accepted' } });
  const b = await core.invoke('createDecision', { content: { title: 'Use GraphQL', status: 'accepted' } });
  return { core, a, b };
}

describe('the lifecycle of decisions', () => {
  it('supersede updates both decisions and keeps the status history', async () => {
    const { core, a, b } = await twoDecisions();
    const result = await core.invoke('supersedeDecision', { old: a.id, new: b.id });
    expect(result.old).toMatchObject({ status: 'superseded', relations: [{ type: 'superseded-by', target: b.id }] });
    expect(result.new).toMatchObject({ status: 'accepted', relations: [{ type: 'supersedes', target: a.id }] });
    const history = await core.invoke('listStatusHistory', { id: a.id });
    expect(history.map((h) => [h.status, h.reason])).toEqual([
      ['accepted', 'create'],
      ['superseded', 'relation'],
    ]);
    const cycle = await core.call('supersedeDecision', { old: b.id, new: a.id });
    expect(cycle).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await core.call('supersedeDecision', { old: a.id, new: a.id })).ok).toBe(false);
  });

  it('deprecate and reject through setStatus, each a revision in the history', async () => {
    const { core, a } = await twoDecisions();
    await core.invoke('setStatus', { id: a.id, status: 'deprecated' });
    await core.invoke('setStatus', { id: a.id, status: 'rejected', text: 'Rejected by the board' });
    const history = await core.invoke('listStatusHistory', { id: a.id });
    expect(history.map((h) => [h.status, h.statusText])).toEqual([
      ['accepted', ''],
      ['deprecated', ''],
      ['rejected', 'Rejected by the board'],
    ]);
  });

  it('link writes the named relation and its reverse; unlink removes both; both show in either direction', async () => {
    const { core, a, b } = await twoDecisions();
    const linked = await core.invoke('linkDecisions', { from: b.id, relation: 'Amends', to: a.id });
    expect(linked.from.relations).toEqual([{ type: 'amends', target: a.id }]);
    expect(linked.to.relations).toEqual([{ type: 'amended-by', target: b.id }]);
    expect(await core.invoke('listRelations', { id: a.id })).toEqual([
      {
        type: 'amended-by',
        direction: 'outgoing',
        target: b.id,
        decision: { id: b.id, number: b.number, title: 'Use GraphQL', status: 'accepted', trashed: false },
      },
    ]);
    await core.invoke('linkDecisions', { from: b.id, relation: 'amends', to: a.id });
    expect((await core.invoke('getDecision', { id: b.id })).relations).toHaveLength(1);
    await core.invoke('unlinkDecisions', { from: a.id, relation: 'amended-by', to: b.id });
    expect((await core.invoke('getDecision', { id: a.id })).relations).toEqual([]);
    expect((await core.invoke('getDecision', { id: b.id })).relations).toEqual([]);
    expect((await core.call('unlinkDecisions', { from: a.id, relation: 'amends', to: b.id })).ok).toBe(false);
  });

  it('shows a relation only the other decision states as incoming', async () => {
    const { core, a, b } = await twoDecisions();
    const { id, number: _n, revision, createdAt: _c, updatedAt: _u, trashedAt: _t, ...content } = b;
    await core.invoke('updateDecision', {
      id,
      baseRevision: revision,
      content: { ...content, relations: [{ type: 'depends-on', target: a.id }] },
    });
    const views = await core.invoke('listRelations', { id: a.id });
    expect(views).toEqual([expect.objectContaining({ type: 'enables', direction: 'incoming', target: b.id })]);
  });

  it('superseding imported decisions changes both files on the next export, and only their status lines', async () => {
    const core = testCore();
    const dir = path.join(tempDir(), 'adr');
    fs.cpSync(path.join(FIXTURES, 'madr2'), dir, { recursive: true });
    const report = await core.invoke('importFolder', { dir });
    const id = (file: string) => report.imported.find((f) => f.file === file)!.id;
    const { old, new: next } = await core.invoke('supersedeDecision', {
      old: id('0000-keep-records-in-markdown.md'),
      new: id('0003-use-dead-letter-queue.md'),
    });
    const oldText = fs.readFileSync(path.join(dir, '0000-keep-records-in-markdown.md'), 'utf8');
    expect(renderImported({ ...old, origin: readDecisionOrigin(core.db, old.id) })).toBe(
      oldText.replace(
        '# Keep records in Markdown\n',
        '# Keep records in Markdown\n\n* Status: superseded by [ADR-0003](0003-use-dead-letter-queue.md)\n',
      ),
    );
    const newText = fs.readFileSync(path.join(dir, '0003-use-dead-letter-queue.md'), 'utf8');
    expect(renderImported({ ...next, origin: readDecisionOrigin(core.db, next.id) })).toBe(
      newText.replace(
        '* Supersedes [ADR-0002](0002-retry-failed-messages.md)\n',
        '* Supersedes [ADR-0002](0002-retry-failed-messages.md)\n* Supersedes [ADR-0000](0000-keep-records-in-markdown.md)\n',
      ),
    );
  });
});
