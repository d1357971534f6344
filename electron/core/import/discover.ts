/**
 * Finding the ADR folders of a repository the way the ADR tools do, so `cairn import` works on a
 * repository root as well as on an ADR folder. Policy, in order: the named folder itself when it
 * holds ADR files; else `.adr-dir` (adr-tools), `.log4brains.yml` with its packages, `.adr.json`
 * (the `adr` npm tool); else the usual places; else the folder below that holds every ADR-named
 * file (ADRs kept in subfolders by year or team). Every found folder must lie inside the named one.
 * Inside an ADR folder, nested subfolders count: each file keeps its path relative to the folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isInside } from '../export/folder.js';
import { MARKDOWN_FILE as MARKDOWN, looksLikeAdrFile } from '../../../shared/adr/naming.js';

/** Where the ecosystem keeps ADRs, most common first (MADR, adr-tools, log4brains, arc42, …). */
export const USUAL_PLACES = [
  'docs/decisions',
  'doc/adr',
  'docs/adr',
  'docs/adrs',
  'docs/architecture/decisions',
  'docs/architecture/adr',
  'doc/architecture/decisions',
  'doc/decisions',
  'architecture/decisions',
  'docs/architecture-decisions',
  'docs/decision-records',
  'decisions',
  'adr',
  'adrs',
] as const;

/** Subfolders never read: tooling, dependencies and build output. */
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'target', 'vendor']);
/** How deep subfolders of an ADR folder are read. */
const MAX_DEPTH = 6;
/** Files listed at most: a folder named by mistake (a home folder) is not walked whole. */
const MAX_ENTRIES = 50_000;

export interface FoundFolder {
  folder: string;
  /** How it was found: 'named', '.adr-dir', '.log4brains.yml', '.adr.json' or the usual place. */
  source: string;
}

export interface Discovery {
  /** The folder the user named, resolved. */
  root: string;
  folders: FoundFolder[];
  /** Where Cairn looked, relative to the root, for the report when nothing was found. */
  lookedIn: string[];
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Markdown files under `folder`, as `/`-separated paths relative to it, sorted; subfolders included. */
export function markdownFiles(folder: string): { markdown: string[]; other: string[] } {
  const markdown: string[] = [];
  const other: string[] = [];
  const walk = (dir: string, rel: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || markdown.length + other.length >= MAX_ENTRIES) continue;
      const relName = rel ? `${rel}/${e.name}` : e.name;
      // A symlinked folder is not followed: it may lead outside the repository, or in a circle.
      if (e.isDirectory()) {
        if (depth < MAX_DEPTH && !SKIPPED_DIRS.has(e.name)) walk(path.join(dir, e.name), relName, depth + 1);
      } else {
        // Links, pipes, sockets and devices are listed too: the importer refuses each by name, with its reason.
        (MARKDOWN.test(e.name) ? markdown : other).push(relName);
      }
    }
  };
  walk(folder, '', 0);
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { markdown: markdown.sort(byName), other: other.sort(byName) };
}

function holdsAdrs(folder: string): boolean {
  try {
    return fs.readdirSync(folder).some(looksLikeAdrFile);
  } catch {
    return false;
  }
}

function firstLine(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').split(/\r?\n/)[0]!.trim();
  } catch {
    return '';
  }
}

/** The ADR folders `.log4brains.yml` names: the project's, and each package's. */
function log4brainsFolders(file: string): string[] {
  try {
    const doc = parseYaml(fs.readFileSync(file, 'utf8')) as {
      project?: { adrFolder?: unknown; packages?: { adrFolder?: unknown }[] };
    } | null;
    const out: string[] = [];
    if (typeof doc?.project?.adrFolder === 'string') out.push(doc.project.adrFolder);
    for (const p of Array.isArray(doc?.project?.packages) ? doc.project.packages : [])
      if (typeof p?.adrFolder === 'string') out.push(p.adrFolder);
    return out;
  } catch {
    return [];
  }
}

function adrJsonFolder(file: string): string[] {
  try {
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { path?: unknown };
    return typeof doc.path === 'string' ? [doc.path] : [];
  } catch {
    return [];
  }
}

/** The deepest folder holding all of `files` (`/`-separated, relative): '' for the top, null for none. */
function commonFolder(files: string[]): string | null {
  if (!files.length) return null;
  let parts = path.posix.dirname(files[0]!).split('/');
  for (const f of files.slice(1)) {
    const dir = path.posix.dirname(f).split('/');
    let i = 0;
    while (i < parts.length && i < dir.length && parts[i] === dir[i]) i++;
    parts = parts.slice(0, i);
  }
  const common = parts.join('/');
  return common === '.' ? '' : common;
}

/** The ADR folders of `dir`: itself when it holds ADRs, else those its configuration or the usual places name. */
export function discoverFolders(dir: string): Discovery {
  const root = fs.realpathSync(dir);
  const lookedIn: string[] = ['.'];
  if (holdsAdrs(root)) return { root, folders: [{ folder: root, source: 'named' }], lookedIn };
  const found: FoundFolder[] = [];
  const add = (rel: string, source: string) => {
    const full = path.resolve(root, rel);
    if (!isDir(full)) return;
    const real = fs.realpathSync(full);
    if (!isInside(root, real) || real === root) return;
    if (found.some((f) => isInside(f.folder, real))) return;
    for (const f of [...found]) if (isInside(real, f.folder)) found.splice(found.indexOf(f), 1);
    found.push({ folder: real, source });
  };
  const configs: [string, (file: string) => string[]][] = [
    ['.adr-dir', (f) => [firstLine(f)].filter(Boolean)],
    ['.log4brains.yml', log4brainsFolders],
    ['.adr.json', adrJsonFolder],
  ];
  for (const [name, read] of configs) {
    lookedIn.push(name);
    const file = path.join(root, name);
    if (fs.existsSync(file)) for (const rel of read(file)) add(rel, name);
  }
  for (const place of USUAL_PLACES) {
    lookedIn.push(place);
    if (
      holdsAdrs(path.join(root, place)) ||
      (isDir(path.join(root, place)) &&
        markdownFiles(path.join(root, place)).markdown.some((f) => looksLikeAdrFile(path.basename(f))))
    ) {
      add(place, place);
    }
  }
  // Nothing where the ecosystem looks: the folder that holds every ADR-named file below the named
  // one (`adr/2021/0001-….md` and `adr/2022/…`: one folder a year or a team → `adr`), so other
  // Markdown of the repository is not read as decisions.
  if (!found.length) {
    const nested = markdownFiles(root).markdown.filter((f) => looksLikeAdrFile(path.posix.basename(f)));
    const common = commonFolder(nested);
    if (common === '') found.push({ folder: root, source: 'named' });
    else if (common !== null) add(common, 'named');
  }
  // A folder of Markdown files named otherwise (no numbers) is still read when it is all there is.
  if (
    !found.length &&
    fs.readdirSync(root).some((n) => MARKDOWN.test(n) && !/^(readme|index|changelog|contributing|license)/i.test(n))
  ) {
    found.push({ folder: root, source: 'named' });
  }
  return { root, folders: found, lookedIn };
}
