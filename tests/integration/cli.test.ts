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

describe('the cairn CLI', () => {
  it('creates a decision, lists it as JSON and shows it', async () => {
    const db = path.join(tempDir(), 'scratch.db');
    const created = await cairn('new', 'Use PostgreSQL for orders', '--db', db);
    expect(created.code).toBe(0);
    const id = created.out.trim();
    const listed = await cairn('list', '--json', '--db', db);
    expect(JSON.parse(listed.out)).toMatchObject([
      { id, title: 'Use PostgreSQL for orders', status: 'proposed', number: null },
    ]);
    const shown = await cairn('show', id, '--db', db);
    expect(shown.out).toContain('Draft: Use PostgreSQL for orders');
  });

  it('round-trips a decision through show --json and new --from', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'a.db');
    const id = (await cairn('new', 'Round trip', '--db', db)).out.trim();
    const json = (await cairn('show', id, '--json', '--db', db)).out;
    const file = path.join(dir, 'd.json');
    (await import('node:fs')).writeFileSync(file, json);
    const copy = await cairn('new', '--from', file, '--db', path.join(dir, 'b.db'), '--json');
    expect(copy.code).toBe(0);
    const original = JSON.parse(json);
    const made = JSON.parse(copy.out);
    for (const key of ['title', 'status', 'date', 'context', 'drivers', 'options', 'evaluation'])
      expect(made[key]).toEqual(original[key]);
  });

  it('reports errors on stderr with a non-zero exit and what to do', async () => {
    const db = path.join(tempDir(), 'x.db');
    const missing = await cairn('show', 'no-such-id', '--db', db);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/No decision with id "no-such-id".*cairn list/);
    const usage = await cairn('new', '--db', db);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('Usage: cairn new');
    expect((await cairn('list', '--bogus', '--db', db)).code).toBe(2);
    expect((await cairn('frobnicate')).code).toBe(2);
    expect((await cairn('list', '--status', 'maybe', '--db', db)).err).toContain('proposed, accepted');
  });
});
