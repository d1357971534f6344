/**
 * Carrying out an export plan: each file written atomically, and the hash of what was written
 * remembered so a later change outside Cairn is noticed.
 * Policy enforced here:
 * - a conflict never touches the changed file: Cairn's version is written beside it, and that
 *   holds for an edit made while the export runs (each target is checked right before its rename);
 * - nothing is recorded unless its file landed: a draft gets its number (a new revision) in the
 *   same transaction that records its file, so a failed export (EPERM, EROFS, ENOSPC) leaves no
 *   numbers behind, and the next attempt numbers the same way;
 * - the plan is carried out a batch of decisions at a time (their texts are let go once written):
 *   before a batch's first file lands, what it is about to write is recorded (export_intents), and
 *   once it has landed, its files and numbers are recorded and the intents forgotten, so an export
 *   killed midway is finished by the next one: same numbers, no second copy of any file;
 * - a file that cannot be written (a control character in its name, a link in the way) is refused
 *   alone; the rest of the export goes on.
 */
import type { ExportResult } from '../../../shared/api/export.js';
import type { CoreContext } from '../context.js';
import type { DecisionStore } from '../decisions/store.js';
import { ensureRepository, gitRoot, markIndexWritten, repositoryByFolder } from '../repositories/repositories.js';
import { restoreCompanions } from '../repositories/companions.js';
import { inputShaOf, planExport, type InternalFile, type InternalPlan, type PlanRequest } from './plan.js';
import { ensureFolder, sweepStaleTemps, writeAtomic, writeAtomicMany } from './write.js';

export async function runExport(ctx: CoreContext, store: DecisionStore, request: PlanRequest): Promise<ExportResult> {
  const plan = planExport(ctx, store, request);
  const now = () => ctx.platform.now().toISOString();
  // An INSERT for a new file and an UPDATE for a known one: an upsert on this table (it has a
  // foreign key) costs SQLite a statement journal per row.
  const insertDecisionFile = ctx.db.prepare(
    'INSERT INTO repo_files (dir, file, decision_id, sha256, format, synced_at, input_sha) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const updateDecisionFile = ctx.db.prepare(
    'UPDATE repo_files SET decision_id = ?, sha256 = ?, format = ?, synced_at = ?, input_sha = ? WHERE dir = ? AND file = ?',
  );
  const forgetOtherFiles = ctx.db.prepare('DELETE FROM repo_files WHERE dir = ? AND decision_id = ? AND file <> ?');
  // Once a file holds Cairn's version again, the copies kept beside it no longer speak for Cairn.
  const forgetCopies = ctx.db.prepare(
    "DELETE FROM export_files WHERE dir = ? AND role = 'copy' AND (file = ? || '.cairn' OR substr(file, 1, length(?) + 7) = ? || '.cairn-')",
  );
  const rememberOwnFile = ctx.db.prepare(
    `INSERT INTO export_files (dir, file, role, sha256, synced_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (dir, file) DO UPDATE SET role = excluded.role, sha256 = excluded.sha256, synced_at = excluded.synced_at`,
  );
  const intend = ctx.db.prepare(
    `INSERT INTO export_intents (dir, file, decision_id, sha256, format, created_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (dir, file) DO UPDATE SET decision_id = excluded.decision_id, sha256 = excluded.sha256, format = excluded.format, created_at = excluded.created_at`,
  );
  const forgetIntents = ctx.db.prepare('DELETE FROM export_intents WHERE dir = ?');

  const rememberLedger = ctx.db.prepare(
    `INSERT INTO ledger_files (dir, file, decision_id, sha256, input_sha, synced_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (dir, file) DO UPDATE SET decision_id = excluded.decision_id, sha256 = excluded.sha256, input_sha = excluded.input_sha, synced_at = excluded.synced_at`,
  );
  // What the decision held when its ledger was written: the ancestor of a later re-import's merge.
  const rememberBase = ctx.db.prepare(
    `INSERT INTO sync_bases (decision_id, content, synced_at) VALUES (?, ?, ?)
     ON CONFLICT (decision_id) DO UPDATE SET content = excluded.content, synced_at = excluded.synced_at`,
  );
  const result: ExportResult = {
    folder: plan.folder,
    format: plan.format,
    written: [],
    unchanged: [],
    conflicts: [],
    numbers: [],
    restored: [],
  };
  // Reported as before batches: first what changed while the export ran, then what the plan found.
  const changedWhileWriting: ExportResult['conflicts'] = [];
  const keptBack: ExportResult['conflicts'] = [];
  sweepStaleTemps(plan.folder);
  let folderReady = false;

  // A new number is a new revision, given only once the decision's file (or Cairn's version beside
  // a conflicting one) has landed; the files record that revision, so the next export sees nothing changed.
  // A decision has two files (its ADR and its ledger, always in the same batch); both record the revision its number made.
  const numberOf = new Map(plan.numbers.map((n) => [n.id, n]));
  // The decision files in place (written or already the same), for the repository they now belong to.
  const landed: { file: string; decisionId: string }[] = [];
  let indexLanded = false;

  /**
   * Writes one batch of the plan, then records it: its numbers, its files' hashes, its intents
   * forgotten. `meanwhile` runs while the batch's last files are being synced (or right away when
   * it writes nothing).
   */
  async function carryOut(files: InternalFile[], meanwhile: () => void): Promise<void> {
    const filesOf = new Map<string | null, InternalFile[]>();
    for (const f of files) filesOf.set(f.decisionId, [...(filesOf.get(f.decisionId) ?? []), f]);
    const giveNumber = (f: InternalFile) => {
      const change = f.decisionId ? numberOf.get(f.decisionId) : undefined;
      if (!change) return;
      numberOf.delete(change.id);
      const { revision } = store.assignNumber(change.id, change.to);
      for (const g of filesOf.get(change.id) ?? [f]) if (g.inputKey) g.inputSha = inputShaOf(g.inputKey, revision);
      result.numbers.push(change);
    };

    const records: (() => void)[] = [];
    // Re-recording the same bytes would only churn the database (an unchanged re-export records nothing).
    const sameAsRecorded = (f: InternalFile) => {
      const before = f.recorded;
      return (
        before !== null &&
        before.sha256 === f.sha256 &&
        before.decisionId === f.decisionId &&
        before.format === f.format &&
        before.inputSha === f.inputSha
      );
    };
    const rememberFile = (f: InternalFile) => () => {
      giveNumber(f);
      if (f.hasCopies) forgetCopies.run(plan.folder, f.file, f.file, f.file);
      if (f.kind === 'index') {
        indexLanded = true;
        return void rememberOwnFile.run(plan.folder, f.file, 'index', f.sha256, now());
      }
      if (f.kind === 'ledger') {
        if (!sameAsRecorded(f)) rememberLedger.run(plan.folder, f.file, f.decisionId, f.sha256, f.inputSha, now());
        if (f.ledgerBase) rememberBase.run(f.decisionId, f.ledgerBase, now());
        return;
      }
      if (f.decisionId) landed.push({ file: f.file, decisionId: f.decisionId });
      if (sameAsRecorded(f)) return;
      const before = f.recorded;
      forgetOtherFiles.run(plan.folder, f.decisionId, f.file);
      const updated = before
        ? updateDecisionFile.run(f.decisionId, f.sha256, f.format, now(), f.inputSha, plan.folder, f.file).changes
        : 0;
      if (!updated) insertDecisionFile.run(plan.folder, f.file, f.decisionId, f.sha256, f.format, now(), f.inputSha);
    };
    const keptBeside = (into: ExportResult['conflicts'], f: InternalFile, keptAs: string, why: string) => {
      records.push(() => {
        giveNumber(f);
        rememberOwnFile.run(plan.folder, keptAs, 'copy', f.sha256, now());
      });
      into.push({
        file: f.file,
        keptAs,
        message: `${f.file}: ${why} Cairn's version is in ${keptAs}; merge the two, then delete ${keptAs}.`,
      });
    };
    const toWrite = files.filter((f) => f.action === 'create' || f.action === 'update');
    if (!folderReady && (toWrite.length || files.some((f) => f.action === 'conflict'))) {
      ensureFolder(plan.scan);
      folderReady = true;
    }
    const byName = new Map(toWrite.map((f) => [f.file, f]));
    // What each target must still hold right before its rename: the bytes the plan saw, or nothing.
    const expected = (f: InternalFile) => plan.scan.entries.get(f.file)?.sha256 ?? null;

    const intents = toWrite.filter((f) => f.kind === 'decision' && f.decisionId);
    if (intents.length) {
      ctx.db.transaction(() => {
        for (const f of intents) intend.run(plan.folder, f.file, f.decisionId, f.sha256, f.format, now());
      })();
    }
    try {
      // Each file is recorded once it is in place, so a failure part-way keeps the records
      // of what was written (and so never mistakes Cairn's own files for outside changes).
      await writeAtomicMany(
        plan.folder,
        toWrite.map((f) => ({ name: f.file, text: f.text, expect: expected(f) })),
        (name) => {
          const f = byName.get(name)!;
          records.push(rememberFile(f));
          result.written.push({ file: f.file, action: f.action as 'create' | 'update' });
        },
        {
          conflict: (name, keptAs) => {
            const f = byName.get(name)!;
            const why = 'It changed while the export ran; your version stays.';
            if (keptAs) keptBeside(changedWhileWriting, f, keptAs, why);
            else
              changedWhileWriting.push({
                file: name,
                keptAs: null,
                message: `${name}: ${why} No free name was left for Cairn's version.`,
              });
          },
          refused: (name, error) =>
            changedWhileWriting.push({
              file: name,
              keptAs: null,
              message: `${name}: ${error.message} Nothing was written.`,
            }),
          meanwhile,
        },
      );
      for (const f of files) {
        switch (f.action) {
          case 'create':
          case 'update':
            break;
          case 'unchanged':
            records.push(rememberFile(f));
            result.unchanged.push(f.file);
            break;
          case 'conflict': {
            const keptAs = f.keptAs!;
            const there = plan.scan.entries.get(keptAs);
            try {
              if (!there || there.sha256 !== f.sha256) writeAtomic(plan.folder, keptAs, f.text);
            } catch (e) {
              keptBack.push({
                file: f.file,
                keptAs: null,
                message: `${f.file}: ${f.note} Cairn's version could not be written beside it (${(e as Error).message}).`,
              });
              break;
            }
            keptBeside(keptBack, f, keptAs, f.note);
            break;
          }
          case 'blocked':
            keptBack.push({ file: f.file, keptAs: null, message: `${f.file}: ${f.note} Nothing was written.` });
            break;
        }
      }
    } finally {
      ctx.db.transaction(() => {
        for (const record of records) record();
        // Everything of this batch that landed is recorded now; what did not land was never Cairn's.
        if (intents.length) forgetIntents.run(plan.folder);
      })();
    }
  }

  // Whether the folder was empty before: only then does a whole repository get its other files back.
  const emptyBefore = plan.scan.entries.size === 0;
  let planned = false;
  try {
    // The next batch is planned (rendered) while this one's last files are synced.
    const batches = plan.batches();
    const ahead: { next: IteratorResult<InternalFile[]> | null; error?: { thrown: unknown } } = {
      next: batches.next(),
    };
    const planNext = () => {
      if (ahead.next || ahead.error) return;
      try {
        ahead.next = batches.next();
      } catch (thrown) {
        // Reported once this batch is recorded: what landed is Cairn's either way.
        ahead.error = { thrown };
      }
    };
    for (let step = ahead.next; step && !step.done; step = ahead.next) {
      ahead.next = null;
      await carryOut(step.value, planNext);
      planNext();
      if (ahead.error) throw ahead.error.thrown;
    }
    planned = true;
    // A whole repository into a folder that was empty (deleted, a fresh clone): its other files
    // too, each only where nothing is (Cairn's own files are in place by now), so it comes back whole.
    const repository = emptyBefore && folderReady ? wholeRepository(ctx, landed) : null;
    if (repository !== null) result.restored = restoreCompanions(ctx.db, repository, plan.folder, new Set());
  } finally {
    result.conflicts.push(...changedWhileWriting, ...keptBack);
    ctx.db.transaction(() => {
      // The headers of a folder planned only in part would forget the rest; the next export reads them again.
      if (planned) plan.headers?.cache.save(plan.headers.files);
      // What the scan read stays true whatever became of the export (files it then wrote no longer match).
      plan.stats.save(plan.scan.entries);
      placeInRepository(ctx, plan, landed, indexLanded);
    })();
  }
  return result;
}

/** The repository whose every decision this export wrote, or null (several, none, or only some of one). */
function wholeRepository(ctx: CoreContext, landed: readonly { decisionId: string }[]): number | null {
  const ids = [...new Set(landed.map((f) => f.decisionId))];
  if (!ids.length) return null;
  const repos = ctx.db
    .prepare<[string], { repository: number | null }>(
      'SELECT DISTINCT repository FROM decisions WHERE id IN (SELECT value FROM json_each(?))',
    )
    .all(JSON.stringify(ids));
  const repository = repos.length === 1 ? repos[0]!.repository : null;
  if (repository === null) return null;
  const { n } = ctx.db
    .prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM decisions WHERE repository = ? AND trashed_at IS NULL')
    .get(repository)!;
  return n === ids.length ? repository : null;
}

/**
 * The folder written is a repository; decisions that belonged to none now belong to it, under the
 * name they were written as. A decision of another repository stays in its own: this was a copy.
 */
function placeInRepository(
  ctx: CoreContext,
  plan: InternalPlan,
  files: { file: string; decisionId: string }[],
  indexWritten: boolean,
): void {
  if (!files.length && !indexWritten) return;
  const naming = plan.naming.kind === 'date' ? 'date' : `number:${plan.naming.width ?? 4}`;
  const repository =
    repositoryByFolder(ctx.db, plan.folder) ??
    ensureRepository(ctx, {
      folder: plan.folder,
      root: gitRoot(plan.folder) ?? plan.root,
      dialect: plan.format,
      naming,
    });
  // A decision already placed so is left alone: an unchanged re-export writes no row.
  const adopt = ctx.db.prepare<{ repository: number; file: string; id: string }>(
    `UPDATE decisions SET repository = :repository, repo_path = :file
     WHERE id = :id AND (repository IS NULL OR repository = :repository) AND (repository IS NOT :repository OR repo_path IS NOT :file)`,
  );
  for (const f of files) adopt.run({ repository: repository.id, file: f.file, id: f.decisionId });
  if (indexWritten) markIndexWritten(ctx.db, plan.folder);
}
