import { useId } from 'react';
import type { Theme } from '../../../shared/api/settings.js';
import { THEMES } from '../../../shared/vocabulary.js';
import { announce } from '../app/actions.js';
import { setTheme, useTheme } from './theme.js';
import './ThemeSwitch.css';

const LABEL: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Light, dark, or following the OS; the choice is stored and applied at once. */
export function ThemeSwitch() {
  const id = useId();
  const theme = useTheme();
  return (
    <div className="theme-switch">
      <label htmlFor={id}>Theme</label>
      <select
        id={id}
        value={theme}
        onChange={(e) =>
          setTheme(e.target.value as Theme).catch((err: Error) => announce(`The theme was not saved: ${err.message}`))
        }
      >
        {THEMES.map((t) => (
          <option key={t} value={t}>
            {LABEL[t]}
          </option>
        ))}
      </select>
    </div>
  );
}
