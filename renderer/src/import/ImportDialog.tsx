/**
 * The import dialog: a folder path, a progress bar while the files are read (the core reads
 * them in the background and this polls the job), and the report at the end.
 */
import { useEffect, useRef, useState } from 'react';
import type { ImportJob, ImportReport } from '../../../shared/api/import.js';
import { messageOf, useApiMutation, useApiQuery } from '../data/query.js';
import { formatCount } from '../number-format.js';
import { ImportConflicts } from './ImportConflicts.js';
import { useActionHandler, useRequest } from '../app/actions.js';
import { FolderField, rememberFolder } from '../components/FolderField.js';
import './ImportDialog.css';

/** Ask for this (with a folder, or none) to open the import dialog on the decision list, from any screen. */
export const IMPORT_REQUEST = 'import-dialog';

const POLL_MS = 150;

function isRunning(job: ImportJob): boolean {
  return job.state === 'reading' || job.state === 'dating' || job.state === 'writing';
}

export function ImportButton({ onImported }: { onImported: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [initialDir, setInitialDir] = useState('');
  const show = (dir = '') => {
    if (dialog.current?.open) return;
    setInitialDir(dir);
    setOpen(true);
    dialog.current?.showModal();
  };
  useActionHandler('importRepository', () => show());
  useRequest(IMPORT_REQUEST, (dir) => show(dir));
  return (
    <>
      <button type="button" onClick={() => show()}>
        Import folder…
      </button>
      <dialog
        ref={dialog}
        className="import-dialog"
        aria-labelledby="import-title"
        onClose={() => {
          // However the dialog closes (button or Escape), the list shows what was imported.
          setOpen(false);
          onImported();
        }}
      >
        {open && <ImportForm initialDir={initialDir} onClose={() => dialog.current?.close()} />}
      </dialog>
    </>
  );
}

function ImportForm({ initialDir, onClose }: { initialDir: string; onClose: () => void }) {
  const [dir, setDir] = useState(initialDir);
  const start = useApiMutation('startImport');
  const jobId = start.data?.job ?? null;
  // The job is polled while it runs; the data layer stops asking once it is done or failed.
  const poll = useApiQuery(
    'getImportJob',
    { job: jobId ?? '' },
    {
      enabled: jobId !== null,
      staleTime: 0,
      refetchInterval: (q) => (q.state.data && !isRunning(q.state.data) ? false : POLL_MS),
    },
  );
  const job: ImportJob | null =
    jobId === null
      ? null
      : (poll.data ?? { job: jobId, dir: dir.trim(), state: 'reading', done: 0, total: 0, report: null, error: null });
  const running = start.isPending || (job !== null && isRunning(job));
  const finished = job?.state === 'done' ? job.dir : null;
  useEffect(() => {
    if (finished !== null) void rememberFolder(finished);
  }, [finished]);
  const error = start.error
    ? messageOf(start.error)
    : poll.error
      ? messageOf(poll.error)
      : job?.state === 'failed'
        ? job.error
        : null;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    start.mutate({ dir: dir.trim() });
  }

  return (
    <div className="import-body">
      <h2 id="import-title">Import ADRs from a folder</h2>
      <form onSubmit={submit} className="import-form">
        <FolderField
          label="Folder"
          value={dir}
          onChange={setDir}
          disabled={running}
          autoFocus
          dialogTitle="Import ADRs from which folder?"
          hint={
            <>
              The repository (its ADR folders are found) or the folder that holds the ADR files, e.g.{' '}
              <code>/home/me/shop</code>; subfolders are read too. MADR, adr-tools and log4brains files are read;
              importing again after a git pull updates what changed.
            </>
          }
        />
        <button type="submit" className="primary" disabled={!dir.trim() || running}>
          Import
        </button>
      </form>
      {job && <Progress job={job} />}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {job?.report && <Report report={job.report} />}
      <div className="import-actions">
        <button type="button" onClick={onClose} disabled={running}>
          Close
        </button>
      </div>
    </div>
  );
}

function Progress({ job }: { job: ImportJob }) {
  const label =
    job.state === 'reading'
      ? `Reading ${formatCount(job.done)} of ${job.total ? formatCount(job.total) : '…'} files`
      : job.state === 'dating'
        ? 'Asking git when undated files were added'
        : job.state === 'writing'
          ? 'Saving the decisions'
          : job.state === 'done'
            ? `Read ${formatCount(job.total)} file${job.total === 1 ? '' : 's'}`
            : 'The import failed';
  return (
    <div className="import-progress">
      <progress
        aria-label="Import progress"
        max={Math.max(job.total, 1)}
        value={job.state === 'done' ? Math.max(job.total, 1) : job.done}
      />
      <span role="status">{label}</span>
    </div>
  );
}

function Report({ report: r }: { report: ImportReport }) {
  const adr = (n: number | null) => (n === null ? 'Draft' : `ADR ${n}`);
  if (!r.folders.length) {
    return (
      <section className="import-report" aria-label="Import report">
        <p>
          Found no ADR folder in {r.dir}. Looked in: {r.lookedIn.join(', ')}. Choose the folder that holds the ADR
          files.
        </p>
      </section>
    );
  }
  return (
    <section className="import-report" aria-label="Import report">
      {(r.folders.length > 1 || r.folders[0]!.source !== 'named') && (
        <ReportList
          title="Folders found"
          items={r.folders.map(
            (f) => `${f.folder} (found by ${f.source}): repository ${f.repository ?? '?'}, ${f.files} files`,
          )}
        />
      )}
      <p>
        <strong>{r.imported.length} new</strong>, {r.updated.length} updated, {r.unchanged.length} unchanged,{' '}
        {r.skipped.length} skipped
        {r.missing.length ? `, ${r.missing.length} missing` : ''}
        {r.conflicts.length
          ? `, ${r.conflicts.length} conflicting field${r.conflicts.length === 1 ? '' : 's'} kept`
          : ''}
        .
      </p>
      {r.skipped.length > 0 && <ReportList title="Skipped" items={r.skipped.map((s) => `${s.file}: ${s.reason}`)} />}
      {r.duplicates.length > 0 && <Duplicates groups={r.duplicates} />}
      {r.conflicts.length > 0 && <ImportConflicts report={r} />}
      {r.updated.length > 0 && (
        <ReportList
          title="Updated"
          items={r.updated.map((f) => `${adr(f.number)}: ${f.title} (${f.changes.join(', ') || 'formatting'})`)}
        />
      )}
      {r.missing.length > 0 && (
        <ReportList title="No longer in the folder (kept in Cairn)" items={r.missing.map((f) => f.file)} />
      )}
      {r.warnings.length > 0 && (
        <ReportList title="Warnings" items={r.warnings.map((w) => `${w.file}: ${w.message}`)} />
      )}
      {r.imported.length > 0 && (
        <ReportList
          title="New"
          items={r.imported.map((f) => `${adr(f.number)}: ${f.title} (${f.dialect})`)}
          collapsed={r.imported.length > 10}
        />
      )}
    </section>
  );
}

/** Numbers two files share (parallel branches), each later file with a button that gives it the next free number. */
function Duplicates({ groups }: { groups: ImportReport['duplicates'] }) {
  const [done, setDone] = useState<Record<string, string>>({});
  const renumbering = useApiMutation('renumberDecision', { invalidates: ['listDecisions', 'listDecisionFacets'] });
  function renumber(id: string) {
    renumbering.mutate(
      { id },
      {
        onSuccess: (r) => {
          const moved = r.moved.map((m) => `${m.from} → ${m.to}`).join(', ');
          const kept = r.kept.map((k) => k.reason).join(' ');
          setDone((d) => ({ ...d, [id]: `Now ADR ${r.decision.number}${moved ? ` (${moved})` : ''}. ${kept}`.trim() }));
        },
        onError: (e) => setDone((d) => ({ ...d, [id]: messageOf(e) })),
      },
    );
  }
  return (
    <details open>
      <summary>Duplicate numbers ({groups.length})</summary>
      <ul tabIndex={0} aria-label="Duplicate numbers">
        {groups.map((g) => (
          <li key={g.number}>
            ADR {g.number} is used by {g.decisions.map((d) => d.file ?? d.title).join(' and ')}.
            {g.decisions.slice(1).map((d) => (
              <div key={d.id} className="duplicate-action">
                {done[d.id] ? (
                  <span role="status">{done[d.id]}</span>
                ) : (
                  <button type="button" onClick={() => renumber(d.id)}>
                    Renumber {d.file ?? d.title}
                  </button>
                )}
              </div>
            ))}
          </li>
        ))}
      </ul>
    </details>
  );
}

function ReportList({ title, items, collapsed = false }: { title: string; items: string[]; collapsed?: boolean }) {
  const shown = items.slice(0, 500);
  // The list scrolls when long, so it takes keyboard focus to be scrolled without a mouse.
  const list = (
    <ul tabIndex={0} aria-label={title}>
      {shown.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
      {items.length > shown.length && <li className="muted">… and {items.length - shown.length} more</li>}
    </ul>
  );
  return (
    <details open={!collapsed}>
      <summary>
        {title} ({items.length})
      </summary>
      {list}
    </details>
  );
}
