/**
 * Cairn's actions and their keyboard shortcuts, as data: the renderer matches key presses
 * against this table, the help screen lists it, and the Electron menu takes its accelerators
 * from it, so the three never disagree.
 *
 * Key syntax: `Mod+N` is Ctrl+N (⌘N on macOS); `Alt`, `Shift` as usual; a single character
 * with no modifier (`N`, `/`, `?`) is a key that works only while no text field has focus,
 * so typing is never taken over. The first key with a modifier (or a function key) is the
 * one the application menu shows.
 */

export const ACTIONS = [
  'newDecision',
  'search',
  'export',
  'importRepository',
  'nextStep',
  'previousStep',
  'goDecisions',
  'goLibrary',
  'showHelp',
  'themeSystem',
  'themeLight',
  'themeDark',
] as const;
export type ActionId = (typeof ACTIONS)[number];

export function isActionId(value: unknown): value is ActionId {
  return typeof value === 'string' && (ACTIONS as readonly string[]).includes(value);
}

export const SHORTCUT_GROUPS = ['Decisions', 'Guided decision', 'Go to', 'Help'] as const;

export interface Shortcut {
  action: ActionId;
  /** What the action does, as the help screen and the menu name it. */
  label: string;
  keys: readonly string[];
  group: (typeof SHORTCUT_GROUPS)[number];
  /** Where the action works, when not everywhere. */
  where?: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'newDecision', label: 'New decision', keys: ['Mod+N', 'N'], group: 'Decisions' },
  { action: 'search', label: 'Search decisions', keys: ['Mod+F', '/'], group: 'Decisions' },
  {
    action: 'export',
    label: 'Export to an ADR folder…',
    keys: ['Mod+E'],
    group: 'Decisions',
    where: 'on a decision or the decision list',
  },
  { action: 'importRepository', label: 'Import a repository…', keys: ['Mod+O'], group: 'Decisions' },
  {
    action: 'nextStep',
    label: 'Next step',
    keys: ['Alt+PageDown', 'Mod+]'],
    group: 'Guided decision',
    where: 'in a guided decision',
  },
  {
    action: 'previousStep',
    label: 'Previous step',
    keys: ['Alt+PageUp', 'Mod+['],
    group: 'Guided decision',
    where: 'in a guided decision',
  },
  { action: 'goDecisions', label: 'Decisions', keys: ['Mod+1'], group: 'Go to' },
  { action: 'goLibrary', label: 'Knowledge library', keys: ['Mod+2'], group: 'Go to' },
  { action: 'showHelp', label: 'Keyboard shortcuts and help', keys: ['F1', '?'], group: 'Help' },
];

export interface ParsedKey {
  mod: boolean;
  alt: boolean;
  shift: boolean;
  /** The key itself: a single character (upper-case for letters) or a key name (`F1`, `Enter`). */
  key: string;
}

/** Splits `Mod+Shift+N` into its modifiers and key. The key may itself be `+`. */
export function parseKey(combo: string): ParsedKey {
  const parts = combo.length > 1 && combo.endsWith('+') ? [...combo.slice(0, -2).split('+'), '+'] : combo.split('+');
  const key = parts.pop() ?? '';
  const mods = new Set(parts);
  for (const m of mods)
    if (m !== 'Mod' && m !== 'Alt' && m !== 'Shift') throw new Error(`Unknown modifier "${m}" in shortcut "${combo}".`);
  return {
    mod: mods.has('Mod'),
    alt: mods.has('Alt'),
    shift: mods.has('Shift'),
    key: key.length === 1 ? key.toUpperCase() : key,
  };
}

const isFunctionKey = (key: string) => /^F([1-9]|1[0-9]|2[0-4])$/.test(key);

/** True for keys that must not fire while the user types in a field (plain characters). */
export function isPlainKey(combo: string): boolean {
  const k = parseKey(combo);
  return !k.mod && !k.alt && !isFunctionKey(k.key);
}

/** The key the application menu shows for an action, in Electron's accelerator syntax; null if none. */
export function menuAccelerator(shortcut: Shortcut): string | null {
  const combo = shortcut.keys.find((k) => !isPlainKey(k));
  if (!combo) return null;
  const k = parseKey(combo);
  return [k.mod ? 'CmdOrCtrl' : null, k.alt ? 'Alt' : null, k.shift ? 'Shift' : null, k.key].filter(Boolean).join('+');
}

const MAC_SYMBOLS: Record<string, string> = { Mod: '⌘', Alt: '⌥', Shift: '⇧' };
const KEY_NAMES: Record<string, string> = { PageDown: 'Page Down', PageUp: 'Page Up' };

/** A key as people read it: `Ctrl+N` on Linux and Windows, `⌘N` on macOS. */
export function formatKey(combo: string, mac: boolean): string {
  const k = parseKey(combo);
  const mods = (['Mod', 'Alt', 'Shift'] as const).filter((m) => (m === 'Mod' ? k.mod : m === 'Alt' ? k.alt : k.shift));
  const key = KEY_NAMES[k.key] ?? k.key;
  if (mac) return mods.map((m) => MAC_SYMBOLS[m]).join('') + key;
  return [...mods.map((m) => (m === 'Mod' ? 'Ctrl' : m)), key].join('+');
}

/** The parts of a keyboard event the matcher needs (a DOM KeyboardEvent has them all). */
export interface KeyPress {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** The key a press names: the character, or for letters and digits typed on a non-Latin layout, the physical key. */
function pressedKey(press: KeyPress): string {
  if (press.key.length === 1 && /[^\x20-\x7e]/.test(press.key) && press.code) {
    const m = /^(?:Key([A-Z])|Digit([0-9]))$/.exec(press.code);
    if (m) return (m[1] ?? m[2])!;
  }
  return press.key.length === 1 ? press.key.toUpperCase() : press.key;
}

/**
 * Whether a key press is this combination. `Mod` is ⌘ on macOS and Ctrl elsewhere (the other
 * one must be up). Shift is ignored for symbols (`?` is Shift+/ on most layouts).
 */
export function matchesKey(press: KeyPress, combo: string, mac: boolean): boolean {
  const k = parseKey(combo);
  if (pressedKey(press) !== k.key) return false;
  const modDown = mac ? press.metaKey : press.ctrlKey;
  const otherDown = mac ? press.ctrlKey : press.metaKey;
  if (modDown !== k.mod || otherDown || press.altKey !== k.alt) return false;
  const symbol = k.key.length === 1 && !/[A-Z0-9]/.test(k.key);
  return symbol || press.shiftKey === k.shift;
}

/**
 * The action a key press asks for, or null. `typing` is true while a text field has focus:
 * plain keys are then left to the field.
 */
export function actionForKey(
  press: KeyPress,
  options: { mac: boolean; typing: boolean },
  table: readonly Shortcut[] = SHORTCUTS,
): ActionId | null {
  for (const s of table) {
    for (const combo of s.keys) {
      if (options.typing && isPlainKey(combo)) continue;
      if (matchesKey(press, combo, options.mac)) return s.action;
    }
  }
  return null;
}

export function shortcutFor(action: ActionId, table: readonly Shortcut[] = SHORTCUTS): Shortcut | undefined {
  return table.find((s) => s.action === action);
}

/**
 * The keys the page itself listens for. Where an application menu shows an action's key (the
 * desktop app), the menu owns that key and the page leaves it alone, so no key runs twice.
 */
export function pageShortcuts(menuOwnsKeys: boolean, table: readonly Shortcut[] = SHORTCUTS): Shortcut[] {
  if (!menuOwnsKeys) return [...table];
  return table.map((s) => {
    const owned = s.keys.find((k) => !isPlainKey(k));
    return { ...s, keys: s.keys.filter((k) => k !== owned) };
  });
}
