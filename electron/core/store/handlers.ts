import type { Handlers } from '../../../shared/api/index.js';
import { CairnError } from '../../../shared/api/define.js';
import type { BackupInfo as BackupView, storeMethods } from '../../../shared/api/store.js';
import type { CoreContext } from '../context.js';
import { backupDirFor, createManualBackup, listBackups, restoreCommandLine, type BackupInfo } from './backup.js';

/** A backup as the API shows it: by name, never by path. */
export const backupView = ({ name, kind, createdAt, bytes }: BackupInfo): BackupView => ({
  name,
  kind,
  createdAt,
  bytes,
});

export interface StoreState {
  /** Why the automatic daily backup failed on open, if it did. */
  backupProblem: string | null;
}

export function storeHandlers(ctx: CoreContext, state: StoreState): Pick<Handlers, keyof typeof storeMethods> {
  return {
    getStoreStatus: () => ({
      healthy: true,
      problem: null,
      dbPath: ctx.dbPath,
      backupDir: backupDirFor(ctx.dbPath),
      backups: listBackups(ctx.dbPath).map(backupView),
      newestGood: null,
      restoreCommand: restoreCommandLine(ctx.dbPath),
      backupProblem: state.backupProblem,
    }),
    listBackups: () => listBackups(ctx.dbPath).map(backupView),
    createBackup: () => backupView(createManualBackup(ctx.db, ctx.dbPath, ctx.platform.now())),
    // The open store cannot be swapped under itself; hosts that own the core's lifecycle
    // (electron/core/recovery.ts) close it, restore and reopen.
    restoreBackup: () => {
      throw new CairnError(
        'unsupported',
        `This database is open, so it cannot be replaced here. Quit Cairn, then run: ${restoreCommandLine(ctx.dbPath)} NAME`,
      );
    },
  };
}
