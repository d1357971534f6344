import type { Theme } from '../../../shared/api/settings.js';
import { THEMES } from '../../../shared/vocabulary.js';
import { announce } from '../app/actions.js';
import { setTheme, useTheme } from './theme.js';
import { Select } from '../components/Fields.js';
import './ThemeSwitch.css';

const LABEL: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Light, dark, or following the OS; the choice is stored and applied at once. */
export function ThemeSwitch() {
  const theme = useTheme();
  return (
    <div className="theme-switch">
      <Select<Theme>
        label="Theme"
        labelPosition="beside"
        value={theme}
        choices={THEMES.map((t) => ({ value: t, label: LABEL[t] }))}
        onChange={(t) => setTheme(t).catch((err: Error) => announce(`The theme was not saved: ${err.message}`))}
      />
    </div>
  );
}
