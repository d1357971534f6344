/**
 * Shown instead of the app when the database is damaged. Cairn has not touched the file; this
 * page says so, and offers the newest backup that passes an integrity check (the replaced file
 * is kept beside the restored one), and the same step as a command line.
 */
import { useEffect, useState } from 'react';
import type { StoreStatus } from '../../../shared/api/store.js';
import { api } from '../api.js';
import './Recovery.css';

/** The store's health, checked once at start; null until known (or when it cannot be asked). */
export function useStoreHealth(enabled: boolean): StoreStatus | null {
  const [status, setStatus] = useState<StoreStatus | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    api.getStoreStatus({}).then(
      (s) => live && setStatus(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [enabled]);
  return status;
}

const when = (iso: string) => `${iso.slice(0, 10)} at ${iso.slice(11, 16)} UTC`;

export function Recovery({ status }: { status: StoreStatus }) {
  const [state, setState] = useState<
    'idle' | 'working' | { restored: string; setAside: string | null } | { error: string }
  >('idle');
  const good = status.newestGood;

  async function restore() {
    if (!good) return;
    setState('working');
    try {
      const result = await api.restoreBackup({ name: good.name });
      setState({ restored: result.restored.name, setAside: result.setAside });
    } catch (e) {
      setState({ error: (e as Error).message });
    }
  }

  if (typeof state === 'object' && 'restored' in state) {
    return (
      <main className="standalone recovery">
        <h1>Backup restored</h1>
        <p role="status">
          Cairn now uses the backup taken {good ? when(good.createdAt) : ''}. Work saved after that time is not in it.
        </p>
        {state.setAside && (
          <p>
            The damaged file was kept as <code>{state.setAside}</code>.
          </p>
        )}
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          Open Cairn
        </button>
      </main>
    );
  }

  return (
    <main className="standalone recovery">
      <h1>The database is damaged</h1>
      <div role="alert" className="error">
        <p>
          Cairn found a problem in <code>{status.dbPath}</code> and has not changed the file.
        </p>
        {status.problem && <p className="recovery-detail">SQLite reports: {status.problem}</p>}
      </div>
      {good ? (
        <section aria-labelledby="restore-title" className="panel">
          <h2 id="restore-title">Restore the newest good backup</h2>
          <p>
            The backup taken {when(good.createdAt)} ({good.kind}) passes an integrity check. Restoring it replaces the
            damaged file, which is kept beside it. Changes made after that time are not in the backup.
          </p>
          <button type="button" className="primary" onClick={restore} disabled={state === 'working'}>
            {state === 'working' ? 'Restoring…' : `Restore the backup from ${when(good.createdAt)}`}
          </button>
          {typeof state === 'object' && 'error' in state && (
            <p role="alert" className="error">
              {state.error}
            </p>
          )}
          <p className="muted">
            Or quit Cairn and run: <code>{status.restoreCommand}</code>
          </p>
        </section>
      ) : (
        <section className="panel">
          <h2>No good backup was found</h2>
          <p>
            There is no backup in <code>{status.backupDir}</code> that passes an integrity check. Keep a copy of the
            damaged file; the sqlite3 tool&apos;s <code>.recover</code> command may save part of it.
          </p>
        </section>
      )}
    </main>
  );
}
