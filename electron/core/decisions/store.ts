/**
 * The decision store. Every save appends a revision; an update names the revision it was
 * based on and is refused if another save came first, so nothing is overwritten silently.
 */
import { summarizeChanges } from '../../../shared/revision-summary.js';
import {
  Decision,
  DecisionContent,
  type Origin,
  type WithOrigin,
  type DecisionSummary,
  type RevisionSummary,
  type Status,
} from '../../../shared/domain.js';
import { CairnError } from '../../../shared/api/define.js';
import type { ListQuery } from '../../../shared/api/decisions.js';
import type { Facet } from '../../../shared/api/insights.js';
import type { Statement } from 'better-sqlite3';
import type { z } from 'zod';
import type { CoreContext } from '../context.js';
import { toFtsQuery } from '../search/fts.js';
import { createSearchIndex } from '../search/search-index.js';
import { reviewDay, reviewFilter } from '../review/review.js';
import { contentOf } from '../../../shared/decision-content.js';
import { checkBaseRevision } from '../concurrency.js';
import { createOriginStore } from '../origins.js';
import { statementCache } from '../store/statement-cache.js';
import { SUMMARY_ROW, summaryReader } from './summaries.js';

type ParsedListQuery = z.output<typeof import('../../../shared/api/decisions.js').ListQuery>;

/** The list's filters as SQL (see `listFilters`). */
export interface ListFilters {
  /** The FROM clause: `decisions d`, joined to the search hits (`f`, with `rank`) when there is text. */
  from: string;
  /** The conditions that are not facets (trash, number, dates); always at least one. */
  where: string[];
  /** Each facet's condition, for the facets the query sets. */
  facets: Partial<Record<Facet, string>>;
  params: Record<string, unknown>;
  /** The search text has no word to look for: nothing matches. */
  nothing: boolean;
  /** Rows carry the search rank `f.rank`. */
  ranked: boolean;
}

interface Row {
  id: string;
  number: number | null;
  revision: number;
  content: string;
  created_at: string;
  updated_at: string;
  trashed_at: string | null;
}

interface HeadRow {
  id: string;
  number: number | null;
  revision: number;
  title: string;
  date: string;
  created_at: string;
  trashed_at: string | null;
  relations: string | null;
  repo_folder: string | null;
  repo_path: string | null;
  keeps_name: number;
}

/** A decision's identity, order and relations: enough to plan an export without reading it whole. */
export interface DecisionHead {
  id: string;
  number: number | null;
  revision: number;
  title: string;
  date: string;
  createdAt: string;
  trashedAt: string | null;
  relations: Decision['relations'];
  /**
   * The ADR folder of the decision's repository and its file's path there, null for a decision in
   * none; `keepsName` when the file was imported (its name is kept wherever it is exported).
   */
  repository: { folder: string; path: string; keepsName: boolean } | null;
}

function headOf(r: HeadRow): DecisionHead {
  return {
    id: r.id,
    number: r.number,
    revision: r.revision,
    title: r.title,
    date: r.date,
    createdAt: r.created_at,
    trashedAt: r.trashed_at,
    relations: r.relations ? (JSON.parse(r.relations) as Decision['relations']) : [],
    repository:
      r.repo_folder !== null && r.repo_path !== null
        ? { folder: r.repo_folder, path: r.repo_path, keepsName: r.keeps_name === 1 }
        : null,
  };
}

/** The head of a whole decision (for one read with `get`). */
export function headOfDecision(d: Decision, repository: DecisionHead['repository'] = null): DecisionHead {
  return {
    id: d.id,
    number: d.number,
    revision: d.revision,
    title: d.title,
    date: d.date,
    createdAt: d.createdAt,
    trashedAt: d.trashedAt,
    relations: d.relations,
    repository,
  };
}

/** The list's order by number: numbered decisions first, then drafts by creation. Index decisions_listed (migration 0008) holds it. */
export const BY_NUMBER = 'd.number IS NULL, d.number, d.created_at';

export type SaveReason =
  'create' | 'update' | 'trash' | 'restore' | 'import' | 'export' | 'number' | 'relation' | 'revert' | 'review';

function rowToDecision(row: Row): Decision {
  const content = JSON.parse(row.content) as DecisionContent;
  return {
    ...content,
    // Content saved before review dates existed (schema < 12) has none of these fields.
    reviewBy: content.reviewBy ?? null,
    reviewTriggers: content.reviewTriggers ?? [],
    reviews: content.reviews ?? [],
    links: content.links ?? [],
    id: row.id,
    number: row.number,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    trashedAt: row.trashed_at,
  };
}

/** The text the full-text index holds for a decision: everything a person might search for. */
export function searchableText(c: DecisionContent): string {
  const parts: string[] = [c.context, c.rationale, c.confirmation, c.moreInformation, c.statusText];
  parts.push(...c.tags, ...c.decisionMakers, ...c.consulted, ...c.informed);
  for (const d of c.drivers) parts.push(d.name, d.description);
  for (const o of c.options) parts.push(o.name, o.description);
  for (const q of c.consequences) parts.push(q.text);
  for (const cl of c.evaluation.claims) if (cl.verdict === 'accepted') parts.push(cl.summary);
  return parts.filter(Boolean).join('\n');
}

function chosenName(c: DecisionContent): string | null {
  return c.options.find((o) => o.id === c.chosenOption)?.name ?? null;
}

export interface StoreOptions {
  /**
   * 'join': saves run inside the caller's transaction, which must be open, with no savepoint of
   * their own. A savepoint makes SQLite copy every page a save touches so that save alone can be
   * undone; a bulk import that lands whole or not at all does not need that, and pays dearly for it.
   */
  transactions?: 'own' | 'join';
  /**
   * 'deferred': saves leave the full-text index alone and `flushIndex` writes every saved
   * decision's entry at once, in the caller's transaction (which must call it before it commits).
   * A bulk import pays for FTS5 writes between its row inserts: they make each insert into
   * decision_content about three times dearer (measured on 10,000 files).
   */
  searchIndex?: 'each' | 'deferred';
}

export function createDecisionStore(ctx: CoreContext, options: StoreOptions = {}) {
  const { db, platform } = ctx;
  const atomic = <A extends unknown[], R>(fn: (...args: A) => R): ((...args: A) => R) => {
    if (options.transactions !== 'join') return db.transaction(fn);
    return (...args: A) => {
      if (!db.inTransaction) throw new Error('This decision store joins its caller’s transaction, and none is open.');
      return fn(...args);
    };
  };
  const searchIndex = createSearchIndex(db);
  const origins = createOriginStore(db);
  const stmt = {
    get: db.prepare<[string], Row>(
      'SELECT d.id, d.number, d.revision, c.content, d.created_at, d.updated_at, d.trashed_at FROM decisions d JOIN decision_content c ON c.id = d.id WHERE d.id = ?',
    ),
    many: db.prepare<[string], Row>(
      'SELECT d.id, d.number, d.revision, c.content, d.created_at, d.updated_at, d.trashed_at FROM decisions d JOIN decision_content c ON c.id = d.id WHERE d.id IN (SELECT value FROM json_each(?))',
    ),
    heads: db.prepare<[], HeadRow>(
      `SELECT d.id, d.number, d.revision, d.title, d.date, d.created_at, d.trashed_at, json_extract(c.content, '$.relations') AS relations,
         p.folder AS repo_folder, d.repo_path, d.keeps_name
       FROM decisions d JOIN decision_content c INDEXED BY decision_content_links ON c.id = d.id LEFT JOIN repositories p ON p.id = d.repository
       WHERE d.trashed_at IS NULL`,
    ),
    // Plain INSERT and UPDATE, not an upsert: with foreign keys on, SQLite gives an upsert a statement
    // journal, copying every page it touches (measured: three times the cost in a bulk import).
    insertContent: db.prepare('INSERT INTO decision_content (id, content) VALUES (@id, @content)'),
    updateContent: db.prepare('UPDATE decision_content SET content = @content WHERE id = @id'),
    insert: db.prepare(
      `INSERT INTO decisions (id, number, title, status, date, date_source, pack, chosen_option, tags, decision_makers, review_by, revision, created_at, updated_at, trashed_at)
       VALUES (@id, @number, @title, @status, @date, @dateSource, @pack, @chosen, @tags, @makers, @reviewBy, @revision, @now, @now, NULL)`,
    ),
    update: db.prepare(
      `UPDATE decisions SET number = @number, title = @title, status = @status, date = @date, date_source = @dateSource, pack = @pack, chosen_option = @chosen,
         tags = @tags, decision_makers = @makers, review_by = @reviewBy, revision = @revision, updated_at = @now, trashed_at = @trashed
       WHERE id = @id`,
    ),
    revision: db.prepare(
      'INSERT INTO revisions (decision_id, revision, saved_at, reason, number, content) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    renumber: db.prepare<[number, string, string], { revision: number }>(
      'UPDATE decisions SET number = ?, revision = revision + 1, updated_at = ? WHERE id = ? RETURNING revision',
    ),
    copyRevision: db.prepare<[string, string]>(
      `INSERT INTO revisions (decision_id, revision, saved_at, reason, number, content)
       SELECT d.id, d.revision, ?, 'number', d.number, c.content FROM decisions d JOIN decision_content c ON c.id = d.id WHERE d.id = ?`,
    ),
    maxNumber: db.prepare<[], { n: number | null }>('SELECT MAX(number) AS n FROM decisions'),
  };

  function columns(
    id: string,
    c: DecisionContent,
    number: number | null,
    revision: number,
    now: string,
    trashed: string | null,
  ) {
    return {
      id,
      number,
      title: c.title,
      status: c.status,
      date: c.date,
      dateSource: c.dateSource ?? 'written',
      pack: c.evaluation.pack,
      chosen: chosenName(c),
      tags: JSON.stringify(c.tags),
      makers: JSON.stringify(c.decisionMakers),
      // Content saved before review dates existed has none.
      reviewBy: c.reviewBy ?? null,
      revision,
      content: JSON.stringify(c),
      now,
      trashed,
    };
  }

  /** Entries not yet written, by decision id (a later save of the same decision replaces its entry). */
  const pendingIndex = new Map<string, { title: string; body: string }>();
  function index(id: string, c: DecisionContent) {
    if (options.searchIndex === 'deferred') pendingIndex.set(id, { title: c.title, body: searchableText(c) });
    else searchIndex.put('decision', '', id, c.title, searchableText(c));
  }

  /** Writes the index entries deferred saves left (see `StoreOptions.searchIndex`). */
  function flushIndex(): void {
    for (const [id, e] of pendingIndex) searchIndex.put('decision', '', id, e.title, e.body);
    pendingIndex.clear();
  }

  function get(id: string): Decision {
    const row = stmt.get.get(id);
    if (!row) throw new CairnError('not_found', `No decision with id "${id}". Run \`cairn list\` to see the ids.`);
    return rowToDecision(row);
  }

  /** Several decisions whole, by id, in one query; ids with no decision are left out. */
  function getMany(ids: readonly string[]): Map<string, Decision> {
    const out = new Map<string, Decision>();
    if (ids.length) for (const row of stmt.many.all(JSON.stringify(ids))) out.set(row.id, rowToDecision(row));
    return out;
  }

  /** The file a decision was imported from, or null: the core's one way to read those bytes. */
  function readOrigin(id: string): Origin | null {
    return origins.read(id);
  }

  /** A decision with its imported file beside it, for the exporter, the importer and the lifecycle. */
  function withOrigin<T extends { id: string }>(d: T): WithOrigin<T> {
    return { ...d, origin: origins.read(d.id) };
  }

  /** Several decisions whole with their imported files, in two queries; ids with no decision are left out. */
  function getManyWithOrigin(ids: readonly string[]): Map<string, WithOrigin<Decision>> {
    const found = origins.readMany(ids);
    return new Map([...getMany(ids)].map(([id, d]) => [id, { ...d, origin: found.get(id) ?? null }]));
  }

  /** What the exporter needs of every decision not in the trash, in one query; `get` reads one whole. */
  function heads(): DecisionHead[] {
    return stmt.heads.all().map(headOf);
  }

  function nextNumber(): number {
    return (stmt.maxNumber.get()?.n ?? 0) + 1;
  }

  /** A draft gets its ADR number when it is accepted (or exported, see `assignNumber`). */
  function numberFor(current: number | null, status: Status): number | null {
    if (current !== null) return current;
    return status === 'accepted' ? nextNumber() : null;
  }

  /**
   * Content that passed `validate` is stored as it is; anything else is validated here. The
   * importer validates each file's content to skip a bad file gracefully, and once is enough.
   */
  const validated = new WeakSet<object>();
  function validate(input: unknown): ReturnType<typeof DecisionContent.safeParse> {
    const result = DecisionContent.safeParse(input);
    if (result.success) validated.add(result.data);
    return result;
  }
  const checked = (input: DecisionContent): DecisionContent =>
    validated.has(input) ? input : DecisionContent.parse(input);

  /**
   * `origin`: the file an imported decision was read from (the importer's); null for one made in Cairn.
   * `chosenId` is for callers that chose the id before (the importer links new files to each other first).
   */
  const create = atomic(
    (
      input: DecisionContent,
      reason: SaveReason = 'create',
      number: number | null = null,
      origin: Origin | null = null,
      chosenId?: string,
    ): Decision => {
      const content = checked(input);
      const id = chosenId ?? platform.newId();
      const now = platform.now().toISOString();
      const n = number ?? numberFor(null, content.status);
      const cols = columns(id, content, n, 1, now, null);
      stmt.insert.run(cols);
      stmt.insertContent.run(cols);
      stmt.revision.run(id, 1, now, reason, n, cols.content);
      origins.put(id, origin, true);
      index(id, content);
      return { ...content, id, number: n, revision: 1, createdAt: now, updatedAt: now, trashedAt: null };
    },
  );

  /**
   * Writes a new revision of an existing decision; the caller has checked the base revision.
   * `opts.origin` replaces the imported file behind it (null removes it); left out, it stays as it is,
   * which is what every save from a screen does: the file never travels with the content.
   */
  const write = atomic(
    (
      id: string,
      input: DecisionContent,
      reason: SaveReason,
      opts: { number?: number | null; trashed?: string | null; origin?: Origin | null } = {},
    ) => {
      const before = get(id);
      const content = checked(input);
      const now = platform.now().toISOString();
      const revision = before.revision + 1;
      const number = opts.number !== undefined ? opts.number : numberFor(before.number, content.status);
      const trashed = opts.trashed !== undefined ? opts.trashed : before.trashedAt;
      const cols = columns(id, content, number, revision, now, trashed);
      stmt.update.run(cols);
      stmt.updateContent.run(cols);
      stmt.revision.run(id, revision, now, reason, number, cols.content);
      if (opts.origin !== undefined) origins.put(id, opts.origin, false);
      index(id, content);
      return { ...content, id, number, revision, createdAt: before.createdAt, updatedAt: now, trashedAt: trashed };
    },
  );

  const update = atomic((id: string, baseRevision: number, content: DecisionContent, reason: SaveReason = 'update') => {
    checkBaseRevision(get(id), baseRevision, 'Reload it to see the newer version; your text is still in the editor.');
    return write(id, content, reason);
  });

  function trash(id: string): Decision {
    const d = get(id);
    if (d.trashedAt) return d;
    return write(id, contentOf(d), 'trash', { trashed: platform.now().toISOString() });
  }

  function restore(id: string): Decision {
    const d = get(id);
    if (!d.trashedAt) return d;
    return write(id, contentOf(d), 'restore', { trashed: null });
  }

  /**
   * Gives a decision the number an export chose: a new revision whose content is the stored
   * content as it is, so nothing is parsed, validated or indexed again. It joins the caller's
   * transaction when one is open (the exporter numbers thousands of drafts in one).
   */
  function assignNumber(id: string, number: number): { revision: number } {
    const run = () => {
      const now = platform.now().toISOString();
      const row = stmt.renumber.get(number, now, id);
      if (!row) throw new CairnError('not_found', `No decision with id "${id}". Run \`cairn list\` to see the ids.`);
      stmt.copyRevision.run(now, id);
      return { revision: row.revision };
    };
    return db.inTransaction ? run() : db.transaction(run)();
  }

  // The list's statements, prepared once per distinct query shape (filters and order make a handful).
  const prepared = statementCache(db);
  const summaries = summaryReader();

  /**
   * The list's filters as SQL over `decisions d` (joined to the search hits when there is text):
   * `where` holds the ones that are not facets, `facets` each facet's own, so the facet counts can
   * leave one out. `nothing` when the search text has no word to look for.
   */
  function listFilters(q: Omit<ParsedListQuery, 'sort' | 'limit' | 'offset'>): ListFilters {
    const where: string[] = [q.trashed ? 'd.trashed_at IS NOT NULL' : 'd.trashed_at IS NULL'];
    const facets: Partial<Record<Facet, string>> = {};
    const params: Record<string, unknown> = {};
    const filter = (value: unknown, sql: string, key: string, facet?: Facet) => {
      if (value === undefined) return;
      if (facet) facets[facet] = sql;
      else where.push(sql);
      params[key] = value;
    };
    filter(q.status, 'd.status = @status', 'status', 'status');
    filter(q.number, 'd.number = @number', 'number');
    filter(q.pack, 'd.pack = @pack', 'pack', 'pack');
    filter(q.chosenOption, 'd.chosen_option = @chosen COLLATE NOCASE', 'chosen', 'chosenOption');
    filter(q.from, 'd.date >= @from', 'from');
    filter(q.to, 'd.date <= @to', 'to');
    filter(q.tag, 'EXISTS (SELECT 1 FROM json_each(d.tags) WHERE value = @tag)', 'tag', 'tag');
    filter(
      q.repository,
      'd.repository = (SELECT id FROM repositories WHERE name = @repository)',
      'repository',
      'repository',
    );
    filter(
      q.decisionMaker,
      'EXISTS (SELECT 1 FROM json_each(d.decision_makers) WHERE value = @maker COLLATE NOCASE)',
      'maker',
      'decisionMaker',
    );
    if (q.dated !== undefined)
      facets.dated =
        q.dated === 'none'
          ? "d.date = ''"
          : q.dated === 'git'
            ? "d.date <> '' AND d.date_source = 'git'"
            : "d.date <> '' AND d.date_source <> 'git'";
    if (q.review !== undefined) {
      const { sql, params: p } = reviewFilter(q.review, reviewDay(platform));
      facets.review = sql;
      Object.assign(params, p);
    }
    const fts = q.text ? toFtsQuery(q.text) : null;
    let from = 'decisions d';
    if (fts) {
      from = `decisions d JOIN (
        SELECT s.ref AS id, bm25(search_fts, 5, 1) AS rank FROM search_fts JOIN search_docs s ON s.id = search_fts.rowid
        WHERE search_fts MATCH @fts AND s.kind = 'decision'
      ) f ON f.id = d.id`;
      params.fts = fts;
    }
    return { from, where, facets, params, nothing: !!q.text && !fts, ranked: !!fts };
  }

  function list(q: ParsedListQuery): { items: DecisionSummary[]; total: number } {
    const filters = listFilters(q);
    if (filters.nothing) return { items: [], total: 0 };
    const { from, params } = filters;
    const where = [...filters.where, ...Object.values(filters.facets)];
    const fts = filters.ranked;
    let order: string;
    switch (q.sort) {
      case 'number':
        order = BY_NUMBER;
        break;
      case 'date':
        // "No date" ('') sorts last, after the oldest date.
        order = "d.date = '', d.date DESC, d.number DESC";
        break;
      case 'title':
        order = 'd.title COLLATE NOCASE';
        break;
      case 'status':
        order = 'd.status, d.number';
        break;
      case 'review':
        // Soonest review first; decisions without a review date last.
        order = `d.review_by IS NULL, d.review_by, ${BY_NUMBER}`;
        break;
      default:
        order = fts ? 'f.rank' : 'd.updated_at DESC';
    }
    const sqlWhere = where.join(' AND ');
    const rows = (
      prepared(
        `SELECT ${SUMMARY_ROW} FROM ${from} WHERE ${sqlWhere} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
      ) as Statement<[Record<string, unknown>], string>
    )
      .pluck(true)
      .all({ ...params, limit: q.limit, offset: q.offset });
    // A page that is not full tells the total itself; only a full one needs counting.
    const total =
      rows.length < q.limit && (rows.length > 0 || q.offset === 0)
        ? q.offset + rows.length
        : (prepared(`SELECT COUNT(*) AS n FROM ${from} WHERE ${sqlWhere}`).get(params) as { n: number }).n;
    return { total, items: summaries(rows) };
  }

  function revisions(id: string): RevisionSummary[] {
    get(id);
    const rows = db
      .prepare<[string], { revision: number; saved_at: string; reason: string; content: string }>(
        'SELECT revision, saved_at, reason, content FROM revisions WHERE decision_id = ? ORDER BY revision DESC',
      )
      .all(id);
    const contents = rows.map((r) => JSON.parse(r.content) as DecisionContent);
    // Rows are newest first: each revision is compared with the one saved before it (the next row).
    return rows.map((r, i) => {
      const c = contents[i]!;
      const before = contents[i + 1];
      return {
        revision: r.revision,
        savedAt: r.saved_at,
        title: c.title,
        status: c.status,
        reason: r.reason,
        changes: before ? summarizeChanges(before, c) : '',
      };
    });
  }

  function revision(id: string, rev: number): Decision {
    const current = get(id);
    const row = db
      .prepare<[string, number], { saved_at: string; number: number | null; content: string }>(
        'SELECT saved_at, number, content FROM revisions WHERE decision_id = ? AND revision = ?',
      )
      .get(id, rev);
    if (!row)
      throw new CairnError(
        'not_found',
        `Decision "${current.title}" has no revision ${rev} (latest is ${current.revision}).`,
      );
    return rowToDecision({
      id,
      number: row.number,
      revision: rev,
      content: row.content,
      created_at: current.createdAt,
      updated_at: row.saved_at,
      trashed_at: null,
    });
  }

  return {
    get,
    getMany,
    getManyWithOrigin,
    readOrigin,
    withOrigin,
    heads,
    validate,
    create,
    update,
    write,
    trash,
    restore,
    assignNumber,
    nextNumber,
    list,
    listFilters,
    revisions,
    revision,
    contentOf,
    flushIndex,
  };
}

export type DecisionStore = ReturnType<typeof createDecisionStore>;
export type { ListQuery };
