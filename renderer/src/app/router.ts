import { useEffect, useState } from 'react';

/** Asked before the route changes; a message means "ask the user", null means "go". One at a time (the open editor's). */
type LeaveGuard = () => string | null;
let leaveGuard: LeaveGuard | null = null;
let shownHash = typeof window === 'undefined' ? '' : window.location.hash;

/** Installs the guard asked before leaving the screen; returns the function that removes it. */
export function setLeaveGuard(guard: LeaveGuard): () => void {
  leaveGuard = guard;
  return () => {
    if (leaveGuard === guard) leaveGuard = null;
  };
}

/** Routes live in the URL fragment (`#/decisions/ID`) so reload and back/forward work in both hosts. */
export function useRoute(): string[] {
  const read = () => window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => {
      const message = leaveGuard?.() ?? null;
      if (message !== null && !window.confirm(message)) {
        // Stay: put the address back without another hashchange (a link, or Back, already moved it).
        history.replaceState(history.state, '', shownHash || '#/');
        return;
      }
      shownHash = window.location.hash;
      setRoute(read());
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(...parts: string[]): void {
  window.location.hash = '#/' + parts.map(encodeURIComponent).join('/');
}

export function href(...parts: string[]): string {
  return '#/' + parts.map(encodeURIComponent).join('/');
}
