import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  SHORTCUT_GROUPS,
  SHORTCUTS,
  actionForKey,
  formatKey,
  isPlainKey,
  matchesKey,
  menuAccelerator,
  pageShortcuts,
  parseKey,
  type KeyPress,
} from '../../shared/shortcuts.js';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('the shortcut table', () => {
  it('has one row per action, each in a known group, with keys that parse', () => {
    const actions = SHORTCUTS.map((s) => s.action);
    expect(new Set(actions).size).toBe(actions.length);
    for (const s of SHORTCUTS) {
      expect(ACTIONS).toContain(s.action);
      expect(SHORTCUT_GROUPS).toContain(s.group);
      expect(s.keys.length).toBeGreaterThan(0);
      for (const k of s.keys) expect(() => parseKey(k)).not.toThrow();
    }
  });

  it('covers every main action the issue names', () => {
    for (const a of ['newDecision', 'search', 'export', 'nextStep', 'previousStep', 'showHelp'] as const) {
      expect(
        SHORTCUTS.find((s) => s.action === a),
        a,
      ).toBeDefined();
    }
  });

  it('never gives one key to two actions, on either platform', () => {
    for (const mac of [false, true]) {
      const seen = new Map<string, string>();
      for (const s of SHORTCUTS)
        for (const k of s.keys) {
          const shown = formatKey(k, mac);
          expect(seen.get(shown), `${shown} on ${mac ? 'macOS' : 'Linux/Windows'}`).toBeUndefined();
          seen.set(shown, s.action);
        }
    }
  });

  it('reaches every action in a browser too, where Ctrl+N, Ctrl+T and Ctrl+W belong to the browser', () => {
    const reserved = new Set(['Mod+N', 'Mod+T', 'Mod+W', 'Mod+Shift+N', 'Mod+Shift+T', 'Mod+Shift+W']);
    for (const s of SHORTCUTS)
      expect(
        s.keys.some((k) => !reserved.has(k)),
        s.action,
      ).toBe(true);
  });

  it('gives the menu a modified or function key, never a bare character that typing would trigger', () => {
    expect(menuAccelerator(SHORTCUTS.find((s) => s.action === 'newDecision')!)).toBe('CmdOrCtrl+N');
    expect(menuAccelerator(SHORTCUTS.find((s) => s.action === 'showHelp')!)).toBe('F1');
    expect(menuAccelerator({ action: 'search', label: 'x', keys: ['/'], group: 'Decisions' })).toBeNull();
    for (const s of SHORTCUTS) {
      const acc = menuAccelerator(s);
      if (acc) expect(acc === 'F1' || acc.startsWith('CmdOrCtrl+') || acc.startsWith('Alt+'), acc).toBe(true);
    }
  });
});

describe('matching key presses', () => {
  it('reads Mod as Ctrl on Linux and Windows and as ⌘ on macOS', () => {
    expect(matchesKey(press('n', { ctrlKey: true }), 'Mod+N', false)).toBe(true);
    expect(matchesKey(press('n', { metaKey: true }), 'Mod+N', false)).toBe(false);
    expect(matchesKey(press('n', { metaKey: true }), 'Mod+N', true)).toBe(true);
    expect(matchesKey(press('n', { ctrlKey: true }), 'Mod+N', true)).toBe(false);
    expect(matchesKey(press('N', { ctrlKey: true, shiftKey: true }), 'Mod+N', false)).toBe(false);
    expect(matchesKey(press('n', { ctrlKey: true, altKey: true }), 'Mod+N', false)).toBe(false);
  });

  it('ignores Shift for symbols, since ? is Shift+/ on most layouts', () => {
    expect(matchesKey(press('?', { shiftKey: true }), '?', false)).toBe(true);
    expect(matchesKey(press('/'), '?', false)).toBe(false);
    expect(matchesKey(press(']', { ctrlKey: true }), 'Mod+]', false)).toBe(true);
  });

  it('finds a letter by its physical key on a non-Latin layout', () => {
    expect(matchesKey(press('т', { ctrlKey: true, code: 'KeyN' }), 'Mod+N', false)).toBe(true);
  });

  it('leaves plain keys to a text field that has focus, but not Mod keys or F1', () => {
    expect(actionForKey(press('n'), { mac: false, typing: false })).toBe('newDecision');
    expect(actionForKey(press('n'), { mac: false, typing: true })).toBeNull();
    expect(actionForKey(press('?', { shiftKey: true }), { mac: false, typing: true })).toBeNull();
    expect(actionForKey(press('n', { ctrlKey: true }), { mac: false, typing: true })).toBe('newDecision');
    expect(actionForKey(press('F1'), { mac: false, typing: true })).toBe('showHelp');
    expect(actionForKey(press(']', { ctrlKey: true }), { mac: false, typing: true })).toBe('nextStep');
    expect(actionForKey(press('PageDown', { altKey: true }), { mac: false, typing: true })).toBe('nextStep');
    expect(actionForKey(press('PageUp', { altKey: true }), { mac: true, typing: false })).toBe('previousStep');
    expect(actionForKey(press('PageDown'), { mac: false, typing: false })).toBeNull();
    expect(actionForKey(press('x'), { mac: false, typing: false })).toBeNull();
  });

  it('shows keys the way each platform writes them', () => {
    expect(formatKey('Mod+N', false)).toBe('Ctrl+N');
    expect(formatKey('Mod+N', true)).toBe('⌘N');
    expect(formatKey('Mod+Shift+E', true)).toBe('⌘⇧E');
    expect(formatKey('?', false)).toBe('?');
    expect(formatKey('Alt+PageDown', false)).toBe('Alt+Page Down');
    expect(formatKey('Alt+PageDown', true)).toBe('⌥Page Down');
    expect(isPlainKey('?')).toBe(true);
    expect(isPlainKey('F1')).toBe(false);
  });
});

describe('who owns a key', () => {
  it('in the desktop app the menu owns its keys and the page keeps the rest', () => {
    const page = pageShortcuts(true);
    const help = page.find((s) => s.action === 'showHelp')!;
    expect(help.keys).toEqual(['?']);
    expect(page.find((s) => s.action === 'newDecision')!.keys).toEqual(['N']);
    expect(page.find((s) => s.action === 'export')!.keys).toEqual([]);
    expect(actionForKey(press('n', { ctrlKey: true }), { mac: false, typing: false }, page)).toBeNull();
  });

  it('in a browser the page owns every key', () => {
    expect(pageShortcuts(false)).toEqual(SHORTCUTS);
  });
});
