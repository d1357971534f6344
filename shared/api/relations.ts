/**
 * Decisions as a graph of their links (supersedes, amends, relates-to …).
 */
import { z } from 'zod';
import { Id, ShortText } from '../domain.js';
import { RelationGraph } from '../relations.js';
import { method } from './define.js';

export const relationMethods = {
  getRelationGraph: method(
    z.object({
      focus: Id.optional(),
      limit: z.number().int().min(1).max(2_000).default(300),
      /** Only this repository's decisions (its name) and the links between them; all repositories when left out. */
      repository: ShortText.optional(),
    }),
    RelationGraph,
    'Decisions linked by supersedes, amends, relates-to …: all of them, or those connected to one.',
  ),
};
