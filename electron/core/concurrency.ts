/**
 * Optimistic concurrency, the one check: a change names the revision it was based on and is
 * refused when another save came first, so no window, tab or script overwrites another's work
 * silently. Every write that carries a base revision (save, restore, apply a pack) asks here, so
 * the rule and its `conflict` error (with the current revision, for the client to reload) are one.
 */
import { CairnError } from '../../shared/api/define.js';

/**
 * Throws `conflict` when `base` is given and is not the decision's current revision.
 * `reload` tells the user what to do next ("Reload it and apply the pack again.").
 */
export function checkBaseRevision(
  current: { title: string; revision: number },
  base: number | undefined,
  reload: string,
): void {
  if (base === undefined || base === current.revision) return;
  throw new CairnError(
    'conflict',
    `Decision "${current.title}" was saved elsewhere (now revision ${current.revision}; this change was based on ${base}). ${reload}`,
    { revision: current.revision },
  );
}
