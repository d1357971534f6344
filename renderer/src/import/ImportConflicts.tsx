/**
 * Fields a re-import found changed both in the folder and in Cairn. Cairn kept its value; each
 * conflict shows both values and offers the file's as a change to take (importing the folder
 * again with that field taken), so nothing is overwritten without the user asking.
 */
import { useState } from 'react';
import type { ImportReport } from '../../../shared/api/import.js';
import { api } from '../api.js';

type Conflict = ImportReport['conflicts'][number];

export function ImportConflicts({ report }: { report: ImportReport }) {
  const [outcome, setOutcome] = useState<Record<string, string>>({});
  const key = (c: Conflict) => `${c.id}\u0000${c.field}`;
  async function take(c: Conflict) {
    try {
      const next = await api.importFolder({ dir: report.dir, take: [{ id: c.id, field: c.field }] });
      const still = next.conflicts.some((x) => x.id === c.id && x.field === c.field);
      setOutcome((o) => ({
        ...o,
        [key(c)]: still
          ? 'Still in conflict: the file changed again; import once more.'
          : `Took the file's ${c.field}.`,
      }));
    } catch (e) {
      setOutcome((o) => ({ ...o, [key(c)]: (e as Error).message }));
    }
  }
  return (
    <details open>
      <summary>Changed in the file and in Cairn ({report.conflicts.length})</summary>
      <p className="muted">
        Cairn kept its own value for these fields. Take the file’s value where it is the one to keep.
      </p>
      <ul tabIndex={0} aria-label="Conflicts">
        {report.conflicts.map((c) => (
          <li key={key(c)}>
            <strong>{c.file}</strong>: <code>{c.field}</code>
            <dl className="conflict-values">
              <dt>In Cairn (kept)</dt>
              <dd>{c.local}</dd>
              <dt>In the file</dt>
              <dd>{c.incoming}</dd>
            </dl>
            {outcome[key(c)] ? (
              <span role="status">{outcome[key(c)]}</span>
            ) : (
              <button type="button" onClick={() => take(c)}>
                Take the file’s {c.field}
              </button>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
