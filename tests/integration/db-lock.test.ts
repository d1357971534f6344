/**
 * One process at a time owns the database: `cairn restore` while `cairn serve` (a real process)
 * holds the file is refused with who holds it, and no acknowledged write is lost; once the server
 * stops, restore works; a lock left by a killed process is taken over.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.js';
import { createCore } from '../../electron/core/core.js';
import { acquireDbLock, lockFileFor } from '../../electron/core/store/lock.js';
import { bundleCli } from '../helpers/cli-bundle.js';
import { fakePlatform, tempDir } from '../helpers/temp.js';

let cli = '';
beforeAll(async () => {
  cli = await bundleCli('db-lock');
});

async function cairn(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function serve(dbPath: string, token: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--db', dbPath], {
    env: { ...process.env, CAIRN_TOKEN: token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 15_000);
    child.stderr!.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({ child, url: m[1]! });
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

describe('the database lock', () => {
  it('refuses `cairn restore` while `cairn serve` holds the database, and loses no acknowledged write', async () => {
    const dbPath = path.join(tempDir(), 'cairn.db');
    const first = createCore({ dbPath, platform: fakePlatform('2026-03-01T09:00:00.000Z') });
    await first.invoke('createDecision', { content: { title: 'Before the backup' } });
    first.close();
    expect((await cairn('backup', '--db', dbPath)).code).toBe(0);

    const token = 'b'.repeat(32);
    const { child, url } = await serve(dbPath, token);
    const call = async (method: string, input: unknown) =>
      (await (
        await fetch(`${url}api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Cairn-Token': token },
          body: JSON.stringify(input),
        })
      ).json()) as { ok: boolean };
    try {
      expect((await call('createDecision', { content: { title: 'Acknowledged before restore' } })).ok).toBe(true);
      const restore = await cairn('restore', '--db', dbPath);
      expect(restore.code).toBe(1);
      expect(restore.err).toMatch(new RegExp(`in use by cairn serve \\(process ${child.pid},.*Stop it first`));
      expect((await call('createDecision', { content: { title: 'Acknowledged after restore' } })).ok).toBe(true);
      // A second server on the same file is refused too.
      const second = spawn(process.execPath, [cli, 'serve', '--port', '0', '--db', dbPath], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      second.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
      expect(await new Promise((resolve) => second.on('exit', resolve))).toBe(1);
      expect(err).toContain('in use by cairn serve');
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.on('exit', resolve));
    }
    expect(fs.existsSync(lockFileFor(dbPath))).toBe(false);
    const titles = JSON.parse((await cairn('list', '--json', '--db', dbPath)).out)
      .map((d: { title: string }) => d.title)
      .sort();
    expect(titles).toEqual(['Acknowledged after restore', 'Acknowledged before restore', 'Before the backup']);
    // With the server stopped, restore goes ahead.
    expect((await cairn('restore', '--db', dbPath)).code).toBe(0);
    expect(
      JSON.parse((await cairn('list', '--json', '--db', dbPath)).out).map((d: { title: string }) => d.title),
    ).toEqual(['Before the backup']);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dbPath = path.join(tempDir(), 'cairn.db');
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('exit', resolve));
    fs.writeFileSync(
      lockFileFor(dbPath),
      JSON.stringify({
        pid: dead.pid,
        holder: 'cairn serve',
        host: (await import('node:os')).hostname(),
        since: '2026-01-01T00:00:00.000Z',
      }),
    );
    const lock = acquireDbLock(dbPath, 'cairn restore');
    expect(JSON.parse(fs.readFileSync(lockFileFor(dbPath), 'utf8'))).toMatchObject({
      pid: process.pid,
      holder: 'cairn restore',
    });
    lock.release();
    expect(fs.existsSync(lockFileFor(dbPath))).toBe(false);
  });
});
