/**
 * The export dialog: an imported decision goes back to its own repository by default (the rule
 * `cairn export` follows, shared/export-home.ts), decisions of several repositories each to
 * their own, and drafts into a folder the person names (typed path in every host; a native
 * picker where the host has one); choose the format, preview every file with its text, then write and see what
 * happened, conflicts first. File text is shown as plain preformatted text, never rendered.
 */
import { AdrView } from '../components/AdrView.js';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ExportPlan, ExportRequest, ExportResult, FileAction } from '../../../shared/api/export.js';
import type { AdrFormat } from '../../../shared/adr/types.js';
import { exportHomes, homeLabel, homelessSentence } from '../../../shared/export-home.js';
import { QueryStatus } from '../components/QueryStatus.js';
import { Checkbox, RadioGroup, Select } from '../components/Fields.js';
import { messageOf, useApiMutation, useApiQuery } from '../data/query.js';
import { countOf } from '../number-format.js';
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

type Destination = { kind: 'home' } | { kind: 'folder' };

export function ExportDialog(props: { ids: string[]; what: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();
  const [dir, setDir] = useState(() => localStorage.getItem(DIR_KEY) ?? '');
  const [format, setFormat] = useState<AdrFormat | ''>('');
  // Left undecided, the core's rule holds: the index only where Cairn wrote it or makes the folder.
  const [index, setIndex] = useState<boolean | undefined>(undefined);
  const [shown, setShown] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Destination | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  // Where each chosen decision belongs: the same rule as `cairn export` without --dir.
  const decisions = useApiQuery('listDecisions', { limit: 100_000, sort: 'number' });
  const repositories = useApiQuery('listRepositories', {});
  const homes = useMemo(() => {
    if (!decisions.data) return null;
    const items = props.ids.length
      ? decisions.data.items.filter((d) => props.ids.includes(d.id))
      : decisions.data.items;
    return exportHomes(items);
  }, [decisions.data, props.ids]);
  const canGoHome = homes !== null && homes.groups.length > 0 && homes.homeless.length === 0;
  const destination: Destination = chosen ?? (canGoHome ? { kind: 'home' } : { kind: 'folder' });
  const home = destination.kind === 'home' && canGoHome;

  const requests = (): ExportRequest[] =>
    home
      ? homes!.groups.map((g) => ({ ids: g.ids, repository: g.repository, format: format || undefined, index }))
      : [{ ids: props.ids, dir: dir.trim(), format: format || undefined, index }];

  const planning = useApiMutation('planExport');
  const writing = useApiMutation('runExport', { invalidates: ['listDecisions', 'listRepositories', 'getDecision'] });
  const [plans, setPlans] = useState<ExportPlan[] | null>(null);
  const [results, setResults] = useState<ExportResult[] | null>(null);
  const busy = planning.isPending || writing.isPending;
  const error = planning.error ?? writing.error;
  const ready = home || dir.trim() !== '';

  function reset() {
    setPlans(null);
    planning.reset();
  }

  async function preview(e?: React.FormEvent) {
    e?.preventDefault();
    if (!ready) return;
    setResults(null);
    writing.reset();
    const next: ExportPlan[] = [];
    try {
      for (const request of requests()) next.push(await planning.mutateAsync(request));
    } catch {
      setPlans(null);
      return;
    }
    if (!home) localStorage.setItem(DIR_KEY, dir.trim());
    setPlans(next);
    const files = next.flatMap((p) => p.files.map((f) => ({ key: fileKey(p, f.file), action: f.action })));
    setShown(files.find((f) => f.action !== 'unchanged')?.key ?? files[0]?.key ?? null);
  }

  async function write() {
    const done: ExportResult[] = [];
    try {
      for (const request of requests()) done.push(await writing.mutateAsync(request));
    } finally {
      if (done.length) {
        setResults(done);
        setPlans(null);
        if (!home) void rememberFolder(dir.trim());
      }
    }
  }

  const toWrite = (plans ?? []).reduce(
    (n, p) =>
      n + p.files.filter((f) => f.action === 'create' || f.action === 'update' || f.action === 'conflict').length,
    0,
  );
  const file =
    (plans ?? []).flatMap((p) => p.files.map((f) => ({ key: fileKey(p, f.file), f }))).find((x) => x.key === shown)
      ?.f ?? null;
  const repoByName = new Map(repositories.data?.map((r) => [r.name, r]) ?? []);
  const homeText = (name: string) => {
    const r = repoByName.get(name);
    return r ? homeLabel(r) : name;
  };

  return (
    <dialog ref={dialog} className="export-dialog" aria-labelledby={titleId} onClose={props.onClose}>
      <div className="export-body">
        <header>
          <h2 id={titleId}>Export {props.what}</h2>
          <button type="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </header>

        <QueryStatus
          isPending={decisions.isPending}
          error={decisions.error}
          onRetry={() => void decisions.refetch()}
          what="where the decisions belong"
        />
        <form className="export-form" onSubmit={preview}>
          {canGoHome && (
            <RadioGroup
              legend="Where to"
              groupClassName="export-destination"
              choiceClassName="checkbox"
              value={home}
              onChange={(toHome) => {
                setChosen({ kind: toHome ? 'home' : 'folder' });
                reset();
              }}
              choices={[
                {
                  value: true,
                  label:
                    homes!.groups.length === 1
                      ? `Back to its repository: ${homeText(homes!.groups[0]!.repository)}`
                      : `Each back to its own repository (${homes!.groups.length} repositories)`,
                  around: (radio) => (
                    <>
                      {radio}
                      {home && homes!.groups.length > 1 && (
                        <ul className="export-homes" aria-label="Repositories">
                          {homes!.groups.map((g) => (
                            <li key={g.repository}>
                              {countOf(g.ids.length, 'decision')} to {homeText(g.repository)}
                            </li>
                          ))}
                        </ul>
                      )}
                    </>
                  ),
                },
                { value: false, label: 'Into another folder' },
              ]}
            />
          )}
          {homes !== null && homes.homeless.length > 0 && (
            <p className="muted">{homelessSentence(homes.homeless)}: name the folder to export into.</p>
          )}
          {!home && (
            <FolderField
              label="Repository or ADR folder"
              value={dir}
              onChange={(v) => {
                setDir(v);
                reset();
              }}
              dialogTitle="Export into which folder?"
              hint="The full path of a folder on this computer. Inside a repository Cairn uses .adr-dir, docs/decisions, doc/adr or docs/adr."
            />
          )}
          <div className="actions">
            <Select<AdrFormat | ''>
              label="Format"
              labelPosition="beside"
              value={format}
              choices={[
                { value: '', label: 'As the folder writes (MADR 4 if new)' },
                { value: 'madr', label: FORMAT_LABEL.madr },
                { value: 'nygard', label: FORMAT_LABEL.nygard },
              ]}
              onChange={(f) => {
                setFormat(f);
                reset();
              }}
            />
            <Checkbox
              label="Write the index (README.md)"
              checked={index ?? (plans ? plans.some((p) => p.files.some((f) => f.kind === 'index')) : !home)}
              onChange={(checked) => {
                setIndex(checked);
                reset();
              }}
            />
            <button type="submit" className="primary" disabled={busy || !ready}>
              Preview
            </button>
          </div>
        </form>

        {error && (
          <p role="alert" className="error">
            {messageOf(error)}
          </p>
        )}

        {results?.map((r) => (
          <Result key={r.folder} result={r} />
        ))}

        {plans && (
          <section aria-label="Files to be written" className="export-plan">
            {plans.map((plan) => (
              <div key={plan.folder}>
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
              </div>
            ))}
            <div className="export-preview">
              <ul className="export-files" aria-label="Files">
                {plans.flatMap((plan) =>
                  plan.files.map((f) => (
                    <li key={fileKey(plan, f.file)}>
                      <button
                        type="button"
                        aria-pressed={fileKey(plan, f.file) === shown}
                        aria-controls={textId}
                        onClick={() => setShown(fileKey(plan, f.file))}
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
                  )),
                )}
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
                {toWrite === 0 ? 'Nothing to write' : `Write ${countOf(toWrite, 'file')}`}
              </button>
            </div>
          </section>
        )}
      </div>
    </dialog>
  );
}

/** A file's key in the preview: the same name may be planned in two repositories. */
function fileKey(plan: ExportPlan, file: string): string {
  return `${plan.folder}\u0000${file}`;
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
      {result.restored.length > 0 && (
        <p>
          Re-created the repository’s own {result.restored.length === 1 ? 'file' : `${result.restored.length} files`} as
          imported: {result.restored.join(', ')}.
        </p>
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
