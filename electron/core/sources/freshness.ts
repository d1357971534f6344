/**
 * Freshness: which decisions rest on evidence that changed since they weighed it. A decision's
 * claims are snapshots taken when the pack was applied, each with the verification state it had
 * then; a claim the decision accepted whose quote is now missing, moved or ambiguous in the newest
 * text of its source (and was not so when it was taken) flags the decision "evidence changed".
 * `cairn due` and the decision list read this; nothing here writes.
 */
import type { EvidenceChange } from '../../../shared/api/sources.js';
import type { DecisionContent } from '../../../shared/domain.js';
import type { ClaimCheck } from '../../../shared/sources.js';
import type { CoreContext } from '../context.js';
import type { DecisionStore } from '../decisions/store.js';
import type { PackStore } from '../knowledge/packs.js';

const CHANGED = new Set(['missing', 'moved', 'ambiguous']);

export function evidenceChanges(ctx: CoreContext, packs: PackStore, _decisions: DecisionStore): EvidenceChange[] {
  const rows = ctx.db
    .prepare<[], { id: string; number: number | null; title: string; pack: string; content: string }>(
      // The few decisions made from a pack, from their own index (migration 17), not a scan of all in list order.
      `SELECT d.id, d.number, d.title, d.pack, c.content FROM decisions d INDEXED BY decisions_pack JOIN decision_content c ON c.id = d.id
       WHERE d.trashed_at IS NULL AND d.pack IS NOT NULL ORDER BY d.number IS NULL, d.number, d.created_at`,
    )
    .all();
  const checksByPack = new Map<string, Map<string, ClaimCheck>>();
  const out: EvidenceChange[] = [];
  for (const row of rows) {
    let checks = checksByPack.get(row.pack);
    if (!checks) checksByPack.set(row.pack, (checks = packs.texts.checksOf(row.pack)));
    const content = JSON.parse(row.content) as DecisionContent;
    const claims: EvidenceChange['claims'] = [];
    for (const c of content.evaluation?.claims ?? []) {
      if (c.own || c.verdict !== 'accepted') continue;
      const now = checks.get(c.id);
      const was = c.verification ?? null;
      if (now && CHANGED.has(now.state) && now.state !== was)
        claims.push({ claim: c.id, summary: c.summary, was, now: now.state, reason: now.reason });
    }
    if (claims.length) out.push({ decision: row.id, number: row.number, title: row.title, pack: row.pack, claims });
  }
  return out;
}
