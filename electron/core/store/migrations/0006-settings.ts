import type { Migration } from './types.js';

/**
 * App settings as keyed JSON values (theme, recent folders, the desktop window's size and place):
 * one small table, so a new setting needs no migration; each value is parsed on read and a bad
 * one falls back to its default instead of stopping the app.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'settings',
  up: `
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
  `,
};
