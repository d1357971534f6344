/**
 * Actions (new decision, search, export, next step…) reach the page three ways: a key press,
 * the desktop menu, or a button. All three call `runAction`, which runs the handler of the
 * screen that registered last (a screen's own handler wins over the app-wide default while it
 * is shown), or says plainly that the action does nothing here.
 */
import { useEffect, useEffectEvent, useSyncExternalStore } from 'react';
import { actionForKey, pageShortcuts, shortcutFor, type ActionId } from '../../../shared/shortcuts.js';
import { api } from '../api.js';
import { hostInfo } from '../native/host.js';

type Handler = () => void;
const handlers = new Map<ActionId, Handler[]>();
const defaults = new Map<ActionId, Handler>();

/** The app-wide behaviour of an action, used when no screen on show handles it. */
export function setDefaultAction(action: ActionId, handler: Handler): void {
  defaults.set(action, handler);
}

/** Registers a handler while the calling component is mounted; the latest mounted one runs. */
export function useActionHandler(action: ActionId, handler: Handler): void {
  // The handler as last rendered, without registering again on every render.
  const run = useEffectEvent(handler);
  useEffect(() => {
    const entry: Handler = () => run();
    const stack = handlers.get(action) ?? [];
    handlers.set(action, [...stack, entry]);
    return () => {
      handlers.set(
        action,
        (handlers.get(action) ?? []).filter((h) => h !== entry),
      );
    };
  }, [action]);
}

export function runAction(action: ActionId): void {
  const stack = handlers.get(action) ?? [];
  const handler = stack[stack.length - 1] ?? defaults.get(action);
  if (handler) {
    handler();
    return;
  }
  const shortcut = shortcutFor(action);
  const label = shortcut?.label.replace(/…$/, '') ?? action;
  announce(`${label} is not available here${shortcut?.where ? ` — it works ${shortcut.where}` : ''}.`);
}

// A polite live region says what a key did when nothing visible changed.
let message = '';
let messageSerial = 0;
const messageListeners = new Set<() => void>();

export function announce(text: string): void {
  message = text;
  messageSerial++;
  for (const l of messageListeners) l();
}

export function useAnnouncement(): { text: string; serial: number } {
  const serial = useSyncExternalStore(
    (l) => {
      messageListeners.add(l);
      return () => messageListeners.delete(l);
    },
    () => messageSerial,
  );
  return { text: message, serial };
}

// Requests let an action reach a screen that is about to appear: focus its field, open its dialog.
const REQUEST_EVENT = 'cairn-request';
let pending: { target: string; payload: string | undefined } | null = null;

export function request(target: string, payload?: string): void {
  pending = { target, payload };
  window.dispatchEvent(new CustomEvent(REQUEST_EVENT));
}

/** Runs `handle` when `target` is requested, now or (if requested just before) on mount. */
export function useRequest(target: string, handle: (payload: string | undefined) => void): void {
  const run = useEffectEvent(handle);
  useEffect(() => {
    const check = () => {
      if (pending?.target !== target) return;
      const { payload } = pending;
      pending = null;
      run(payload);
    };
    check();
    window.addEventListener(REQUEST_EVENT, check);
    return () => window.removeEventListener(REQUEST_EVENT, check);
  }, [target]);
}

export function requestFocus(target: string): void {
  request(target);
}

/** Focuses the element when `target` is requested. */
export function useFocusTarget(target: string, ref: React.RefObject<HTMLElement | null>): void {
  useRequest(target, () => ref.current?.focus());
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
    return true;
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  return false;
}

export const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/**
 * Listens for the shortcut keys and, where the host has an application menu, for its choices
 * (one `waitForMenuAction` call kept open), for as long as the app is mounted.
 */
export function useShortcuts(): void {
  useEffect(() => {
    let live = true;
    let table = pageShortcuts(false);
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const action = actionForKey(e, { mac: isMac, typing: isTyping(e.target) }, table);
      if (!action) return;
      e.preventDefault();
      runAction(action);
    };
    window.addEventListener('keydown', onKey);
    void hostInfo().then(async (info) => {
      if (!info.capabilities.menu) return;
      // The menu shows (and so owns) its keys; the page keeps only the others.
      table = pageShortcuts(true);
      while (live) {
        let action: ActionId;
        try {
          ({ action } = await api.waitForMenuAction({}));
        } catch {
          return;
        }
        if (live) runAction(action);
      }
    });
    return () => {
      live = false;
      window.removeEventListener('keydown', onKey);
    };
  }, []);
}
