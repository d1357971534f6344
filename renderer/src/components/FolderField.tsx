/**
 * A folder, typed or chosen: a labelled path field, a "Choose…" button that opens the system
 * folder dialog where the host has one (the desktop app), and the recently used folders to pick
 * from. In a browser there is no dialog, so the field is the way in. After an import or export
 * succeeds, call `rememberFolder(path)` so the folder shows among the recent ones next time.
 */
import { useEffect, useId, useState } from 'react';
import type { RecentFolder } from '../../../shared/api/settings.js';
import { api } from '../api.js';
import { useHostInfo } from '../native/host.js';
import './FolderField.css';

export interface FolderFieldProps {
  label: string;
  value: string;
  onChange: (path: string) => void;
  hint?: React.ReactNode;
  /** The system dialog's title; the label by default. */
  dialogTitle?: string;
  /** How many recent folders to offer. */
  recentLimit?: number;
  disabled?: boolean;
  autoFocus?: boolean;
}

export function FolderField({
  label,
  value,
  onChange,
  hint,
  dialogTitle,
  recentLimit = 5,
  disabled = false,
  autoFocus = false,
}: FolderFieldProps) {
  const id = useId();
  const host = useHostInfo();
  const [recent, setRecent] = useState<RecentFolder[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.getRecentFolders({}).then(setRecent, () => setRecent([]));
  }, []);
  const canPick = host.capabilities.pickFolder;

  async function choose() {
    setError(null);
    try {
      const picked = await api.pickFolder({ title: dialogTitle ?? label, defaultPath: value.trim() || undefined });
      if (picked.path) onChange(picked.path);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const offered = recent.filter((r) => r.path !== value).slice(0, recentLimit);
  return (
    <div className="field folder-field">
      <label htmlFor={id} id={`${id}-label`}>
        {label}
      </label>
      <div className="folder-field-row">
        <input
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          spellCheck={false}
          autoComplete="off"
          disabled={disabled}
          autoFocus={autoFocus}
          placeholder="/path/to/repository/docs/decisions"
          aria-describedby={`${id}-hint`}
        />
        {canPick && (
          <button type="button" onClick={choose} aria-describedby={`${id}-label`} disabled={disabled}>
            Choose…
          </button>
        )}
      </div>
      <small id={`${id}-hint`} className="muted">
        {hint ?? (canPick ? 'Type the folder’s full path, or choose it.' : 'Type the folder’s full path.')}
      </small>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {offered.length > 0 && (
        <div className="folder-recent">
          <span className="muted" id={`${id}-recent`}>
            Recent folders
          </span>
          <ul aria-labelledby={`${id}-recent`}>
            {offered.map((r) => (
              <li key={r.path}>
                <button
                  type="button"
                  className="link"
                  disabled={disabled}
                  onClick={() => onChange(r.path)}
                  aria-label={`Use ${r.path}${r.exists ? '' : ' (no longer there)'}`}
                >
                  {r.path}
                </button>
                {!r.exists && <span className="muted"> (no longer there)</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** Adds a folder to the recent ones; a failure here must not spoil the import or export that used it. */
export async function rememberFolder(path: string): Promise<void> {
  try {
    await api.addRecentFolder({ path });
  } catch {
    // Best effort: a relative path typed in a browser is refused by the store and simply not remembered.
  }
}
