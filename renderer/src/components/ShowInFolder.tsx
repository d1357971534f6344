/**
 * "Show in folder" for a file Cairn wrote (an exported ADR): opens the system file manager with
 * the file selected where the host can (the desktop app); elsewhere it renders nothing, and the
 * caller's own text (the file's path) is what the user has.
 */
import { messageOf, useApiMutation } from '../data/query.js';
import { useHostInfo } from '../native/host.js';

/** A file in a folder, with the folder's own separator (the renderer has no Node path module). */
export function joinPath(folder: string, file: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(sep) ? folder + file : folder + sep + file;
}

export function ShowInFolder({ path, label = 'Show in folder' }: { path: string; label?: string }) {
  const host = useHostInfo();
  const show = useApiMutation('showItemInFolder');
  if (!host.capabilities.showItemInFolder) return null;
  return (
    <span className="show-in-folder">
      <button type="button" aria-label={`${label}: ${path}`} onClick={() => show.mutate({ path })}>
        {label}
      </button>
      {show.error && (
        <span role="alert" className="error">
          The file manager did not open: {messageOf(show.error)}
        </span>
      )}
    </span>
  );
}
