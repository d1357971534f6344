/**
 * How people name a decision: by id, or by its ADR number ("7", "0007", "ADR-7") when only one
 * decision has that number.
 */
import { CairnError } from '../../../shared/api/define.js';
import type { CoreContext } from '../context.js';

export function createDecisionResolver(ctx: Pick<CoreContext, 'db'>) {
  const { db } = ctx;
  const stmt = {
    exists: db.prepare<[string], { id: string }>('SELECT id FROM decisions WHERE id = ?'),
    byNumber: db.prepare<[number], { id: string; title: string }>(
      'SELECT id, title FROM decisions WHERE number = ? AND trashed_at IS NULL ORDER BY created_at',
    ),
  };

  /** A decision named by id, or by its ADR number ("7", "0007", "ADR-7") when that is unambiguous. */
  function resolve(ref: string): string {
    if (stmt.exists.get(ref)) return ref;
    const m = /^(?:adr[-\s]?)?0*(\d+)$/i.exec(ref.trim());
    if (m) {
      const rows = stmt.byNumber.all(Number(m[1]));
      if (rows.length === 1) return rows[0]!.id;
      if (rows.length > 1) {
        throw new CairnError(
          'invalid_input',
          `More than one decision is numbered ${m[1]} (${rows.map((r) => `“${r.title}” ${r.id}`).join(', ')}); name it by id instead.`,
        );
      }
    }
    throw new CairnError('not_found', `No decision with id or number "${ref}". Run \`cairn list\` to see them.`);
  }

  return resolve;
}
