import { z } from 'zod';
import { ADR_FORMATS } from '../adr/types.js';
import { Id, LIMITS, ShortText } from '../domain.js';
import { method } from './define.js';

export const ExportFormat = z.enum(ADR_FORMATS);

/**
 * What happens to a file: written new, replaced (unchanged outside Cairn since Cairn wrote it),
 * left as it is (already the same bytes), kept because it changed outside Cairn (Cairn's version
 * goes beside it), or blocked (a symlink, a number already taken, …: nothing written).
 */
export const FILE_ACTIONS = ['create', 'update', 'unchanged', 'conflict', 'blocked'] as const;
export type FileAction = (typeof FILE_ACTIONS)[number];

export const ExportRequest = z.object({
  /** Decisions to export; none means every decision not in the trash. Related decisions come along. */
  ids: z.array(Id).max(LIMITS.claims).default([]),
  /** The repository or ADR folder, as an absolute path (`~` is the home folder). Left out: `repository`'s own folder. */
  dir: ShortText.min(1, 'a folder').optional(),
  /** A repository by name (see listRepositories): exports into its own folder, re-creating it if deleted; ids default to its decisions. */
  repository: ShortText.min(1).optional(),
  /** The dialect; left out, the folder's own dialect (MADR for a new folder). */
  format: ExportFormat.optional(),
  /**
   * Write the folder index (README.md) too. Left out: yes where Cairn wrote it before or makes the
   * folder, no in a folder whose README or index someone else wrote or in an imported repository.
   */
  index: z.boolean().optional(),
});
export type ExportRequest = z.input<typeof ExportRequest>;

export const PlannedFile = z.object({
  file: z.string(),
  /** `ledger`: the decision's evidence ledger (`cairn-ledger/1`) beside its ADR. */
  kind: z.enum(['decision', 'index', 'ledger']),
  decisionId: Id.nullable(),
  number: z.number().int().nullable(),
  title: z.string(),
  action: z.enum(FILE_ACTIONS),
  /** The full text Cairn would write. */
  text: z.string(),
  /** Why the action, in a sentence, or empty. */
  note: z.string(),
  /** For a conflict: the file Cairn's version is written to, beside the one changed outside Cairn. */
  keptAs: z.string().nullable(),
});
export type PlannedFile = z.infer<typeof PlannedFile>;

export const NumberChange = z.object({
  id: Id,
  title: z.string(),
  from: z.number().int().nullable(),
  to: z.number().int(),
});

export const ExportPlan = z.object({
  /** The directory named, resolved. */
  root: z.string(),
  /** The ADR folder the files go into. */
  folder: z.string(),
  /** How the folder was found: `.adr-dir`, one of the usual places, the named folder itself, or a new one. */
  folderSource: z.string(),
  folderExists: z.boolean(),
  format: ExportFormat,
  /** Whether the format was asked for, taken from the folder's existing ADRs, or the default. */
  formatSource: z.enum(['asked', 'folder', 'default']),
  /** How files are named: `0007-…` with this many digits, or by date (`20260301-…`). */
  naming: z.object({ kind: z.enum(['number', 'date']), width: z.number().int().nullable() }),
  files: z.array(PlannedFile),
  /** Drafts (and decisions never exported) that get an ADR number with this export. */
  numbers: z.array(NumberChange),
});
export type ExportPlan = z.infer<typeof ExportPlan>;

export const ExportResult = z.object({
  folder: z.string(),
  format: ExportFormat,
  written: z.array(z.object({ file: z.string(), action: z.enum(['create', 'update']) })),
  unchanged: z.array(z.string()),
  conflicts: z.array(z.object({ file: z.string(), keptAs: z.string().nullable(), message: z.string() })),
  numbers: z.array(NumberChange),
  /** The repository's other files (README, templates, diagrams) re-created as imported: only into a folder that was empty. */
  restored: z.array(z.string()),
});
export type ExportResult = z.infer<typeof ExportResult>;

export const exportMethods = {
  planExport: method(
    ExportRequest,
    ExportPlan,
    'The files an export would write into a folder, with their text, numbers and conflicts; writes nothing.',
  ),
  runExport: method(
    ExportRequest,
    ExportResult,
    'Export decisions as Markdown ADRs into a folder: new numbers recorded, files written atomically, files changed outside Cairn kept with Cairn’s version beside them.',
  ),
};
