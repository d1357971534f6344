/**
 * The stored texts of sources, one row per version, and the verification of every claim against
 * the newest version. Policy: checks are written when a claim is saved, a pack is installed or
 * imported, and a source gets a text; reading a pack only reads them. A claim with no row was
 * never checked and shows as `unchecked`, never as verified.
 */
import type { ClaimCheck, SourceTextInfo } from '../../../shared/sources.js';
import type { PackClaim } from '../../../shared/pack.js';
import { SOURCE_LIMITS, type DocumentFormat } from '../../../shared/sources.js';
import {
  matchAnchor,
  prepareText,
  type PreparedText,
  type Section,
  type VerificationState,
} from '../../../shared/verification.js';
import type { CoreContext } from '../context.js';

export interface StoredSourceText {
  version: number;
  text: string;
  sections: Section[];
  sha256: string;
  format: DocumentFormat;
  file: string | null;
  bytes: number;
  createdAt: string;
}

interface TextRow {
  version: number;
  text: string;
  sections: string;
  sha256: string;
  format: string;
  file: string | null;
  bytes: number;
  created_at: string;
}
interface CheckRow {
  claim: string;
  state: string;
  found_section: string | null;
  start: number | null;
  end: number | null;
  text_version: number | null;
  reason: string;
  previous_state: string | null;
}

/** What changed for one claim when it was checked again. */
export interface CheckChange {
  claim: string;
  source: string;
  was: VerificationState;
  now: VerificationState;
  reason: string;
}

export function createSourceTexts(ctx: CoreContext) {
  const { db, platform } = ctx;

  const toStored = (r: TextRow): StoredSourceText => ({
    version: r.version,
    text: r.text,
    sections: JSON.parse(r.sections) as Section[],
    sha256: r.sha256,
    format: r.format as DocumentFormat,
    file: r.file,
    bytes: r.bytes,
    createdAt: r.created_at,
  });

  function latest(pack: string, source: string): StoredSourceText | null {
    const row = db
      .prepare<[string, string], TextRow>(
        'SELECT version, text, sections, sha256, format, file, bytes, created_at FROM source_texts WHERE pack = ? AND source = ? ORDER BY version DESC LIMIT 1',
      )
      .get(pack, source);
    return row ? toStored(row) : null;
  }

  function version(pack: string, source: string, v: number): StoredSourceText | null {
    const row = db
      .prepare<[string, string, number], TextRow>(
        'SELECT version, text, sections, sha256, format, file, bytes, created_at FROM source_texts WHERE pack = ? AND source = ? AND version = ?',
      )
      .get(pack, source, v);
    return row ? toStored(row) : null;
  }

  /** What the Library shows about each source's text, without the text itself. */
  function infoOf(pack: string): Map<string, SourceTextInfo> {
    const rows = db
      .prepare<
        [string],
        {
          source: string;
          version: number;
          sha256: string;
          format: string;
          file: string | null;
          bytes: number;
          chars: number;
          sections: string;
          created_at: string;
        }
      >(
        `SELECT source, version, sha256, format, file, bytes, length(text) AS chars, sections, created_at FROM source_texts t
         WHERE pack = ? AND version = (SELECT max(version) FROM source_texts WHERE pack = t.pack AND source = t.source)`,
      )
      .all(pack);
    return new Map(
      rows.map((r) => [
        r.source,
        {
          version: r.version,
          sha256: r.sha256,
          format: r.format as DocumentFormat,
          file: r.file,
          bytes: r.bytes,
          chars: r.chars,
          sections: (JSON.parse(r.sections) as unknown[]).length,
          addedAt: r.created_at,
        },
      ]),
    );
  }

  /**
   * Stores a text as the source's newest version. The same text again (same original, same
   * words) is not a new version: the existing one is returned with `created: false`.
   */
  function put(
    pack: string,
    source: string,
    doc: {
      text: string;
      sections: Section[];
      sha256: string;
      format: DocumentFormat;
      file: string | null;
      bytes: number;
    },
  ): { version: number; created: boolean } {
    const current = latest(pack, source);
    if (current && current.sha256 === doc.sha256 && current.text === doc.text)
      return { version: current.version, created: false };
    const next = (current?.version ?? 0) + 1;
    db.prepare(
      'INSERT INTO source_texts (pack, source, version, text, sections, sha256, file, format, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      pack,
      source,
      next,
      doc.text,
      JSON.stringify(doc.sections.slice(0, SOURCE_LIMITS.sections)),
      doc.sha256,
      doc.file,
      doc.format,
      doc.bytes,
      platform.now().toISOString(),
    );
    return { version: next, created: true };
  }

  function checksOf(pack: string): Map<string, ClaimCheck> {
    const rows = db
      .prepare<[string], CheckRow>(
        'SELECT claim, state, found_section, start, end, text_version, reason, previous_state FROM claim_checks WHERE pack = ?',
      )
      .all(pack);
    return new Map(
      rows.map((r) => [
        r.claim,
        {
          state: r.state as VerificationState,
          foundSection: r.found_section,
          start: r.start,
          end: r.end,
          textVersion: r.text_version,
          reason: r.reason,
          previous: r.previous_state as VerificationState | null,
        },
      ]),
    );
  }

  /**
   * Checks claims against the newest text of their sources and records the result; returns the
   * claims whose state changed. Runs inside the caller's transaction when there is one.
   */
  function check(pack: string, claims: readonly PackClaim[]): CheckChange[] {
    const prepared = new Map<string, { text: PreparedText; version: number } | null>();
    const before = checksOf(pack);
    const changes: CheckChange[] = [];
    const upsert = db.prepare(
      `INSERT INTO claim_checks (pack, claim, state, found_section, start, end, text_version, reason, previous_state, checked_at)
       VALUES (@pack, @claim, @state, @found, @start, @end, @version, @reason, @previous, @now)
       ON CONFLICT (pack, claim) DO UPDATE SET state = @state, found_section = @found, start = @start, end = @end, text_version = @version,
         reason = @reason, previous_state = @previous, checked_at = @now`,
    );
    const now = platform.now().toISOString();
    for (const claim of claims) {
      if (!prepared.has(claim.source)) {
        const stored = latest(pack, claim.source);
        prepared.set(claim.source, stored ? { text: prepareText(stored), version: stored.version } : null);
      }
      const doc = prepared.get(claim.source)!;
      const m = matchAnchor(doc?.text ?? null, claim.anchor, claim.section);
      const old = before.get(claim.id);
      const was: VerificationState = old?.state ?? 'unchecked';
      upsert.run({
        pack,
        claim: claim.id,
        state: m.state,
        found: m.foundSection,
        start: m.start,
        end: m.end,
        version: doc?.version ?? null,
        reason: m.reason,
        previous: old ? old.state : null,
        now,
      });
      if (was !== m.state) changes.push({ claim: claim.id, source: claim.source, was, now: m.state, reason: m.reason });
    }
    return changes;
  }

  return { latest, version, infoOf, put, checksOf, check };
}

export type SourceTexts = ReturnType<typeof createSourceTexts>;
