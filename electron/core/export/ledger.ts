/**
 * The evidence ledger beside each exported ADR (see shared/adr/ledger.ts for the contract).
 * Planned as one more file of the export, with the ADR's own safety: written atomically by the
 * runner, hash-tracked in `ledger_files`, a ledger changed outside Cairn never overwritten (Cairn's
 * version goes beside it), and kept back whenever its ADR is kept back, so a ledger on disk
 * always describes the ADR beside it.
 */
import { readExtra, snapshotOf } from '../../../shared/adr/content.js';
import { ledgerFileName, ledgerText, proseHashes } from '../../../shared/adr/ledger.js';
import { parseAdr } from '../../../shared/adr/parse.js';
import type { Decision, Origin } from '../../../shared/domain.js';
import type { CoreContext } from '../context.js';
import { sha256, type ScannedFile } from './folder.js';
import { mergeBase } from '../../../shared/adr/merge.js';

export interface LedgerRow {
  file: string;
  decision_id: string;
  sha256: string;
  input_sha: string | null;
}

export function ledgerRows(ctx: CoreContext, dir: string): Map<string, LedgerRow> {
  const rows = ctx.db
    .prepare<[string], LedgerRow>('SELECT file, decision_id, sha256, input_sha FROM ledger_files WHERE dir = ?')
    .all(dir);
  return new Map(rows.map((r) => [r.file, r]));
}

/** What the ADR's prose reads as, hashed per field; the importer compares a later reading with it. */
function proseOf(adrFile: string, adrText: string, d: Decision & { origin?: Origin | null }) {
  const parsed = parseAdr(adrText, adrFile);
  if (!parsed.ok) return null;
  return proseHashes(snapshotOf(parsed.adr, readExtra(d.origin?.extra, adrFile)));
}

/**
 * Whether a decision holds anything its prose cannot carry. An ADR read from an ordinary
 * repository and exported back gets no ledger: Cairn adds no files to other people's folders
 * unless there is evidence, a weight or a score to keep.
 */
export function needsLedger(d: Decision): boolean {
  const e = d.evaluation;
  return (
    e.pack !== null ||
    e.claims.length > 0 ||
    e.scores.length > 0 ||
    d.drivers.some((x) => x.weight > 0) ||
    d.consequences.some((c) => c.claims.length > 0)
  );
}

export interface PlannedLedger {
  file: string;
  /** Its text; for a ledger reused as it is on disk, read from the file when asked for. */
  text: string;
  sha256: string;
  /** Whether the bytes on disk are already these (reused without rebuilding). */
  reused: boolean;
  /** The merge base to remember for the decision once the ledger is written. */
  base: string | null;
}

/**
 * The ledger for an ADR about to be written. `load` reads the whole decision only when the
 * ledger must be rebuilt: an unchanged re-export (same inputs, same bytes on disk) reuses it.
 */
export function planLedger(
  adr: { file: string; text: string; sha256: string; inputSha: string | null; reused: boolean },
  decision: { id: string; number: number },
  rows: Map<string, LedgerRow>,
  entries: Map<string, ScannedFile>,
  load: () => Decision,
): PlannedLedger | null {
  const file = ledgerFileName(adr.file);
  const recorded = rows.get(file);
  const onDisk = entries.get(file);
  if (
    adr.reused &&
    recorded?.decision_id === decision.id &&
    recorded.input_sha === adr.inputSha &&
    onDisk?.sha256 != null &&
    onDisk.sha256 === recorded.sha256
  ) {
    // The bytes on disk are the ledger: its text is read only if someone asks for it (a preview).
    const { sha256: sha } = onDisk;
    return {
      file,
      get text() {
        return onDisk.readText()!;
      },
      sha256: sha,
      reused: true,
      base: null,
    };
  }
  // Unchanged since the last export, which wrote no ledger: still none needed (and no decision to load).
  if (adr.reused && !recorded && !onDisk) return null;
  const d = { ...load(), number: decision.number };
  if (!needsLedger(d) && !recorded && !onDisk) return null;
  const prose = proseOf(adr.file, adr.text, d);
  // An ADR Cairn cannot read back has no prose to compare with; its ledger would mislead.
  if (!prose) return null;
  const text = ledgerText(d, { file: adr.file, sha256: adr.sha256 }, prose);
  return { file, text, sha256: sha256(text), reused: false, base: JSON.stringify(mergeBase(d)) };
}
