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
  // Each message shows until its time is up (or the next one replaces it).
  const [expired, setExpired] = useState(0);
  useEffect(() => {
    if (!serial) return;
    const t = setTimeout(() => setExpired(serial), SHOWN_MS);
    return () => clearTimeout(t);
  }, [serial]);
  const visible = serial !== 0 && expired !== serial;
  return (
    <div className={visible ? 'announcer announcer-visible' : 'announcer'} aria-live="polite" aria-atomic="true">
      {/* A zero-width space makes a repeated message a change, so it is read again. */}
      {serial ? text + (serial % 2 ? '\u200b' : '') : ''}
    </div>
  );
}
