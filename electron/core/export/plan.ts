/**
 * Planning an export as data: which file each decision goes to, with which number and text,
 * and what happens to it. Nothing is written here; `run.ts` carries a plan out.
 *
 * Numbering: a decision keeps the file it already has in the folder. A decision never exported
 * anywhere takes the folder's next free number (drafts and decisions numbered by the store
 * alike), so the folder's sequence continues without reusing a number, and that number becomes
 * the decision's own. A decision already exported to another folder keeps its number here if it
 * is free; otherwise it takes the next free one here, and its own number stays unchanged.
 *
 * Safety: a file is replaced only if its bytes are still what Cairn last wrote there (table
 * repo_files, or export_files for the index); otherwise it is a conflict, the file stays as it
 * is, and Cairn's version goes beside it as `<file>.cairn`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExportPlan, FileAction, PlannedFile } from '../../../shared/api/export.js';
import { CairnError } from '../../../shared/api/define.js';
import { INDEX_FILE, renderIndex, type IndexEdge, type IndexEntry } from '../../../shared/adr/index-file.js';
import { canonicalRelation, collectLinks, indexRelations, type LinkTarget } from '../../../shared/adr/relations.js';
import { adrFileText, RENDERER_VERSION } from '../../../shared/adr/render.js';
import { adrFileName } from '../../../shared/adr/slug.js';
import type { AdrAnalysis, AdrFormat } from '../../../shared/adr/types.js';
import type { AdrHeader } from './header.js';
import type { Decision, WithOrigin } from '../../../shared/domain.js';
import { matrixForExport } from '../../../shared/scoring.js';
import type { CoreContext } from '../context.js';
import { headOfDecision, type DecisionHead, type DecisionStore } from '../decisions/store.js';
import {
  isInside,
  locateFolder,
  scanFolder,
  sha256,
  type FolderScan,
  type LocatedFolder,
  type ScannedFile,
} from './folder.js';
import { repositoryByName } from '../repositories/repositories.js';
import { createHeaderCache, type HeaderCache } from './header-cache.js';
import { createFileStats, type FileStats } from './file-stats.js';
import { isPlainFileName } from './write.js';
import { ledgerRows, planLedger } from './ledger.js';

export interface PlanRequest {
  ids: string[];
  /** The folder named; left out, the repository's own folder. */
  dir?: string | undefined;
  /** A repository by name: its folder (re-created when it was deleted), its decisions by default. */
  repository?: string | undefined;
  format?: AdrFormat | undefined;
  /** Write the folder's index; left out, Cairn decides (see `wantsIndex`). */
  index?: boolean | undefined;
}

/** A planned file with what the runner needs besides what the API shows. */
export interface InternalFile extends PlannedFile {
  sha256: string;
  /** What repo_files.format records: the dialect written. */
  format: string;
  /** What the text was made from (repo_files.input_sha); null for the index. */
  inputSha: string | null;
  /** Everything but the revision that the text was made from; see `inputShaOf`. */
  inputKey: string | null;
  /** What repo_files recorded for this file when planning, if anything. */
  recorded: { sha256: string; decisionId: string; format: string; inputSha: string | null } | null;
  /** Whether Cairn kept versions of this file beside it after conflicts (records to forget once it is written). */
  hasCopies: boolean;
  /** A ledger only: the decision's merge base (JSON) to remember once the ledger is written. */
  ledgerBase?: string | null;
}

/** The fingerprint of a rendering's inputs: the decision's revision and the rest (`inputKey`). */
export function inputShaOf(inputKey: string, revision: number): string {
  return sha256(`${inputKey}\u0000${revision}`);
}

export interface InternalPlan extends Omit<ExportPlan, 'files'> {
  scan: FolderScan;
  /**
   * The files, planned when asked for, a batch at a time: the ADR (and ledger) of up to `size`
   * decisions, in the order they are written, then the folder's index alone. A caller done with a
   * batch before it asks for the next holds one batch's texts at a time. A plan is carried out once.
   */
  batches(size?: number): Generator<InternalFile[]>;
  /** The headers read for the index, to remember once every file is planned and written; null without an index. */
  headers: { cache: HeaderCache; files: ReadonlySet<string> } | null;
  /** The stats of the files the scan read, to remember once the export is done. */
  stats: FileStats;
}

interface RepoRow {
  file: string;
  decision_id: string;
  sha256: string;
  format: string;
  input_sha: string | null;
}

/** The weighted matrix, totals, ranking and sensitivity, as the scoring module computes them. */
function analysisFor(d: Decision): AdrAnalysis | null {
  return matrixForExport(d);
}

/**
 * Decisions planned, rendered and written at a time: few queries, and an export of 10,000 holds
 * 200 decisions' texts, not all of them.
 */
export const EXPORT_BATCH = 200;

const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

function compareDecisions(a: DecisionHead, b: DecisionHead): number {
  const na = a.number ?? Number.MAX_SAFE_INTEGER;
  const nb = b.number ?? Number.MAX_SAFE_INTEGER;
  return na - nb || byText(a.date, b.date) || byText(a.createdAt, b.createdAt) || byText(a.id, b.id);
}

/** The decisions asked for, plus every live decision linked to them (so both files of a relation are written). */
function selection(all: Map<string, DecisionHead>, ids: string[], load: (id: string) => DecisionHead): DecisionHead[] {
  if (!ids.length) return [...all.values()].filter((d) => !d.trashedAt);
  const chosen = new Set<string>();
  const queue: string[] = [];
  for (const id of ids) {
    const d = all.get(id) ?? load(id);
    if (d.trashedAt)
      throw new CairnError('invalid_input', `Decision "${d.title}" is in the trash; restore it before exporting it.`);
    if (!chosen.has(id)) queue.push(id);
    chosen.add(id);
  }
  const linked = new Map<string, Set<string>>();
  const connect = (a: string, b: string) => {
    if (!linked.has(a)) linked.set(a, new Set());
    linked.get(a)!.add(b);
  };
  for (const d of all.values()) {
    for (const r of d.relations) {
      connect(d.id, r.target);
      connect(r.target, d.id);
    }
  }
  while (queue.length) {
    const id = queue.shift()!;
    for (const next of linked.get(id) ?? []) {
      const d = all.get(next);
      if (d && !d.trashedAt && !chosen.has(next)) {
        chosen.add(next);
        queue.push(next);
      }
    }
  }
  return [...chosen].map((id) => all.get(id)!);
}

/**
 * What to do with a file: `recorded` is the hash of what Cairn last wrote there, `adopted` the
 * hashes of Cairn's versions it kept beside it (a file holding one of those took Cairn's side).
 */
function decide(
  current: ScannedFile | undefined,
  recorded: string | undefined,
  sha: string,
  adopted: string[] = [],
): { action: FileAction; note: string } {
  if (!current)
    return { action: 'create', note: recorded ? 'It was deleted outside Cairn; Cairn writes it again.' : '' };
  if (!current.regular)
    return { action: 'blocked', note: 'A symbolic link or folder has this name; Cairn does not write through it.' };
  if (current.sha256 === null)
    return { action: 'blocked', note: 'The file there is too large to compare; Cairn leaves it alone.' };
  if (current.sha256 === sha) return { action: 'unchanged', note: '' };
  if ((recorded && current.sha256 === recorded) || adopted.includes(current.sha256))
    return { action: 'update', note: '' };
  return {
    action: 'conflict',
    note: recorded
      ? 'Changed outside Cairn since Cairn last wrote it; your version stays.'
      : 'A file Cairn did not write has this name; it stays.',
  };
}

/** The hashes of the versions Cairn kept beside `file` after conflicts. */
function copiesOf(copies: Map<string, string>, file: string): string[] {
  return [...copies]
    .filter(([name]) => name === `${file}.cairn` || name.startsWith(`${file}.cairn-`))
    .map(([, sha]) => sha);
}

/** Where Cairn's version of a conflicting file goes: `<file>.cairn`, or the next free `<file>.cairn-N`. */
function sideFile(
  scan: FolderScan,
  copies: Map<string, string>,
  file: string,
  sha: string,
  taken: Set<string>,
): string | null {
  for (let n = 1; n <= 9; n++) {
    const name = n === 1 ? `${file}.cairn` : `${file}.cairn-${n}`;
    if (taken.has(name)) continue;
    const there = scan.entries.get(name);
    if (
      !there ||
      (there.regular && (there.sha256 === sha || (there.sha256 !== null && copies.get(name) === there.sha256)))
    ) {
      taken.add(name);
      return name;
    }
  }
  return null;
}

interface Placed {
  file: string;
  number: number;
  /** Whether the decision takes `number` as its own with this export. */
  assign: boolean;
}

/**
 * Numbers and file names. A decision keeps the file it has in this folder; one that belongs to a
 * repository keeps its own relative path and exact name (so the store re-creates a folder as it
 * was, duplicate numbers included); any other is named and numbered in the folder's scheme.
 */
function placeDecisions(
  scan: FolderScan,
  store: DecisionStore,
  selected: DecisionHead[],
  known: { recordedByFile: Map<string, RepoRow>; recordedByDecision: Map<string, RepoRow>; elsewhere: Set<string> },
): { placed: Map<string, Placed>; notes: Map<string, string> } {
  const { recordedByFile, recordedByDecision, elsewhere } = known;
  const numberNaming = scan.naming.kind === 'number';
  const takenNumbers = new Set<number>();
  // The highest number taken, kept as numbers are taken: the next free one is found in constant
  // time, not by a pass over every number taken (that made numbering 10,000 drafts quadratic).
  let highest = 0;
  const take = (n: number) => {
    takenNumbers.add(n);
    if (n > highest) highest = n;
  };
  for (const f of scan.entries.values()) if (f.prefix !== null && numberNaming) take(f.prefix);
  let storeNext = store.nextNumber();
  const nextFree = () => (numberNaming ? highest + 1 : storeNext++);
  const takenNames = new Set<string>();
  const placed = new Map<string, Placed>();
  const pending: DecisionHead[] = [];
  for (const d of selected) {
    const row = recordedByDecision.get(d.id);
    if (row) {
      let file = row.file;
      if (!scan.entries.has(file)) {
        // Renamed outside Cairn: the bytes Cairn wrote now sit under another name.
        const moved = scan.adrs.find((f) => f.sha256 === row.sha256 && !recordedByFile.has(f.name));
        if (moved) file = moved.name;
      }
      const m = /^(\d+)-/.exec(path.posix.basename(file));
      const prefix = m ? Number(m[1]) : null;
      const number = numberNaming && prefix !== null ? prefix : (d.number ?? nextFree());
      // The file keeps its number; the store's number is only filled in, never changed, from here.
      placed.set(d.id, { file, number, assign: d.number === null });
      takenNames.add(file);
    } else {
      pending.push(d);
    }
  }
  const notes = new Map<string, string>();
  const fresh: DecisionHead[] = [];
  for (const d of pending) {
    // An imported file goes under its own name, unless two chosen decisions share it.
    const own = d.repository?.keepsName ? d.repository.path : null;
    if (own && !takenNames.has(own)) {
      const prefix = /^(\d+)[-_]/.exec(path.posix.basename(own));
      const number = d.number ?? (prefix ? Number(prefix[1]) : nextFree());
      if (numberNaming) take(number);
      takenNames.add(own);
      placed.set(d.id, { file: own, number, assign: d.number === null });
    } else fresh.push(d);
  }
  for (const d of fresh) {
    let number: number;
    // Exported before into another folder: that folder's number stays the decision's own.
    const numberedElsewhere = d.number !== null && elsewhere.has(d.id);
    if (d.number !== null && (numberedElsewhere || !numberNaming) && !(numberNaming && takenNumbers.has(d.number))) {
      number = d.number;
    } else {
      number = nextFree();
      if (numberedElsewhere)
        notes.set(
          d.id,
          `ADR ${d.number} is taken in this folder, so here it is ADR ${number}; it stays ADR ${d.number} where it was exported first.`,
        );
    }
    if (numberNaming) take(number);
    let file = adrFileName(scan.naming, number, d.date, d.title);
    if (!numberNaming) {
      // Date-named folders can hold several ADRs of one day; keep names unique.
      const ext = scan.naming.style?.ext ?? '.md';
      const base = file.slice(0, -ext.length);
      for (let n = 2; scan.entries.has(file) || takenNames.has(file); n++) file = `${base}-${n}${ext}`;
    }
    takenNames.add(file);
    placed.set(d.id, { file, number, assign: !numberedElsewhere && d.number !== number });
  }

  return { placed, notes };
}

export function planExport(ctx: CoreContext, store: DecisionStore, request: PlanRequest): InternalPlan {
  const target = exportTarget(ctx, request);
  request = target.request;
  const located = target.located;
  const headerCache = createHeaderCache(ctx.db, located.folder);
  // Every decision's head, read once: for the subfolders to scan and for the selection.
  const heads = store.heads();
  const stats = createFileStats(ctx.db, located.folder);
  const scan = scanFolder(located, headerCache.headerOf, knownSubfolders(ctx, heads, located.folder), stats);
  const format: AdrFormat = request.format ?? scan.dialect ?? 'madr';
  const formatSource = request.format ? 'asked' : scan.dialect ? 'folder' : 'default';

  const recordedRows = ctx.db
    .prepare<[string], RepoRow>('SELECT file, decision_id, sha256, format, input_sha FROM repo_files WHERE dir = ?')
    .all(scan.folder);
  // Files an export killed midway wrote before it could record them: each still holds exactly the
  // bytes that export meant to write, so it is Cairn's, and this export goes on from there.
  const known = new Set(recordedRows.flatMap((r) => [r.file, `\u0000${r.decision_id}`]));
  for (const intent of ctx.db
    .prepare<[string], RepoRow>(
      'SELECT file, decision_id, sha256, format, NULL AS input_sha FROM export_intents WHERE dir = ? ORDER BY file',
    )
    .all(scan.folder)) {
    if (
      known.has(intent.file) ||
      known.has(`\u0000${intent.decision_id}`) ||
      scan.entries.get(intent.file)?.sha256 !== intent.sha256
    )
      continue;
    recordedRows.push(intent);
    known.add(intent.file).add(`\u0000${intent.decision_id}`);
  }
  const recordedByFile = new Map(recordedRows.map((r) => [r.file, r]));
  const recordedByDecision = new Map(recordedRows.map((r) => [r.decision_id, r]));
  const elsewhere = new Set(
    ctx.db
      .prepare<[string], { decision_id: string }>('SELECT DISTINCT decision_id FROM repo_files WHERE dir <> ?')
      .all(scan.folder)
      .map((r) => r.decision_id),
  );
  const copies = new Map(
    ctx.db
      .prepare<[string], { file: string; sha256: string }>('SELECT file, sha256 FROM export_files WHERE dir = ?')
      .all(scan.folder)
      .map((r) => [r.file, r.sha256]),
  );

  const all = new Map<string, DecisionHead>();
  for (const d of heads) all.set(d.id, d);
  for (const r of recordedRows)
    if (!all.has(r.decision_id)) all.set(r.decision_id, headOfDecision(store.get(r.decision_id)));
  const selected = selection(all, request.ids, (id) => headOfDecision(store.get(id))).sort(compareDecisions);
  // An index of nothing is not worth a file in someone's folder.
  if (!selected.length && !recordedRows.length)
    throw new CairnError(
      'not_found',
      'There are no decisions to export: the store holds none outside the trash. Create one (`cairn new TITLE`) or import a repository (`cairn import PATH`) first.',
    );

  const { placed, notes } = placeDecisions(scan, store, selected, { recordedByFile, recordedByDecision, elsewhere });

  // What each decision id points to in this folder, for link lines.
  const targets = new Map<string, LinkTarget>();
  for (const r of recordedRows) {
    const d = all.get(r.decision_id);
    const prefix = scan.entries.get(r.file)?.prefix ?? null;
    if (d && scan.entries.has(r.file))
      targets.set(d.id, { number: scan.naming.kind === 'number' ? prefix : d.number, title: d.title, file: r.file });
  }
  for (const [id, p] of placed) targets.set(id, { number: p.number, title: all.get(id)!.title, file: p.file });
  const related = indexRelations([...all.values()]);

  const numbers: ExportPlan['numbers'] = [];
  const sideNames = new Set<string>();
  // The numbers the export gives, known before any file is planned.
  for (const d of selected) {
    const p = placed.get(d.id)!;
    if (p.assign) numbers.push({ id: d.id, title: d.title, from: d.number, to: p.number });
  }
  // What each file is made from, and whether the bytes on disk already are that: made a batch at
  // a time, so an export of thousands holds one batch's inputs, not all of them.
  const inputOf = (d: DecisionHead) => {
    const p = placed.get(d.id)!;
    const links = collectLinks(d.id, related, (id) => targets.get(id) ?? null);
    const style = {
      file: p.file,
      number: p.number,
      numberWidth: scan.naming.kind === 'number' ? scan.naming.width : 4,
      links,
      resolve: (id: string) => targets.get(id) ?? null,
      madrMetadata: scan.madrMetadata,
      listMarker: scan.listMarker,
    };
    // Everything the bytes depend on; the analysis derives from the decision's revision.
    const inputKey = JSON.stringify([RENDERER_VERSION, d.id, format, style]);
    const inputSha = inputShaOf(inputKey, d.revision);
    const recorded = recordedByFile.get(p.file);
    const onDisk = scan.entries.get(p.file);
    // Nothing the file was made from has changed, and it still holds Cairn's bytes: reuse them.
    const reuse =
      recorded?.decision_id === d.id &&
      recorded.input_sha === inputSha &&
      onDisk?.sha256 != null &&
      onDisk.sha256 === recorded.sha256;
    return { d, p, style, inputKey, inputSha, recorded, onDisk, reuse };
  };
  const ledgers = ledgerRows(ctx, scan.folder);

  // The index lists every ADR file as the folder will be after the export: the files left as they
  // are keep the header the scan reads (or remembered), the files written get the header of their
  // new text. Only headers are kept, file by file as they are planned, never the texts.
  const indexed =
    (request.index ?? wantsIndex(ctx, scan, selected, copies))
      ? new Map<string, AdrHeader | null>(scan.adrs.filter((f) => f.sha256 !== null).map((f) => [f.name, null]))
      : null;
  const indexedFiles = new Set(indexed?.keys());
  const landing = (f: InternalFile) => {
    // ADRs only: a ledger beside its ADR is no decision of its own.
    if (!indexed || f.kind !== 'decision') return;
    if (!(f.action === 'create' || f.action === 'update' || f.action === 'unchanged')) return;
    const scanned = scan.entries.get(f.file);
    indexedFiles.add(f.file);
    indexed.set(
      f.file,
      scanned?.sha256 === f.sha256 && scanned.header
        ? scanned.header
        : headerCache.headerOf(f.file, f.sha256, () => f.text),
    );
  };

  /** The ADR file of one decision (and its ledger), `whole` read beforehand unless its bytes are reused. */
  function planDecision(input: ReturnType<typeof inputOf>, whole: WithOrigin<Decision> | undefined): InternalFile[] {
    const { d, p, style, inputKey, inputSha, recorded, onDisk, reuse } = input;
    let text: string | null = null;
    let sha: string;
    let imported: boolean;
    let origin = 'unknown';
    if (reuse) {
      // The bytes on disk are the file: read again only if the text is asked for.
      sha = onDisk!.sha256!;
      imported = recorded!.format.startsWith('imported:');
      if (imported) origin = recorded!.format.slice('imported:'.length);
    } else {
      ({ text, imported } = adrFileText({ ...whole!, number: p.number }, format, {
        ...style,
        analysis: analysisFor(whole!),
      }));
      sha = sha256(text);
      origin = whole!.origin?.dialect ?? 'unknown';
    }
    const decided = decide(
      scan.entries.get(p.file),
      recorded && recorded.decision_id === d.id ? recorded.sha256 : undefined,
      sha,
      copiesOf(copies, p.file),
    );
    if (notes.has(d.id) && !decided.note) decided.note = notes.get(d.id)!;
    if (!p.file.split('/').every(isPlainFileName) && decided.action !== 'unchanged') {
      // A name from the folder (a control character, a reserved character) that no system writes safely: this file only is left out.
      Object.assign(decided, {
        action: 'blocked',
        note: `Its name ${JSON.stringify(p.file)} holds a character Cairn cannot write in a file name; rename the file in the folder, then export again.`,
      });
    }
    let keptAs: string | null = null;
    if (decided.action === 'conflict') {
      keptAs = sideFile(scan, copies, p.file, sha, sideNames);
      if (!keptAs)
        Object.assign(decided, {
          action: 'blocked',
          note: `${decided.note} No free name was left for Cairn's version.`,
        });
    }
    const adr = withText(
      {
        file: p.file,
        kind: 'decision',
        decisionId: d.id,
        number: p.number,
        title: d.title,
        action: decided.action,
        text: text ?? '',
        note: decided.note,
        keptAs,
        sha256: sha,
        inputSha,
        inputKey,
        recorded: recorded
          ? {
              sha256: recorded.sha256,
              decisionId: recorded.decision_id,
              format: recorded.format,
              inputSha: recorded.input_sha,
            }
          : null,
        hasCopies: copiesOf(copies, p.file).length > 0,
        format: imported ? `imported:${origin}` : format,
      },
      text === null ? () => onDisk!.readText()! : null,
    );
    const ledger = ledgerFor(adr, reuse, () => whole ?? store.get(d.id));
    return ledger ? [adr, ledger] : [adr];
  }

  /** The ledger beside an ADR file, planned with the same rules; kept back whenever its ADR is. */
  function ledgerFor(adr: InternalFile, reused: boolean, load: () => Decision): InternalFile | null {
    const planned = planLedger(
      {
        file: adr.file,
        sha256: adr.sha256,
        inputSha: adr.inputSha,
        reused,
        get text() {
          return adr.text;
        },
      },
      { id: adr.decisionId!, number: adr.number! },
      ledgers,
      scan.entries,
      load,
    );
    if (!planned) return null;
    const recorded = ledgers.get(planned.file);
    const kept = adr.action === 'conflict' || adr.action === 'blocked';
    const decided = kept
      ? { action: 'blocked' as const, note: `Not written: its ADR ${adr.file} was kept back.` }
      : decide(
          scan.entries.get(planned.file),
          recorded && recorded.decision_id === adr.decisionId ? recorded.sha256 : undefined,
          planned.sha256,
          copiesOf(copies, planned.file),
        );
    let keptAs: string | null = null;
    if (decided.action === 'conflict') {
      keptAs = sideFile(scan, copies, planned.file, planned.sha256, sideNames);
      if (!keptAs)
        Object.assign(decided, {
          action: 'blocked',
          note: `${decided.note} No free name was left for Cairn's version.`,
        });
    }
    return withText(
      {
        file: planned.file,
        kind: 'ledger',
        decisionId: adr.decisionId,
        number: adr.number,
        title: adr.title,
        action: decided.action,
        text: planned.reused ? '' : planned.text,
        note: decided.note,
        keptAs,
        sha256: planned.sha256,
        inputSha: adr.inputSha,
        inputKey: adr.inputKey,
        recorded: recorded
          ? {
              sha256: recorded.sha256,
              decisionId: recorded.decision_id,
              format: 'ledger',
              inputSha: recorded.input_sha,
            }
          : null,
        hasCopies: copiesOf(copies, planned.file).length > 0,
        format: 'ledger',
        ledgerBase: planned.base,
      },
      planned.reused ? () => planned.text : null,
    );
  }

  let planned = false;
  function* batches(size = EXPORT_BATCH): Generator<InternalFile[]> {
    // Single use: conflict copies take their names (sideNames) as they are planned.
    if (planned) throw new Error('An export plan is carried out once.');
    planned = true;
    for (let at = 0; at < selected.length; at += size) {
      const batch = selected.slice(at, at + size).map(inputOf);
      // Only the decisions to render are read whole, with the imported file beside each: the round
      // trip writes an unedited one back byte for byte.
      const toRead = batch.filter((x) => !x.reuse).map((x) => x.d.id);
      const wholes = toRead.length ? store.getManyWithOrigin(toRead) : new Map<string, WithOrigin<Decision>>();
      const files = batch.flatMap((input) => planDecision(input, wholes.get(input.d.id)));
      files.forEach(landing);
      yield files;
    }
    if (indexed) yield [planIndex(scan, indexed, copies, sideNames)];
  }

  return {
    root: scan.root,
    folder: scan.folder,
    folderSource: scan.source,
    folderExists: scan.exists,
    format,
    formatSource,
    naming:
      scan.naming.kind === 'number' ? { kind: 'number', width: scan.naming.width } : { kind: 'date', width: null },
    numbers,
    scan,
    batches,
    // The files are known once every batch is planned; the runner saves the headers after that.
    headers: indexed && { cache: headerCache, files: indexedFiles },
    stats,
  };
}

/**
 * The subfolders this export may write into, relative to the folder: those of the files Cairn
 * recorded there and those imported decisions keep their files in (`2021/0001-….md`), so the scan
 * reads what is there before anything is written.
 */
function knownSubfolders(ctx: CoreContext, heads: readonly DecisionHead[], folder: string): Set<string> {
  const dirs = new Set<string>();
  const add = (file: string) => {
    const dir = path.posix.dirname(file);
    if (dir !== '.') dirs.add(dir);
  };
  for (const r of ctx.db.prepare<[string], { file: string }>('SELECT file FROM repo_files WHERE dir = ?').all(folder))
    add(r.file);
  for (const d of heads) if (d.repository?.path) add(d.repository.path);
  return dirs;
}

/** Every file of a plan at once, with its text (the preview; an export writes batch by batch). */
export function planFiles(plan: InternalPlan): InternalFile[] {
  return [...plan.batches()].flat();
}

/**
 * `file`, whose text is read by `read` when first asked for (a file reused as it is on disk: an
 * unchanged re-export never reads it back), or as it is when `read` is null.
 */
function withText(file: InternalFile, read: (() => string) | null): InternalFile {
  if (!read) return file;
  let text: string | undefined;
  // Redefined in place, so the property keeps its position (the plan's JSON keeps its key order).
  return Object.defineProperty(file, 'text', { enumerable: true, get: () => (text ??= read()) });
}

/** Where an export goes: the folder named, or the repository's own folder (its decisions unless ids are given). */
/**
 * An empty folder named for a whole export whose decisions all come from one repository gets that repository's
 * layout: its ADR folder at the same path under it (doc/adr, docs/decisions …), so a deleted or
 * moved-away clone is re-created as it was. A folder that already holds files is used as named.
 */
function layoutIn(ctx: CoreContext, request: PlanRequest, located: LocatedFolder): LocatedFolder {
  // Only for a whole export (no decisions named): chosen decisions go into the folder as named.
  if (request.ids.length > 0 || located.source !== 'named' || fs.readdirSync(located.folder).length > 0) return located;
  const rows = ctx.db
    .prepare<[], { id: string; repository: number | null }>(
      'SELECT id, repository FROM decisions WHERE trashed_at IS NULL',
    )
    .all();
  const repos = new Set(rows.map((r) => r.repository));
  if (repos.size !== 1 || [...repos][0] === null) return located;
  const repo = ctx.db
    .prepare<[number], { root: string; folder: string }>('SELECT root, folder FROM repositories WHERE id = ?')
    .get([...repos][0]!);
  if (!repo) return located;
  const rel = path.relative(repo.root, repo.folder);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return located;
  return { root: located.root, folder: path.join(located.root, rel), source: 'new', exists: false };
}

function exportTarget(ctx: CoreContext, request: PlanRequest): { request: PlanRequest; located: LocatedFolder } {
  if (request.dir !== undefined)
    return { request, located: layoutIn(ctx, request, locateFolder(request.dir, request.format)) };
  if (request.repository === undefined)
    throw new CairnError('invalid_input', 'Name the folder to export into, or the repository (see `cairn repos`).');
  const repo = repositoryByName(ctx.db, request.repository);
  if (!repo)
    throw new CairnError('not_found', `No repository "${request.repository}". Run \`cairn repos\` to see their names.`);
  if (!fs.existsSync(repo.root)) {
    throw new CairnError(
      'not_found',
      `The repository ${repo.name} was at ${repo.root}, which is gone. Clone it back there, or export into another folder with --dir.`,
    );
  }
  const root = fs.realpathSync(repo.root);
  if (!isInside(root, repo.folder))
    throw new CairnError(
      'forbidden',
      `The ADR folder ${repo.folder} is not inside ${root}; export with --dir instead.`,
    );
  const ids = request.ids.length
    ? request.ids
    : ctx.db
        .prepare<[number], { id: string }>(
          'SELECT id FROM decisions WHERE repository = ? AND trashed_at IS NULL ORDER BY number, id',
        )
        .all(repo.id)
        .map((r) => r.id);
  if (!ids.length) throw new CairnError('not_found', `The repository ${repo.name} holds no decisions to export.`);
  const exists = fs.statSync(repo.folder, { throwIfNoEntry: false })?.isDirectory() ?? false;
  // A deleted folder has no files to tell its dialect; the repository remembers it.
  const format = request.format ?? (repo.dialect === 'nygard' ? 'nygard' : repo.dialect ? 'madr' : undefined);
  return { request: { ...request, ids, format }, located: { root, folder: repo.folder, source: 'repository', exists } };
}

/**
 * Whether to write the folder's index when the caller did not say. Policy: the index is Cairn's
 * only where Cairn wrote it before, or where Cairn makes the folder: never in a folder with a
 * README or index someone else wrote, nor in a repository Cairn imported (whose owners keep their
 * own index, or none, and re-creating it must add no file).
 */
function wantsIndex(
  ctx: CoreContext,
  scan: FolderScan,
  selected: DecisionHead[],
  copies: Map<string, string>,
): boolean {
  const ownIndex =
    ctx.db
      .prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM export_files WHERE dir = ? AND role = 'index'")
      .get(scan.folder)!.n > 0;
  if (ownIndex || copies.has(INDEX_FILE)) return true;
  for (const name of scan.entries.keys()) if (/^(readme|index)\.(md|markdown)$/i.test(name)) return false;
  const cairnWrites = new Set(
    ctx.db
      .prepare<[], { folder: string }>('SELECT folder FROM repositories WHERE index_file = 1')
      .all()
      .map((r) => r.folder),
  );
  return selected.every((d) => d.repository === null || cairnWrites.has(d.repository.folder));
}

/** The index as the folder will be after the export: every ADR file by its header (null: the one the scan reads). */
function planIndex(
  scan: FolderScan,
  indexed: Map<string, AdrHeader | null>,
  copies: Map<string, string>,
  sideNames: Set<string>,
): InternalFile {
  const entries: IndexEntry[] = [];
  const edges: IndexEdge[] = [];
  for (const [file, known] of indexed) {
    const header = known ?? scan.entries.get(file)!.header!;
    const prefix = /^(\d+)-/.exec(file);
    entries.push({
      file,
      number: scan.naming.kind === 'number' && prefix ? Number(prefix[1]) : null,
      title: header.title ?? file,
      status: header.status ?? '',
      date: header.date,
    });
    for (const link of header.links) {
      if (!indexed.has(link.file)) continue;
      const c = canonicalRelation(link.type);
      edges.push(c.flipped ? { from: link.file, to: file, type: c.type } : { from: file, to: link.file, type: c.type });
    }
  }
  const text = renderIndex(entries, edges);
  const sha = sha256(text);
  const decided = decide(scan.entries.get(INDEX_FILE), copies.get(INDEX_FILE), sha, copiesOf(copies, INDEX_FILE));
  let keptAs: string | null = null;
  if (decided.action === 'conflict') {
    keptAs = sideFile(scan, copies, INDEX_FILE, sha, sideNames);
    if (!keptAs)
      Object.assign(decided, { action: 'blocked', note: `${decided.note} No free name was left for Cairn's version.` });
  }
  return {
    file: INDEX_FILE,
    kind: 'index',
    inputSha: null,
    inputKey: null,
    recorded: null,
    hasCopies: copiesOf(copies, INDEX_FILE).length > 0,
    decisionId: null,
    number: null,
    title: 'Index of the decisions in this folder',
    action: decided.action,
    text,
    note: decided.note,
    keptAs,
    sha256: sha,
    format: 'index',
  };
}
