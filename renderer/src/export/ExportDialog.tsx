/**
 * The export dialog: name a folder (typed path in every host; a native picker where the host
 * has one), choose the format, preview every file with its text, then write and see what
 * happened, conflicts first. File text is shown as plain preformatted text, never rendered.
 */
import { AdrView } from '../components/AdrView.js';
import { useEffect, useId, useRef, useState } from 'react';
import type { ExportPlan, ExportResult, FileAction } from '../../../shared/api/export.js';
import type { AdrFormat } from '../../../shared/adr/types.js';
import { api } from '../api.js';
import { FolderField, rememberFolder } from '../components/FolderField.js';
import { joinPath, ShowInFolder } from '../components/ShowInFolder.js';
import './ExportDialog.css';

const DIR_KEY = 'cairn.export.dir';

const ACTION_LABEL: Record<FileAction, string> = {
  create: 'new',
  update: 'update',
  unchanged: 'unchanged',
  conflict: 'conflict',
  blocked: 'not written',
};

const FORMAT_LABEL: Record<AdrFormat, string> = { madr: 'MADR 4', nygard: 'Nygard (adr-tools)' };

function count(plan: ExportPlan, action: FileAction): number {
  return plan.files.filter((f) => f.action === action).length;
}

function planSummary(plan: ExportPlan): string {
  const how =
    plan.formatSource === 'folder'
      ? ', as the folder already writes'
      : plan.formatSource === 'default'
        ? ', the default for a new folder'
        : '';
  const parts = [
    `${count(plan, 'create')} new`,
    `${count(plan, 'update')} to update`,
    `${count(plan, 'unchanged')} unchanged`,
    `${count(plan, 'conflict') + count(plan, 'blocked')} conflict${count(plan, 'conflict') + count(plan, 'blocked') === 1 ? '' : 's'}`,
  ];
  return `Into ${plan.folder}${plan.folderExists ? '' : ' (a new folder)'} as ${FORMAT_LABEL[plan.format]}${how}: ${parts.join(', ')}.`;
}

export function ExportDialog(props: { ids: string[]; what: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const formatId = useId();
  const textId = useId();
  const [dir, setDir] = useState(() => localStorage.getItem(DIR_KEY) ?? '');
  const [format, setFormat] = useState<AdrFormat | ''>('');
  const [index, setIndex] = useState(true);
  const [plan, setPlan] = useState<ExportPlan | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const request = () => ({ ids: props.ids, dir: dir.trim(), format: format || undefined, index });

  async function preview(e?: React.FormEvent) {
    e?.preventDefault();
    if (!dir.trim()) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const next = await api.planExport(request());
      localStorage.setItem(DIR_KEY, dir.trim());
      setPlan(next);
      setShown(next.files.find((f) => f.action !== 'unchanged')?.file ?? next.files[0]?.file ?? null);
    } catch (err) {
      setPlan(null);
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function write() {
    setBusy(true);
    setError(null);
    try {
      const done = await api.runExport(request());
      setResult(done);
      void rememberFolder(dir.trim());
      setPlan(null);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const toWrite = plan
    ? plan.files.filter((f) => f.action === 'create' || f.action === 'update' || f.action === 'conflict').length
    : 0;
  const file = plan?.files.find((f) => f.file === shown) ?? null;

  return (
    <dialog ref={dialog} className="export-dialog" aria-labelledby={titleId} onClose={props.onClose}>
      <div className="export-body">
        <header>
          <h2 id={titleId}>Export {props.what}</h2>
          <button type="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </header>

        <form className="export-form" onSubmit={preview}>
          <FolderField
            label="Repository or ADR folder"
            value={dir}
            onChange={(v) => {
              setDir(v);
              setPlan(null);
            }}
            dialogTitle="Export into which folder?"
            hint="The full path of a folder on this computer. Inside a repository Cairn uses .adr-dir, docs/decisions, doc/adr or docs/adr."
          />
          <div className="actions">
            <label htmlFor={formatId}>Format</label>
            <select
              id={formatId}
              value={format}
              onChange={(e) => {
                setFormat(e.target.value as AdrFormat | '');
                setPlan(null);
              }}
            >
              <option value="">As the folder writes (MADR 4 if new)</option>
              <option value="madr">{FORMAT_LABEL.madr}</option>
              <option value="nygard">{FORMAT_LABEL.nygard}</option>
            </select>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={index}
                onChange={(e) => {
                  setIndex(e.target.checked);
                  setPlan(null);
                }}
              />{' '}
              Write the index (README.md)
            </label>
            <button type="submit" className="primary" disabled={busy || !dir.trim()}>
              Preview
            </button>
          </div>
        </form>

        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}

        {result && <Result result={result} />}

        {plan && (
          <section aria-label="Files to be written" className="export-plan">
            <p className="export-summary">{planSummary(plan)}</p>
            {plan.numbers.length > 0 && (
              <ul>
                {plan.numbers.map((n) => (
                  <li key={n.id}>
                    “{n.title}” becomes ADR {n.to}
                    {n.from !== null ? ` (was ${n.from})` : ''}
                  </li>
                ))}
              </ul>
            )}
            <div className="export-preview">
              <ul className="export-files" aria-label="Files">
                {plan.files.map((f) => (
                  <li key={f.file}>
                    <button
                      type="button"
                      aria-pressed={f.file === shown}
                      aria-controls={textId}
                      onClick={() => setShown(f.file)}
                    >
                      <span>
                        <span className={`export-action action-${f.action}`}>{ACTION_LABEL[f.action]}</span>
                        <span className="file-name">{f.file}</span>
                      </span>
                      {(f.note || f.keptAs) && (
                        <span className="file-note">
                          {f.note}
                          {f.keptAs ? ` Cairn’s version goes to ${f.keptAs}.` : ''}
                        </span>
                      )}
                    </button>
                  </li>
                ))}
              </ul>
              <div id={textId} className="export-text">
                {/* Rendered as the team will read it, with a switch to the exact bytes to be written. */}
                <AdrView
                  markdown={file?.text ?? ''}
                  label={file ? `Rendered ${file.file}` : 'Rendered file'}
                  rawLabel={file ? `Text of ${file.file}` : 'File text'}
                  headingOffset={2}
                />
              </div>
            </div>
            <div className="actions">
              <button type="button" className="primary" onClick={write} disabled={busy || toWrite === 0}>
                {toWrite === 0 ? 'Nothing to write' : `Write ${toWrite} file${toWrite === 1 ? '' : 's'}`}
              </button>
            </div>
          </section>
        )}
      </div>
    </dialog>
  );
}

function Result({ result }: { result: ExportResult }) {
  return (
    <section
      className={result.conflicts.length ? 'warning export-result' : 'panel export-result'}
      aria-label="Export result"
      role="status"
    >
      <p className="export-summary">
        Wrote {result.written.length} file{result.written.length === 1 ? '' : 's'} to {result.folder};{' '}
        {result.unchanged.length} unchanged
        {result.conflicts.length
          ? `; ${result.conflicts.length} conflict${result.conflicts.length === 1 ? '' : 's'}.`
          : '.'}
      </p>
      {result.numbers.length > 0 && (
        <ul>
          {result.numbers.map((n) => (
            <li key={n.id}>
              “{n.title}” is now ADR {n.to}
            </li>
          ))}
        </ul>
      )}
      {result.written.length > 0 && (
        <ul aria-label="Written">
          {result.written.map((w) => (
            <li key={w.file}>
              {w.action === 'create' ? 'New' : 'Updated'}: {w.file}{' '}
              <ShowInFolder path={joinPath(result.folder, w.file)} />
            </li>
          ))}
        </ul>
      )}
      {result.conflicts.length > 0 && (
        <ul aria-label="Conflicts">
          {result.conflicts.map((c) => (
            <li key={c.file}>{c.message}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
