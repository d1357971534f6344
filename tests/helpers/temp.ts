import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../electron/core/core.js';

const made: string[] = [];
const cores: Core[] = [];

/**
 * Closes the cores and removes the folders made during a test. Registered once here, and again
 * for every file by tests/helpers/per-file.ts: the `fast` project shares modules between files
 * (isolate: false), so this module's own hook belongs only to the first file that imported it.
 */
export function cleanUpTemps(): void {
  for (const c of cores.splice(0)) {
    try {
      c.close();
    } catch {
      /* already closed by the test */
    }
  }
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
afterEach(cleanUpTemps);

/** A fresh temporary folder, removed after the test. */
export function tempDir(prefix = 'cairn-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A fixed clock that advances one second per reading, and sequential ids: repeatable tests. */
export function fakePlatform(start = '2026-03-01T09:00:00.000Z') {
  let t = Date.parse(start);
  let n = 0;
  return { now: () => new Date((t += 1000)), newId: () => `id-${String(++n).padStart(4, '0')}` };
}

/** A core on a real SQLite file in a temporary folder, with outputs checked against the contract. */
export function testCore(options: Partial<CoreOptions> = {}): Core & { dbPath: string } {
  const dbPath = options.dbPath ?? path.join(tempDir(), 'cairn.db');
  const core = createCore({ platform: fakePlatform(), checkOutput: true, ...options, dbPath });
  cores.push(core);
  return Object.assign(core, { dbPath });
}
