/**
 * Knowledge packs in the store. Shipped packs are installed on first start and replaced when
 * the shipped file changes; what the user added (sources, claims) or did (hide, flag) lives in
 * separate tables and is never touched by an upgrade.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CairnError } from '../../../shared/api/define.js';
import type { ClaimView, PackSummary, PackView, SourceView } from '../../../shared/api/knowledge.js';
import { checkPackReferences, describePackIssues, Pack, PackClaim, PackSource, type PackProblem } from '../../../shared/pack.js';
import type { CoreContext } from '../context.js';
import { sha256 } from '../hash.js';
import { createSearchIndex } from '../search/search-index.js';

interface PackRow {
  id: string;
  version: number;
  shipped: number;
  content: string;
}
interface MarkRow {
  claim: string;
  hidden: number;
  flagged: number;
  note: string;
}


/** Parses and checks a pack; throws invalid_input naming every field and claim at fault. */
export function parsePack(raw: unknown): Pack {
  const parsed = Pack.safeParse(raw);
  let problems: PackProblem[];
  if (!parsed.success) problems = describePackIssues(raw, parsed.error.issues);
  else problems = checkPackReferences(parsed.data);
  if (problems.length) {
    const list = problems.slice(0, 20).map((p) => `${p.where}: ${p.message}`);
    if (problems.length > 20) list.push(`… and ${problems.length - 20} more`);
    throw new CairnError('invalid_input', `The pack is not valid (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was changed:\n  ${list.join('\n  ')}`, { problems });
  }
  return parsed.data!;
}

export function createPackStore(ctx: CoreContext) {
  const { db, platform } = ctx;
  const cache = new Map<string, { content: string; pack: Pack }>();
  const searchIndex = createSearchIndex(db);

  const rowOf = (id: string) => db.prepare<[string], PackRow>('SELECT id, version, shipped, content FROM packs WHERE id = ?').get(id);

  function base(id: string): { row: PackRow; pack: Pack } {
    const row = rowOf(id);
    if (!row) throw new CairnError('not_found', `No knowledge pack "${id}". Run \`cairn knowledge list\` to see the packs.`);
    const hit = cache.get(id);
    if (hit && hit.content === row.content) return { row, pack: hit.pack };
    const pack = Pack.parse(JSON.parse(row.content));
    cache.set(id, { content: row.content, pack });
    return { row, pack };
  }

  function ownSources(id: string): PackSource[] {
    return db
      .prepare<[string], { content: string }>('SELECT content FROM pack_user_sources WHERE pack = ? ORDER BY created_at, id')
      .all(id)
      .map((r) => PackSource.parse(JSON.parse(r.content)));
  }
  function ownClaims(id: string): PackClaim[] {
    return db
      .prepare<[string], { content: string }>('SELECT content FROM pack_user_claims WHERE pack = ? ORDER BY created_at, id')
      .all(id)
      .map((r) => PackClaim.parse(JSON.parse(r.content)));
  }

  /** The pack as the user sees it: shipped content, their own additions, their marks. */
  function view(id: string): PackView {
    const { row, pack } = base(id);
    const marks = new Map(
      db.prepare<[string], MarkRow>('SELECT claim, hidden, flagged, note FROM claim_marks WHERE pack = ?').all(id).map((m) => [m.claim, m]),
    );
    const outdated = new Map(pack.outdated.map((o) => [o.claim, o.note]));
    const against = new Map<string, { claim: string; note: string }[]>();
    for (const c of pack.contradictions) {
      for (const a of c.claims) {
        for (const b of c.claims) if (a !== b) against.set(a, [...(against.get(a) ?? []), { claim: b, note: c.note }]);
      }
    }
    const toView = (claim: PackClaim, own: boolean): ClaimView => {
      const mark = marks.get(claim.id);
      return {
        ...claim,
        own,
        hidden: !!mark?.hidden,
        flagged: !!mark?.flagged,
        flagNote: mark?.note ?? '',
        outdated: outdated.get(claim.id) ?? null,
        contradictions: against.get(claim.id) ?? [],
      };
    };
    const sources: SourceView[] = [...pack.sources.map((s) => ({ ...s, own: false })), ...ownSources(id).map((s) => ({ ...s, own: true }))];
    return {
      id: pack.id,
      version: pack.version,
      title: pack.title,
      question: pack.question,
      shipped: row.shipped === 1,
      options: pack.options,
      criteria: pack.criteria,
      sources,
      claims: [...pack.claims.map((c) => toView(c, false)), ...ownClaims(id).map((c) => toView(c, true))],
      contradictions: pack.contradictions,
      outdated: pack.outdated,
    };
  }

  function summary(id: string): PackSummary {
    const v = view(id);
    return {
      id: v.id,
      title: v.title,
      question: v.question,
      version: v.version,
      shipped: v.shipped,
      options: v.options.length,
      criteria: v.criteria.length,
      sources: v.sources.length,
      claims: v.claims.length,
    };
  }

  function list(): PackSummary[] {
    return db
      .prepare<[], { id: string }>('SELECT id FROM packs ORDER BY shipped DESC, id')
      .all()
      .map((r) => summary(r.id));
  }

  /** Rebuilds the search index rows of one pack (its claims and sources, own ones included). */
  function reindex(id: string): void {
    searchIndex.removePack(id);
    const v = view(id);
    const criteria = new Map(v.criteria.map((c) => [c.id, c.name]));
    const options = new Map(v.options.map((o) => [o.id, o.name]));
    const sources = new Map(v.sources.map((s) => [s.id, s]));
    for (const c of v.claims) {
      const s = sources.get(c.source);
      searchIndex.put('claim', id, c.id, `${options.get(c.option) ?? c.option}: ${criteria.get(c.criterion) ?? c.criterion}`, [c.summary, c.condition, c.section, c.anchor, s?.title, s?.publisher].filter(Boolean).join('\n'));
    }
    for (const s of v.sources) searchIndex.put('source', id, s.id, s.title, [s.publisher, s.author, s.kind, s.file, s.date].filter(Boolean).join('\n'));
  }

  const install = db.transaction((pack: Pack, text: string, shipped: boolean) => {
    const now = platform.now().toISOString();
    db.prepare(
      `INSERT INTO packs (id, version, shipped, content, content_sha, installed_at, updated_at) VALUES (@id, @version, @shipped, @content, @sha, @now, @now)
       ON CONFLICT (id) DO UPDATE SET version = @version, shipped = @shipped, content = @content, content_sha = @sha, updated_at = @now`,
    ).run({ id: pack.id, version: pack.version, shipped: shipped ? 1 : 0, content: text, sha: sha256(text), now });
    reindex(pack.id);
  });

  /**
   * Installs or upgrades the packs shipped in `dir`. A pack the user imported under the same id
   * is left alone; a shipped file that does not parse is reported, never half-installed.
   */
  function installShipped(dir: string): { installed: string[]; problems: string[] } {
    const installed: string[] = [];
    const problems: string[] = [];
    let files: string[];
    try {
      files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    } catch {
      return { installed, problems };
    }
    for (const file of files) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const current = db.prepare<[], { id: string; shipped: number; content_sha: string }>('SELECT id, shipped, content_sha FROM packs').all();
      if (current.some((r) => r.content_sha === sha256(text))) continue;
      try {
        const pack = parsePack(JSON.parse(text));
        const existing = current.find((r) => r.id === pack.id);
        if (existing && existing.shipped === 0) continue;
        const stored = JSON.stringify(pack);
        install(pack, stored, true);
        db.prepare('UPDATE packs SET content_sha = ? WHERE id = ?').run(sha256(text), pack.id);
        installed.push(pack.id);
      } catch (e) {
        problems.push(`${file}: ${(e as Error).message}`);
      }
    }
    return { installed, problems };
  }

  function importPack(raw: unknown): PackSummary {
    const pack = parsePack(raw);
    const existing = rowOf(pack.id);
    if (existing?.shipped === 1) {
      throw new CairnError('conflict', `"${pack.id}" is a pack shipped with Cairn; give your pack another id (the "id" field) to import it beside it.`);
    }
    install(pack, JSON.stringify(pack), false);
    return summary(pack.id);
  }

  /** The pack in the interchange format, with the user's own sources and claims folded in. */
  function exportPack(id: string): Pack {
    const { pack } = base(id);
    return { ...pack, sources: [...pack.sources, ...ownSources(id)], claims: [...pack.claims, ...ownClaims(id)] };
  }

  function uniqueId(prefix: string, taken: Set<string>): string {
    let n = taken.size + 1;
    while (taken.has(`${prefix}${n}`)) n++;
    return `${prefix}${n}`;
  }

  const addSource = db.transaction((packId: string, input: Omit<PackSource, 'id' | 'file'>): SourceView => {
    const v = view(packId);
    const source: PackSource = { ...input, id: uniqueId('own-source-', new Set(v.sources.map((s) => s.id))), file: null };
    db.prepare('INSERT INTO pack_user_sources (pack, id, content, created_at) VALUES (?, ?, ?, ?)').run(packId, source.id, JSON.stringify(source), platform.now().toISOString());
    reindex(packId);
    return { ...source, own: true };
  });

  const addClaim = db.transaction((packId: string, input: Omit<PackClaim, 'id'>): ClaimView => {
    const v = view(packId);
    const missing = [
      !v.sources.some((s) => s.id === input.source) && `source "${input.source}"`,
      !v.criteria.some((c) => c.id === input.criterion) && `criterion "${input.criterion}"`,
      !v.options.some((o) => o.id === input.option) && `option "${input.option}"`,
    ].filter(Boolean);
    if (missing.length) throw new CairnError('invalid_input', `Pack "${packId}" has no ${missing.join(', ')}; pick one the pack has.`);
    const claim = PackClaim.parse({ ...input, id: uniqueId('own-claim-', new Set(v.claims.map((c) => c.id))) });
    db.prepare('INSERT INTO pack_user_claims (pack, id, content, created_at) VALUES (?, ?, ?, ?)').run(packId, claim.id, JSON.stringify(claim), platform.now().toISOString());
    reindex(packId);
    return view(packId).claims.find((c) => c.id === claim.id)!;
  });

  function markClaim(packId: string, claimId: string, change: { hidden?: boolean; flagged?: boolean; note?: string }): ClaimView {
    const claim = view(packId).claims.find((c) => c.id === claimId);
    if (!claim) throw new CairnError('not_found', `Pack "${packId}" has no claim "${claimId}".`);
    db.prepare(
      `INSERT INTO claim_marks (pack, claim, hidden, flagged, note, updated_at) VALUES (@pack, @claim, @hidden, @flagged, @note, @now)
       ON CONFLICT (pack, claim) DO UPDATE SET hidden = @hidden, flagged = @flagged, note = @note, updated_at = @now`,
    ).run({
      pack: packId,
      claim: claimId,
      hidden: (change.hidden ?? claim.hidden) ? 1 : 0,
      flagged: (change.flagged ?? claim.flagged) ? 1 : 0,
      note: change.note ?? claim.flagNote,
      now: platform.now().toISOString(),
    });
    return view(packId).claims.find((c) => c.id === claimId)!;
  }

  return { view, list, summary, installShipped, importPack, exportPack, addSource, addClaim, markClaim, base };
}

export type PackStore = ReturnType<typeof createPackStore>;
