/** What this host can do natively (folder dialog, file manager, browser), asked once per page load. */
import { useEffect, useState } from 'react';
import type { HostInfo } from '../../../shared/api/native.js';
import { api } from '../api.js';

const NONE: HostInfo = {
  capabilities: { pickFolder: false, pickPackFile: false, showItemInFolder: false, openExternal: false, menu: false },
};
let info: Promise<HostInfo> | null = null;

export function hostInfo(): Promise<HostInfo> {
  info ??= api.getHostInfo({}).catch(() => NONE);
  return info;
}

/** The host's abilities; none until known, so a native button never appears and then fails. */
export function useHostInfo(): HostInfo {
  const [value, setValue] = useState<HostInfo>(NONE);
  useEffect(() => {
    let live = true;
    void hostInfo().then((v) => live && setValue(v));
    return () => {
      live = false;
    };
  }, []);
  return value;
}
