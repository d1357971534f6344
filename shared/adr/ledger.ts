/**
 * The evidence ledger (contract `cairn-ledger/1`): beside each exported ADR `NNNN-title.md`, a
 * JSON file `NNNN-title.ledger.json` holding the whole decision, so a teammate's store rebuilds
 * it exactly without the author's store or the pack. Never a `.md` file: adr-tools,
 * log4brains and Structurizr read every `.md` in the folder.
 *
 * Policy:
 * - deterministic bytes: keys in a fixed order, two-space indent, LF, one final newline, so a
 *   pull request shows exactly which weight, score or verdict changed;
 * - `prose` records a short hash of each field as the ADR's prose read when the ledger was
 *   written. On import a field whose prose still reads the same is taken from the ledger
 *   exactly (prose cannot carry every character: sentence capitals, footnote marks); a field
 *   whose prose reads differently was edited by a person, and the prose wins;
 * - a ledger is untrusted input: size-limited, parsed with a schema, refused with a reason
 *   (never a crash) when it is malformed, from a newer Cairn, or written for another ADR.
 */
import { DecisionContent, type Decision } from '../domain.js';
import type { Snapshot } from './content.js';

export const LEDGER_FORMAT = 'cairn-ledger/1';

/** A short, stable fingerprint of a text (two FNV-1a passes, 16 hex digits): enough to tell an edit, not a security hash. */
export function createHashLike(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
/** Larger ledgers are refused before they are parsed (the largest decision the store holds is far smaller). */
export const LEDGER_MAX_BYTES = 8 * 1024 * 1024;

/** `0007-use-node.md` → `0007-use-node.ledger.json`. */
export function ledgerFileName(adrFile: string): string {
  return adrFile.replace(/\.(md|markdown)$/i, '') + '.ledger.json';
}

/** The fields the ADR's prose shows; the file is the human truth for these. */
export const PROSE_FIELDS = [
  'title',
  'status',
  'date',
  'decisionMakers',
  'consulted',
  'informed',
  'tags',
  'context',
  'rationale',
  'consequences',
  'confirmation',
  'moreInformation',
] as const;
export type ProseField = (typeof PROSE_FIELDS)[number];

/** What a prose field reads as, comparable across parses: consequences by effect and text only. */
export function proseValue(snap: Pick<Snapshot, ProseField>, field: ProseField): unknown {
  if (field === 'consequences') return snap.consequences.map((c) => [c.effect, c.text]);
  return snap[field];
}

export function proseHashes(snap: Pick<Snapshot, ProseField>): Record<ProseField, string> {
  return Object.fromEntries(
    PROSE_FIELDS.map((f) => [f, createHashLike(JSON.stringify(proseValue(snap, f)))]),
  ) as Record<ProseField, string>;
}

export interface Ledger {
  format: typeof LEDGER_FORMAT;
  /** The ADR this ledger belongs to: its file name in the folder and the SHA-256 of the bytes written with it. */
  adr: { file: string; sha256: string };
  /** The decision's id in the store that wrote it; a store importing it keeps the id when it is free. */
  id: string;
  number: number | null;
  /** The knowledge pack the evidence came from, when any (the claims are snapshots: the pack is not needed). */
  pack: { id: string; version: number | null } | null;
  prose: Record<ProseField, string>;
  /** The decision's content (everything `show --json` prints but ids, revision, timestamps and the imported file). */
  decision: DecisionContent;
}

/** The ledger's text for a decision and the ADR text written beside it. */
export function ledgerText(
  d: Decision,
  adr: { file: string; sha256: string },
  prose: Record<ProseField, string>,
): string {
  // Parsing through the schema puts every key in the schema's order, whatever order the store kept.
  const content = DecisionContent.parse(d);
  // Condition answers keep the order they were given in (the store keeps it too), so a store
  // rebuilt from the ledger holds exactly the same record. No links: no key, so the ledgers of
  // decisions without any are the bytes they were before links were held.
  const { links, ...rest } = content;
  const decision = (links.length ? content : rest) as DecisionContent;
  const ledger: Ledger = {
    format: LEDGER_FORMAT,
    adr,
    id: d.id,
    number: d.number,
    pack: content.evaluation.pack ? { id: content.evaluation.pack, version: content.evaluation.packVersion } : null,
    prose: Object.fromEntries(PROSE_FIELDS.map((f) => [f, prose[f]])) as Record<ProseField, string>,
    decision,
  };
  return JSON.stringify(ledger, null, 2) + '\n';
}

export type LedgerReading = { ok: true; ledger: Ledger } | { ok: false; reason: string };

const HASH = /^[0-9a-f]{12,64}$/;

/**
 * Reads a ledger found beside `adrFile`. Every refusal says why and what happens instead
 * (the ADR is read from its prose), so the import report can print it as it is.
 */
export function readLedger(text: string, adrFile: string, bytes = text.length): LedgerReading {
  const name = ledgerFileName(adrFile);
  if (bytes > LEDGER_MAX_BYTES)
    return {
      ok: false,
      reason: `${name} is larger than ${LEDGER_MAX_BYTES / 1024 / 1024} MB; it was not read, and the ADR was imported from its prose.`,
    };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      reason: `${name} is not valid JSON (${(e as Error).message}); the ADR was imported from its prose. Restore the ledger from git, or delete it.`,
    };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { ok: false, reason: `${name} is not a ledger object; the ADR was imported from its prose.` };
  const o = data as Record<string, unknown>;
  if (typeof o.format !== 'string' || !o.format.startsWith('cairn-ledger/')) {
    return { ok: false, reason: `${name} has no "format": "${LEDGER_FORMAT}"; the ADR was imported from its prose.` };
  }
  if (o.format !== LEDGER_FORMAT) {
    return {
      ok: false,
      reason: `${name} is ${o.format.slice(0, 40)}, written by a newer Cairn; update Cairn to read it. The ADR was imported from its prose.`,
    };
  }
  const adr = o.adr as Record<string, unknown> | undefined;
  if (!adr || typeof adr.file !== 'string' || typeof adr.sha256 !== 'string' || !HASH.test(adr.sha256)) {
    return {
      ok: false,
      reason: `${name} does not say which ADR it belongs to ("adr": { "file", "sha256" }); the ADR was imported from its prose.`,
    };
  }
  if (adr.file !== adrFile) {
    return {
      ok: false,
      reason: `${name} belongs to ${JSON.stringify(adr.file.slice(0, 200))}, not ${adrFile}; the ADR was imported from its prose. Rename or delete the ledger.`,
    };
  }
  if (typeof o.id !== 'string' || !o.id || o.id.length > 200)
    return { ok: false, reason: `${name} has no decision id; the ADR was imported from its prose.` };
  const prose = o.prose as Record<string, unknown> | undefined;
  if (!prose || typeof prose !== 'object' || PROSE_FIELDS.some((f) => typeof prose[f] !== 'string')) {
    return { ok: false, reason: `${name} lacks the "prose" hashes of its ADR; the ADR was imported from its prose.` };
  }
  const parsed = DecisionContent.safeParse(o.decision);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    return {
      ok: false,
      reason: `${name}: "decision.${first.path.join('.')}" ${first.message.slice(0, 200)}; the ADR was imported from its prose.`,
    };
  }
  const decision = parsed.data;
  const pack = o.pack as { id?: unknown; version?: unknown } | null | undefined;
  return {
    ok: true,
    ledger: {
      format: LEDGER_FORMAT,
      adr: { file: adr.file, sha256: adr.sha256 },
      id: o.id,
      number: typeof o.number === 'number' && Number.isInteger(o.number) ? o.number : null,
      pack:
        pack && typeof pack.id === 'string'
          ? { id: pack.id, version: typeof pack.version === 'number' ? pack.version : null }
          : null,
      prose: Object.fromEntries(PROSE_FIELDS.map((f) => [f, prose[f] as string])) as Record<ProseField, string>,
      decision,
    },
  };
}
