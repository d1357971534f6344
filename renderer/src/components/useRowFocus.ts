/**
 * Focus in a list edited by rows: `rowRef(i)` goes on row i's input, and `focusRow(i)` (with the
 * change that adds, moves or removes rows) asks for that input to take the focus once it is on the
 * page. The render that shows the new rows may come after another (an autosave answering
 * meanwhile), so the wish waits for it instead of being spent on a row not there yet.
 */
import { useEffect, useRef } from 'react';

export function useRowFocus() {
  const rows = useRef<(HTMLElement | null)[]>([]);
  const wanted = useRef<number | null>(null);
  useEffect(() => {
    if (wanted.current === null) return;
    const input = rows.current[wanted.current];
    if (!input?.isConnected) return;
    input.focus();
    wanted.current = null;
  });
  return {
    rowRef: (i: number) => (el: HTMLElement | null) => {
      rows.current[i] = el;
    },
    focusRow: (i: number | null) => {
      wanted.current = i;
    },
  };
}
