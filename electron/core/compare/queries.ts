/**
 * Comparing decisions side by side and ranking precedents. Reads that span every decision take only
 * the JSON parts they need, from covering indexes, so they stay cheap when decisions carry hundreds
 * of claim snapshots.
 */
import { CairnError } from '../../../shared/api/define.js';
import { compareDecisions, type Comparison } from '../../../shared/compare.js';
import type { Status } from '../../../shared/domain.js';
import { rankPrecedents, type Precedent, type PrecedentInput } from '../../../shared/precedents.js';
import type { CoreContext } from '../context.js';
import { createDecisionResolver } from '../decisions/resolve.js';
import type { DecisionStore } from '../decisions/store.js';
import { WIDE_QUERIES } from '../store/wide-queries.js';

interface CandidateRow {
  id: string;
  revision: number;
  number: number | null;
  title: string;
  status: Status;
  date: string;
  pack: string | null;
  options: string | null;
  drivers: string | null;
  chosen: string | null;
  rationale: string | null;
}

export function createCompareQueries(ctx: CoreContext, store: DecisionStore) {
  const { db } = ctx;
  const resolve = createDecisionResolver(ctx);
  const stmt = {
    candidates: db.prepare<[], CandidateRow>(WIDE_QUERIES.candidates),
    candidate: db.prepare<[string], CandidateRow>(WIDE_QUERIES.candidate),
    heads: db.prepare<[], { id: string; revision: number }>(
      'SELECT id, revision FROM decisions WHERE trashed_at IS NULL',
    ),
  };

  function compare(refs: string[]): Comparison {
    const ids = refs.map(resolve);
    const twice = ids.find((id, i) => ids.indexOf(id) !== i);
    if (twice)
      throw new CairnError(
        'invalid_input',
        `The same decision (${twice}) is named twice; compare different decisions.`,
      );
    return compareDecisions(ids.map((id) => store.get(id)));
  }

  /**
   * What precedent ranking reads of every decision, kept between calls and refreshed by revision:
   * the editor asks after every save, and only what changed since is read again. Another process
   * writing the same file (the CLI beside the app) bumps revisions too, so nothing goes stale.
   */
  let projections = new Map<string, { revision: number; input: PrecedentInput }>();
  const project = (r: CandidateRow): { revision: number; input: PrecedentInput } => ({
    revision: r.revision,
    input: {
      id: r.id,
      number: r.number,
      title: r.title,
      status: r.status,
      date: r.date,
      pack: r.pack,
      options: r.options ? (JSON.parse(r.options) as PrecedentInput['options']) : [],
      drivers: r.drivers ? (JSON.parse(r.drivers) as PrecedentInput['drivers']) : [],
      chosenOption: r.chosen,
      rationale: r.rationale ?? '',
    },
  });

  function currentProjections(): PrecedentInput[] {
    const heads = stmt.heads.all();
    const stale = heads.filter((h) => projections.get(h.id)?.revision !== h.revision);
    if (stale.length > heads.length / 4) {
      projections = new Map(stmt.candidates.all().map((r) => [r.id, project(r)]));
    } else {
      for (const h of stale) {
        const row = stmt.candidate.get(h.id);
        if (row) projections.set(h.id, project(row));
      }
      if (projections.size > heads.length) {
        const live = new Set(heads.map((h) => h.id));
        for (const id of projections.keys()) if (!live.has(id)) projections.delete(id);
      }
    }
    return [...projections.values()].map((p) => p.input);
  }

  function precedents(id: string, limit: number): Precedent[] {
    const target = store.get(id);
    const input: PrecedentInput = {
      id: target.id,
      number: target.number,
      title: target.title,
      status: target.status,
      date: target.date,
      pack: target.evaluation.pack,
      options: target.options,
      drivers: target.drivers,
      chosenOption: target.chosenOption,
      rationale: target.rationale,
    };
    return rankPrecedents(input, currentProjections(), limit);
  }

  return { compare, precedents };
}

export type CompareQueries = ReturnType<typeof createCompareQueries>;
