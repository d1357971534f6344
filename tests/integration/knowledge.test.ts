import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePack } from '../../electron/core/knowledge/packs.js';
import { Pack } from '../../shared/pack.js';
import { tempDir, testCore } from '../helpers/temp.js';

const root = path.resolve(import.meta.dirname, '../..');
const shippedFile = path.join(root, 'knowledge', 'backend-runtime.json');
const fixturePack = path.join(root, 'tests', 'fixtures', 'packs', 'database-engine.json');
const fixtureSources = path.join(root, 'tests', 'fixtures', 'packs', 'sources');
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('the shipped backend-runtime pack', () => {
  const pack = parsePack(readJson(shippedFile));

  it('is valid, every reference resolves, and it is as thorough as promised', () => {
    expect(pack.sources).toHaveLength(5);
    expect(pack.criteria.length).toBeGreaterThanOrEqual(15);
    expect(pack.criteria.length).toBeLessThanOrEqual(20);
    expect(pack.claims.length).toBeGreaterThan(100);
    expect(pack.contradictions.length).toBeGreaterThanOrEqual(10);
    expect(pack.outdated.length).toBeGreaterThanOrEqual(5);
    for (const s of pack.sources) expect(s.file).toMatch(/\.txt$/);
  });

  it('has claims for every option under every criterion, each with a short anchor and a section', () => {
    for (const c of pack.criteria) {
      for (const o of pack.options)
        expect(
          pack.claims.some((x) => x.criterion === c.id && x.option === o.id),
          `${c.id} × ${o.id}`,
        ).toBe(true);
    }
    for (const c of pack.claims) {
      // Counted the strict way (hyphens and apostrophes split words), so no anchor, the only
      // verbatim text, can ever amount to a copied sentence.
      expect(c.anchor.toLowerCase().match(/[a-z0-9']+/g)!.length, c.id).toBeLessThanOrEqual(12);
      expect(c.section.length).toBeGreaterThan(0);
    }
  });

  it('is installed on first start, with search over its claims', async () => {
    const core = testCore();
    expect((await core.invoke('listPacks', {})).map((p) => [p.id, p.shipped])).toEqual([['backend-runtime', true]]);
    const { hits } = await core.invoke('search', { query: 'global interpreter lock', kinds: ['claim'], limit: 5 });
    expect(hits.length).toBeGreaterThan(0);
    const view = await core.invoke('getPack', { id: 'backend-runtime' });
    const top = view.claims.find((c) => c.id === hits[0]!.id)!;
    expect(top.criterion).toBe('threading-gil');
  });
});

describe('pack files', () => {
  it('verify finds every anchor once in its source, and names each problem', async () => {
    const core = testCore({ knowledgeDir: tempDir() });
    await core.invoke('importPack', { pack: readJson(fixturePack) });
    expect(await core.invoke('verifyPack', { id: 'database-engine', sourcesDir: fixtureSources })).toMatchObject({
      problems: [],
    });

    const broken = readJson(fixturePack) as { id: string; claims: { anchor: string }[] };
    broken.id = 'database-engine-broken';
    broken.claims[0]!.anchor = 'words that appear nowhere in the notes';
    broken.claims[1]!.anchor = 'the';
    await core.invoke('importPack', { pack: broken });
    const result = await core.invoke('verifyPack', { id: 'database-engine-broken', sourcesDir: fixtureSources });
    expect(result.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('not found'),
      expect.stringMatching(/occurs \d+ times/),
    ]);
    expect(result.problems[0]!.where).toMatch(/^claims\[0\] \(.+\)\.anchor$/);
  });

  it('refuses a malformed pack, naming the field and the claim, and changes nothing', async () => {
    const core = testCore({ knowledgeDir: tempDir() });
    const bad = readJson(fixturePack) as { claims: Record<string, unknown>[] };
    bad.claims[2]!.effect = 'excellent';
    bad.claims[3]!.source = 'nowhere';
    const first = await core.call('importPack', { pack: bad });
    expect(first).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const claimId = String(bad.claims[2]!.id);
    expect(first.ok ? '' : first.error.message).toContain(`claims[2] (${claimId}).effect`);
    (bad.claims[2] as Record<string, unknown>).effect = 'good';
    const second = await core.call('importPack', { pack: bad });
    expect(second.ok ? '' : second.error.message).toContain('unknown source "nowhere"');
    expect(await core.invoke('listPacks', {})).toEqual([]);
  });

  it('round-trips a pack through export and import', async () => {
    const core = testCore({ knowledgeDir: tempDir() });
    await core.invoke('importPack', { pack: readJson(fixturePack) });
    const exported = Pack.parse(await core.invoke('exportPack', { id: 'database-engine' }));
    const other = testCore({ knowledgeDir: tempDir() });
    await other.invoke('importPack', { pack: exported });
    expect(Pack.parse(await other.invoke('exportPack', { id: 'database-engine' }))).toEqual(exported);
    expect(exported).toEqual(Pack.parse(readJson(fixturePack)));
  });

  it('upgrades a shipped pack without touching what the user added, hid or flagged', async () => {
    const knowledgeDir = tempDir();
    const dbPath = path.join(tempDir(), 'cairn.db');
    const v1 = readJson(fixturePack) as { version: number; claims: { id: string; summary: string }[] };
    fs.writeFileSync(path.join(knowledgeDir, 'database-engine.json'), JSON.stringify(v1));
    const first = testCore({ knowledgeDir, dbPath });
    const shippedClaim = v1.claims[0]!.id;
    await first.invoke('markClaim', {
      pack: 'database-engine',
      claim: shippedClaim,
      hidden: true,
      flagged: true,
      note: 'our benchmark disagrees',
    });
    const source = await first.invoke('addSource', {
      pack: 'database-engine',
      source: { title: 'Our load test, 2026', kind: 'other' },
    });
    const own = await first.invoke('addClaim', {
      pack: 'database-engine',
      claim: {
        source: source.id,
        criterion: 'performance',
        option: 'sqlite',
        effect: 'good',
        summary: 'Fast enough for our read load.',
      },
    });
    first.close();

    v1.version = 2;
    v1.claims[1]!.summary = 'A corrected summary shipped in version 2.';
    fs.writeFileSync(path.join(knowledgeDir, 'database-engine.json'), JSON.stringify(v1));
    const second = testCore({ knowledgeDir, dbPath });
    const view = await second.invoke('getPack', { id: 'database-engine' });
    expect(view.version).toBe(2);
    expect(view.claims.find((c) => c.id === v1.claims[1]!.id)!.summary).toBe(
      'A corrected summary shipped in version 2.',
    );
    expect(view.claims.find((c) => c.id === shippedClaim)).toMatchObject({
      hidden: true,
      flagged: true,
      flagNote: 'our benchmark disagrees',
    });
    expect(view.claims.find((c) => c.id === own.id)).toMatchObject({
      own: true,
      summary: 'Fast enough for our read load.',
    });
    expect(view.sources.find((s) => s.id === source.id)).toMatchObject({ own: true, title: 'Our load test, 2026' });
  });

  it('refuses to replace a shipped pack by import', async () => {
    const core = testCore();
    const result = await core.call('importPack', { pack: readJson(shippedFile) });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('search', () => {
  it('ranks decisions, claims and sources together and leaves hidden claims out', async () => {
    const core = testCore({ knowledgeDir: tempDir() });
    await core.invoke('importPack', { pack: readJson(fixturePack) });
    await core.invoke('createDecision', {
      content: { title: 'Use SQLite for the desktop cache', context: 'Single user, embedded.' },
    });
    const { hits } = await core.invoke('search', { query: 'sqlite', limit: 50 });
    expect(hits[0]).toMatchObject({ kind: 'decision', title: 'Use SQLite for the desktop cache' });
    expect(hits.some((h) => h.kind === 'claim')).toBe(true);
    const scores = hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);

    const firstClaim = hits.find((h) => h.kind === 'claim')!;
    await core.invoke('markClaim', { pack: 'database-engine', claim: firstClaim.id, hidden: true });
    const again = await core.invoke('search', { query: 'sqlite', kinds: ['claim'], limit: 50 });
    expect(again.hits.map((h) => h.id)).not.toContain(firstClaim.id);
    expect(await core.invoke('search', { query: '"); DROP', limit: 5 })).toEqual({ hits: [] });
  });
});
