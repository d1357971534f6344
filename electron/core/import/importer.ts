/**
 * Importing a folder of ADR files. Files are read and parsed one at a time, yielding between
 * files, while a job records progress; the dates of undated files are asked of git (one `git log`
 * for the folder, outside any transaction); then everything is written in ONE immediate transaction,
 * so an import either lands whole or not at all. Files are matched to decisions through
 * `repo_files` (folder + file name, with the hash of the bytes): an unchanged file is skipped, a
 * changed one becomes a new revision of its decision, a new one a new decision. Nothing is
 * ever imported twice.
 */
import fs from 'node:fs/promises';
import fsSync from 'node:fs';
import path from 'node:path';
import { CairnError } from '../../../shared/api/define.js';
import type { ImportJob, ImportReport } from '../../../shared/api/import.js';
import { describeIssues } from '../../../shared/api/define.js';
import {
  contentFromFile,
  DEFAULT_STATUS,
  PARSER_VERSION,
  readExtra,
  snapshotOfOrigin,
  type LinkInfo,
  type OriginExtra,
} from '../../../shared/adr/content.js';
import { parseAdr, type ParsedAdr } from '../../../shared/adr/parse.js';
import { reverseRelation, type DecisionRef } from '../../../shared/adr/refs.js';
import { folderPath } from '../../../shared/adr/markdown.js';
import { renderImported } from '../../../shared/adr/roundtrip.js';
import { ledgerFileName } from '../../../shared/adr/ledger.js';
import { readLedgerBeside, mergeWithLedger, rememberLedgerSync, type LedgerBeside } from './ledger.js';
import { DecisionContent, type Decision, type Relation, type WithOrigin } from '../../../shared/domain.js';
import type { CoreContext } from '../context.js';
import { createDecisionStore, type DecisionStore } from '../decisions/store.js';
import { ensureRepository, gitRoot, placeDecisions } from '../repositories/repositories.js';
import { keepCompanions, readCompanions, type Companion } from '../repositories/companions.js';
import { discoverFolders, markdownFiles } from './discover.js';
import { gitAddedDates } from './git-dates.js';
import { readAdrFile, sha256 } from './read-file.js';
import { gitFolderOf } from '../git-folder.js';

const LONE_CR = /\r(?!\n)/;

interface ReadFile {
  file: string;
  raw: string;
  sha: string;
  adr: ParsedAdr;
  /** The evidence ledger beside the file, when there is a usable one. */
  ledger: LedgerBeside | null;
}

interface RepoRow {
  file: string;
  decision_id: string;
  sha256: string;
}

type Plan =
  | { kind: 'unchanged'; f: ReadFile; id: string }
  | { kind: 'update'; f: ReadFile; id: string; renamedFrom: string | null }
  | { kind: 'create'; f: ReadFile; id: string; number: number | null };

export interface Importer {
  /** Imports a folder and answers with the report; `onProgress` is told after each file is read. */
  run(
    dir: string,
    onProgress?: (done: number, total: number, state: ImportJob['state']) => void,
    take?: readonly { id: string; field: string }[],
  ): Promise<ImportReport>;
  start(dir: string, take?: readonly { id: string; field: string }[]): { job: string };
  get(job: string): ImportJob;
}

/** How long, and how many files, the importer reads and parses before it lets the host answer other requests. */
const SLICE_MS = 10;
const SLICE_FILES = 32;

/** Jobs kept for polling after they finish; older ones are forgotten. */
const KEPT_JOBS = 20;

export function createImporter(ctx: CoreContext): Importer {
  const jobs = new Map<string, ImportJob>();
  const running = new Set<string>();

  async function run(
    dirInput: string,
    onProgress: Parameters<Importer['run']>[1] = () => {},
    take: readonly { id: string; field: string }[] = [],
  ): Promise<ImportReport> {
    // Folders are keyed by their real path, as the exporter keys them, so both find the same rows.
    let dir = path.resolve(dirInput);
    try {
      dir = await fs.realpath(dir);
      const stat = await fs.stat(dir);
      if (!stat.isDirectory())
        throw new CairnError(
          'invalid_input',
          `${dir} is a file, not a folder. Give the folder that holds the ADR files (or its repository), e.g. docs/decisions or doc/adr.`,
        );
      const git = gitFolderOf(dir);
      if (git)
        throw new CairnError(
          'forbidden',
          `${dir} is inside the git folder ${git}; Cairn does not read ADRs from there. Name the ADR folder itself, e.g. docs/decisions or doc/adr.`,
        );
    } catch (e) {
      if (e instanceof CairnError) throw e;
      throw new CairnError(
        'not_found',
        `Cannot read the folder ${dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Give the folder that holds the ADR files (or its repository), e.g. docs/decisions or doc/adr.`,
      );
    }
    const found = discoverFolders(dir);
    if (!found.folders.length) return { ...emptyReport(dir), lookedIn: found.lookedIn };
    const reports: ImportReport[] = [];
    for (const { folder, source } of found.folders) {
      const report = await runFolder(folder, gitRoot(folder) ?? dir, onProgress, take);
      report.folders = [{ folder, source, repository: report.folders[0]?.repository ?? null, files: report.files }];
      reports.push(report);
    }
    return mergeReports(dir, reports, found.lookedIn);
  }

  /**
   * The folder's files that are not decisions (README, templates, diagrams, files that could not be
   * read as ADRs), read to be kept with the repository; Cairn's own index and copies are not theirs.
   */
  function companionsOf(dir: string, report: ImportReport): Companion[] {
    const cairns = new Set(
      ctx.db
        .prepare<[string], { file: string }>('SELECT file FROM export_files WHERE dir = ?')
        .all(dir)
        .map((r) => r.file),
    );
    const names = [...report.skipped.map((s) => s.file), ...report.ignored].filter((n) => !cairns.has(n)).sort();
    const { kept, tooLarge } = readCompanions(dir, names);
    for (const file of tooLarge)
      report.warnings.push({
        file,
        message:
          'Too large for Cairn to keep (over 8 MB a file, 64 MB a folder): a folder re-created from the store will lack it.',
      });
    return kept;
  }

  async function runFolder(
    dir: string,
    root: string,
    onProgress: NonNullable<Parameters<Importer['run']>[1]>,
    take: readonly { id: string; field: string }[],
  ): Promise<ImportReport> {
    if (running.has(dir))
      throw new CairnError('conflict', `${dir} is being imported already; wait for that import to finish.`);
    running.add(dir);
    try {
      const listed = markdownFiles(dir);
      const markdown = listed.markdown;
      const within = realFolder(dir);
      const report: ImportReport = {
        ...emptyReport(dir),
        files: markdown.length,
        // A ledger beside an ADR is read with it, so it is not "left alone".
        ignored: listed.other.filter((n) => !markdown.some((m) => ledgerFileName(m) === n)),
        conflicts: [],
      };
      const present = new Set([...markdown, ...listed.other]);
      const read: ReadFile[] = [];
      onProgress(0, markdown.length, 'reading');
      // Files are read and parsed in slices of a few milliseconds; between slices the host answers progress polls.
      let i = 0;
      while (i < markdown.length) {
        const sliceEnd = performance.now() + SLICE_MS;
        const sliceStop = i + SLICE_FILES;
        do {
          const file = markdown[i++]!;
          // Only regular files are read; a link, FIFO, socket or device with a Markdown name is refused
          // by name (never opened), each with its reason in the report.
          const got = readAdrFile(path.join(dir, file), within);
          if (!got.ok) {
            report.skipped.push({ file, kind: got.kind, reason: got.reason });
            continue;
          }
          // Classic Mac OS line endings (a CR alone) are line breaks too; the parser reads LF and CRLF.
          const loneCr = LONE_CR.test(got.text);
          const text = loneCr ? got.text.replace(/\r\n?/g, '\n') : got.text;
          // The name alone says the number and date; the subfolder is only where the file lives.
          const parsed = parseAdr(text, path.posix.basename(file));
          if (!parsed.ok) {
            report.skipped.push({ file, kind: parsed.kind, reason: parsed.reason });
            continue;
          }
          const ledger = present.has(ledgerFileName(file)) ? readLedgerBeside(dir, file) : null;
          const stated = ledger?.reading.ok ? ledger.reading.ledger.number : null;
          if (ledger && stated !== null && parsed.adr.number !== null && stated !== parsed.adr.number) {
            // A ledger copied beside another ADR: its evidence is not this decision's.
            ledger.reading = {
              ok: false,
              reason: `${ledgerFileName(file)} describes ADR ${stated}, but ${file} is ADR ${parsed.adr.number}; the ADR was imported from its prose. Rename or delete the ledger.`,
            };
          }
          if (ledger && !ledger.reading.ok)
            report.warnings.push({ file: ledgerFileName(file), message: ledger.reading.reason });
          if (loneCr)
            report.warnings.push({
              file,
              message:
                'The file ends its lines with a carriage return alone (classic Mac OS); Cairn read them as line breaks, and an export writes them as LF.',
            });
          read.push({ file, raw: text, sha: got.sha256, adr: parsed.adr, ledger: ledger?.reading.ok ? ledger : null });
          for (const message of parsed.adr.warnings) report.warnings.push({ file, message });
        } while (i < sliceStop && i < markdown.length && performance.now() < sliceEnd);
        onProgress(i, markdown.length, 'reading');
        await new Promise((r) => setImmediate(r));
      }
      // Dates from git are read before the transaction (one `git log` for the folder), so it stays short.
      const undated = read.some((f) => f.adr.values.date === null && f.adr.fileDate === null);
      if (undated) onProgress(markdown.length, markdown.length, 'dating');
      const gitDates = undated ? await gitAddedDates(dir) : new Map<string, string>();
      onProgress(markdown.length, markdown.length, 'writing');
      const companions = companionsOf(dir, report);
      write(dir, root, read, gitDates, new Set(markdown), report, take, companions);
      return report;
    } finally {
      running.delete(dir);
    }
  }

  function write(
    dir: string,
    root: string,
    files: ReadFile[],
    gitDates: ReadonlyMap<string, string>,
    onDisk: Set<string>,
    report: ImportReport,
    take: readonly { id: string; field: string }[],
    companions: readonly Companion[],
  ) {
    const { db, platform } = ctx;
    // Ids for new decisions are chosen when planning, so relations between new files resolve in one pass.
    // The whole import is one transaction that lands whole or not at all, so saves join it.
    const store = createDecisionStore(ctx, { transactions: 'join', searchIndex: 'deferred' });
    // An INSERT for a new file and an UPDATE for a known one: an upsert on this table (it has a
    // foreign key) costs SQLite a statement journal per row.
    const insertFile = db.prepare(
      'INSERT INTO repo_files (dir, file, decision_id, sha256, format, synced_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const updateFile = db.prepare(
      'UPDATE repo_files SET decision_id = ?, sha256 = ?, format = ?, synced_at = ? WHERE dir = ? AND file = ?',
    );
    const tx = db.transaction(() => {
      const repository = ensureRepository(ctx, {
        folder: dir,
        root,
        dialect: majorityDialect(files),
        naming: namingOf(files.map((f) => f.file)),
      });
      report.folders = [{ folder: dir, source: 'named', repository: repository.name, files: report.files }];
      keepCompanions(db, repository.id, companions);
      const rows = db
        .prepare<[string], RepoRow>('SELECT file, decision_id, sha256 FROM repo_files WHERE dir = ?')
        .all(dir);
      const byFile = new Map(rows.map((r) => [r.file, r]));
      const gone = rows.filter((r) => !onDisk.has(r.file));
      const plans: Plan[] = [];
      const ledgerShas = new Map(
        db
          .prepare<[string], { file: string; sha256: string }>('SELECT file, sha256 FROM ledger_files WHERE dir = ?')
          .all(dir)
          .map((r) => [r.file, r.sha256]),
      );
      const idTaken = db.prepare<[string], { id: string }>('SELECT id FROM decisions WHERE id = ?');
      const givenIds = new Set<string>();
      for (const f of files) {
        const row = byFile.get(f.file);
        // A ledger changed on its own (a teammate re-weighed and re-exported) makes its ADR worth reading again.
        const ledgerChanged = f.ledger !== null && ledgerShas.get(ledgerFileName(f.file)) !== f.ledger.sha;
        if (row && row.sha256 === f.sha && !ledgerChanged) plans.push({ kind: 'unchanged', f, id: row.decision_id });
        else if (row) plans.push({ kind: 'update', f, id: row.decision_id, renamedFrom: null });
        else {
          // A file renamed by a teammate: same bytes, or same title, as a file that disappeared.
          const moved =
            gone.find((g) => g.sha256 === f.sha) ??
            gone.find((g) => sameTitle(store, g.decision_id, f.adr.values.title));
          if (moved) {
            gone.splice(gone.indexOf(moved), 1);
            db.prepare('DELETE FROM repo_files WHERE dir = ? AND file = ?').run(dir, moved.file);
            plans.push({ kind: 'update', f, id: moved.decision_id, renamedFrom: moved.file });
          } else {
            // The decision keeps its id across stores when it is free here, so relations and ledgers name it alike.
            const own = f.ledger?.reading.ok ? f.ledger.reading.ledger.id : null;
            const id = own && !givenIds.has(own) && !idTaken.get(own) ? own : platform.newId();
            givenIds.add(id);
            plans.push({ kind: 'create', f, id, number: f.adr.number });
          }
        }
      }
      for (const g of gone) report.missing.push({ file: g.file, id: g.decision_id });
      // A file whose content cannot be a decision (a section past the size limits) is skipped before anything links to it.
      for (const p of [...plans]) {
        if (p.kind === 'unchanged') continue;
        const trial = DecisionContent.safeParse(
          contentFromFile(p.f.adr, p.f.raw, {
            file: p.f.file,
            extra: readExtra({ defaults: { date: '2000-01-01' } }, p.f.file),
          }),
        );
        if (!trial.success) {
          report.skipped.push({
            file: p.f.file,
            kind: 'invalid',
            reason: `The file's content does not fit a decision: ${describeIssues(trial.error.issues)}.`,
          });
          plans.splice(plans.indexOf(p), 1);
        }
      }

      // Unnumbered files (log4brains names them by date) get the numbers after the highest one.
      // Numbers are per repository: they continue this repository's, not the whole store's.
      const highest =
        db
          .prepare<[number], { n: number | null }>('SELECT MAX(number) AS n FROM decisions WHERE repository = ?')
          .get(repository.id)?.n ?? 0;
      let next = Math.max(highest, ...plans.map((p) => (p.kind === 'create' ? (p.number ?? -1) : -1)));
      for (const p of plans) if (p.kind === 'create' && p.number === null) p.number = ++next;

      const resolve = resolver(db, dir, plans, report);
      // With the file each was imported from: what it said last time decides what a re-import keeps.
      const existing = new Map<string, WithOrigin<Decision>>();
      for (const p of plans) if (p.kind !== 'create') existing.set(p.id, store.withOrigin(store.get(p.id)));

      // Relations each file states, resolved to decision ids.
      const targets = new Map<Plan, (string | null)[]>();
      for (const p of plans) {
        if (p.kind === 'unchanged') continue;
        targets.set(
          p,
          p.f.adr.relations.map((r) => {
            const hit = resolve(r.ref, p.f.file);
            return hit === p.id ? null : hit;
          }),
        );
      }
      // The reverse of what a file states is held by the other decision too, when that one is written now.
      const implied = new Map<string, Relation[]>();
      for (const [p, ts] of targets) {
        p.f.adr.relations.forEach((r, i) => {
          const t = ts[i];
          if (!t) return;
          const other = plans.find((q) => q.id === t && q.kind !== 'unchanged');
          if (!other) return;
          const rev = { type: reverseRelation(r.type), target: p.id };
          const states = other.f.adr.relations.some((x, j) => x.type === rev.type && targets.get(other)?.[j] === p.id);
          const list = implied.get(t) ?? [];
          if (!states && !list.some((x) => x.type === rev.type && x.target === rev.target)) list.push(rev);
          implied.set(t, list);
        });
      }

      const rewritten = new Set(plans.filter((p) => p.kind !== 'unchanged').map((p) => p.id));
      const placed: { id: string; file: string }[] = [];
      for (const p of plans) {
        const { f } = p;
        if (p.kind === 'unchanged') {
          placed.push({ id: p.id, file: f.file });
          report.unchanged.push({ file: f.file, id: p.id });
          continue;
        }
        const before = p.kind === 'update' ? existing.get(p.id)! : null;
        const ts = targets.get(p)!;
        const links: Record<string, LinkInfo> = {};
        f.adr.relations.forEach((r, i) => {
          const t = ts[i];
          // A link to the file wins over a bare mention ("superseded by ADR-0002" in front matter, linked in a list below).
          if (t && (!links[t] || (!links[t].file && r.ref.file)))
            links[t] = { label: r.ref.label, file: r.ref.file, number: r.ref.number };
        });
        const number =
          p.kind === 'create'
            ? p.number
            : f.adr.number !== null && f.adr.number !== before!.number
              ? f.adr.number
              : before!.number;
        const noStatus = f.adr.values.status === null && !f.adr.values.statusText;
        const noDate = f.adr.values.date === null && f.adr.fileDate === null;
        const extra: OriginExtra = {
          ...readExtra({}, f.file),
          parser: PARSER_VERSION,
          number,
          targets: ts,
          // Reverses implied by files not read again now still hold.
          implied: [
            ...(implied.get(p.id) ?? []),
            ...(before?.origin
              ? readExtra(before.origin.extra, before.origin.file).implied.filter((r) => !rewritten.has(r.target))
              : []),
          ],
          defaults: {
            ...(noStatus ? { status: before?.status ?? DEFAULT_STATUS } : {}),
            // Never a date the file does not have: the commit that added it ("from git"), else none.
            ...(noDate && gitDates.has(f.file) ? { date: gitDates.get(f.file)!, dateFrom: 'git' as const } : {}),
          },
          links: { ...(before?.origin ? readExtra(before.origin.extra, before.origin.file).links : {}), ...links },
          unknownSections: f.adr.unknownSections,
          unknownKeys: f.adr.unknownKeys,
        };
        for (const [i, r] of f.adr.relations.entries()) {
          if (!ts[i] && looksLikeAdr(r.ref))
            report.warnings.push({
              file: f.file,
              message: `The ${r.type} reference "${r.ref.label}" names no decision in this folder; it is kept as written.`,
            });
        }
        // The file's bytes and parse data are saved beside the content (decision_origins), not in it.
        const { origin, ...input } = contentFromFile(
          f.adr,
          f.raw,
          { file: f.file, extra },
          before ? store.contentOf(before) : null,
        );
        if (before) input.relations = mergeRelations(before, input.relations ?? []);
        const merged = f.ledger
          ? mergeWithLedger(db, input, f.adr, extra, f.ledger, before ? store.contentOf(before) : null, p.id, take)
          : null;
        for (const c of merged?.conflicts ?? []) report.conflicts.push({ file: f.file, id: p.id, ...c });
        // A decision rebuilt from its ledger is Cairn's own writing: it renders afresh, no file bytes kept.
        const kept = merged ? null : origin;
        const parsed = store.validate(input);
        if (!parsed.success) {
          report.skipped.push({
            file: f.file,
            kind: 'invalid',
            reason: `The file's content does not fit a decision: ${describeIssues(parsed.error.issues)}.`,
          });
          continue;
        }
        const content = parsed.data;
        let saved: Decision;
        if (p.kind === 'create') {
          saved = store.create(content, 'import', number, kept, p.id);
          report.imported.push({
            file: f.file,
            id: saved.id,
            number: saved.number,
            title: saved.title,
            dialect: f.adr.dialect,
          });
        } else {
          const changes = changedFields(store.contentOf(before!), content);
          if (!merged && before!.origin && localEdits(before!, rows.find((r) => r.decision_id === p.id)?.sha256)) {
            report.warnings.push({
              file: f.file,
              message: `"${before!.title}" had edits in Cairn that were not exported; the changed file replaces them (revision ${before!.revision} still holds them).`,
            });
          }
          saved = store.write(p.id, content, 'import', { number, origin: kept });
          report.updated.push({
            file: f.file,
            id: saved.id,
            number: saved.number,
            title: saved.title,
            dialect: f.adr.dialect,
            changes,
            renamedFrom: p.renamedFrom,
          });
        }
        const syncedAt = platform.now().toISOString();
        // While a conflict is open the file is not "synced": the next import reports it again,
        // and an export keeps the file (it holds a value Cairn does not).
        const fileSha = merged?.conflicts.length ? 'conflict-open' : f.sha;
        // A new file, or a renamed one (its old row is gone), has no row yet; any other has one.
        if (p.kind === 'create' || p.renamedFrom !== null)
          insertFile.run(dir, f.file, saved.id, fileSha, f.adr.dialect, syncedAt);
        else updateFile.run(saved.id, fileSha, f.adr.dialect, syncedAt, dir, f.file);
        placed.push({ id: saved.id, file: f.file });
        if (merged && f.ledger) rememberLedgerSync(db, dir, f.file, f.ledger, saved, merged, syncedAt);
      }
      placeDecisions(db, repository.id, placed);
      store.flushIndex();
      report.duplicates = duplicateNumbers(db, new Set(plans.map((p) => p.id)));
    });
    tx.immediate();
  }

  function start(dir: string, take: readonly { id: string; field: string }[] = []): { job: string } {
    const id = ctx.platform.newId();
    const job: ImportJob = {
      job: id,
      dir: path.resolve(dir),
      state: 'reading',
      done: 0,
      total: 0,
      report: null,
      error: null,
    };
    jobs.set(id, job);
    while (jobs.size > KEPT_JOBS) jobs.delete(jobs.keys().next().value!);
    run(dir, (done, total, state) => Object.assign(job, { done, total, state }), take).then(
      (report) => Object.assign(job, { state: 'done', report, done: job.total }),
      (e: unknown) => Object.assign(job, { state: 'failed', error: e instanceof Error ? e.message : String(e) }),
    );
    return { job: id };
  }

  function get(id: string): ImportJob {
    const job = jobs.get(id);
    if (!job)
      throw new CairnError(
        'not_found',
        `No import job "${id}". Jobs are kept while the app runs; start the import again.`,
      );
    return { ...job };
  }

  return { run, start, get };
}

/** The folder's real path as the file reader resolves each file's (`readAdrFile`), so the two compare. */
function realFolder(dir: string): string {
  try {
    return fsSync.realpathSync.native(dir);
  } catch (e) {
    throw new CairnError(
      'not_found',
      `Cannot read the folder ${dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); it went away while it was being imported. Import it again.`,
    );
  }
}

function emptyReport(dir: string): ImportReport {
  return {
    dir,
    files: 0,
    imported: [],
    updated: [],
    unchanged: [],
    skipped: [],
    missing: [],
    ignored: [],
    duplicates: [],
    warnings: [],
    conflicts: [],
    folders: [],
    lookedIn: [],
  };
}

/**
 * One report for a repository whose several ADR folders were imported: file names are then
 * relative to the folder named, so the same name in two folders stays two lines.
 */
function mergeReports(root: string, reports: ImportReport[], lookedIn: string[]): ImportReport {
  if (reports.length === 1) return { ...reports[0]!, lookedIn };
  const out: ImportReport = { ...emptyReport(root), lookedIn };
  for (const r of reports) {
    const rel = path.relative(root, r.dir).split(path.sep).join('/');
    const at = <T extends { file: string }>(x: T): T => ({ ...x, file: rel ? `${rel}/${x.file}` : x.file });
    out.files += r.files;
    out.imported.push(...r.imported.map(at));
    out.updated.push(...r.updated.map(at));
    out.unchanged.push(...r.unchanged.map(at));
    out.skipped.push(...r.skipped.map(at));
    out.missing.push(...r.missing.map(at));
    out.ignored.push(...r.ignored.map((f) => (rel ? `${rel}/${f}` : f)));
    out.warnings.push(...r.warnings.map(at));
    out.conflicts.push(...r.conflicts.map(at));
    out.duplicates.push(...r.duplicates);
    out.folders.push(...r.folders);
  }
  return out;
}

function majorityDialect(files: ReadFile[]): string | null {
  const votes = new Map<string, number>();
  for (const f of files) votes.set(f.adr.dialect, (votes.get(f.adr.dialect) ?? 0) + 1);
  return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** How the folder names its files, as `repositories.naming` records it. */
function namingOf(files: string[]): string {
  const prefixes = files
    .map((f) => /^(\d+)[-_]/.exec(path.posix.basename(f))?.[1])
    .filter((p): p is string => p !== undefined);
  if (!prefixes.length) return 'number:4';
  if (prefixes.every((p) => /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(p))) return 'date';
  const widths = new Map<number, number>();
  for (const p of prefixes) widths.set(p.length, (widths.get(p.length) ?? 0) + 1);
  return `number:${[...widths].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0]}`;
}

function sameTitle(store: DecisionStore, id: string, title: string): boolean {
  try {
    return store.get(id).title.trim().toLowerCase() === title.trim().toLowerCase();
  } catch (e) {
    if (e instanceof CairnError && e.code === 'not_found') return false;
    throw e;
  }
}

function looksLikeAdr(ref: { file: string | null; number: number | null }): boolean {
  return ref.number !== null || (ref.file !== null && /^(\d|adr)/i.test(ref.file));
}

/**
 * Finds the decision a reference names: by linked file name (this import first, then files
 * imported or exported before), then by slug, then by number when exactly one decision has it.
 */
function resolver(db: CoreContext['db'], dir: string, plans: Plan[], report: ImportReport) {
  const byFile = new Map<string, string>();
  // Exact paths in the folder: a link's path, read from the file that holds it, names one file even
  // where two subfolders hold the same name.
  const byPath = new Map<string, string>();
  const add = (file: string, id: string) => {
    byPath.set(file.toLowerCase(), id);
    byFile.set(file.toLowerCase(), id);
    byFile.set(file.toLowerCase().replace(/\.(md|markdown|mdx)$/, ''), id);
    // A link names the file, not its subfolder (`../archive/0003-x.md` reads as 0003-x.md): a file
    // in a subfolder answers to its own name too, unless a file of that name sits higher up.
    const base = path.posix.basename(file).toLowerCase();
    if (base !== file.toLowerCase()) {
      if (!byFile.has(base)) byFile.set(base, id);
      const bare = base.replace(/\.(md|markdown|mdx)$/, '');
      if (!byFile.has(bare)) byFile.set(bare, id);
    }
  };
  for (const r of db
    .prepare<[string], { file: string; decision_id: string }>('SELECT file, decision_id FROM repo_files WHERE dir = ?')
    .all(dir))
    add(r.file, r.decision_id);
  for (const p of plans) add(p.f.file, p.id);
  const byNumber = new Map<number, Set<string>>();
  const addNumber = (n: number | null, id: string) => {
    if (n === null) return;
    byNumber.set(n, (byNumber.get(n) ?? new Set()).add(id));
  };
  // Numbers resolve within this folder only: another folder in the same store may number alike.
  const inFolder = db.prepare<[string], { id: string; number: number }>(
    'SELECT DISTINCT d.id, d.number FROM decisions d JOIN repo_files r ON r.decision_id = d.id WHERE r.dir = ? AND d.trashed_at IS NULL AND d.number IS NOT NULL',
  );
  for (const r of inFolder.all(dir)) addNumber(r.number, r.id);
  for (const p of plans) addNumber(p.kind === 'create' ? p.number : p.f.adr.number, p.id);
  return (ref: DecisionRef, from: string): string | null => {
    const written = ref.path ?? ref.file;
    const at = written ? folderPath(from, written) : null;
    const exact = at ? byPath.get(at.toLowerCase()) : undefined;
    if (exact) return exact;
    if (ref.file) {
      const hit =
        byFile.get(ref.file.toLowerCase()) ?? byFile.get(ref.file.toLowerCase().replace(/\.(md|markdown|mdx)$/, ''));
      if (hit) return hit;
    }
    if (ref.number === null) return null;
    const ids = byNumber.get(ref.number);
    if (ids?.size === 1) return [...ids][0]!;
    if (ids && ids.size > 1)
      report.warnings.push({
        file: from,
        message: `"${ref.label}" is ambiguous: ${ids.size} decisions have number ${ref.number}. Renumber one of them, then import again.`,
      });
    return null;
  };
}

/** On re-import the file's relations win, plus relations added in Cairn that were never in the file. */
function mergeRelations(before: WithOrigin<Decision>, fromFile: Relation[]): Relation[] {
  const inFile = before.origin ? (snapshotOfOrigin(before.origin)?.snap.relations ?? []) : [];
  const key = (r: Relation) => `${r.type}\u0000${r.target}`;
  const known = new Set(inFile.map(key));
  const out = [...fromFile];
  for (const r of before.relations) if (!known.has(key(r)) && !out.some((x) => key(x) === key(r))) out.push(r);
  return out;
}

/** True when the decision, rendered, differs from what was last read or written (its sha in repo_files). */
function localEdits(d: WithOrigin<Decision>, syncedSha: string | undefined): boolean {
  const rendered = renderImported(d);
  if (rendered === null) return false;
  return syncedSha ? sha256(rendered) !== syncedSha : rendered !== d.origin!.raw;
}

const COMPARED = [
  'title',
  'status',
  'statusText',
  'date',
  'decisionMakers',
  'consulted',
  'informed',
  'tags',
  'reviewBy',
  'reviewTriggers',
  'context',
  'drivers',
  'options',
  'chosenOption',
  'rationale',
  'consequences',
  'confirmation',
  'moreInformation',
  'relations',
  'links',
] as const;

function changedFields(a: DecisionContent, b: DecisionContent): string[] {
  const norm = (k: (typeof COMPARED)[number], c: DecisionContent) =>
    k === 'drivers'
      ? c.drivers.map((d) => d.name)
      : k === 'options'
        ? c.options.map((o) => [o.name, o.description])
        : k === 'consequences'
          ? c.consequences.map((x) => [x.effect, x.text])
          : c[k];
  return COMPARED.filter((k) => JSON.stringify(norm(k, a)) !== JSON.stringify(norm(k, b)));
}

/**
 * Numbers that more than one decision in the same folder has (decisions never read from or
 * written to a folder count as one folder): two folders imported into one store may number alike.
 */
export function duplicateNumbers(db: CoreContext['db'], only?: Set<string>) {
  const rows = db
    .prepare<[], { id: string; number: number; title: string; dir: string | null; file: string | null }>(
      `SELECT d.id, d.number, d.title, r.dir, r.file FROM decisions d LEFT JOIN repo_files r ON r.decision_id = d.id
       WHERE d.trashed_at IS NULL AND d.number IS NOT NULL ORDER BY d.number, d.created_at, d.id, r.synced_at DESC`,
    )
    .all();
  // A decision both imported and exported elsewhere counts in the folder it was synced with last.
  const seen = new Set<string>();
  const groups = new Map<string, { number: number; decisions: { id: string; title: string; file: string | null }[] }>();
  for (const r of rows) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    const k = `${r.dir ?? ''}\u0000${r.number}`;
    const g = groups.get(k) ?? { number: r.number, decisions: [] };
    g.decisions.push({ id: r.id, title: r.title, file: r.file });
    groups.set(k, g);
  }
  const byFile = (a: { file: string | null; title: string; id: string }, b: typeof a) =>
    (a.file ?? '').localeCompare(b.file ?? '') || a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
  return [...groups.values()]
    .filter((g) => g.decisions.length > 1 && (!only || g.decisions.some((d) => only.has(d.id))))
    .map((g) => ({ ...g, decisions: g.decisions.sort(byFile) }));
}
