import Database from 'better-sqlite3';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CairnError } from '../../shared/api/define.js';
import type { Settings } from '../../shared/api/settings.js';
import type { HostAdapter } from '../../electron/core/native/adapter.js';
import { analyzeDecision, claimStanding } from '../../shared/scoring.js';
import { startHttpHost } from '../../electron/host/http.js';
import { tempDir, testCore } from '../helpers/temp.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixturePack = path.join(root, 'tests', 'fixtures', 'packs', 'database-engine.json');

async function failure(promise: Promise<unknown>): Promise<CairnError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof CairnError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

describe('native abilities the host lends', () => {
  it('without a desktop host, says so and answers unsupported with what to do instead', async () => {
    const core = testCore();
    expect(await core.invoke('getHostInfo', {})).toEqual({
      capabilities: {
        pickFolder: false,
        pickPackFile: false,
        showItemInFolder: false,
        openExternal: false,
        menu: false,
      },
    });
    const pickedFile = await failure(core.invoke('pickPackFile', {}));
    expect(pickedFile.code).toBe('unsupported');
    expect(pickedFile.message).toMatch(/file field or type its path/);
    const picked = await failure(core.invoke('pickFolder', {}));
    expect(picked.code).toBe('unsupported');
    expect(picked.message).toMatch(/type the folder path/);
    expect((await failure(core.invoke('showItemInFolder', { path: root }))).code).toBe('unsupported');
    expect((await failure(core.invoke('openExternal', { url: 'https://adr.github.io/' }))).code).toBe('unsupported');
    expect((await failure(core.invoke('waitForMenuAction', {}))).message).toMatch(/keyboard shortcuts/);
  });

  it('passes the calls to the host’s adapter when it has one, checking the file exists first', async () => {
    const shown: string[] = [];
    const host: HostAdapter = {
      pickFolder: async (o) => `/picked/for/${o.title}`,
      pickPackFile: async (o) => `${o.defaultPath}/cache.cairn-pack.json`,
      showItemInFolder: (p) => void shown.push(p),
      nextMenuAction: async () => 'showHelp',
    };
    const core = testCore({ host });
    expect((await core.invoke('getHostInfo', {})).capabilities).toEqual({
      pickFolder: true,
      pickPackFile: true,
      showItemInFolder: true,
      openExternal: false,
      menu: true,
    });
    expect(await core.invoke('waitForMenuAction', {})).toEqual({ action: 'showHelp' });
    expect(await core.invoke('pickFolder', { title: 'export' })).toEqual({ path: '/picked/for/export' });
    expect(await core.invoke('pickPackFile', { defaultPath: '/home/ada' })).toEqual({
      path: '/home/ada/cache.cairn-pack.json',
    });
    const file = path.join(tempDir(), '0001-use-postgres.md');
    fs.writeFileSync(file, '# Use PostgreSQL\n');
    await core.invoke('showItemInFolder', { path: file });
    expect(shown).toEqual([file]);
    const gone = await failure(core.invoke('showItemInFolder', { path: path.join(path.dirname(file), 'gone.md') }));
    expect(gone.code).toBe('not_found');
    expect(gone.message).toMatch(/Export again/);
  });

  it('over the browser host, a native call is refused with 422 and the reason', async () => {
    const core = testCore();
    const host = await startHttpHost({ core, port: 0 });
    try {
      const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port: host.port,
            path: '/api/pickFolder',
            method: 'POST',
            headers: {
              host: `127.0.0.1:${host.port}`,
              'content-type': 'application/json',
              'x-cairn-token': host.token,
            },
          },
          (r) => {
            let body = '';
            r.on('data', (c) => (body += c));
            r.on('end', () => resolve({ status: r.statusCode ?? 0, body }));
          },
        );
        req.on('error', reject);
        req.end('{}');
      });
      expect(res.status).toBe(422);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    } finally {
      await host.close();
    }
  });
});

describe('settings', () => {
  it('start with the theme following the system, and keep a change across restarts', async () => {
    const changed: Settings[] = [];
    const first = testCore({ host: { settingsChanged: (s) => void changed.push(s) } });
    expect(await first.invoke('getSettings', {})).toEqual({ theme: 'system' });
    expect(await first.invoke('updateSettings', { theme: 'dark' })).toEqual({ theme: 'dark' });
    expect(changed).toEqual([{ theme: 'dark' }]);
    first.close();
    const again = testCore({ dbPath: first.dbPath });
    expect(await again.invoke('getSettings', {})).toEqual({ theme: 'dark' });
  });

  it('refuse an unknown theme, and fall back to the default when the stored value is damaged', async () => {
    const core = testCore();
    expect((await failure(core.invoke('updateSettings', { theme: 'sepia' as 'dark' }))).code).toBe('invalid_input');
    core.close();
    const raw = new Database(core.dbPath);
    raw
      .prepare(
        "INSERT INTO settings (key, value, updated_at) VALUES ('theme', '\"sepia\"', 'x'), ('recentFolders', '{not json', 'x')",
      )
      .run();
    raw.close();
    const again = testCore({ dbPath: core.dbPath });
    expect(await again.invoke('getSettings', {})).toEqual({ theme: 'system' });
    expect(await again.invoke('getRecentFolders', {})).toEqual([]);
  });
});

describe('recent folders', () => {
  it('keeps the newest first, once each, at most ten, and says which are gone', async () => {
    const core = testCore();
    const dir = tempDir();
    const repos = Array.from({ length: 12 }, (_, i) => path.join(dir, `repo-${i}`));
    for (const r of repos.slice(0, 11)) fs.mkdirSync(r);
    for (const r of repos) await core.invoke('addRecentFolder', { path: r });
    await core.invoke('addRecentFolder', { path: repos[5]! + '/' });
    const list = await core.invoke('getRecentFolders', {});
    expect(list).toHaveLength(10);
    expect(list.map((r) => r.path).slice(0, 3)).toEqual([repos[5], repos[11], repos[10]]);
    expect(list.find((r) => r.path === repos[11])!.exists).toBe(false);
    expect(list.find((r) => r.path === repos[5])!.exists).toBe(true);
    expect(new Set(list.map((r) => r.path)).size).toBe(10);
    const after = await core.invoke('removeRecentFolder', { path: repos[5]! });
    expect(after.map((r) => r.path)).not.toContain(repos[5]);
  });

  it('refuses a relative path, which would mean nothing to the next process', async () => {
    const core = testCore();
    const e = await failure(core.invoke('addRecentFolder', { path: 'docs/decisions' }));
    expect(e.code).toBe('invalid_input');
    expect(e.message).toMatch(/absolute path/);
  });
});

describe('the sample decision', () => {
  it('is a finished record from the backend-runtime pack, made the way the guided decision makes one', async () => {
    const core = testCore();
    const d = await core.invoke('createSampleDecision', {});
    expect(d.title).toMatch(/^Sample: /);
    expect(d.tags).toContain('sample');
    expect(d.status).toBe('proposed');
    expect(d.number).toBeNull();
    expect(d.evaluation.pack).toBe('backend-runtime');
    expect(d.evaluation.step).toBe(4);
    expect(d.options.map((o) => o.option)).toEqual(['nodejs', 'python']);
    const weighted = d.drivers.filter((x) => x.weight > 0);
    expect(weighted.length).toBeGreaterThanOrEqual(5);
    expect(new Set(weighted.map((x) => x.weight)).size).toBeGreaterThan(2);

    const claims = d.evaluation.claims;
    const standing = claims.map((c) => claimStanding(c, d.evaluation.conditions));
    expect(standing.filter((s) => s === 'counted').length).toBeGreaterThan(claims.length / 2);
    expect(claims.some((c) => c.verdict === 'rejected' && c.outdated)).toBe(true);
    expect(standing).toContain('set-aside');
    expect(claims.some((c) => c.contradictions.length > 0)).toBe(true);
    for (const c of claims) expect(c.source?.title, c.id).toBeTruthy();
    expect(d.evaluation.scores.some((s) => s.note.length > 0)).toBe(true);

    const analysis = analyzeDecision(d);
    expect(analysis.matrix.winner).toBe(d.chosenOption);
    expect(d.chosenOption).not.toBeNull();
    const chosen = d.options.find((o) => o.id === d.chosenOption)!;
    expect(d.rationale).toContain(chosen.name);
    expect(d.rationale).toContain(analysis.sensitivity.statement);

    expect(d.consequences.some((c) => c.effect === 'good')).toBe(true);
    expect(d.consequences.some((c) => c.effect === 'bad')).toBe(true);
    const counted = new Set(
      claims.filter((c) => claimStanding(c, d.evaluation.conditions) === 'counted').map((c) => c.id),
    );
    for (const c of d.consequences) for (const id of c.claims) expect(counted.has(id), id).toBe(true);
    expect(d.confirmation.length).toBeGreaterThan(0);

    expect((await core.invoke('evaluateDecision', { id: d.id })).matrix.winner).toBe(d.chosenOption);

    // Asking again opens the same sample rather than making a second one; once trashed, a new one is made.
    expect((await core.invoke('createSampleDecision', {})).id).toBe(d.id);
    expect((await core.invoke('listDecisions', { tag: 'sample' })).total).toBe(1);
    await core.invoke('trashDecision', { id: d.id });
    expect((await core.invoke('createSampleDecision', {})).id).not.toBe(d.id);
  });

  it('works for another pack, and names a missing one', async () => {
    const core = testCore();
    await core.invoke('importPack', { pack: JSON.parse(fs.readFileSync(fixturePack, 'utf8')) });
    const d = await core.invoke('createSampleDecision', { pack: 'database-engine' });
    expect(d.options.length).toBe(3);
    expect(d.drivers.length).toBeGreaterThan(0);
    expect(d.chosenOption).not.toBeNull();
    const missing = await failure(core.invoke('createSampleDecision', { pack: 'no-such-pack' }));
    expect(missing.code).toBe('not_found');
  });
});
