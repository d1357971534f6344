/**
 * Comparing past decisions: side by side, and the precedents most like a decision.
 */
import { z } from 'zod';
import { Comparison } from '../compare.js';
import { Id, ShortText } from '../domain.js';
import { Precedent } from '../precedents.js';
import { method } from './define.js';
import { MAX_COMPARED } from '../vocabulary.js';

export { MAX_COMPARED };

export const compareMethods = {
  compareDecisions: method(
    z.object({
      ids: z
        .array(ShortText.min(1))
        .min(2, 'at least two decisions')
        .max(MAX_COMPARED, `at most ${MAX_COMPARED} decisions`),
    }),
    Comparison,
    'Line up 2–4 decisions (ids or ADR numbers): criteria with weights and scores, options, choices, claims relied on, differences.',
  ),
  findPrecedents: method(
    z.object({ id: Id, limit: z.number().int().min(1).max(50).default(5) }),
    z.array(Precedent),
    'Past decisions most like this one in knowledge pack, options and criteria, best first, with what they chose and why.',
  ),
};
