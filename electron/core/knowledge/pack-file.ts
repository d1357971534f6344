/**
 * Pack files on disk: the Library's import and export. The renderer has no file system, so it
 * names a folder (to write) or a file (to read) and the core does the rest, through the same
 * checks as `importPack`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CairnError } from '../../../shared/api/define.js';
import type { PackStore } from './packs.js';

/** Pack files larger than this are refused before they are read (the texts of many documents fit well under it). */
const MAX_PACK_FILE_BYTES = 64 * 1024 * 1024;

function absolute(p: string, what: string): string {
  const trimmed = p.trim();
  if (!path.isAbsolute(trimmed)) {
    throw new CairnError(
      'invalid_input',
      `Give the ${what}’s full path (starting with / or a drive letter), not “${trimmed}”.`,
    );
  }
  return path.resolve(trimmed);
}

export function savePackFile(packs: PackStore, id: string, folder: string) {
  // The pack first: an unknown id is refused before the disk is touched.
  const pack = packs.exportPack(id);
  const dir = absolute(folder, 'folder');
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new CairnError('not_found', `There is no folder ${dir}; create it or choose another.`);
  }
  if (!stat.isDirectory())
    throw new CairnError('invalid_input', `${dir} is a file, not a folder; choose the folder to write into.`);
  const text = JSON.stringify(pack, null, 2) + '\n';
  const target = path.join(dir, `${pack.id}.cairn-pack.json`);
  const temp = path.join(dir, `.${pack.id}.cairn-pack.json.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, text, 'utf8');
    fs.renameSync(temp, target);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw new CairnError(
      'io',
      `Could not write ${target}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}. Check that the folder is writable.`,
    );
  }
  return {
    path: target,
    bytes: Buffer.byteLength(text),
    sources: pack.sources.length,
    texts: pack.sources.filter((s) => s.document).length,
  };
}

export function readPackFile(packs: PackStore, file: string) {
  const target = absolute(file, 'pack file');
  let size: number;
  try {
    const stat = fs.statSync(target);
    if (!stat.isFile()) throw new CairnError('invalid_input', `${target} is a folder; choose a .cairn-pack.json file.`);
    size = stat.size;
  } catch (e) {
    if (e instanceof CairnError) throw e;
    throw new CairnError('not_found', `There is no file ${target}.`);
  }
  if (size > MAX_PACK_FILE_BYTES)
    throw new CairnError('invalid_input', `${target} is larger than 64 MB; Cairn does not read pack files that large.`);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(target, 'utf8'));
  } catch (e) {
    throw new CairnError(
      'invalid_input',
      `${path.basename(target)} is not a pack file (not JSON: ${(e as Error).message}).`,
    );
  }
  return packs.importPack(raw);
}
