import { useEffect, useState } from 'react';

/**
 * `value` once it has stayed the same for `ms` milliseconds: what a search-as-you-type field asks
 * the API with, so a burst of keystrokes makes one request, not one per key.
 */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
