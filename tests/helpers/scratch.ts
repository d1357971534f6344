import fs from 'node:fs';
import os from 'node:os';

/**
 * Where a test keeps a store it throws away: memory (/dev/shm) where the system has it, else the
 * temporary folder. SQLite syncs the file at every commit; on a virtual machine's disk that wait is
 * most of a test that saves often (2,000 saves through `cairn serve`: 63 s on disk, 26 s in memory,
 * measured under load). What the tests check, the app's answers and transactions, is the same
 * either way; surviving a kill is crash-safety.test.ts's job (which also works in memory).
 */
export function scratchRoot(): string {
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    if (fs.statSync('/dev/shm').isDirectory()) return '/dev/shm';
  } catch {
    /* no /dev/shm here (macOS, Windows) */
  }
  return os.tmpdir();
}
