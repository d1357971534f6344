/**
 * Writing into an ADR folder. Policy: a file is written whole or not at all (a temporary file
 * in the same folder, flushed, then renamed over the target); only a single plain file name
 * inside the folder is accepted; an existing symlink, folder or device at the target is never
 * written through. ADRs in subfolders of the ADR folder are written there, under the same rules.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CairnError } from '../../../shared/api/define.js';
import { isMissingPath } from '../fs-errors.js';
import { isInside, type LocatedFolder } from './folder.js';

/** A single path segment that names an ordinary file on every platform. */
export function isPlainFileName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    name !== '.' &&
    name !== '..' &&
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in names
    !/[/\\:*?"<>|\u0000-\u001F]/.test(name) &&
    !/[. ]$/.test(name)
  );
}

/** Creates the ADR folder when it does not exist yet, and checks it still lies inside the named directory. */
export function ensureFolder(located: LocatedFolder): void {
  if (!fs.existsSync(located.folder)) fs.mkdirSync(located.folder, { recursive: true });
  const real = fs.realpathSync(located.folder);
  if (!isInside(located.root, real) || !fs.statSync(real).isDirectory()) {
    throw new CairnError(
      'forbidden',
      `${located.folder} does not resolve to a folder inside ${located.root}; nothing was written.`,
    );
  }
}

const TEMP = /^\..+\.(\d+)-[0-9a-f]{12}\.cairn-tmp$/;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files that an export killed mid-write left in the folder. A temporary file
 * names the process writing it; one whose process still runs belongs to an export in progress.
 */
export function sweepStaleTemps(folder: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch (e) {
    // No folder yet: nothing to sweep. Any other failure is the write's to report.
    if (isMissingPath(e)) return;
    throw e;
  }
  for (const name of names) {
    const pid = Number(TEMP.exec(name)?.[1] ?? NaN);
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid))
      fs.rmSync(path.join(folder, name), { force: true });
  }
}

/**
 * Checks a target before writing: plain names (subfolders allowed, as `sub/0001-x.md`, for ADRs
 * kept in a subfolder of the ADR folder), inside the folder, not a symlink or special file. Missing
 * subfolders are created; an existing one must be a real folder, never a symlink.
 */
function checkTarget(folder: string, name: string): string {
  const segments = name.split('/');
  if (!segments.every(isPlainFileName))
    throw new CairnError('forbidden', `Refused to write "${name}": not a plain file name.`);
  const target = path.join(folder, ...segments);
  if (!isInside(folder, target) || path.relative(folder, target).split(path.sep).length !== segments.length) {
    throw new CairnError('forbidden', `Refused to write "${name}" outside ${folder}.`);
  }
  let dir = folder;
  for (const segment of segments.slice(0, -1)) {
    dir = path.join(dir, segment);
    const there = fs.lstatSync(dir, { throwIfNoEntry: false });
    if (!there) fs.mkdirSync(dir);
    else if (!there.isDirectory())
      throw new CairnError(
        'conflict',
        `${dir} is ${there.isSymbolicLink() ? 'a symbolic link' : 'not a folder'}; Cairn does not write through it.`,
      );
  }
  const existing = fs.lstatSync(target, { throwIfNoEntry: false });
  if (existing && !existing.isFile()) {
    throw new CairnError(
      'conflict',
      `${target} is ${existing.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}; Cairn does not write through it.`,
    );
  }
  return target;
}

/** Writes the text to a fresh temporary file beside the target (not yet synced); the file stays open. */
function writeTemp(target: string, text: string): { temp: string; fd: number } {
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}.cairn-tmp`,
  );
  // 'wx' fails if anything (a symlink included) already sits at the temporary name.
  const fd = fs.openSync(temp, 'wx', 0o666);
  try {
    fs.writeFileSync(fd, text, 'utf8');
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw e;
  }
  return { temp, fd };
}

/** Writes `text` to `folder/name` atomically: a synced temporary file, then a rename. */
export function writeAtomic(folder: string, name: string, text: string): void {
  const target = checkTarget(folder, name);
  const { temp, fd } = writeTemp(target, text);
  try {
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}

/** Files synced at once by the export: enough for the file system to batch its journal commits. */
const SYNCS_IN_FLIGHT = 32;

/** One file for `writeAtomicMany`. */
export interface FileToWrite {
  name: string;
  text: string;
  /**
   * What must be at the target right before the rename: the sha256 of the bytes the plan saw, or
   * null for "nothing there". Anything else (an edit made while the export ran) is not overwritten:
   * Cairn's version goes beside it instead (see `WriteEvents.conflict`). Undefined: not checked.
   */
  expect?: string | null;
}

export interface WriteEvents {
  /** The target changed after the plan; Cairn's version was put at `keptAs` instead (null: no free name). */
  conflict?(name: string, keptAs: string | null): void;
  /**
   * The target cannot be written (not a plain name, a link or folder there). Given this handler,
   * the file is reported here and the others are still written; without it, writing stops.
   */
  refused?(name: string, error: CairnError): void;
  /**
   * Called once every file is staged, while the last ones are still being synced: the caller's
   * own work (planning the next files) then overlaps the wait. It must not throw.
   */
  meanwhile?(): void;
}

/** The sha256 of the regular file at `target`, null when nothing is there, or 'other' (a link, folder, device). */
function currentSha(target: string): string | null | 'other' {
  const stat = fs.lstatSync(target, { throwIfNoEntry: false });
  if (!stat) return null;
  if (!stat.isFile()) return 'other';
  let fd: number;
  try {
    fd = fs.openSync(target, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return 'other';
  }
  try {
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(64 * 1024);
    for (let n; (n = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0;) hash.update(buffer.subarray(0, n));
    return hash.digest('hex');
  } finally {
    fs.closeSync(fd);
  }
}

/** Moves a synced temporary file to the first free `<name>.cairn[-N]`, never replacing anything; the name, or null. */
function keepBeside(folder: string, name: string, temp: string): string | null {
  for (let n = 1; n <= 9; n++) {
    const side = n === 1 ? `${name}.cairn` : `${name}.cairn-${n}`;
    if (!isPlainFileName(path.posix.basename(side))) return null;
    try {
      // link() fails when the name is taken, so nothing there is ever replaced.
      fs.linkSync(temp, path.join(folder, side));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw e;
    }
    fs.rmSync(temp, { force: true });
    return side;
  }
  return null;
}

/**
 * Writes many files atomically, each as a temporary file then a rename, with the same guarantee
 * as `writeAtomic` but far faster for a whole folder: while later files are still being written,
 * earlier ones are synced on the thread pool (many at once, so the file system batches its journal
 * commits), and each is renamed into place, in order, once it and all before it are synced.
 * Right before each rename the target is checked against what the plan saw (`expect`), so an edit
 * made while the export ran is never overwritten.
 * Calls `done(name)` after each rename; a failure stops the writing, and the temporary files
 * not renamed yet are removed.
 */
export async function writeAtomicMany(
  folder: string,
  files: readonly FileToWrite[],
  done: (name: string) => void = () => {},
  events: WriteEvents = {},
): Promise<void> {
  const staged: { name: string; target: string; temp: string; synced: boolean; expect: string | null | undefined }[] =
    [];
  let renamed = 0;
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  const renameSynced = () => {
    for (let f = staged[renamed]; f?.synced; f = staged[renamed]) {
      if (f.expect !== undefined && currentSha(f.target) !== f.expect) {
        // Changed since the plan: the other version stays, Cairn's goes beside it.
        const keptAs = keepBeside(folder, f.name, f.temp);
        renamed++;
        if (!keptAs) fs.rmSync(f.temp, { force: true });
        events.conflict?.(f.name, keptAs);
        continue;
      }
      fs.renameSync(f.temp, f.target);
      renamed++;
      done(f.name);
    }
  };
  const sync = (entry: (typeof staged)[number], fd: number) => {
    const settled = new Promise<void>((resolve) => {
      fs.fsync(fd, (syncError) => {
        fs.close(fd, (closeError) => {
          const error = syncError ?? closeError;
          if (error) failure ??= { error };
          else entry.synced = true;
          resolve();
        });
      });
    });
    inFlight.add(settled);
    void settled.then(() => inFlight.delete(settled));
  };
  let stopped: { error: unknown } | null = null;
  try {
    for (const f of files) {
      if (failure) break;
      let target: string;
      try {
        target = checkTarget(folder, f.name);
      } catch (e) {
        if (!(e instanceof CairnError) || !events.refused) throw e;
        // This one file cannot be written; the others still are.
        events.refused(f.name, e);
        continue;
      }
      const { temp, fd } = writeTemp(target, f.text);
      const entry = { name: f.name, target, temp, synced: false, expect: f.expect };
      staged.push(entry);
      sync(entry, fd);
      if (inFlight.size >= SYNCS_IN_FLIGHT) await Promise.race(inFlight);
      renameSynced();
    }
  } catch (error) {
    stopped = { error };
  }
  if (!stopped && !failure) events.meanwhile?.();
  // Whatever happened, every open temporary file is synced and closed before going on.
  await Promise.all(inFlight);
  try {
    const problem = stopped ?? failure;
    if (problem) throw problem.error;
    renameSynced();
  } finally {
    for (const f of staged.slice(renamed)) fs.rmSync(f.temp, { force: true });
  }
}

/**
 * Creates `folder/name` with these bytes only if nothing is there (a file someone wrote meanwhile
 * stays theirs): for a folder's other files re-created as they were imported. Returns whether it wrote.
 */
export function writeIfAbsent(folder: string, name: string, bytes: Uint8Array): boolean {
  const target = checkTarget(folder, name);
  let fd: number;
  try {
    fd = fs.openSync(target, 'wx', 0o666);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    fs.writeFileSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}
