/**
 * Carrying out an export plan: numbers recorded on the decisions, each file written atomically,
 * and the hash of what was written remembered so a later change outside Cairn is noticed.
 * A conflict never touches the changed file: Cairn's version is written beside it.
 */
import type { ExportResult } from '../../../shared/api/export.js';
import type { CoreContext } from '../context.js';
import type { DecisionStore } from '../decisions.js';
import { sha256 } from './folder.js';
import { ensureRepository, gitRoot, markIndexWritten, repositoryByFolder } from '../repositories.js';
import { inputShaOf, planExport, type InternalPlan, type PlanRequest } from './plan.js';
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

  const result: ExportResult = { folder: plan.folder, format: plan.format, written: [], unchanged: [], conflicts: [], numbers: [] };
  const writes = plan.files.some((f) => f.action === 'create' || f.action === 'update' || f.action === 'conflict');
  if (writes) ensureFolder(plan.scan);
  sweepStaleTemps(plan.folder);

  // One transaction for all numbers, and one for all file records: each commit is a disk sync.
  // A new number is a new revision; the files record it, so the next export sees nothing changed.
  const fileOf = new Map(plan.files.map((f) => [f.decisionId, f]));
  ctx.db.transaction(() => {
    for (const change of plan.numbers) {
      const { revision } = store.assignNumber(change.id, change.to);
      const f = fileOf.get(change.id);
      if (f?.inputKey) f.inputSha = inputShaOf(f.inputKey, revision);
      result.numbers.push(change);
    }
  })();

  const records: (() => void)[] = [];
  const rememberFile = (f: (typeof plan.files)[number]) => () => {
    if (f.hasCopies) forgetCopies.run(plan.folder, f.file, f.file, f.file);
    if (f.kind === 'index') return void rememberOwnFile.run(plan.folder, f.file, 'index', f.sha256, now());
    const before = f.recorded;
    // Re-recording the same bytes would only churn the database.
    if (before && before.sha256 === f.sha256 && before.decisionId === f.decisionId && before.format === f.format && before.inputSha === f.inputSha) return;
    forgetOtherFiles.run(plan.folder, f.decisionId, f.file);
    const updated = before ? updateDecisionFile.run(f.decisionId, f.sha256, f.format, now(), f.inputSha, plan.folder, f.file).changes : 0;
    if (!updated) insertDecisionFile.run(plan.folder, f.file, f.decisionId, f.sha256, f.format, now(), f.inputSha);
  };
  const toWrite = plan.files.filter((f) => f.action === 'create' || f.action === 'update');
  const byName = new Map(toWrite.map((f) => [f.file, f]));
  try {
    // Each file is recorded as soon as it is in place, so a failure part-way keeps the records
    // of what was written (and so never mistakes Cairn's own files for outside changes).
    await writeAtomicMany(
      plan.folder,
      toWrite.map((f) => ({ name: f.file, text: f.text })),
      (name) => {
        const f = byName.get(name)!;
        records.push(rememberFile(f));
        result.written.push({ file: f.file, action: f.action as 'create' | 'update' });
      },
    );
    for (const f of plan.files) {
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
          if (!there || there.sha256 !== sha256(f.text)) writeAtomic(plan.folder, keptAs, f.text);
          records.push(() => rememberOwnFile.run(plan.folder, keptAs, 'copy', f.sha256, now()));
          result.conflicts.push({
            file: f.file,
            keptAs,
            message: `${f.file}: ${f.note} Cairn's version is in ${keptAs}; merge the two, then delete ${keptAs}.`,
          });
          break;
        }
        case 'blocked':
          result.conflicts.push({ file: f.file, keptAs: null, message: `${f.file}: ${f.note} Nothing was written.` });
          break;
      }
    }
  } finally {
    ctx.db.transaction(() => {
      for (const record of records) record();
      plan.headers?.cache.save(plan.headers.files);
      placeInRepository(ctx, plan, result);
    })();
  }
  return result;
}

/**
 * The folder written is a repository; decisions that belonged to none now belong to it, under the
 * name they were written as. A decision of another repository stays in its own: this was a copy.
 */
function placeInRepository(ctx: CoreContext, plan: InternalPlan, result: ExportResult): void {
  const done = new Set([...result.written.map((w) => w.file), ...result.unchanged]);
  const files = plan.files.filter((f) => f.kind === 'decision' && f.decisionId !== null && done.has(f.file));
  const indexWritten = plan.files.some((f) => f.kind === 'index' && done.has(f.file));
  if (!files.length && !indexWritten) return;
  const naming = plan.naming.kind === 'date' ? 'date' : `number:${plan.naming.width ?? 4}`;
  const repository = repositoryByFolder(ctx.db, plan.folder) ?? ensureRepository(ctx, { folder: plan.folder, root: gitRoot(plan.folder) ?? plan.root, dialect: plan.format, naming });
  const adopt = ctx.db.prepare('UPDATE decisions SET repository = ?, repo_path = ? WHERE id = ? AND (repository IS NULL OR repository = ?)');
  for (const f of files) adopt.run(repository.id, f.file, f.decisionId, repository.id);
  if (indexWritten) markIndexWritten(ctx.db, plan.folder);
}
