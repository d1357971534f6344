import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/store/database.js';
import { tempDir } from '../helpers/temp.js';

/**
 * The committed snapshot makes every schema change visible in review. After adding a migration,
 * run `UPDATE_SCHEMA=1 npx vitest run tests/integration/schema.test.ts` and commit the file.
 */
const SNAPSHOT = path.join(import.meta.dirname, 'schema.snapshot.sql');

it('matches the committed schema snapshot', () => {
  const db = openDatabase(path.join(tempDir(), 'schema.db'));
  const rows = db
    .prepare(
      "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name",
    )
    .all() as { sql: string }[];
  const version = db.pragma('user_version', { simple: true });
  db.close();
  const text =
    `-- user_version = ${version}\n` + rows.map((r) => r.sql.replace(/\s+/g, ' ').trim() + ';').join('\n') + '\n';
  if (process.env.UPDATE_SCHEMA) fs.writeFileSync(SNAPSHOT, text);
  expect(text).toBe(fs.readFileSync(SNAPSHOT, 'utf8'));
});
