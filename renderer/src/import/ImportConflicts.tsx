/**
 * Fields a re-import found changed both in the folder and in Cairn. Cairn kept its value; each
 * conflict shows both values and offers the file's as a change to take (importing the folder
 * again with that field taken), so nothing is overwritten without the user asking.
 */
import type { ImportReport } from '../../../shared/api/import.js';
import { messageOf, useApiMutation } from '../data/query.js';

type Conflict = ImportReport['conflicts'][number];

const key = (c: Conflict) => `${c.id}\u0000${c.field}`;

export function ImportConflicts({ report }: { report: ImportReport }) {
  return (
    <details open>
      <summary>Changed in the file and in Cairn ({report.conflicts.length})</summary>
      <p className="muted">
        Cairn kept its own value for these fields. Take the file’s value where it is the one to keep.
      </p>
      <ul tabIndex={0} aria-label="Conflicts">
        {report.conflicts.map((c) => (
          <ConflictItem key={key(c)} dir={report.dir} conflict={c} />
        ))}
      </ul>
    </details>
  );
}

function ConflictItem({ dir, conflict: c }: { dir: string; conflict: Conflict }) {
  // Taking a field imports the folder again: the decision, its renderings and the lists change.
  const take = useApiMutation('importFolder', {
    invalidates: [
      'getDecision',
      'listDecisions',
      'listDecisionFacets',
      'renderDecision',
      'listRevisions',
      'diffRevisions',
      'listRelations',
      'getRelationGraph',
      'getTimeline',
    ],
  });
  const still = take.data?.conflicts.some((x) => x.id === c.id && x.field === c.field);
  return (
    <li>
      <strong>{c.file}</strong>: <code>{c.field}</code>
      <dl className="conflict-values">
        <dt>In Cairn (kept)</dt>
        <dd>{c.local}</dd>
        <dt>In the file</dt>
        <dd>{c.incoming}</dd>
      </dl>
      {take.data ? (
        <span role="status">
          {still ? 'Still in conflict: the file changed again; import once more.' : `Took the file's ${c.field}.`}
        </span>
      ) : (
        <button
          type="button"
          onClick={() => take.mutate({ dir, take: [{ id: c.id, field: c.field }] })}
          disabled={take.isPending}
        >
          Take the file’s {c.field}
        </button>
      )}
      {take.error && (
        <p role="alert" className="error">
          The file’s {c.field} was not taken: {messageOf(take.error)}
        </p>
      )}
    </li>
  );
}
