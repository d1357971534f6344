/**
 * One search over everything Cairn keeps: decisions, claims and sources, ranked.
 */
import { z } from 'zod';
import { Id, ShortText } from '../domain.js';
import { method } from './define.js';

export const SEARCH_KINDS = ['decision', 'claim', 'source'] as const;
export const SearchHit = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string(),
  pack: z.string().nullable(),
  title: z.string(),
  snippet: z.string(),
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const searchMethods = {
  search: method(
    z.object({
      query: ShortText,
      kinds: z.array(z.enum(SEARCH_KINDS)).optional(),
      pack: Id.optional(),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    z.object({ hits: z.array(SearchHit) }),
    'Ranked full-text search over decisions, claims and sources.',
  ),
};
