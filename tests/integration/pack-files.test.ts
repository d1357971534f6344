/**
 * Pack files through the API (the Library's import and export): `savePackFile` writes
 * ID.cairn-pack.json with the source texts into a folder, `readPackFile` imports one from a path
 * and says how many claims did not verify; bad paths and bad files are refused with nothing changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, testCore } from '../helpers/temp.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/evidence');

async function ordersPack(core: ReturnType<typeof testCore>) {
  await core.invoke('createPack', {
    id: 'orders',
    question: 'Which database should store our orders?',
    options: [{ name: 'PostgreSQL' }, { name: 'MongoDB' }],
    criteria: [{ name: 'Consistency' }, { name: 'Operations' }],
  });
  const html = fs.readFileSync(path.join(FIXTURES, 'orders-storage.html'));
  const added = await core.invoke('addSourceDocument', {
    pack: 'orders',
    document: { name: 'orders-storage.html', base64: html.toString('base64') },
  });
  const source = added.source.id;
  const claim = (anchor: string, summary: string) =>
    core.invoke('addClaim', {
      pack: 'orders',
      claim: { source, criterion: 'consistency', option: 'postgresql', effect: 'good', summary, anchor },
    });
  expect(
    (await claim('commits an order, its payment and the stock change', 'One transaction.')).verification.state,
  ).toBe('verified');
  expect((await claim('PostgreSQL has never lost an order', 'Made up.')).verification.state).toBe('missing');
}

describe('pack files', () => {
  it('exports a pack with its source texts into a folder and imports it back, saying what did not verify', async () => {
    const core = testCore();
    await ordersPack(core);
    const folder = tempDir();
    const saved = await core.invoke('savePackFile', { id: 'orders', folder });
    expect(saved).toMatchObject({ path: path.join(folder, 'orders.cairn-pack.json'), sources: 1, texts: 1 });
    const written = JSON.parse(fs.readFileSync(saved.path, 'utf8'));
    expect(saved.bytes).toBe(fs.statSync(saved.path).size);
    expect(written.format).toBe('cairn-pack/1');
    expect(written.sources[0].document.text).toContain('PostgreSQL commits an order');
    expect(fs.readdirSync(folder)).toEqual(['orders.cairn-pack.json']);

    // Into a fresh store: the claims keep their states, the made-up one is counted.
    const other = testCore();
    const imported = await other.invoke('readPackFile', { path: saved.path });
    expect(imported).toMatchObject({ id: 'orders', claims: 2, sources: 1 });
    expect(imported.states).toMatchObject({ verified: 1, missing: 1 });
    const pack = await other.invoke('getPack', { id: 'orders' });
    expect(pack.claims.map((c) => c.verification.state).sort()).toEqual(['missing', 'verified']);
  });

  it('imported back into the store it came from, each own source and claim shows once', async () => {
    const core = testCore();
    await ordersPack(core);
    const saved = await core.invoke('savePackFile', { id: 'orders', folder: tempDir() });
    await core.invoke('readPackFile', { path: saved.path });
    const pack = await core.invoke('getPack', { id: 'orders' });
    expect(pack.sources.map((s) => s.id)).toEqual([...new Set(pack.sources.map((s) => s.id))]);
    expect(pack.claims.map((c) => c.id)).toEqual([...new Set(pack.claims.map((c) => c.id))]);
    expect(pack.claims).toHaveLength(2);
    // The next claim of my own takes a new id, not one the pack now holds.
    const next = await core.invoke('addClaim', {
      pack: 'orders',
      claim: {
        source: pack.sources[0]!.id,
        criterion: 'Operations',
        option: 'MongoDB',
        effect: 'neutral',
        summary: 'Named by their names, as people type them.',
        anchor: 'commits an order, its payment and the stock change',
      },
    });
    expect(pack.claims.map((c) => c.id)).not.toContain(next.id);
    expect(next).toMatchObject({ criterion: 'operations', option: 'mongodb' });
  });

  it('refuses relative paths, missing folders, folders as files and non-JSON files, changing nothing', async () => {
    const core = testCore();
    await ordersPack(core);
    const folder = tempDir();
    const error = async (method: 'savePackFile' | 'readPackFile', input: object) => {
      const r = await core.call(method, input);
      expect(r.ok).toBe(false);
      return (r as { error: { code: string; message: string } }).error;
    };
    expect((await error('savePackFile', { id: 'orders', folder: 'packs' })).message).toMatch(/full path/);
    expect((await error('savePackFile', { id: 'orders', folder: path.join(folder, 'nope') })).code).toBe('not_found');
    expect((await error('savePackFile', { id: 'no-such-pack', folder })).code).toBe('not_found');
    expect(fs.readdirSync(folder)).toEqual([]);

    const notJson = path.join(folder, 'notes.json');
    fs.writeFileSync(notJson, 'not json at all');
    expect((await error('readPackFile', { path: notJson })).message).toMatch(/not a pack file/);
    expect((await error('readPackFile', { path: folder })).message).toMatch(/is a folder/);
    expect((await error('readPackFile', { path: path.join(folder, 'missing.json') })).code).toBe('not_found');
    const bad = path.join(folder, 'bad.cairn-pack.json');
    fs.writeFileSync(bad, JSON.stringify({ format: 'cairn-pack/1', id: 'bad' }));
    expect((await error('readPackFile', { path: bad })).message).toMatch(/nothing was changed/);
    expect((await core.invoke('listPacks', {})).map((p) => p.id).sort()).toEqual(['backend-runtime', 'orders']);
  });
});
