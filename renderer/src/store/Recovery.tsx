/**
 * Shown instead of the app when the database is damaged. Cairn has not touched the file; this
 * page says so, and offers the newest backup that passes an integrity check (the replaced file
 * is kept beside the restored one), and the same step as a command line.
 */
import type { StoreStatus } from '../../../shared/api/store.js';
import { messageOf, useApiMutation, useApiQuery } from '../data/query.js';
import './Recovery.css';

/**
 * The store's health, checked once at start (the check reads the whole file, so it is not
 * repeated on focus). `data` is unknown until the answer comes; a failure is said by StoreCheckFailed.
 */
export function useStoreHealth(enabled: boolean) {
  return useApiQuery('getStoreStatus', {}, { enabled, staleTime: Infinity, refetchOnWindowFocus: false });
}

/** Above the app when the health check itself failed: the app still opens, and says it could not check. */
export function StoreCheckFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div role="alert" className="warning store-check-failed">
      <p>
        Cairn could not check the database for damage: {messageOf(error)} You can keep working; Check again repeats the
        check.
      </p>
      <button type="button" onClick={onRetry}>
        Check again
      </button>
    </div>
  );
}

const when = (iso: string) => `${iso.slice(0, 10)} at ${iso.slice(11, 16)} UTC`;

export function Recovery({ status }: { status: StoreStatus }) {
  const restore = useApiMutation('restoreBackup');
  const good = status.newestGood;
  const restored = restore.data;

  if (restored) {
    return (
      <main className="standalone recovery">
        <h1>Backup restored</h1>
        <p role="status">
          Cairn now uses the backup taken {good ? when(good.createdAt) : ''}. Work saved after that time is not in it.
        </p>
        {restored.setAside && (
          <p>
            The damaged file was kept as <code>{restored.setAside}</code>.
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
          <button
            type="button"
            className="primary"
            onClick={() => restore.mutate({ name: good.name })}
            disabled={restore.isPending}
          >
            {restore.isPending ? 'Restoring…' : `Restore the backup from ${when(good.createdAt)}`}
          </button>
          {restore.error && (
            <p role="alert" className="error">
              The backup was not restored: {messageOf(restore.error)}
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
