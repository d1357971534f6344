/**
 * Pack files (`cairn-pack/1`, the source texts carried along) in and out of the Library. The
 * renderer has no file system: an import sends the chosen file's JSON (or a path the core reads)
 * through the typed API, an export names a folder the core writes into. In the desktop app,
 * "Import pack…" opens the system's open-file dialog (`pickPackFile`) and the core reads the
 * chosen path; the browser host has no such dialog and offers a file input instead. An import always says
 * how many of its claims did not verify, never silently.
 */
import { useState } from 'react';
import type { PackSummary } from '../../../shared/api/knowledge.js';
import { FolderField, rememberFolder } from '../components/FolderField.js';
import { FileField, TextField } from '../components/Fields.js';
import { href } from '../app/router.js';
import { messageOf, useApiMutation } from '../data/query.js';
import { useHostInfo } from '../native/host.js';
import { countOf } from '../number-format.js';

type ImportResult = PackSummary & { states: Record<string, number> };

/** "12 claims: 10 verified, 2 missing": every state with claims in it. */
function statesLine(r: ImportResult): string {
  const order = ['verified', 'moved', 'ambiguous', 'missing', 'unchecked'];
  const parts = order.filter((s) => (r.states[s] ?? 0) > 0).map((s) => `${countOf(r.states[s]!, 'claim')} ${s}`);
  return parts.join(', ') || 'no claims';
}

function notVerified(r: ImportResult): number {
  return (r.states.moved ?? 0) + (r.states.ambiguous ?? 0) + (r.states.missing ?? 0) + (r.states.unchecked ?? 0);
}

function ImportOutcome({ result }: { result: ImportResult }) {
  const off = notVerified(result);
  return (
    <div role="status" className={off ? 'warning' : 'panel'}>
      <p>
        Imported <a href={href('library', result.id)}>{result.title}</a>: {countOf(result.claims, 'claim')} from{' '}
        {countOf(result.sources, 'source')} ({statesLine(result)}).
      </p>
      {off > 0 && (
        <p>
          <strong>
            {countOf(off, 'claim')} {off === 1 ? 'is' : 'are'} not verified.
          </strong>{' '}
          Their quotes are marked on each claim card; open the pack to check them against the source texts.
        </p>
      )}
    </div>
  );
}

export function ImportPackFile() {
  const [path, setPath] = useState('');
  const [readError, setReadError] = useState<string | null>(null);
  const fromJson = useApiMutation('importPack', { invalidates: ['listPacks', 'getPack', 'suggestClaims'] });
  const fromPath = useApiMutation('readPackFile', { invalidates: ['listPacks', 'getPack', 'suggestClaims'] });
  const native = useHostInfo().capabilities.pickPackFile;
  // The desktop dialog answers a path (or null: cancelled, nothing happens); the core reads the file.
  const pick = useApiMutation('pickPackFile', {
    onSuccess: ({ path: chosen }) => {
      if (chosen) fromPath.mutate({ path: chosen });
    },
  });
  const busy = fromJson.isPending || fromPath.isPending || pick.isPending;
  const result = fromJson.data ?? fromPath.data;
  const failed = pick.error ?? fromJson.error ?? fromPath.error;
  const error = readError ?? (failed ? messageOf(failed) : null);

  const chooseFile = async (file: File) => {
    setReadError(null);
    fromJson.reset();
    fromPath.reset();
    pick.reset();
    let raw: unknown;
    try {
      raw = JSON.parse(await file.text());
    } catch (e) {
      setReadError(`${file.name} is not a pack file (not JSON: ${(e as Error).message}).`);
      return;
    }
    fromJson.mutate({ pack: raw });
  };

  return (
    <section className="panel pack-file" aria-labelledby="import-pack-title">
      <h2 id="import-pack-title">Import a pack file</h2>
      <p className="muted">
        A .cairn-pack.json file, with the texts of its sources; a pack of the same id is replaced.
      </p>
      {native ? (
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => {
            setReadError(null);
            fromJson.reset();
            fromPath.reset();
            pick.mutate({});
          }}
        >
          Import pack…
        </button>
      ) : (
        <FileField
          label="Choose a .cairn-pack.json file"
          accept=".json,application/json"
          disabled={busy}
          onFile={(file) => void chooseFile(file)}
        />
      )}
      <form
        className="pack-file-path"
        onSubmit={(e) => {
          e.preventDefault();
          setReadError(null);
          fromJson.reset();
          pick.reset();
          fromPath.mutate({ path: path.trim() });
        }}
      >
        <TextField
          label="…or the file’s full path"
          value={path}
          onChange={setPath}
          hint="e.g. /home/me/packs/database-engine.cairn-pack.json"
        />
        <button type="submit" disabled={busy || !path.trim()}>
          Import from path
        </button>
      </form>
      {busy && (
        <p role="status" className="muted">
          Importing…
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          Nothing was imported: {error}
        </p>
      )}
      {result && !error && <ImportOutcome result={result} />}
    </section>
  );
}

export function ExportPackFile({ packId }: { packId: string }) {
  const [folder, setFolder] = useState('');
  const save = useApiMutation('savePackFile', { onSuccess: () => void rememberFolder(folder.trim()) });
  return (
    <form
      className="panel pack-file"
      aria-labelledby="export-pack-title"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ id: packId, folder: folder.trim() });
      }}
    >
      <h2 id="export-pack-title">Export this pack</h2>
      <p className="muted">
        Writes {packId}.cairn-pack.json (format cairn-pack/1) with your sources, claims and the text of every source, so
        another Cairn can import it and verify the quotes.
      </p>
      <FolderField label="Folder to write into" value={folder} onChange={setFolder} disabled={save.isPending} />
      <button type="submit" className="primary" disabled={save.isPending || !folder.trim()}>
        {save.isPending ? 'Exporting…' : 'Export pack file'}
      </button>
      {save.error && (
        <p role="alert" className="error">
          Nothing was written: {messageOf(save.error)}
        </p>
      )}
      {save.data && (
        <p role="status" className="panel">
          Wrote <span className="file-path">{save.data.path}</span>: {countOf(save.data.sources, 'source')},{' '}
          {countOf(save.data.texts, 'source text')}.
        </p>
      )}
    </form>
  );
}
