/**
 * Repositories: the ADR folders Cairn imports from and exports to, as rows of `repositories`
 * (migration 0010). A decision belongs to at most one, with its file's path relative to the
 * folder (`decisions.repository`, `decisions.repo_path`): the exact name, subfolders included,
 * so the store alone can write the folder again. Policy for names: the repository's folder name
 * (`adr-tools`), made unique with `-2`, `-3`…; they are what `REPO:N` addresses use.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Repository } from '../../../shared/api/repositories.js';
import type { CoreContext } from '../context.js';

interface RepositoryRow {
  id: number;
  name: string;
  root: string;
  folder: string;
  dialect: string | null;
  naming: string;
  index_file: number;
  decisions: number;
}

function toRepository(r: RepositoryRow): Repository {
  return {
    id: r.id,
    name: r.name,
    root: r.root,
    folder: r.folder,
    dialect: r.dialect,
    naming: r.naming,
    index: r.index_file === 1,
    decisions: r.decisions,
  };
}

const SELECT = `SELECT p.id, p.name, p.root, p.folder, p.dialect, p.naming, p.index_file,
  (SELECT COUNT(*) FROM decisions d WHERE d.repository = p.id AND d.trashed_at IS NULL) AS decisions FROM repositories p`;

export function listRepositories(db: CoreContext['db']): Repository[] {
  return db.prepare<[], RepositoryRow>(`${SELECT} ORDER BY p.name`).all().map(toRepository);
}

export function repositoryByFolder(db: CoreContext['db'], folder: string): Repository | null {
  const row = db.prepare<[string], RepositoryRow>(`${SELECT} WHERE p.folder = ?`).get(folder);
  return row ? toRepository(row) : null;
}

export function repositoryByName(db: CoreContext['db'], name: string): Repository | null {
  const row =
    db.prepare<[string], RepositoryRow>(`${SELECT} WHERE p.name = ?`).get(name) ??
    db.prepare<[string], RepositoryRow>(`${SELECT} WHERE p.name = ? COLLATE NOCASE`).get(name) ??
    (/^\d+$/.test(name)
      ? db.prepare<[number], RepositoryRow>(`${SELECT} WHERE p.id = ?`).get(Number(name))
      : undefined);
  return row ? toRepository(row) : null;
}

/** The git work tree a folder lies in (the nearest parent with `.git`), or null. */
export function gitRoot(folder: string): string | null {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return null;
  }
}

export interface RepositoryFacts {
  folder: string;
  /** The repository root: the git work tree, else the folder the user named. */
  root: string;
  dialect: string | null;
  naming: string;
}

/**
 * The repository of an ADR folder, created on first sight. Its name is the root's folder name,
 * plus the path to the ADR folder when another folder of the same root is known already.
 * Joins the caller's transaction.
 */
export function ensureRepository(ctx: CoreContext, facts: RepositoryFacts): Repository {
  const { db, platform } = ctx;
  const now = platform.now().toISOString();
  const known = repositoryByFolder(db, facts.folder);
  if (known) {
    // Repositories carried over by migration 0010 are named by their path; give them a short name now.
    const name = known.name === known.folder ? uniqueName(db, facts) : known.name;
    db.prepare(
      'UPDATE repositories SET name = ?, root = ?, dialect = COALESCE(?, dialect), naming = ?, updated_at = ? WHERE id = ?',
    ).run(name, facts.root, facts.dialect, facts.naming, now, known.id);
    return repositoryByFolder(db, facts.folder)!;
  }
  db.prepare(
    'INSERT INTO repositories (name, root, folder, dialect, naming, index_file, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)',
  ).run(uniqueName(db, facts), facts.root, facts.folder, facts.dialect, facts.naming, now, now);
  return repositoryByFolder(db, facts.folder)!;
}

function uniqueName(db: CoreContext['db'], facts: RepositoryFacts): string {
  const taken = (n: string) =>
    db.prepare('SELECT 1 FROM repositories WHERE name = ? COLLATE NOCASE AND folder <> ?').get(n, facts.folder) !==
    undefined;
  const rootName = path.basename(facts.root) || 'repository';
  const sameRoot = db
    .prepare<[string, string], { n: number }>('SELECT COUNT(*) AS n FROM repositories WHERE root = ? AND folder <> ?')
    .get(facts.root, facts.folder)!.n;
  const rel = path.relative(facts.root, facts.folder).split(path.sep).join('/');
  let base = sameRoot > 0 && rel ? `${rootName}/${rel}` : rootName;
  base = base.replace(/[\s:]+/g, '-');
  let name = base;
  for (let n = 2; taken(name); n++) name = `${base}-${n}`;
  return name;
}

/**
 * Records that decisions were imported from files (relative to the folder) of repository `id`:
 * each keeps its file's name. One statement for them all: an import places thousands.
 */
export function placeDecisions(
  db: CoreContext['db'],
  repository: number,
  placed: Iterable<{ id: string; file: string }>,
): void {
  const place = db.prepare('UPDATE decisions SET repository = ?, repo_path = ?, keeps_name = 1 WHERE id = ?');
  for (const { id, file } of placed) place.run(repository, file, id);
}

/** Cairn writes the index of this folder from now on (it wrote one there). */
export function markIndexWritten(db: CoreContext['db'], folder: string): void {
  db.prepare('UPDATE repositories SET index_file = 1 WHERE folder = ?').run(folder);
}
