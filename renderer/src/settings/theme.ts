/**
 * The colour theme: `system` follows the OS (the CSS media query does that), `light` and `dark`
 * are pinned with `data-theme` on the root element. The choice is kept in the store (so it
 * survives `cairn serve` starting on a new port) and cached locally so the first paint is right.
 */
import { useSyncExternalStore } from 'react';
import type { Theme } from '../../../shared/api/settings.js';
import { api, hasToken } from '../api.js';

const CACHE_KEY = 'cairn.theme';
const listeners = new Set<() => void>();
let current: Theme = readCache();

function readCache(): Theme {
  try {
    const v = localStorage.getItem(CACHE_KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

function apply(theme: Theme): void {
  current = theme;
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(CACHE_KEY, theme);
  } catch {
    // Storage may be off (private mode); the store still has the choice.
  }
  for (const l of listeners) l();
}

/** Applies the cached theme at once, then the stored one when it arrives. */
export function initTheme(): void {
  apply(current);
  if (hasToken)
    api.getSettings({}).then(
      (s) => apply(s.theme),
      () => undefined,
    );
}

/** Switches the theme now and stores the choice; returns the stored settings' theme. */
export async function setTheme(theme: Theme): Promise<void> {
  apply(theme);
  const saved = await api.updateSettings({ theme });
  if (saved.theme !== theme) apply(saved.theme);
}

export function useTheme(): Theme {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
