/**
 * Importing a folder of ADR files. `importFolder` runs to the end and answers with the report
 * (the CLI); `startImport` answers at once with a job the UI polls with `getImportJob`, so a
 * large folder shows its progress. Either way one import is one database transaction.
 */
import { z } from 'zod';
import { Id } from '../domain.js';
import { method } from './define.js';

/** Why a file was skipped; `symlink` and `special` (a FIFO, socket or device) are never opened. */
export const SKIP_KINDS = [
  'not-adr',
  'front-matter',
  'invalid',
  'binary',
  'too-large',
  'encoding',
  'unreadable',
  'symlink',
  'special',
] as const;

const FileRef = z.object({ file: z.string(), id: Id });
export const ImportedFile = FileRef.extend({
  number: z.number().int().nullable(),
  title: z.string(),
  dialect: z.string(),
});
export const ImportReport = z.object({
  dir: z.string(),
  /** Markdown files looked at. */
  files: z.number().int(),
  imported: z.array(ImportedFile),
  /** Files that changed since the last import: a new revision of their decision (reason "import"). */
  updated: z.array(ImportedFile.extend({ changes: z.array(z.string()), renamedFrom: z.string().nullable() })),
  unchanged: z.array(FileRef),
  /** Files that could not be read as decisions, with the reason; the rest of the folder imports. */
  skipped: z.array(z.object({ file: z.string(), kind: z.enum(SKIP_KINDS), reason: z.string() })),
  /** Files imported before that are no longer in the folder (their decisions are kept). */
  missing: z.array(FileRef),
  /** Other files in the folder (images, configuration), left alone. */
  ignored: z.array(z.string()),
  /** Numbers that more than one decision has, as parallel branches produce. */
  duplicates: z.array(
    z.object({
      number: z.number().int(),
      decisions: z.array(z.object({ id: Id, title: z.string(), file: z.string().nullable() })),
    }),
  ),
  warnings: z.array(z.object({ file: z.string(), message: z.string() })),
  /**
   * Fields changed both in the folder and in Cairn since the last export or import: the local
   * value was kept; import again with `take` to use the file's. `local` and `file` as text.
   */
  conflicts: z
    .array(z.object({ file: z.string(), id: Id, field: z.string(), local: z.string(), incoming: z.string() }))
    .default([]),
  /**
   * The ADR folders read: the named folder itself, or those found in a repository root through
   * `.adr-dir`, `.log4brains.yml`, `.adr.json` or the usual places; each is a repository.
   */
  folders: z.array(
    z.object({ folder: z.string(), source: z.string(), repository: z.string().nullable(), files: z.number().int() }),
  ),
  /** Where Cairn looked for ADR folders (relative to `dir`): the report's answer when none was found. */
  lookedIn: z.array(z.string()),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportJob = z.object({
  job: Id,
  dir: z.string(),
  /** `dating`: asking git when undated files were added (one `git log`, before anything is written). */
  state: z.enum(['reading', 'dating', 'writing', 'done', 'failed']),
  /** Files read so far, of `total`. */
  done: z.number().int(),
  total: z.number().int(),
  report: ImportReport.nullable(),
  error: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

const Dir = z.object({
  dir: z.string().min(1, 'the folder to import').max(4096),
  /** Conflicting fields to resolve with the folder's value (`field` "*" takes every conflicting field of that decision). */
  take: z
    .array(z.object({ id: Id, field: z.string().min(1).max(40) }))
    .max(10_000)
    .default([]),
});

export const importMethods = {
  importFolder: method(
    Dir,
    ImportReport,
    'Import every ADR file in a folder (MADR 2/3/4, adr-tools/Nygard, log4brains) in one transaction; answers with the report.',
  ),
  startImport: method(
    Dir,
    z.object({ job: Id }),
    'Start importing a folder in the background; poll getImportJob for progress and the report.',
  ),
  getImportJob: method(
    z.object({ job: Id }),
    ImportJob,
    'The progress of an import started with startImport, and its report when done.',
  ),
};
