/**
 * "Show in folder" for a file Cairn wrote (an exported ADR): opens the system file manager with
 * the file selected where the host can (the desktop app); elsewhere it renders nothing, and the
 * caller's own text (the file's path) is what the user has.
 */
import { useState } from 'react';
import { api } from '../api.js';
import { useHostInfo } from '../native/host.js';

/** A file in a folder, with the folder's own separator (the renderer has no Node path module). */
export function joinPath(folder: string, file: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(sep) ? folder + file : folder + sep + file;
}

export function ShowInFolder({ path, label = 'Show in folder' }: { path: string; label?: string }) {
  const host = useHostInfo();
  const [error, setError] = useState<string | null>(null);
  if (!host.capabilities.showItemInFolder) return null;
  return (
    <span className="show-in-folder">
      <button
        type="button"
        aria-label={`${label}: ${path}`}
        onClick={() => {
          setError(null);
          api.showItemInFolder({ path }).catch((e: Error) => setError(e.message));
        }}
      >
        {label}
      </button>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </span>
  );
}
