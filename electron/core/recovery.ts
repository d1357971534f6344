/**
 * The core as the long-running hosts (desktop window, `cairn serve`) hold it. When the database is
 * damaged, the core cannot open; instead of failing, the host keeps answering: every method gets
 * the `corrupt` error, except the store methods, which describe the damage and the newest good
 * backup and can restore one. After a restore the real core is opened and takes over.
 * The damaged file is only ever renamed aside by `restoreBackup`, never written.
 */
import { METHOD_NAMES, type Handlers } from '../../shared/api/index.js';
import { CairnError, type Result } from '../../shared/api/define.js';
import type { Core } from './core.js';
import { dispatch } from './dispatch.js';
import { backupView } from './store/handlers.js';
import { backupDirFor, listBackups, newestGoodBackup, restoreBackup, restoreCommandLine } from './store/backup.js';
import { SCHEMA_VERSION } from './store/database.js';
import { acquireDbLock } from './store/lock.js';

export interface CoreHost {
  /** Validates and runs one API call; never throws. */
  call(method: unknown, input: unknown): Promise<Result<unknown>>;
  /** The open core, or null while the database is damaged. */
  current(): Core | null;
  /** What is wrong with the database (with the restore advice), or null when it is open. */
  damage(): string | null;
  close(): void;
}

export interface CoreHostOptions {
  now?: () => Date;
  nativeBinding?: string;
  /** Who holds the database while this host runs (see store/lock.ts); e.g. "cairn serve". */
  holder?: string;
}

export function openCoreHost(open: () => Core, dbPath: string, options: CoreHostOptions = {}): CoreHost {
  const now = options.now ?? (() => new Date());
  // The host owns the file while it runs: `cairn restore` from another process is refused meanwhile.
  const lock = acquireDbLock(dbPath, options.holder ?? 'a Cairn window or server');
  let core: Core | null = null;
  let damage: CairnError | null = null;

  const tryOpen = () => {
    try {
      core = open();
      damage = null;
    } catch (e) {
      if (!(e instanceof CairnError && e.code === 'corrupt')) throw e;
      core = null;
      damage = e;
    }
  };
  try {
    tryOpen();
  } catch (e) {
    lock.release();
    throw e;
  }

  const refuse = () => {
    throw damage ?? new CairnError('io', 'The database is not open.');
  };
  const recovery = Object.fromEntries(METHOD_NAMES.map((m) => [m, refuse])) as unknown as Handlers;
  recovery.getStoreStatus = () => {
    const good = newestGoodBackup(dbPath, SCHEMA_VERSION, options.nativeBinding);
    const details = (damage?.details ?? {}) as { problem?: string };
    return {
      healthy: false,
      problem: details.problem ?? damage?.message ?? null,
      dbPath,
      backupDir: backupDirFor(dbPath),
      backups: listBackups(dbPath).map(backupView),
      newestGood: good ? backupView(good) : null,
      restoreCommand: restoreCommandLine(dbPath),
      backupProblem: null,
    };
  };
  recovery.listBackups = () => listBackups(dbPath).map(backupView);

  const restoring: Pick<Handlers, 'restoreBackup'> = {
    restoreBackup: ({ name }) => {
      const backup = listBackups(dbPath).find((b) => b.name === name);
      if (!backup)
        throw new CairnError(
          'not_found',
          `There is no backup named "${name.slice(0, 300)}". See the list of backups (cairn backup --list).`,
        );
      (core as Core | null)?.close();
      core = null;
      try {
        const result = restoreBackup(dbPath, backup.file, now(), SCHEMA_VERSION, options.nativeBinding);
        return { restored: backupView(backup), setAside: result.setAside };
      } finally {
        tryOpen();
      }
    },
  };

  return {
    async call(method, input) {
      if (method === 'restoreBackup') return dispatch({ ...recovery, ...restoring }, method, input);
      const open = core as Core | null;
      return open ? open.call(method, input) : dispatch(recovery, method, input);
    },
    current: () => core,
    damage: () => (damage as CairnError | null)?.message ?? null,
    close: () => {
      try {
        (core as Core | null)?.close();
      } finally {
        lock.release();
      }
    },
  };
}
