import { useEffect, useState } from 'react';
import { useAnnouncement } from '../app/actions.js';
import './Announcer.css';

const SHOWN_MS = 6000;

/**
 * Says what a key press did when nothing visible changed (an action not available here):
 * read out by screen readers through a polite live region, shown briefly as a note on screen.
 */
export function Announcer() {
  const { text, serial } = useAnnouncement();
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (!serial) return;
    setVisible(true);
    const t = setTimeout(() => setVisible(false), SHOWN_MS);
    return () => clearTimeout(t);
  }, [serial]);
  return (
    <div className={visible ? 'announcer announcer-visible' : 'announcer'} aria-live="polite" aria-atomic="true">
      {/* A zero-width space makes a repeated message a change, so it is read again. */}
      {serial ? text + (serial % 2 ? '\u200b' : '') : ''}
    </div>
  );
}
