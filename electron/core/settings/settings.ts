/**
 * Keyed app settings in the `settings` table. Policy: every value is parsed with its schema on
 * read, and a missing or damaged value yields the default, so a bad setting never stops the app.
 */
import type { z } from 'zod';
import type { CoreContext } from '../context.js';

export function createSettingsStore(ctx: Pick<CoreContext, 'db' | 'platform'>) {
  const { db, platform } = ctx;
  const select = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const upsert = db.prepare(
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );

  function get<S extends z.ZodType, F = z.output<S>>(key: string, schema: S, fallback: F): z.output<S> | F {
    const row = select.get(key);
    if (!row) return fallback;
    try {
      const parsed = schema.safeParse(JSON.parse(row.value));
      return parsed.success ? parsed.data : fallback;
    } catch {
      return fallback;
    }
  }

  function set(key: string, value: unknown): void {
    upsert.run(key, JSON.stringify(value), platform.now().toISOString());
  }

  return { get, set };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
