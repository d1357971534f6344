/**
 * Finding and reading the ADR folder an export writes into.
 * Policy: the folder is found the way adr-tools and MADR users lay it out (`.adr-dir`, then
 * `docs/decisions`, `doc/adr`, `docs/adr`) or is the folder the user named; it must resolve
 * inside the named directory (a symlink or `.adr-dir` pointing elsewhere is refused); only
 * regular files are read, symlinks are never followed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CairnError } from '../../../shared/api/define.js';
import type { AdrFormat, MadrMetadata } from '../../../shared/adr/types.js';
import type { Naming } from '../../../shared/adr/slug.js';
import { detectNaming, looksLikeAdrFile } from '../../../shared/adr/naming.js';
import { isMissingPath } from '../fs-errors.js';
import { readHeader, type AdrHeader } from './header.js';
import type { FileStats } from './file-stats.js';
import { sha256 } from '../hash.js';
import { gitFolderOf } from '../git-folder.js';
import { readPlainFile } from '../import/read-file.js';

export const CANDIDATES = ['docs/decisions', 'doc/adr', 'docs/adr'] as const;
export type FolderSource = '.adr-dir' | (typeof CANDIDATES)[number] | 'named' | 'new' | 'repository';

/** Files larger than this are not read for their header (they still count for numbering). */
const MAX_READ = 4 * 1024 * 1024;
/** An ADR file name: `0007-x.md`, `adr-007-x.md`, `ADR007_x.html.md` …; the number is the first group. */
const ADR_NAME = /^(?:adr[-_]?)?(\d+)[-_].+\.md$/i;
/** How deep subfolders are read, and which are never read (tooling, dependencies, build output). */
const MAX_DEPTH = 6;
/** Entries read at most, subfolders included. */
const MAX_ENTRIES = 50_000;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'target', 'vendor']);

export interface LocatedFolder {
  /** The directory the user named, resolved through symlinks. */
  root: string;
  /** The ADR folder (absolute); it may not exist yet. */
  folder: string;
  source: FolderSource;
  exists: boolean;
}

export interface ScannedFile {
  name: string;
  /** The leading number of the file name (`0007-…` → 7), or null. */
  prefix: number | null;
  prefixText: string | null;
  /** A regular file Cairn may read and replace (not a symlink, a folder or a device). */
  regular: boolean;
  /** The hash of its bytes; null when it is not read (not a regular file, or larger than 4 MB). */
  sha256: string | null;
  /**
   * Its text, read again from disk when asked for: the scan keeps only hashes, so a folder of
   * thousands of files is not held in memory. Throws a `conflict` if the bytes are no longer the
   * ones the scan hashed (changed while the export was planned); null when it was not read.
   */
  readText(): string | null;
  header: AdrHeader | null;
}

export interface FolderScan extends LocatedFolder {
  /** Every entry of the folder by name, ADR-looking or not. */
  entries: Map<string, ScannedFile>;
  /** The entries named like ADRs (`NNNN-….md`), in name order. */
  adrs: ScannedFile[];
  naming: Naming;
  /** The dialect most files are written in, or null for an empty folder. */
  dialect: AdrFormat | null;
  madrMetadata: MadrMetadata;
  listMarker: '*' | '-';
}

/** The store's one content hash, re-exported where the exporter has always found it. */
export { sha256 };

export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch (e) {
    // Missing is "not a folder"; a permission error is reported where the folder is used.
    if (isMissingPath(e)) return false;
    throw e;
  }
}

function expandHome(dir: string): string {
  if (dir === '~') return os.homedir();
  if (dir.startsWith('~/') || dir.startsWith('~\\')) return path.join(os.homedir(), dir.slice(2));
  return dir;
}

/** The real path of `p` if it exists, or of its nearest existing ancestor joined with the rest. */
function realOrPlanned(p: string): string {
  let existing = p;
  const rest: string[] = [];
  while (!fs.existsSync(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) break;
    rest.unshift(path.basename(existing));
    existing = parent;
  }
  return path.join(fs.realpathSync(existing), ...rest);
}

/** Where the ADRs go for a directory the user named; `format` picks the folder for a new repository. */
export function locateFolder(dir: string, format: AdrFormat | undefined): LocatedFolder {
  const named = expandHome(dir.trim());
  if (!path.isAbsolute(named)) {
    throw new CairnError(
      'invalid_input',
      `"${dir}" is not an absolute path. Give the repository or ADR folder as a full path, e.g. /home/me/project.`,
    );
  }
  if (!isDir(named)) {
    throw new CairnError(
      'not_found',
      `There is no folder at ${named}. Create it first, or name the repository folder that should hold the ADRs.`,
    );
  }
  const root = fs.realpathSync(named);
  refuseGitFolder(root, `${root} is`);
  const inside = (rel: string, source: FolderSource): LocatedFolder => {
    const target = realOrPlanned(path.resolve(root, rel));
    if (!isInside(root, target)) {
      throw new CairnError(
        'forbidden',
        `${source === '.adr-dir' ? `.adr-dir in ${root} points` : `${rel} in ${root} leads`} outside that folder (to ${target}); Cairn only writes inside the folder you name.`,
      );
    }
    refuseGitFolder(
      target,
      source === '.adr-dir' ? `.adr-dir in ${root} points to ${target}, which is` : `${target} is`,
    );
    return { root, folder: target, source, exists: isDir(target) };
  };
  const adrDir = path.join(root, '.adr-dir');
  if (fs.existsSync(adrDir) && fs.lstatSync(adrDir).isFile()) {
    const rel = readPlainFile(adrDir).toString('utf8').split(/\r?\n/)[0]!.trim();
    if (rel) return inside(rel, '.adr-dir');
  }
  for (const candidate of CANDIDATES) {
    if (isDir(path.join(root, candidate))) return inside(candidate, candidate);
  }
  if (fs.existsSync(path.join(root, '.git'))) return inside(format === 'nygard' ? 'doc/adr' : 'docs/decisions', 'new');
  return { root, folder: root, source: 'named', exists: true };
}

function refuseGitFolder(p: string, what: string): void {
  const git = gitFolderOf(p);
  if (git)
    throw new CairnError(
      'forbidden',
      `${what} inside the git folder ${git}; Cairn never writes ADRs there. Name the repository folder, or point .adr-dir at a folder such as doc/adr.`,
    );
}

/** The file's bytes and its stat, or null when it is larger than MAX_READ (one open, one fstat, no separate stat). */
function readSmallWithStat(full: string): { bytes: Buffer; stat: fs.Stats } | null {
  // Listed as a regular file, but it may have been swapped since: never follow a link, never wait on a FIFO.
  const fd = fs.openSync(full, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return null;
    const size = stat.size;
    if (size > MAX_READ) return null;
    const bytes = Buffer.allocUnsafe(size);
    let at = 0;
    while (at < size) {
      const n = fs.readSync(fd, bytes, at, size - at, null);
      if (n === 0) break;
      at += n;
    }
    return { bytes: at === size ? bytes : bytes.subarray(0, at), stat };
  } finally {
    fs.closeSync(fd);
  }
}

/** The file's bytes, or null when it is larger than MAX_READ. */
function readSmall(full: string): Buffer | null {
  return readSmallWithStat(full)?.bytes ?? null;
}

/**
 * The sha256 of the regular file at `full`: remembered while its stat is the one recorded
 * (`stats`), read and hashed otherwise; null when it is not read (larger than MAX_READ, or no
 * longer a regular file).
 */
function hashOf(full: string, name: string, stats: FileStats | undefined): string | null {
  if (stats?.has(name)) {
    const stat = fs.lstatSync(full, { throwIfNoEntry: false });
    const known = stat?.isFile() ? stats.known(name, stat) : null;
    if (known !== null) return known;
  }
  // Read before the stat: a change made after it moves the file's times past this.
  const checkedAt = Date.now();
  const read = readSmallWithStat(full);
  if (!read) return null;
  const sha = sha256(read.bytes);
  stats?.read(name, read.stat, checkedAt, sha);
  return sha;
}

/** How a file's header is read: parsed from its text (read only if needed), or remembered from an earlier export (see header-cache.ts). */
export type HeaderReader = (file: string, sha: string | null, text: () => string) => AdrHeader;

/** The text of `full` if its bytes still hash to `sha`; otherwise the file changed since the scan. */
function readAgain(full: string, name: string, sha: string): string {
  const bytes = readSmall(full);
  if (bytes && sha256(bytes) === sha) return bytes.toString('utf8');
  throw new CairnError('conflict', `${name} changed while the export was being planned; export again.`);
}

function scanEntry(
  folder: string,
  dirent: fs.Dirent,
  headerOf: HeaderReader,
  stats: FileStats | undefined,
  rel = '',
): ScannedFile {
  const m = ADR_NAME.exec(dirent.name);
  const name = rel ? `${rel}/${dirent.name}` : dirent.name;
  const file: ScannedFile = {
    name,
    prefix: m ? Number(m[1]) : null,
    prefixText: m ? m[1]! : null,
    regular: dirent.isFile(),
    sha256: null,
    readText: () => null,
    header: null,
  };
  if (!file.regular) return file;
  const full = path.join(folder, name);
  const sha = hashOf(full, name, stats);
  if (sha === null) return file;
  file.sha256 = sha;
  file.readText = () => readAgain(full, name, sha);
  if (m) {
    // Parsed on first use only, from the header remembered for these bytes where there is one:
    // an unchanged re-export of a large folder reads none of its files twice.
    let parsed: AdrHeader | undefined;
    Object.defineProperty(file, 'header', {
      enumerable: true,
      get: () => (parsed ??= headerOf(name, sha, () => readAgain(full, name, sha))),
    });
  }
  return file;
}

/** How the folder's ADR files are named (subfolders included), for the names of new ones. */
function namingOf(adrs: ScannedFile[]): Naming {
  const found = detectNaming(adrs.map((f) => path.posix.basename(f.name)));
  return found.kind === 'date'
    ? { kind: 'date', style: found.style }
    : { kind: 'number', width: found.width, style: found.style };
}

/** Reads the folder: its entries, how it names files, which dialect it writes; `stats` spares reading files unchanged since they were last read. */
export function scanFolder(
  located: LocatedFolder,
  headerOf: HeaderReader = (_file, _sha, text) => readHeader(text()),
  subfolders: ReadonlySet<string> = new Set(),
  stats?: FileStats,
): FolderScan {
  const entries = new Map<string, ScannedFile>();
  // Subfolders of an ADR folder are read too (ADRs kept in `sub/0001-….md` are the folder's as well),
  // named by their relative path. A folder merely named (not found as an ADR folder) is only read
  // deeper when it holds ADR files itself or the store keeps decisions in its subfolders
  // (`subfolders`: `2021`, `team/a`): exporting into a large folder must not walk all of it.
  const tops = new Set([...subfolders].map((s) => s.split('/')[0]!));
  const walk = (rel: string, depth: number) => {
    const dirents = fs.readdirSync(path.join(located.folder, rel), { withFileTypes: true });
    const deep =
      depth > 0 ||
      located.source !== 'named' ||
      dirents.some((d) => looksLikeAdrFile(d.name) || (d.isDirectory() && tops.has(d.name)));
    for (const dirent of dirents) {
      if (entries.size >= MAX_ENTRIES) break;
      const entry = scanEntry(located.folder, dirent, headerOf, stats, rel);
      entries.set(entry.name, entry);
      if (
        deep &&
        dirent.isDirectory() &&
        depth < MAX_DEPTH &&
        !dirent.name.startsWith('.') &&
        !SKIPPED_DIRS.has(dirent.name)
      )
        walk(entry.name, depth + 1);
    }
  };
  if (located.exists) walk('', 0);
  const adrs = [...entries.values()].filter((f) => f.prefix !== null).sort((a, b) => (a.name < b.name ? -1 : 1));
  const votes = { nygard: 0, front: 0, list: 0, star: 0, dash: 0 };
  // The folder's dialect by majority vote of up to 200 of its ADRs, spread evenly over it.
  const step = Math.max(1, Math.ceil(adrs.length / 200));
  for (let i = 0; i < adrs.length; i += step) {
    const h = adrs[i]!.header;
    if (!h) continue;
    if (h.dialect === 'nygard') votes.nygard++;
    else if (h.dialect === 'madr-list') {
      votes.list++;
      if (h.listMarker === '-') votes.dash++;
      else votes.star++;
    } else if (h.dialect === 'madr') votes.front++;
  }
  const madr = votes.front + votes.list;
  const dialect: AdrFormat | null = votes.nygard === 0 && madr === 0 ? null : votes.nygard > madr ? 'nygard' : 'madr';
  return {
    ...located,
    entries,
    adrs,
    naming: namingOf(adrs),
    dialect,
    madrMetadata: votes.list > votes.front ? 'list' : 'front-matter',
    listMarker: votes.dash > votes.star ? '-' : '*',
  };
}
