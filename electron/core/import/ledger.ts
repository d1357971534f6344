/**
 * The importer's side of the evidence ledger: reading the ledger beside an ADR (untrusted: never
 * followed through a symlink, size-checked before it is read), rebuilding or merging the
 * decision from it, and remembering what was synced. The rules are in shared/adr/ledger.ts and
 * shared/adr/merge.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { snapshotOf, type OriginExtra } from '../../../shared/adr/content.js';
import { LEDGER_MAX_BYTES, ledgerFileName, readLedger, type LedgerReading } from '../../../shared/adr/ledger.js';
import {
  describeValue,
  incomingValues,
  mergeBase,
  mergeThreeWay,
  type MergeValues,
} from '../../../shared/adr/merge.js';
import type { ParsedAdr } from '../../../shared/adr/parse.js';
import type { Decision, DecisionContent, DecisionContentInput } from '../../../shared/domain.js';
import type { CoreContext } from '../context.js';
import { sha256 } from './read-file.js';

export interface LedgerBeside {
  reading: LedgerReading;
  sha: string;
}

/** Reads `NNNN-title.ledger.json` beside `file`; a refusal is a reading with its reason, never a throw. */
export function readLedgerBeside(dir: string, file: string): LedgerBeside {
  const name = ledgerFileName(file);
  const full = path.join(dir, name);
  try {
    const stat = fs.lstatSync(full);
    if (!stat.isFile())
      return {
        sha: '',
        reading: {
          ok: false,
          reason: `${name} is not a regular file (a symbolic link or folder); it was not read, and the ADR was imported from its prose.`,
        },
      };
    if (stat.size > LEDGER_MAX_BYTES) return { sha: '', reading: readLedger('', file, stat.size) };
    const bytes = fs.readFileSync(full);
    return { sha: sha256(bytes), reading: readLedger(bytes.toString('utf8'), file, bytes.length) };
  } catch (e) {
    return {
      sha: '',
      reading: {
        ok: false,
        reason: `${name} could not be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the ADR was imported from its prose.`,
      },
    };
  }
}

export interface LedgerMerge {
  conflicts: { field: string; local: string; incoming: string }[];
  /** The ancestor the merge used, kept for the fields still in conflict. */
  base: MergeValues | null;
}

function baseOf(db: CoreContext['db'], id: string): MergeValues | null {
  const row = db.prepare<[string], { content: string }>('SELECT content FROM sync_bases WHERE decision_id = ?').get(id);
  if (!row) return null;
  try {
    return JSON.parse(row.content) as MergeValues;
  } catch {
    return null;
  }
}

/**
 * Puts into `input` (the content read from the prose) what the ledger and the merge decide. A new
 * decision is the ledger's, with the prose's edits; an existing one is merged three ways.
 * The decision is rendered afresh from then on (no `origin`): its content is exact, and the
 * printers are deterministic, so the same ADR and ledger bytes come back.
 */
export function mergeWithLedger(
  db: CoreContext['db'],
  input: DecisionContentInput,
  adr: ParsedAdr,
  extra: OriginExtra,
  ledger: LedgerBeside,
  local: DecisionContent | null,
  id: string,
  take: readonly { id: string; field: string }[],
): LedgerMerge | null {
  if (!ledger.reading.ok) return null;
  const incoming = incomingValues(ledger.reading.ledger, snapshotOf(adr, extra)).values;
  if (!local) {
    Object.assign(input, incoming);
    return { conflicts: [], base: null };
  }
  const base = baseOf(db, id);
  const fields = new Set(take.filter((t) => t.id === id).map((t) => t.field));
  const merged = mergeThreeWay(local, base, incoming, fields);
  Object.assign(input, merged.values);
  return {
    base,
    conflicts: merged.conflicts.map((c) => ({
      field: c.field,
      local: describeValue(c.local),
      incoming: describeValue(c.incoming),
    })),
  };
}

/** After a save: the ledger's bytes are Cairn's now, and the saved values are the next merge's ancestor (but for open conflicts). */
export function rememberLedgerSync(
  db: CoreContext['db'],
  dir: string,
  file: string,
  ledger: LedgerBeside,
  saved: Decision,
  merge: LedgerMerge,
  at: string,
): void {
  const base = mergeBase(saved);
  for (const c of merge.conflicts) {
    const field = c.field as keyof MergeValues;
    // The ancestor stays for an open conflict, so it is still a conflict next time.
    if (merge.base && field in merge.base) base[field] = merge.base[field];
  }
  db.prepare(
    `INSERT INTO ledger_files (dir, file, decision_id, sha256, input_sha, synced_at) VALUES (?, ?, ?, ?, NULL, ?)
     ON CONFLICT (dir, file) DO UPDATE SET decision_id = excluded.decision_id, sha256 = excluded.sha256, input_sha = NULL, synced_at = excluded.synced_at`,
  ).run(dir, ledgerFileName(file), saved.id, ledger.sha, at);
  db.prepare(
    `INSERT INTO sync_bases (decision_id, content, synced_at) VALUES (?, ?, ?)
     ON CONFLICT (decision_id) DO UPDATE SET content = excluded.content, synced_at = excluded.synced_at`,
  ).run(saved.id, JSON.stringify(base), at);
}
