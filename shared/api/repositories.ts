/**
 * Repositories: the ADR folders Cairn imported from or exported to. A decision belongs to at most
 * one, keeps its file's path relative to it, and is numbered within it ("ADR 3" of that repository).
 */
import { z } from 'zod';
import { method } from './define.js';

export const Repository = z.object({
  id: z.number().int(),
  /** Short unique name, used in `REPO:N` addresses (the repository folder's name, made unique). */
  name: z.string(),
  /** The repository (or the folder that was named when it is not in git). */
  root: z.string(),
  /** The ADR folder, absolute. */
  folder: z.string(),
  /** The dialect most of its files are written in, when known. */
  dialect: z.string().nullable(),
  /** How it names new files: `number:4` (0007-…), `date` (20260301-…). */
  naming: z.string(),
  /** Whether Cairn writes the folder's index (README.md) there. */
  index: z.boolean(),
  /** Decisions not in the trash that belong to it. */
  decisions: z.number().int(),
});
export type Repository = z.infer<typeof Repository>;

export const repositoryMethods = {
  listRepositories: method(
    z.object({}).default({}),
    z.array(Repository),
    'The repositories Cairn knows, with how many decisions each holds.',
  ),
};
