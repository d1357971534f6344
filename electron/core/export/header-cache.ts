/**
 * The headers the exporter read from a folder's ADR files, remembered by content hash (table
 * adr_headers), so writing the index of an unchanged folder of thousands of ADRs parses nothing.
 * A remembered header is used only while the file holds exactly the bytes it was read from.
 */
import type { Database } from 'better-sqlite3';
import { folderPath } from '../../../shared/adr/markdown.js';
import { readHeader, type AdrHeader } from './header.js';

export interface HeaderCache {
  /** The header of the file `file` of the folder whose bytes hash to `sha`; `text` is read only when none is remembered. */
  headerOf(file: string, sha: string | null, text: () => string): AdrHeader;
  /** Records the headers read this time and forgets files no longer in `files`. */
  save(files: ReadonlySet<string>): void;
}

/**
 * Bump when `readHeader` reads differently: what older versions remembered is then read again.
 * It is stored with the hash, so a remembered header counts only for the same bytes read the same way.
 */
const READER_VERSION = 1;

/** The header with its links as paths in the folder: `../0001-x.md` written in `sub/0002-y.md` is `0001-x.md`. */
function inFolder(file: string, header: AdrHeader): AdrHeader {
  if (!file.includes('/')) return header;
  return { ...header, links: header.links.map((l) => ({ ...l, file: folderPath(file, l.file) ?? l.file })) };
}

export function createHeaderCache(db: Database, dir: string): HeaderCache {
  const key = (sha: string) => `${READER_VERSION}:${sha}`;
  const known = new Map(
    db
      .prepare<[string], { file: string; sha256: string; header: string }>(
        'SELECT file, sha256, header FROM adr_headers WHERE dir = ?',
      )
      .all(dir)
      .map((r) => [r.file, r] as const),
  );
  const read = new Map<string, { sha256: string; header: AdrHeader }>();
  return {
    headerOf(file, sha, text) {
      const row = known.get(file);
      if (sha !== null && row?.sha256 === key(sha)) return inFolder(file, JSON.parse(row.header) as AdrHeader);
      const header = readHeader(text());
      if (sha !== null) read.set(file, { sha256: sha, header });
      return inFolder(file, header);
    },
    save(files) {
      const put = db.prepare(
        'INSERT INTO adr_headers (dir, file, sha256, header) VALUES (?, ?, ?, ?) ON CONFLICT (dir, file) DO UPDATE SET sha256 = excluded.sha256, header = excluded.header',
      );
      const drop = db.prepare('DELETE FROM adr_headers WHERE dir = ? AND file = ?');
      for (const [file, r] of read) if (files.has(file)) put.run(dir, file, key(r.sha256), JSON.stringify(r.header));
      for (const file of known.keys()) if (!files.has(file)) drop.run(dir, file);
    },
  };
}
