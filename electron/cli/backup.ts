import fs from 'node:fs';
import path from 'node:path';
import { CairnError } from '../../shared/api/define.js';
import { backupView } from '../core/store/handlers.js';
import { backupDirFor, listBackups, newestGoodBackup, restoreBackup } from '../core/store/backup.js';
import { SCHEMA_VERSION } from '../core/store/database.js';
import { acquireDbLock } from '../core/store/lock.js';
import { UsageError, type Command } from './command.js';

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const backupCommand: Command = {
  name: 'backup',
  usage: 'cairn backup [--list] [--json]',
  summary: 'Write a backup of the database now; --list shows the backups.',
  options: { list: { type: 'boolean' } },
  async run(ctx, args, flags) {
    if (args.length) throw new UsageError('backup takes no arguments.');
    if (flags.list === true) {
      // Listing must work on a damaged database too, so it does not open the store.
      const backups = listBackups(ctx.dbPath).map(backupView);
      if (ctx.json) return void ctx.out(JSON.stringify(backups, null, 2));
      if (!backups.length)
        return void ctx.out(`No backups yet in ${backupDirFor(ctx.dbPath)}. Make one with: cairn backup`);
      const rows = [
        ['TAKEN (UTC)', 'KIND', 'SIZE', 'NAME'],
        ...backups.map((b) => [b.createdAt.slice(0, 19).replace('T', ' '), b.kind, size(b.bytes), b.name]),
      ];
      const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
      ctx.out(rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')).join('\n'));
      return;
    }
    const made = await ctx.core().invoke('createBackup', {});
    if (ctx.json) ctx.out(JSON.stringify(made, null, 2));
    else ctx.out(`Backed up to ${path.join(backupDirFor(ctx.dbPath), made.name)}`);
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'cairn restore [NAME | FILE] [--json]',
  summary: 'Replace the database with a backup (default: the newest good one); the old file is kept.',
  async run(ctx, args) {
    if (args.length > 1)
      throw new UsageError('Name one backup (see `cairn backup --list`), or none for the newest good one.');
    let file: string;
    if (args[0] === undefined) {
      const good = newestGoodBackup(ctx.dbPath, SCHEMA_VERSION);
      if (!good)
        throw new CairnError(
          'not_found',
          `There is no good backup in ${backupDirFor(ctx.dbPath)}; nothing was changed.`,
        );
      file = good.file;
    } else {
      const named = listBackups(ctx.dbPath).find((b) => b.name === args[0]);
      file = named?.file ?? path.resolve(args[0]);
      if (!fs.existsSync(file)) throw new UsageError(`There is no backup "${args[0]}". See \`cairn backup --list\`.`);
    }
    // The store is not opened: the database may be damaged, and restore must not write to it.
    // No other process may hold it either: a server still running would write into the file set aside.
    const lock = acquireDbLock(ctx.dbPath, 'cairn restore');
    let result: ReturnType<typeof restoreBackup>;
    try {
      result = restoreBackup(ctx.dbPath, file, new Date(), SCHEMA_VERSION);
    } finally {
      lock.release();
    }
    if (ctx.json) {
      ctx.out(JSON.stringify({ restored: path.basename(file), setAside: result.setAside }, null, 2));
      return;
    }
    ctx.out(`Restored ${path.basename(file)} into ${path.resolve(ctx.dbPath)}.`);
    if (result.setAside) ctx.out(`The file it replaced was kept as ${result.setAside}.`);
  },
};
