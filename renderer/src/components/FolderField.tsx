/**
 * A folder, typed or chosen: a labelled path field, a "Choose…" button that opens the system
 * folder dialog where the host has one (the desktop app), and the recently used folders to pick
 * from. In a browser there is no dialog, so the field is the way in. After an import or export
 * succeeds, call `rememberFolder(path)` so the folder shows among the recent ones next time.
 */
import { useId } from 'react';
import { api } from '../api.js';
import { announce } from '../app/actions.js';
import { messageOf, queryClient, queryKey, useApiMutation, useApiQuery } from '../data/query.js';
import { useHostInfo } from '../native/host.js';
import { TextField } from './Fields.js';
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
  const recent = useApiQuery('getRecentFolders', {});
  const pick = useApiMutation('pickFolder', { onSuccess: (picked) => picked.path && onChange(picked.path) });
  const canPick = host.capabilities.pickFolder;

  const offered = (recent.data ?? []).filter((r) => r.path !== value).slice(0, recentLimit);
  return (
    <TextField
      className="folder-field"
      label={label}
      value={value}
      onChange={onChange}
      // As long a path as an import takes (shared/api/import.ts).
      maxLength={4096}
      spellCheck={false}
      autoComplete="off"
      disabled={disabled}
      autoFocus={autoFocus}
      placeholder="/path/to/repository/docs/decisions"
      hint={hint ?? (canPick ? 'Type the folder’s full path, or choose it.' : 'Type the folder’s full path.')}
      besideBox={{
        className: 'folder-field-row',
        render: (labelId) =>
          canPick && (
            <button
              type="button"
              onClick={() => pick.mutate({ title: dialogTitle ?? label, defaultPath: value.trim() || undefined })}
              aria-describedby={labelId}
              disabled={disabled || pick.isPending}
            >
              Choose…
            </button>
          ),
      }}
    >
      {pick.error && (
        <p role="alert" className="error">
          The folder dialog did not open: {messageOf(pick.error)}
        </p>
      )}
      {recent.error && (
        <p className="muted folder-recent-error">
          The recent folders could not be listed: {messageOf(recent.error)}{' '}
          <button type="button" className="link" onClick={() => void recent.refetch()}>
            Try again
          </button>
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
    </TextField>
  );
}

/** A full path on any system Cairn runs on: `/…`, `C:\…` or `\\server\…`. */
const isFullPath = (path: string) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path);

/**
 * Adds a folder to the recent ones, after the import or export that used it succeeded. Only full
 * paths are kept (the store refuses others), so a relative path typed in a browser is simply not
 * remembered; any other failure is said, without spoiling the import or export it follows.
 */
export async function rememberFolder(path: string): Promise<void> {
  if (!isFullPath(path)) return;
  try {
    queryClient.setQueryData(queryKey('getRecentFolders', {}), await api.addRecentFolder({ path }));
  } catch (e) {
    announce(`${path} was not added to the recent folders: ${messageOf(e)}`);
  }
}
