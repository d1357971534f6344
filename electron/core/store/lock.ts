/**
 * One process at a time owns a database file. Policy enforced here: the long-running hosts (the
 * desktop app, `cairn serve`) and `cairn restore` hold `<db>.lock` (created exclusively, naming
 * the process) while they use the file; another one is refused with who holds it and what to do.
 * Without it, `cairn restore` under a running server swaps the file while the server keeps
 * writing into the one set aside, and an acknowledged write is gone. Short CLI commands share
 * the file through SQLite's own locking and do not take this lock. A lock left by a process that
 * no longer runs (kill -9, power loss) is taken over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CairnError } from '../../../shared/api/define.js';

export interface DbLock {
  /** Removes the lock file, if it is still this one. */
  release(): void;
}

interface LockInfo {
  pid: number;
  holder: string;
  host: string;
  since: string;
}

export const lockFileFor = (dbPath: string) => `${path.resolve(dbPath)}.lock`;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockInfo>;
    return typeof info.pid === 'number'
      ? {
          pid: info.pid,
          holder: String(info.holder ?? 'another Cairn process'),
          host: String(info.host ?? ''),
          since: String(info.since ?? ''),
        }
      : null;
  } catch {
    return null;
  }
}

/** Takes the lock on `dbPath` for `holder` ("cairn serve", "the Cairn app", "cairn restore"), or says who has it. */
export function acquireDbLock(dbPath: string, holder: string): DbLock {
  if (dbPath === ':memory:') return { release() {} };
  const file = lockFileFor(dbPath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const mine: LockInfo = { pid: process.pid, holder, host: os.hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine) + '\n', { flag: 'wx' });
      return {
        release() {
          const now = readLock(file);
          if (now?.pid === mine.pid && now.since === mine.since) fs.rmSync(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new CairnError('io', `Cannot create the lock file ${file}: ${(e as Error).message}`);
    }
    const held = readLock(file);
    // This process holds it already (a host reopened after a restore from the page): nothing to take.
    if (held?.pid === process.pid && held.host === mine.host) return { release() {} };
    const sameHost = held?.host === mine.host;
    if (held && (!sameHost || isRunning(held.pid))) {
      throw new CairnError(
        'conflict',
        `The database at ${path.resolve(dbPath)} is in use by ${held.holder} (process ${held.pid}${sameHost ? '' : ` on ${held.host}`}, since ${held.since.slice(0, 19).replace('T', ' ')} UTC). ` +
          `Stop it first (Ctrl+C where it runs, or quit the app), then try again. If no such process runs, delete ${file}.`,
      );
    }
    // Left by a process that no longer runs, or unreadable (a write cut short): take it over.
    fs.rmSync(file, { force: true });
  }
  throw new CairnError('conflict', `Another process keeps taking the lock ${file}; try again in a moment.`);
}
