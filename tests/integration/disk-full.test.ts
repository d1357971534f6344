/**
 * A save the disk cannot hold: SQLite answers SQLITE_FULL (made real here by capping the store
 * file's size with `PRAGMA max_page_count` on the core's own connection). The API says so in
 * words, the stored decision is left exactly as it was, and once there is room the same save
 * goes through.
 */
import { describe, expect, it } from 'vitest';
import { contentOf } from '../../shared/decision-content.js';
import { testCore } from '../helpers/temp.js';

describe('a save refused because the disk is full', () => {
  it('is answered with a clear io error, changes nothing, and succeeds once there is room', async () => {
    const core = testCore();
    const created = await core.invoke('createDecision', { content: { title: 'Keep orders in PostgreSQL' } });
    const pages = core.db.pragma('page_count', { simple: true }) as number;
    core.db.pragma(`max_page_count = ${pages}`);

    // Far more text than the pages left can hold.
    const context = 'Orders need transactions across tables. '.repeat(4_000);
    const result = await core.call('updateDecision', {
      id: created.id,
      baseRevision: created.revision,
      content: { ...contentOf(created), context },
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'io',
        message:
          'Not saved: the disk is full, so the database could not grow, and nothing was changed. Free some disk space, then try again.',
      },
    });
    const after = await core.invoke('getDecision', { id: created.id });
    expect(after.revision).toBe(created.revision);
    expect(after.context).toBe('');
    expect((await core.invoke('listRevisions', { id: created.id })).map((r) => r.revision)).toEqual([1]);

    core.db.pragma(`max_page_count = ${pages * 1000}`);
    const saved = await core.invoke('updateDecision', {
      id: created.id,
      baseRevision: created.revision,
      content: { ...contentOf(created), context },
    });
    expect(saved.revision).toBe(created.revision + 1);
    expect((await core.invoke('getDecision', { id: created.id })).context).toBe(context);
  });
});
