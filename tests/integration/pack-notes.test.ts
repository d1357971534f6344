/**
 * The user's own contradictions and outdated notes on a pack they can edit: through the API and
 * the CLI on a real store file, carried by a pack export into another store, never on a shipped pack.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.js';
import type { PackView } from '../../shared/api/knowledge.js';
import { tempDir, testCore } from '../helpers/temp.js';

type TestCore = ReturnType<typeof testCore>;

/** A pack of the user's own with one source and three claims; answers the claim ids. */
async function cachePack(core: TestCore): Promise<[string, string, string]> {
  await core.invoke('createPack', {
    id: 'cache',
    question: 'Which cache for the session store?',
    options: [{ name: 'Redis' }, { name: 'Memcached' }],
    criteria: [{ name: 'Persistence' }, { name: 'Memory use' }],
  });
  const source = await core.invoke('addSource', { pack: 'cache', source: { title: 'Team notes on caching' } });
  const claim = async (option: string, effect: 'good' | 'bad', summary: string) =>
    (
      await core.invoke('addClaim', {
        pack: 'cache',
        claim: { source: source.id, criterion: 'persistence', option, effect, summary },
      })
    ).id;
  return [
    await claim('redis', 'good', 'Redis can write its data to disk and survive a restart.'),
    await claim('redis', 'bad', 'Redis loses recent writes when it restarts.'),
    await claim('memcached', 'bad', 'Memcached keeps nothing across a restart.'),
  ];
}

async function failure(core: TestCore, method: Parameters<TestCore['call']>[0], input: object) {
  const r = await core.call(method, input);
  expect(r.ok).toBe(false);
  return (r as { error: { code: string; message: string } }).error;
}

const claimOf = (pack: PackView, id: string) => pack.claims.find((c) => c.id === id)!;

describe('contradictions and outdated notes on a pack of one’s own', () => {
  it('notes, shows, replaces and removes them through the API, with every bad input refused', async () => {
    const core = testCore();
    const [durable, lossy, memcached] = await cachePack(core);

    const added = await core.invoke('addContradiction', {
      pack: 'cache',
      claims: [lossy, durable],
      note: '  One counts the append-only file, the other the default snapshot.  ',
    });
    expect(added).toEqual({
      claims: [durable, lossy].sort(),
      note: 'One counts the append-only file, the other the default snapshot.',
    });
    await core.invoke('markOutdated', { pack: 'cache', claim: memcached, note: 'Extstore keeps items on flash now.' });

    let pack = await core.invoke('getPack', { id: 'cache' });
    expect(claimOf(pack, durable).contradictions).toEqual([
      { claim: lossy, note: 'One counts the append-only file, the other the default snapshot.', own: true },
    ]);
    expect(claimOf(pack, lossy).contradictions.map((c) => c.claim)).toEqual([durable]);
    expect(claimOf(pack, memcached)).toMatchObject({
      outdated: 'Extstore keeps items on flash now.',
      outdatedOwn: true,
    });
    expect(claimOf(pack, durable)).toMatchObject({ outdated: null, outdatedOwn: false });
    expect(pack.contradictions).toHaveLength(1);
    expect(pack.outdated).toEqual([{ claim: memcached, note: 'Extstore keeps items on flash now.', own: true }]);

    // The same pair again, in either order, replaces its note; the same claim again replaces its note.
    await core.invoke('addContradiction', { pack: 'cache', claims: [durable, lossy], note: 'Depends on fsync.' });
    await core.invoke('markOutdated', { pack: 'cache', claim: memcached, note: 'Superseded by extstore.' });
    pack = await core.invoke('getPack', { id: 'cache' });
    expect(pack.contradictions).toEqual([{ claims: [durable, lossy].sort(), note: 'Depends on fsync.', own: true }]);
    expect(claimOf(pack, memcached).outdated).toBe('Superseded by extstore.');

    // Refused: one claim twice, an unknown claim, no note, a note too long, an unknown pack.
    const same = await failure(core, 'addContradiction', { pack: 'cache', claims: [durable, durable], note: 'x' });
    expect(same).toMatchObject({ code: 'invalid_input' });
    expect(same.message).toMatch(/two different claims/);
    expect(
      await failure(core, 'addContradiction', { pack: 'cache', claims: [durable, 'own-claim-99'], note: 'x' }),
    ).toMatchObject({ code: 'not_found' });
    const blank = await failure(core, 'markOutdated', { pack: 'cache', claim: durable, note: '   ' });
    expect(blank).toMatchObject({ code: 'invalid_input' });
    expect(blank.message).toMatch(/note/);
    expect(
      await failure(core, 'markOutdated', { pack: 'cache', claim: durable, note: 'x'.repeat(1_001) }),
    ).toMatchObject({ code: 'invalid_input' });
    expect(await failure(core, 'markOutdated', { pack: 'nope', claim: durable, note: 'x' })).toMatchObject({
      code: 'not_found',
    });

    // Removed, then gone; removing again says there is nothing to remove.
    expect(await core.invoke('removeContradiction', { pack: 'cache', claims: [lossy, durable] })).toEqual({
      claims: [durable, lossy].sort(),
      note: 'Depends on fsync.',
    });
    expect(await core.invoke('removeOutdated', { pack: 'cache', claim: memcached })).toEqual({
      claim: memcached,
      note: 'Superseded by extstore.',
    });
    pack = await core.invoke('getPack', { id: 'cache' });
    expect(pack.contradictions).toEqual([]);
    expect(pack.outdated).toEqual([]);
    expect(pack.claims.every((c) => c.outdated === null && c.contradictions.length === 0)).toBe(true);
    expect(await failure(core, 'removeOutdated', { pack: 'cache', claim: memcached })).toMatchObject({
      code: 'not_found',
    });
    expect(await failure(core, 'removeContradiction', { pack: 'cache', claims: [durable, lossy] })).toMatchObject({
      code: 'not_found',
    });
  });

  it('leaves the shipped pack read-only', async () => {
    const core = testCore();
    const shipped = await core.invoke('getPack', { id: 'backend-runtime' });
    expect(shipped.shipped).toBe(true);
    const [a, b] = shipped.claims.filter((c) => c.contradictions.length === 0);
    const refused = await failure(core, 'addContradiction', {
      pack: 'backend-runtime',
      claims: [a!.id, b!.id],
      note: 'They disagree.',
    });
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toMatch(/read-only/);
    const withNote = shipped.outdated[0]!;
    expect(await failure(core, 'removeOutdated', { pack: 'backend-runtime', claim: withNote.claim })).toMatchObject({
      code: 'forbidden',
    });
    expect((await core.invoke('getPack', { id: 'backend-runtime' })).outdated).toEqual(shipped.outdated);
  });

  it('carries them in a pack file into another store, and a re-import into the same store adds no second copy', async () => {
    const core = testCore();
    const [durable, lossy, memcached] = await cachePack(core);
    await core.invoke('addContradiction', { pack: 'cache', claims: [durable, lossy], note: 'Depends on fsync.' });
    await core.invoke('markOutdated', { pack: 'cache', claim: memcached, note: 'Superseded by extstore.' });

    const exported = await core.invoke('exportPack', { id: 'cache' });
    expect(exported.contradictions).toEqual([{ claims: [durable, lossy].sort(), note: 'Depends on fsync.' }]);
    expect(exported.outdated).toEqual([{ claim: memcached, note: 'Superseded by extstore.' }]);

    const folder = tempDir();
    const saved = await core.invoke('savePackFile', { id: 'cache', folder });
    const other = testCore();
    await other.invoke('readPackFile', { path: saved.path });
    const there = await other.invoke('getPack', { id: 'cache' });
    expect(claimOf(there, durable).contradictions).toEqual([{ claim: lossy, note: 'Depends on fsync.', own: false }]);
    expect(claimOf(there, memcached)).toMatchObject({ outdated: 'Superseded by extstore.', outdatedOwn: false });
    // Notes that came with the file are the pack's: kept, not removable, not noted twice.
    expect(await failure(other, 'removeOutdated', { pack: 'cache', claim: memcached })).toMatchObject({
      code: 'forbidden',
    });
    expect(
      await failure(other, 'addContradiction', { pack: 'cache', claims: [lossy, durable], note: 'Again.' }),
    ).toMatchObject({ code: 'conflict' });

    // The file back into the store it came from: each note once, and the own copy no longer offered for removal.
    await core.invoke('readPackFile', { path: saved.path });
    const back = await core.invoke('getPack', { id: 'cache' });
    expect(back.contradictions).toHaveLength(1);
    expect(back.outdated).toHaveLength(1);
    expect(claimOf(back, durable).contradictions).toHaveLength(1);
    expect((await core.invoke('exportPack', { id: 'cache' })).contradictions).toHaveLength(1);
  });

  it('the CLI notes and removes them on a store file, with --json and usage errors', async () => {
    const db = path.join(tempDir(), 'cairn.db');
    const core = testCore({ dbPath: db });
    const [durable, lossy, memcached] = await cachePack(core);
    core.close();

    const cairn = async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli([...argv, '--db', db], { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
      return { code, out: out.join('\n'), err: err.join('\n') };
    };

    const added = await cairn(
      'knowledge',
      'add-contradiction',
      'cache',
      durable,
      lossy,
      '--note',
      'Depends on fsync.',
      '--json',
    );
    expect(added.code).toBe(0);
    expect(JSON.parse(added.out)).toEqual({ claims: [durable, lossy].sort(), note: 'Depends on fsync.' });
    const marked = await cairn('knowledge', 'mark-outdated', 'cache', memcached, '--note', 'Superseded by extstore.');
    expect(marked).toMatchObject({ code: 0, out: `Claim ${memcached} is outdated: Superseded by extstore.` });

    const shown = JSON.parse((await cairn('knowledge', 'show', 'cache', '--json')).out) as PackView;
    expect(shown.contradictions).toEqual([{ claims: [durable, lossy].sort(), note: 'Depends on fsync.', own: true }]);
    expect(claimOf(shown, memcached).outdated).toBe('Superseded by extstore.');
    expect((await cairn('knowledge', 'show', 'cache')).out).toContain('contradictions: 1; outdated claims: 1');
    const file = JSON.parse((await cairn('knowledge', 'export', 'cache')).out);
    expect(file.outdated).toEqual([{ claim: memcached, note: 'Superseded by extstore.' }]);

    const noNote = await cairn('knowledge', 'mark-outdated', 'cache', durable);
    expect(noNote.code).toBe(2);
    expect(noNote.err).toMatch(/--note/);
    expect((await cairn('knowledge', 'add-contradiction', 'cache', durable, '--note', 'x')).code).toBe(2);
    const self = await cairn('knowledge', 'add-contradiction', 'cache', durable, durable, '--note', 'x');
    expect(self.code).toBe(1);
    expect(self.err).toMatch(/two different claims/);
    const shipped = await cairn('knowledge', 'mark-outdated', 'backend-runtime', durable, '--note', 'x');
    expect(shipped.code).toBe(1);
    expect(shipped.err).toMatch(/read-only/);

    expect((await cairn('knowledge', 'remove-contradiction', 'cache', lossy, durable)).code).toBe(0);
    const removed = await cairn('knowledge', 'remove-outdated', 'cache', memcached, '--json');
    expect(JSON.parse(removed.out)).toEqual({ claim: memcached, note: 'Superseded by extstore.' });
    const after = JSON.parse((await cairn('knowledge', 'show', 'cache', '--json')).out) as PackView;
    expect(after.contradictions).toEqual([]);
    expect(after.outdated).toEqual([]);
    expect((await cairn('knowledge', 'remove-outdated', 'cache', memcached)).code).toBe(1);
  });
});
