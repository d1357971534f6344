/**
 * Actions (new decision, search, export, next step…) reach the page three ways: a key press,
 * the desktop menu, or a button. All three call `runAction`, which runs the handler of the
 * screen that registered last (a screen's own handler wins over the app-wide default while it
 * is shown), or says plainly that the action does nothing here.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { actionForKey, pageShortcuts, shortcutFor, type ActionId } from '../../shared/shortcuts.js';

declare global {
  interface Window {
    /** The desktop menu's actions, exposed by the preload; absent in a browser. */
    cairnMenu?: { onAction(listener: (action: ActionId) => void): () => void };
  }
}

type Handler = () => void;
const handlers = new Map<ActionId, Handler[]>();
const defaults = new Map<ActionId, Handler>();

/** The app-wide behaviour of an action, used when no screen on show handles it. */
export function setDefaultAction(action: ActionId, handler: Handler): void {
  defaults.set(action, handler);
}

/** Registers a handler while the calling component is mounted; the latest mounted one runs. */
export function useActionHandler(action: ActionId, handler: Handler): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const entry: Handler = () => latest.current();
    const stack = handlers.get(action) ?? [];
    handlers.set(action, [...stack, entry]);
    return () => {
      handlers.set(action, (handlers.get(action) ?? []).filter((h) => h !== entry));
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

// Focus requests let an action land the cursor in a field of a screen that is about to appear.
const FOCUS_EVENT = 'cairn-focus-request';
let pendingFocus: string | null = null;

export function requestFocus(target: string): void {
  pendingFocus = target;
  window.dispatchEvent(new CustomEvent(FOCUS_EVENT));
}

/** Focuses the element when `target` is requested, now or (if requested just before) on mount. */
export function useFocusTarget(target: string, ref: React.RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const check = () => {
      if (pendingFocus !== target || !ref.current) return;
      pendingFocus = null;
      ref.current.focus();
    };
    check();
    window.addEventListener(FOCUS_EVENT, check);
    return () => window.removeEventListener(FOCUS_EVENT, check);
  }, [target, ref]);
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  return false;
}

export const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** Listens for the shortcut keys and the desktop menu for as long as the app is mounted. */
export function useShortcuts(): void {
  useEffect(() => {
    const table = pageShortcuts(!!window.cairnMenu);
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const action = actionForKey(e, { mac: isMac, typing: isTyping(e.target) }, table);
      if (!action) return;
      e.preventDefault();
      runAction(action);
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = window.cairnMenu?.onAction(runAction);
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe?.();
    };
  }, []);
}
