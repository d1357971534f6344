/**
 * Writing into an ADR folder. Policy: a file is written whole or not at all (a temporary file
 * in the same folder, flushed, then renamed over the target); only a single plain file name
 * inside the folder is accepted; an existing symlink, folder or device at the target is never
 * written through.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CairnError } from '../../../shared/api/define.js';
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
    throw new CairnError('forbidden', `${located.folder} does not resolve to a folder inside ${located.root}; nothing was written.`);
  }
}

/** Writes `text` to `folder/name` atomically. */
export function writeAtomic(folder: string, name: string, text: string): void {
  if (!isPlainFileName(name)) throw new CairnError('forbidden', `Refused to write "${name}": not a plain file name.`);
  const target = path.join(folder, name);
  if (!isInside(folder, target) || path.dirname(target) !== folder) throw new CairnError('forbidden', `Refused to write "${name}" outside ${folder}.`);
  const existing = fs.lstatSync(target, { throwIfNoEntry: false });
  if (existing && !existing.isFile()) {
    throw new CairnError('conflict', `${target} is ${existing.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}; Cairn does not write through it.`);
  }
  const temp = path.join(folder, `.${name}.${randomBytes(6).toString('hex')}.cairn-tmp`);
  // 'wx' fails if anything (a symlink included) already sits at the temporary name.
  const fd = fs.openSync(temp, 'wx', 0o666);
  try {
    fs.writeFileSync(fd, text, 'utf8');
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw e;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(temp, target);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}
