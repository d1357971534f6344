/**
 * Review dates in the store: the list's `review` filter as SQL (the same rule as
 * `reviewState` in shared/review.ts), and what `listDue` and `reviewDecision` do.
 */
import { CairnError } from '../../../shared/api/define.js';
import type { DueItem, DueList, ReviewResult } from '../../../shared/api/review.js';
import { LIMITS, type Decision, type DecisionContent, type ReviewOutcome } from '../../../shared/domain.js';
import { addDays, daysBetween } from '../../../shared/review.js';
import { DUE_SOON_DAYS, REVIEWED_STATUSES, type REVIEW_STATES } from '../../../shared/vocabulary.js';
import { today, type CoreContext, type Platform } from '../context.js';
import type { DecisionStore } from '../decisions/store.js';

const LIVE = `d.status IN (${REVIEWED_STATUSES.map((s) => `'${s}'`).join(', ')})`;

export function reviewDay(platform: Platform): string {
  return today(platform);
}

/** The WHERE clause for one `review` facet value on day `day`. */
export function reviewFilter(
  state: (typeof REVIEW_STATES)[number],
  day: string,
): { sql: string; params: Record<string, unknown> } {
  switch (state) {
    case 'overdue':
      return { sql: `(${LIVE} AND d.review_by < @reviewToday)`, params: { reviewToday: day } };
    case 'due':
      return {
        sql: `(${LIVE} AND d.review_by >= @reviewToday AND d.review_by <= @reviewSoon)`,
        params: { reviewToday: day, reviewSoon: addDays(day, DUE_SOON_DAYS) },
      };
    case 'scheduled':
      return { sql: `(${LIVE} AND d.review_by > @reviewSoon)`, params: { reviewSoon: addDays(day, DUE_SOON_DAYS) } };
    case 'none':
      return { sql: `(d.review_by IS NULL OR NOT ${LIVE})`, params: {} };
  }
}

/**
 * Where decisions whose evidence changed (claims now missing or moved in their sources) will
 * join the due list. The evidence-verification issue has not landed on this branch: it
 * returns nothing, and `listDue` already merges and reports what it returns.
 */
export type EvidenceCheck = (ctx: CoreContext) => { id: string; reason: string }[];
export const noEvidenceCheck: EvidenceCheck = () => [];

interface DueRow {
  id: string;
  number: number | null;
  title: string;
  status: string;
  review_by: string | null;
  triggers: string | null;
}

type Link = (from: string, relation: string, to: string) => { from: Decision; to: Decision };

export function createReviews(
  ctx: CoreContext,
  store: DecisionStore,
  link: Link,
  evidence: EvidenceCheck = noEvidenceCheck,
) {
  const dueRows = ctx.db.prepare<[string], DueRow>(
    `SELECT d.id, d.number, d.title, d.status, d.review_by, json_extract(c.content, '$.reviewTriggers') AS triggers
     FROM decisions d JOIN decision_content c ON c.id = d.id
     WHERE d.trashed_at IS NULL AND ${LIVE} AND d.review_by IS NOT NULL AND d.review_by <= ?
     ORDER BY d.review_by, d.number IS NULL, d.number, d.created_at`,
  );
  const byIds = ctx.db.prepare<[string], DueRow>(
    `SELECT d.id, d.number, d.title, d.status, d.review_by, json_extract(c.content, '$.reviewTriggers') AS triggers
     FROM decisions d JOIN decision_content c ON c.id = d.id
     WHERE d.trashed_at IS NULL AND d.id IN (SELECT value FROM json_each(?))`,
  );

  function due(within: number, on?: string): DueList {
    const day = on ?? reviewDay(ctx.platform);
    const item = (r: DueRow, evidenceChanged: string | null): DueItem => {
      const days = r.review_by ? daysBetween(day, r.review_by) : null;
      return {
        id: r.id,
        number: r.number,
        title: r.title,
        status: r.status as DueItem['status'],
        reviewBy: r.review_by,
        days,
        overdue: days !== null && days < 0,
        triggers: r.triggers ? (JSON.parse(r.triggers) as string[]) : [],
        evidenceChanged,
      };
    };
    const items = dueRows.all(addDays(day, within)).map((r) => item(r, null));
    const changed = evidence(ctx);
    if (changed.length) {
      const listed = new Map(items.map((i) => [i.id, i]));
      for (const c of changed) {
        const there = listed.get(c.id);
        if (there) there.evidenceChanged = c.reason;
      }
      const rest = changed.filter((c) => !listed.has(c.id));
      const rows = new Map(byIds.all(JSON.stringify(rest.map((c) => c.id))).map((r) => [r.id, r]));
      for (const c of rest) {
        const r = rows.get(c.id);
        if (r) items.push(item(r, c.reason));
      }
    }
    return { today: day, within, overdue: items.filter((i) => i.overdue).length, items };
  }

  const review = ctx.db.transaction(
    (input: {
      id: string;
      baseRevision: number;
      outcome: ReviewOutcome;
      note: string;
      nextReview?: string | null;
    }): ReviewResult => {
      const day = reviewDay(ctx.platform);
      const current = store.get(input.id);
      if (current.trashedAt)
        throw new CairnError('conflict', `"${current.title}" is in the trash; restore it before reviewing it.`);
      if (input.outcome === 'holds' && input.nextReview === undefined) {
        throw new CairnError(
          'invalid_input',
          'A decision that still holds needs its next review date (nextReview: YYYY-MM-DD, or null for none).',
        );
      }
      if (input.nextReview && input.nextReview <= day) {
        throw new CairnError(
          'invalid_input',
          `The next review date ${input.nextReview} is not in the future (today is ${day}); pick a later day.`,
        );
      }
      const next = input.nextReview === undefined ? current.reviewBy : input.nextReview;
      const content: DecisionContent = {
        ...store.contentOf(current),
        reviewBy: next,
        reviews: [...current.reviews, { date: day, outcome: input.outcome, note: input.note, next }],
      };
      let decision = store.update(input.id, input.baseRevision, content, 'review');
      let draft = null;
      if (input.outcome === 'supersede') {
        // The superseding draft starts from the old decision's question and evidence, related to it
        // both ways; the old one becomes superseded only when the team runs supersede, not now.
        const { reviews: _r, relations: _rel, ...rest } = content;
        const created = store.create({
          ...rest,
          title: `${current.title} (revisited)`.slice(0, LIMITS.title),
          status: 'proposed',
          statusText: '',
          date: day,
          chosenOption: null,
          rationale: '',
          consequences: [],
          reviewBy: null,
          reviewTriggers: [],
          reviews: [],
          relations: [],
        });
        const linked = link(created.id, 'relates-to', decision.id);
        draft = linked.from;
        decision = linked.to;
      }
      return { decision, draft };
    },
  );

  return { due, review };
}
