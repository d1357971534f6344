/**
 * Knowledge packs in the store. Shipped packs are installed on first start and replaced when
 * the shipped file changes; what the user added (sources, claims) or did (hide, flag) lives in
 * separate tables and is never touched by an upgrade.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CairnError } from '../../../shared/api/define.js';
import type { ClaimView, PackSummary, PackView, SourceView } from '../../../shared/api/knowledge.js';
import type { SourceFields } from '../../../shared/api/sources.js';
import {
  checkPackReferences,
  describePackIssues,
  Pack,
  PackClaim,
  PackSource,
  PACK_FORMAT,
  type PackProblem,
} from '../../../shared/pack.js';
import { UNCHECKED } from '../../../shared/sources.js';
import { VERIFICATION_STATES, type VerificationState } from '../../../shared/vocabulary.js';
import { matchAnchor } from '../../../shared/verification.js';
import type { CoreContext } from '../context.js';
import { sha256 } from '../hash.js';
import { createSearchIndex } from '../search/search-index.js';
import type { ExtractedDocument } from '../sources/extract.js';
import { createSourceTexts, type CheckChange } from '../sources/texts.js';

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
    throw new CairnError(
      'invalid_input',
      `The pack is not valid (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was changed:\n  ${list.join('\n  ')}`,
      { problems },
    );
  }
  return parsed.data!;
}

export function createPackStore(ctx: CoreContext) {
  const { db, platform } = ctx;
  const cache = new Map<string, { content: string; pack: Pack }>();
  const searchIndex = createSearchIndex(db);
  const texts = createSourceTexts(ctx);

  const rowOf = (id: string) =>
    db.prepare<[string], PackRow>('SELECT id, version, shipped, content FROM packs WHERE id = ?').get(id);

  function base(id: string): { row: PackRow; pack: Pack } {
    const row = rowOf(id);
    if (!row)
      throw new CairnError('not_found', `No knowledge pack "${id}". Run \`cairn knowledge list\` to see the packs.`);
    const hit = cache.get(id);
    if (hit && hit.content === row.content) return { row, pack: hit.pack };
    const pack = Pack.parse(JSON.parse(row.content));
    cache.set(id, { content: row.content, pack });
    return { row, pack };
  }

  function ownSources(id: string): PackSource[] {
    return db
      .prepare<[string], { content: string }>(
        'SELECT content FROM pack_user_sources WHERE pack = ? ORDER BY created_at, id',
      )
      .all(id)
      .map((r) => PackSource.parse(JSON.parse(r.content)));
  }
  function ownClaims(id: string): PackClaim[] {
    return db
      .prepare<[string], { content: string }>(
        'SELECT content FROM pack_user_claims WHERE pack = ? ORDER BY created_at, id',
      )
      .all(id)
      .map((r) => PackClaim.parse(JSON.parse(r.content)));
  }

  const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

  /**
   * The pack's contradictions and outdated notes, then the user's own: an own one that the pack
   * now says itself (a re-imported export) or that names a claim the pack no longer has is left out.
   */
  function notes(id: string, pack: Pack, claimIds: Set<string>) {
    const contradictions = pack.contradictions.map((c) => ({ ...c, own: false }));
    const paired = new Set(
      pack.contradictions.flatMap((c) =>
        c.claims.flatMap((a) => c.claims.filter((b) => a < b).map((b) => pairKey(a, b))),
      ),
    );
    for (const r of db
      .prepare<[string], { claim_a: string; claim_b: string; note: string }>(
        'SELECT claim_a, claim_b, note FROM pack_user_contradictions WHERE pack = ? ORDER BY created_at, claim_a, claim_b',
      )
      .all(id)) {
      if (paired.has(pairKey(r.claim_a, r.claim_b)) || !claimIds.has(r.claim_a) || !claimIds.has(r.claim_b)) continue;
      contradictions.push({ claims: [r.claim_a, r.claim_b], note: r.note, own: true });
    }
    const outdated = pack.outdated.map((o) => ({ ...o, own: false }));
    const marked = new Set(pack.outdated.map((o) => o.claim));
    for (const r of db
      .prepare<[string], { claim: string; note: string }>(
        'SELECT claim, note FROM pack_user_outdated WHERE pack = ? ORDER BY created_at, claim',
      )
      .all(id)) {
      if (marked.has(r.claim) || !claimIds.has(r.claim)) continue;
      outdated.push({ claim: r.claim, note: r.note, own: true });
    }
    return { contradictions, outdated };
  }

  /** The pack as the user sees it: shipped content, their own additions, their marks. */
  function view(id: string): PackView {
    const { row, pack } = base(id);
    const marks = new Map(
      db
        .prepare<[string], MarkRow>('SELECT claim, hidden, flagged, note FROM claim_marks WHERE pack = ?')
        .all(id)
        .map((m) => [m.claim, m]),
    );
    const own = ownClaims(id);
    const noted = notes(id, pack, new Set([...pack.claims, ...own].map((c) => c.id)));
    const outdated = new Map(noted.outdated.map((o) => [o.claim, o]));
    const against = new Map<string, { claim: string; note: string; own: boolean }[]>();
    for (const c of noted.contradictions) {
      for (const a of c.claims) {
        for (const b of c.claims)
          if (a !== b) against.set(a, [...(against.get(a) ?? []), { claim: b, note: c.note, own: c.own }]);
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
        outdated: outdated.get(claim.id)?.note ?? null,
        outdatedOwn: outdated.get(claim.id)?.own ?? false,
        contradictions: against.get(claim.id) ?? [],
        verification: checks.get(claim.id) ?? UNCHECKED,
      };
    };
    const checks = texts.checksOf(id);
    const textInfo = texts.infoOf(id);
    const toSource = ({ document: _document, ...s }: PackSource, own: boolean): SourceView => ({
      ...s,
      own,
      text: textInfo.get(s.id) ?? null,
    });
    const sources: SourceView[] = [
      ...pack.sources.map((s) => toSource(s, false)),
      ...ownSources(id).map((s) => toSource(s, true)),
    ];
    return {
      id: pack.id,
      version: pack.version,
      title: pack.title,
      question: pack.question,
      shipped: row.shipped === 1,
      options: pack.options,
      criteria: pack.criteria,
      sources,
      claims: [...pack.claims.map((c) => toView(c, false)), ...own.map((c) => toView(c, true))],
      contradictions: noted.contradictions,
      outdated: noted.outdated,
    };
  }

  // Counted by SQLite from the stored JSON, without building the pack's view (claims, checks,
  // marks): the list of packs is asked for on every Library visit and the first screen.
  const SUMMARY = `SELECT p.id, p.version, p.shipped,
      json_extract(p.content, '$.title') AS title, json_extract(p.content, '$.question') AS question,
      json_array_length(p.content, '$.options') AS options, json_array_length(p.content, '$.criteria') AS criteria,
      json_array_length(p.content, '$.sources') + (SELECT COUNT(*) FROM pack_user_sources s WHERE s.pack = p.id) AS sources,
      json_array_length(p.content, '$.claims') + (SELECT COUNT(*) FROM pack_user_claims c WHERE c.pack = p.id) AS claims
    FROM packs p`;
  type SummaryRow = Omit<PackSummary, 'shipped'> & { shipped: number };
  const toSummary = (r: SummaryRow): PackSummary => ({ ...r, shipped: r.shipped === 1 });

  function summary(id: string): PackSummary {
    const row = db.prepare<[string], SummaryRow>(`${SUMMARY} WHERE p.id = ?`).get(id);
    if (!row)
      throw new CairnError('not_found', `No knowledge pack "${id}". Run \`cairn knowledge list\` to see the packs.`);
    return toSummary(row);
  }

  function list(): PackSummary[] {
    return db.prepare<[], SummaryRow>(`${SUMMARY} ORDER BY p.shipped DESC, p.id`).all().map(toSummary);
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
      searchIndex.put(
        'claim',
        id,
        c.id,
        `${options.get(c.option) ?? c.option}: ${criteria.get(c.criterion) ?? c.criterion}`,
        [c.summary, c.condition, c.section, c.anchor, s?.title, s?.publisher].filter(Boolean).join('\n'),
      );
    }
    for (const s of v.sources)
      searchIndex.put(
        'source',
        id,
        s.id,
        s.title,
        [s.publisher, s.author, s.kind, s.file, s.date].filter(Boolean).join('\n'),
      );
  }

  /** How many of a pack's claims are in each verification state. */
  function stateCounts(id: string): Record<VerificationState, number> {
    const counts = Object.fromEntries(VERIFICATION_STATES.map((s) => [s, 0])) as Record<VerificationState, number>;
    for (const c of view(id).claims) counts[c.verification.state]++;
    return counts;
  }

  /** Every claim of the pack (shipped or imported, and the user's own). */
  function allClaims(id: string): PackClaim[] {
    return [...base(id).pack.claims, ...ownClaims(id)];
  }

  /**
   * Stores the texts a pack file carries (each source's `document`) and verifies every claim.
   * The pack's row keeps the pack without them: texts live, versioned, in source_texts.
   */
  const install = db.transaction((full: Pack, _text: string, shipped: boolean) => {
    const carried = full.sources.filter((s) => s.document);
    const pack: Pack = { ...full, sources: full.sources.map(({ document: _d, ...s }) => s) };
    const text = JSON.stringify(pack);
    const now = platform.now().toISOString();
    db.prepare(
      `INSERT INTO packs (id, version, shipped, content, content_sha, installed_at, updated_at) VALUES (@id, @version, @shipped, @content, @sha, @now, @now)
       ON CONFLICT (id) DO UPDATE SET version = @version, shipped = @shipped, content = @content, content_sha = @sha, updated_at = @now`,
    ).run({ id: pack.id, version: pack.version, shipped: shipped ? 1 : 0, content: text, sha: sha256(text), now });
    for (const s of carried) texts.put(pack.id, s.id, { ...s.document!, file: s.file, bytes: 0 });
    texts.check(pack.id, allClaims(pack.id));
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
      files = fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort();
    } catch {
      return { installed, problems };
    }
    for (const file of files) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const current = db
        .prepare<[], { id: string; shipped: number; content_sha: string }>('SELECT id, shipped, content_sha FROM packs')
        .all();
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

  function importPack(raw: unknown): PackSummary & { states: Record<VerificationState, number> } {
    const pack = parsePack(raw);
    const existing = rowOf(pack.id);
    if (existing?.shipped === 1) {
      throw new CairnError(
        'conflict',
        `"${pack.id}" is a pack shipped with Cairn; give your pack another id (the "id" field) to import it beside it.`,
      );
    }
    db.transaction(() => {
      install(pack, JSON.stringify(pack), false);
      forgetOwnCarriedBy(pack);
    })();
    return { ...summary(pack.id), states: stateCounts(pack.id) };
  }

  /**
   * A pack file exported from this store carries the user's own sources and claims folded in:
   * once it is imported, the pack holds them, so the own copies go (else each would show twice).
   * Only an identical one goes; an own item that merely shares an id with the file's stays.
   */
  function forgetOwnCarriedBy(pack: Pack): void {
    const sourceKey = (x: PackSource) => JSON.stringify([x.id, x.title, x.author, x.publisher, x.date, x.url, x.kind]);
    const claimKey = (x: PackClaim) =>
      JSON.stringify([x.id, x.source, x.option, x.criterion, x.effect, x.anchor, x.summary, x.condition, x.importance]);
    const sources = new Set(pack.sources.map(sourceKey));
    const claims = new Set(pack.claims.map(claimKey));
    const dropSource = db.prepare('DELETE FROM pack_user_sources WHERE pack = ? AND id = ?');
    const dropClaim = db.prepare('DELETE FROM pack_user_claims WHERE pack = ? AND id = ?');
    for (const s of ownSources(pack.id)) if (sources.has(sourceKey(s))) dropSource.run(pack.id, s.id);
    for (const c of ownClaims(pack.id)) if (claims.has(claimKey(c))) dropClaim.run(pack.id, c.id);
  }

  /** The pack in the interchange format, with the user's own sources and claims folded in. */
  function exportPack(id: string): Pack {
    const { pack } = base(id);
    const withText = (s: PackSource): PackSource => {
      const stored = texts.latest(id, s.id);
      return stored
        ? {
            ...s,
            document: { format: stored.format, sha256: stored.sha256, text: stored.text, sections: stored.sections },
          }
        : s;
    };
    const claims = [...pack.claims, ...ownClaims(id)];
    const noted = notes(id, pack, new Set(claims.map((c) => c.id)));
    return {
      ...pack,
      sources: [...pack.sources, ...ownSources(id)].map(withText),
      claims,
      contradictions: noted.contradictions.map(({ claims, note }) => ({ claims, note })),
      outdated: noted.outdated.map(({ claim, note }) => ({ claim, note })),
    };
  }

  function uniqueId(prefix: string, taken: Set<string>): string {
    let n = taken.size + 1;
    while (taken.has(`${prefix}${n}`)) n++;
    return `${prefix}${n}`;
  }

  const addSource = db.transaction((packId: string, input: Omit<PackSource, 'id' | 'file'>): SourceView => {
    const v = view(packId);
    const source: PackSource = {
      ...input,
      id: uniqueId('own-source-', new Set(v.sources.map((s) => s.id))),
      file: null,
    };
    db.prepare('INSERT INTO pack_user_sources (pack, id, content, created_at) VALUES (?, ?, ?, ?)').run(
      packId,
      source.id,
      JSON.stringify(source),
      platform.now().toISOString(),
    );
    reindex(packId);
    return { ...source, own: true, text: null };
  });

  const addClaim = db.transaction((packId: string, given: Omit<PackClaim, 'id'>): ClaimView => {
    const v = view(packId);
    // Options and criteria are named by id or, as people type them, by name ("Transactions").
    const input = {
      ...given,
      criterion: idOrName(v.criteria, given.criterion),
      option: idOrName(v.options, given.option),
    };
    const missing = [
      !v.sources.some((s) => s.id === input.source) && `source "${input.source}"`,
      !v.criteria.some((c) => c.id === input.criterion) && `criterion "${input.criterion}"`,
      !v.options.some((o) => o.id === input.option) && `option "${input.option}"`,
    ].filter(Boolean);
    if (missing.length)
      throw new CairnError('invalid_input', `Pack "${packId}" has no ${missing.join(', ')}; pick one the pack has.`);
    const parsed = PackClaim.safeParse({ ...input, id: uniqueId('own-claim-', new Set(v.claims.map((c) => c.id))) });
    if (!parsed.success)
      throw new CairnError(
        'invalid_input',
        `The claim is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`,
      );
    const claim = parsed.data;
    // A claim made without a section takes the heading its quote sits under, when the text says it.
    if (!claim.section.trim()) {
      const stored = texts.latest(packId, claim.source);
      const m = matchAnchor(stored, claim.anchor, '');
      if (m.state === 'verified' && m.foundSection) claim.section = m.foundSection;
    }
    db.prepare('INSERT INTO pack_user_claims (pack, id, content, created_at) VALUES (?, ?, ?, ?)').run(
      packId,
      claim.id,
      JSON.stringify(claim),
      platform.now().toISOString(),
    );
    texts.check(packId, [claim]);
    reindex(packId);
    return view(packId).claims.find((c) => c.id === claim.id)!;
  });

  function markClaim(
    packId: string,
    claimId: string,
    change: { hidden?: boolean; flagged?: boolean; note?: string },
  ): ClaimView {
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

  /** A pack the user may add notes to: any but a shipped one. */
  function editable(packId: string): PackView {
    const v = view(packId);
    if (v.shipped)
      throw new CairnError(
        'forbidden',
        `"${packId}" is shipped with Cairn and read-only: its contradictions and outdated notes cannot be changed. Hide or flag its claims instead, or note them in a pack of your own.`,
      );
    return v;
  }

  function claimOf(v: PackView, claimId: string): ClaimView {
    const claim = v.claims.find((c) => c.id === claimId);
    if (!claim)
      throw new CairnError(
        'not_found',
        `Pack "${v.id}" has no claim "${claimId}"; see \`cairn knowledge show ${v.id} --json\` for its claims.`,
      );
    return claim;
  }

  const addContradiction = db.transaction((packId: string, pair: string[], note: string) => {
    const v = editable(packId);
    const [a, b] = [...pair].sort() as [string, string];
    if (a === b) throw new CairnError('invalid_input', 'A claim cannot contradict itself; name two different claims.');
    const first = claimOf(v, a);
    claimOf(v, b);
    const there = first.contradictions.find((c) => c.claim === b);
    if (there && !there.own)
      throw new CairnError(
        'conflict',
        `The pack already says claims "${a}" and "${b}" contradict each other (${there.note.slice(0, 200)}).`,
      );
    db.prepare(
      `INSERT INTO pack_user_contradictions (pack, claim_a, claim_b, note, created_at) VALUES (@pack, @a, @b, @note, @now)
       ON CONFLICT (pack, claim_a, claim_b) DO UPDATE SET note = @note`,
    ).run({ pack: packId, a, b, note, now: platform.now().toISOString() });
    return { claims: [a, b], note };
  });

  const removeContradiction = db.transaction((packId: string, pair: string[]) => {
    const v = editable(packId);
    const [a, b] = [...pair].sort() as [string, string];
    const row = db
      .prepare<[string, string, string], { note: string }>(
        'SELECT note FROM pack_user_contradictions WHERE pack = ? AND claim_a = ? AND claim_b = ?',
      )
      .get(packId, a, b);
    if (!row) {
      const fromPack = v.claims.find((c) => c.id === a)?.contradictions.some((c) => c.claim === b && !c.own);
      throw new CairnError(
        fromPack ? 'forbidden' : 'not_found',
        fromPack
          ? `The contradiction between "${a}" and "${b}" came with the pack; only ones you noted can be removed.`
          : `You noted no contradiction between "${a}" and "${b}" in pack "${packId}".`,
      );
    }
    db.prepare('DELETE FROM pack_user_contradictions WHERE pack = ? AND claim_a = ? AND claim_b = ?').run(packId, a, b);
    return { claims: [a, b], note: row.note };
  });

  const markOutdated = db.transaction((packId: string, claimId: string, note: string) => {
    const claim = claimOf(editable(packId), claimId);
    if (claim.outdated !== null && !claim.outdatedOwn)
      throw new CairnError(
        'conflict',
        `The pack already marks claim "${claimId}" outdated (${claim.outdated.slice(0, 200)}).`,
      );
    db.prepare(
      `INSERT INTO pack_user_outdated (pack, claim, note, created_at) VALUES (@pack, @claim, @note, @now)
       ON CONFLICT (pack, claim) DO UPDATE SET note = @note`,
    ).run({ pack: packId, claim: claimId, note, now: platform.now().toISOString() });
    return { claim: claimId, note };
  });

  const removeOutdated = db.transaction((packId: string, claimId: string) => {
    const claim = claimOf(editable(packId), claimId);
    const row = db
      .prepare<[string, string], { note: string }>('SELECT note FROM pack_user_outdated WHERE pack = ? AND claim = ?')
      .get(packId, claimId);
    if (!row)
      throw new CairnError(
        claim.outdated !== null ? 'forbidden' : 'not_found',
        claim.outdated !== null
          ? `Claim "${claimId}" came outdated with the pack; only notes you made can be removed.`
          : `Claim "${claimId}" has no outdated note of yours to remove.`,
      );
    db.prepare('DELETE FROM pack_user_outdated WHERE pack = ? AND claim = ?').run(packId, claimId);
    return { claim: claimId, note: row.note };
  });

  /**
   * Stores a document's text for a source: a new source of the user's own, or a new version of
   * an existing one (shipped sources included: that is how the shipped pack gets its texts).
   * Every claim on the source is verified again; the changes are returned. One transaction.
   */
  const addDocument = db.transaction(
    (
      packId: string,
      doc: ExtractedDocument & { file: string | null },
      sourceId: string | undefined,
      fields: SourceFields,
    ): { source: SourceView; version: number; created: boolean; changes: CheckChange[] } => {
      const v = view(packId);
      let id = sourceId;
      if (id) {
        const existing = v.sources.find((s) => s.id === id);
        if (!existing)
          throw new CairnError(
            'not_found',
            `Pack "${packId}" has no source "${id}"; see \`cairn knowledge show ${packId} --json\` for its sources.`,
          );
        if (existing.own && Object.keys(fields).length) updateOwnSource(packId, id, fields);
      } else {
        const title = fields.title ?? doc.fields.title ?? doc.file?.replace(/\.[^.]+$/, '') ?? 'Untitled source';
        const source: PackSource = {
          id: uniqueId('own-source-', new Set(v.sources.map((s) => s.id))),
          title: title.slice(0, 500),
          publisher: fields.publisher !== undefined ? fields.publisher : doc.fields.publisher,
          author: fields.author !== undefined ? fields.author : doc.fields.author,
          date: fields.date !== undefined ? fields.date : doc.fields.date,
          kind: fields.kind ?? 'other',
          url: fields.url !== undefined ? fields.url : doc.fields.url,
          file: doc.file,
        };
        id = source.id;
        db.prepare('INSERT INTO pack_user_sources (pack, id, content, created_at) VALUES (?, ?, ?, ?)').run(
          packId,
          source.id,
          JSON.stringify(PackSource.parse(source)),
          platform.now().toISOString(),
        );
      }
      const { version, created } = texts.put(packId, id, doc);
      const changes = texts.check(
        packId,
        allClaims(packId).filter((c) => c.source === id),
      );
      reindex(packId);
      return { source: view(packId).sources.find((s) => s.id === id)!, version, created, changes };
    },
  );

  function updateOwnSource(packId: string, sourceId: string, fields: SourceFields): void {
    const row = db
      .prepare<[string, string], { content: string }>('SELECT content FROM pack_user_sources WHERE pack = ? AND id = ?')
      .get(packId, sourceId);
    if (!row)
      throw new CairnError(
        'forbidden',
        `Source "${sourceId}" came with the pack; only sources you added can be edited. Add your own source instead.`,
      );
    const next = PackSource.parse({ ...(JSON.parse(row.content) as PackSource), ...fields });
    db.prepare('UPDATE pack_user_sources SET content = ? WHERE pack = ? AND id = ?').run(
      JSON.stringify(next),
      packId,
      sourceId,
    );
  }

  const updateSource = db.transaction((packId: string, sourceId: string, fields: SourceFields): SourceView => {
    base(packId);
    updateOwnSource(packId, sourceId, fields);
    reindex(packId);
    return view(packId).sources.find((s) => s.id === sourceId)!;
  });

  /** A new, empty pack of the user's own; ids are made from the names. */
  function createPack(input: {
    id: string;
    title?: string;
    question: string;
    options: { name: string; description: string }[];
    criteria: { name: string; description: string; question: string }[];
  }): PackSummary {
    if (rowOf(input.id))
      throw new CairnError(
        'conflict',
        `A pack "${input.id}" exists already; choose another id, or add to it with \`cairn knowledge add-source ${input.id} FILE\`.`,
      );
    const ids = (names: string[]) => {
      const taken = new Set<string>();
      return names.map((n) => {
        const slug =
          n
            .normalize('NFKD')
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-+|-+$/g, '')
            .slice(0, 60) || 'item';
        let id = slug;
        for (let k = 2; taken.has(id); k++) id = `${slug}-${k}`;
        taken.add(id);
        return id;
      });
    };
    const optionIds = ids(input.options.map((o) => o.name));
    const criterionIds = ids(input.criteria.map((c) => c.name));
    const pack = parsePack({
      format: PACK_FORMAT,
      id: input.id,
      version: 1,
      title: input.title?.trim() || input.question,
      question: input.question,
      options: input.options.map((o, i) => ({ id: optionIds[i], name: o.name, description: o.description })),
      criteria: input.criteria.map((c, i) => ({
        id: criterionIds[i],
        name: c.name,
        description: c.description,
        question: c.question,
      })),
    });
    install(pack, JSON.stringify(pack), false);
    return summary(pack.id);
  }

  /** Verifies every claim again against the stored texts. */
  function recheck(packId: string): CheckChange[] {
    base(packId);
    return db.transaction(() => texts.check(packId, allClaims(packId)))();
  }

  return {
    view,
    list,
    summary,
    installShipped,
    importPack,
    exportPack,
    addSource,
    addClaim,
    markClaim,
    addContradiction,
    removeContradiction,
    markOutdated,
    removeOutdated,
    base,
    addDocument,
    updateSource,
    createPack,
    recheck,
    stateCounts,
    texts,
    allClaims,
  };
}

export type PackStore = ReturnType<typeof createPackStore>;

/** The id of the item named `given` by its id, or else by its name in any case; `given` when none is. */
function idOrName(items: readonly { id: string; name: string }[], given: string): string {
  if (items.some((i) => i.id === given)) return given;
  const named = items.filter((i) => i.name.toLowerCase() === given.trim().toLowerCase());
  return named.length === 1 ? named[0]!.id : given;
}
