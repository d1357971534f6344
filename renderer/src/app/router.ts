import { useEffect, useState } from 'react';

/** Routes live in the URL fragment (`#/decisions/ID`) so reload and back/forward work in both hosts. */
export function useRoute(): string[] {
  const read = () => window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
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
