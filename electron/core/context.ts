import type { Db } from './store/database.js';

/** What the core gets from its host: never read from globals, so tests can fix time and ids. */
export interface Platform {
  now(): Date;
  newId(): string;
}

export interface CoreContext {
  db: Db;
  platform: Platform;
  /** Folder holding the database (backups and other app files live beside it). */
  dataDir: string;
  /** The database file itself. */
  dbPath: string;
  /** Folder of the knowledge packs shipped with the app. */
  knowledgeDir: string;
}

export function today(platform: Platform): string {
  return platform.now().toISOString().slice(0, 10);
}
