/**
 * Autosave for a decision being edited: saves a moment after the last change, one save at a
 * time, always based on the revision the last save returned. A conflict stops saving and keeps
 * the user's text so nothing is lost.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Decision, DecisionContent } from '../../shared/domain.js';
import { api, ApiError } from './api.js';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';

export function contentOf(d: Decision): DecisionContent {
  const { id: _i, number: _n, revision: _r, createdAt: _c, updatedAt: _u, trashedAt: _t, ...content } = d;
  return content;
}

export function useAutosave(initial: Decision, delayMs = 600) {
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<DecisionContent>(() => contentOf(initial));
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<string | null>(null);
  const latest = useRef({ draft, saved, dirty: false, saving: false, stopped: false });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<Promise<void> | null>(null);

  // flush and tick call each other (a save that ends dirty schedules the next), so they are made
  // together, once per delay, instead of each listing the other as a dependency.
  const { flush, tick } = useMemo(() => {
    const tick = () => {
      timer.current = null;
      void flush();
    };
    const flush = async () => {
      const s = latest.current;
      if (!s.dirty || s.saving || s.stopped) return;
      s.saving = true;
      let done = () => {};
      inflight.current = new Promise<void>((resolve) => (done = resolve));
      s.dirty = false;
      setState('saving');
      try {
        const next = await api.updateDecision({ id: s.saved.id, baseRevision: s.saved.revision, content: s.draft });
        s.saved = next;
        setSaved(next);
        setError(null);
        setState(s.dirty ? 'dirty' : 'saved');
      } catch (e) {
        s.dirty = true;
        if (e instanceof ApiError && e.code === 'conflict') {
          s.stopped = true;
          setState('conflict');
        } else setState('error');
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        s.saving = false;
        done();
        if (s.dirty && !s.stopped && timer.current === null) timer.current = setTimeout(tick, delayMs);
      }
    };
    return { flush, tick };
  }, [delayMs]);

  const update = useCallback(
    (change: Partial<DecisionContent> | ((d: DecisionContent) => DecisionContent)) => {
      const s = latest.current;
      s.draft = typeof change === 'function' ? change(s.draft) : { ...s.draft, ...change };
      s.dirty = true;
      setDraft(s.draft);
      if (!s.stopped) setState('dirty');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(tick, delayMs);
    },
    [delayMs, tick],
  );

  /**
   * Saves now and resolves once nothing is left to save, with the decision as stored (null when
   * saving stopped on an error), so an action the server performs on the stored decision (apply
   * a pack…) sees every edit and can name the revision it is based on.
   */
  const settle = useCallback(async (): Promise<Decision | null> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    for (let i = 0; i < 10; i++) {
      const s = latest.current;
      if (s.saving) await inflight.current;
      else if (s.dirty && !s.stopped) await flush();
      else return s.dirty ? null : s.saved;
    }
    return latest.current.dirty ? null : latest.current.saved;
  }, [flush]);

  /** Takes a decision the server returned from another action (trash, apply pack…) as the new base. */
  const replace = useCallback((next: Decision) => {
    const s = latest.current;
    s.saved = next;
    s.draft = contentOf(next);
    s.dirty = false;
    s.stopped = false;
    setSaved(next);
    setDraft(s.draft);
    setState('saved');
    setError(null);
  }, []);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (latest.current.dirty || latest.current.saving) {
        void flush();
        e.preventDefault();
      }
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (timer.current) clearTimeout(timer.current);
      void flush();
    };
  }, [flush]);

  return { saved, draft, state, error, update, replace, flush, settle };
}
