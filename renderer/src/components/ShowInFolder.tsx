/**
 * "Show in folder" for a file Cairn wrote (an exported ADR): opens the system file manager with
 * the file selected where the host can (the desktop app); elsewhere shows the path to copy.
 */
import { useState } from 'react';
import { api } from '../api.js';
import { useHostInfo } from '../host.js';

export function ShowInFolder({ path, label = 'Show in folder' }: { path: string; label?: string }) {
  const host = useHostInfo();
  const [error, setError] = useState<string | null>(null);
  if (!host.capabilities.showItemInFolder) return <code className="file-path">{path}</code>;
  return (
    <span>
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
