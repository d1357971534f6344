import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.js';
import { tempDir } from '../helpers/temp.js';

async function cairn(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('cairn update, trash and untrash', () => {
  it('saves the edited show --json as a new revision of the same decision, and refuses a stale one', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cairn.db');
    const id = (await cairn('new', 'Use PostgreSQL', '--db', db)).out.trim();
    const shown = JSON.parse((await cairn('show', id, '--json', '--db', db)).out);
    const file = path.join(dir, 'd.json');
    fs.writeFileSync(file, JSON.stringify({ ...shown, status: 'accepted', context: 'Orders need transactions.' }));

    const saved = await cairn('update', id, '--from', file, '--json', '--db', db);
    expect(saved.err).toBe('');
    expect(saved.code).toBe(0);
    expect(JSON.parse(saved.out)).toMatchObject({
      id,
      status: 'accepted',
      context: 'Orders need transactions.',
      revision: shown.revision + 1,
    });
    // No copy was made: still one decision.
    expect(JSON.parse((await cairn('list', '--json', '--db', db)).out)).toHaveLength(1);

    // The same file again is based on a revision that is no longer the latest.
    const stale = await cairn('update', id, '--from', file, '--db', db);
    expect(stale.code).toBe(1);
    expect(stale.err).toMatch(/saved elsewhere \(now revision 2; this change was based on 1\)/);
    expect(JSON.parse((await cairn('show', id, '--json', '--db', db)).out).revision).toBe(2);
  });

  it('says what to do when the file is another decision’s, has no revision or is not a decision', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cairn.db');
    const a = (await cairn('new', 'A', '--db', db)).out.trim();
    const b = (await cairn('new', 'B', '--db', db)).out.trim();
    const shownA = JSON.parse((await cairn('show', a, '--json', '--db', db)).out);
    const file = path.join(dir, 'a.json');
    fs.writeFileSync(file, JSON.stringify(shownA));
    const wrong = await cairn('update', b, '--from', file, '--db', db);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain(`holds decision ${a}, not ${b}`);

    const { revision: _r, ...noRevision } = shownA;
    fs.writeFileSync(file, JSON.stringify(noRevision));
    const blind = await cairn('update', a, '--from', file, '--db', db);
    expect(blind.code).toBe(2);
    expect(blind.err).toContain('has no "revision"');

    fs.writeFileSync(file, JSON.stringify({ ...shownA, tags: ['x'.repeat(101)] }));
    const bad = await cairn('update', a, '--from', file, '--db', db);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('is not a decision');
    expect((await cairn('update', a, '--db', db)).err).toContain('--from FILE.json');
  });

  it('moves a decision to the trash and back, with --json', async () => {
    const db = path.join(tempDir(), 'cairn.db');
    const id = (await cairn('new', 'Old draft', '--db', db)).out.trim();
    const trashed = await cairn('trash', id, '--json', '--db', db);
    expect(trashed.code).toBe(0);
    expect(JSON.parse(trashed.out).trashedAt).toEqual(expect.any(String));
    expect(JSON.parse((await cairn('list', '--json', '--db', db)).out)).toEqual([]);
    expect(JSON.parse((await cairn('list', '--trashed', '--json', '--db', db)).out)).toMatchObject([{ id }]);
    const restored = await cairn('untrash', id, '--db', db);
    expect(restored.out).toBe('Restored "Old draft" from the trash.');
    expect(JSON.parse((await cairn('list', '--json', '--db', db)).out)).toMatchObject([{ id, trashedAt: null }]);
    expect((await cairn('trash', 'no-such-id', '--db', db)).code).toBe(1);
  });
});
