/**
 * A decision's history: what changed between two revisions, and restoring an earlier one as a new
 * revision (nothing in between is lost).
 */
import { CairnError } from '../../../shared/api/define.js';
import type { RevisionDiff } from '../../../shared/api/revisions.js';
import { DecisionContent, type Decision } from '../../../shared/domain.js';
import { diffContent } from '../../../shared/revision-diff.js';
import type { DecisionStore } from '../decisions/store.js';
import { checkBaseRevision } from '../concurrency.js';

export function createRevisionQueries(store: DecisionStore) {
  /** A stored revision's content with today's defaults filled in, so older revisions diff cleanly. */
  function contentAt(id: string, revision: number): { content: DecisionContent; savedAt: string } {
    const d = store.revision(id, revision);
    return { content: DecisionContent.parse(store.contentOf(d)), savedAt: d.updatedAt };
  }

  function diff(id: string, from: number, to: number): RevisionDiff {
    const a = contentAt(id, from);
    const b = contentAt(id, to);
    return { id, from, to, fromSavedAt: a.savedAt, toSavedAt: b.savedAt, changes: diffContent(a.content, b.content) };
  }

  function restore(id: string, revision: number, baseRevision?: number): Decision {
    const current = store.get(id);
    checkBaseRevision(current, baseRevision, 'Reload its history and choose again.');
    if (revision === current.revision) {
      throw new CairnError(
        'invalid_input',
        `Revision ${revision} is already the current content of “${current.title}”; choose an earlier revision to restore.`,
      );
    }
    return store.write(id, contentAt(id, revision).content, 'revert');
  }

  return { diff, restore };
}

export type RevisionQueries = ReturnType<typeof createRevisionQueries>;
