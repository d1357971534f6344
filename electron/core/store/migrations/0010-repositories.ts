import type { Migration } from './types.js';

/**
 * Repositories as first-class: each ADR folder Cairn imported from or exported to is a row
 * (where it is, how it names and numbers files, whether Cairn writes its index), and a decision
 * belongs to at most one, with its file's path relative to that folder (the exact name, with any
 * subfolders). That is what lets the store re-create a folder byte for byte and lets numbers be
 * read per repository. Folders already known through repo_files become repositories, each
 * decision belonging to the folder it was synced with last; their names are the folder paths
 * until the next import names them after the repository. `keeps_name` marks a file someone else
 * named (it was imported): it keeps that exact name wherever it is exported, where a decision
 * Cairn named follows each folder's own naming. `date_source` says where a date comes from
 * ('written', or 'git': the commit that added a file that states none); '' in `date` is "no date".
 */
export const migration0010: Migration = {
  version: 10,
  name: 'repositories',
  up: `
    CREATE TABLE repositories (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      root TEXT NOT NULL,
      folder TEXT NOT NULL UNIQUE,
      dialect TEXT,
      naming TEXT NOT NULL DEFAULT 'number:4',
      index_file INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    ALTER TABLE decisions ADD COLUMN repository INTEGER REFERENCES repositories(id) ON DELETE SET NULL;
    ALTER TABLE decisions ADD COLUMN repo_path TEXT;
    ALTER TABLE decisions ADD COLUMN keeps_name INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE decisions ADD COLUMN date_source TEXT NOT NULL DEFAULT 'written';
    CREATE INDEX decisions_repository ON decisions(repository, number);
    INSERT INTO repositories (name, root, folder, created_at, updated_at)
      SELECT dir, dir, dir, MIN(synced_at), MAX(synced_at) FROM repo_files GROUP BY dir;
    UPDATE decisions SET (repository, repo_path) = (
      SELECT p.id, r.file FROM repo_files r JOIN repositories p ON p.folder = r.dir
      WHERE r.decision_id = decisions.id ORDER BY r.synced_at DESC LIMIT 1
    );
    UPDATE decisions SET keeps_name = 1 WHERE repo_path IS NOT NULL AND json_extract((SELECT content FROM decision_content c WHERE c.id = decisions.id), '$.origin') IS NOT NULL;
    UPDATE repositories SET index_file = 1 WHERE folder IN (SELECT dir FROM export_files WHERE role = 'index');
  `,
};
