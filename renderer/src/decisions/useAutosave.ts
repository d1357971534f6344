/**
 * Autosave for a decision being edited: saves a moment after the last change, one save at a
 * time, always based on the revision the last save returned. A conflict stops saving and keeps
 * the user's text so nothing is lost. A field that fails validation is kept as typed and flagged
 * (`fieldErrors`); every other field is still saved, so one bad field never holds back the rest.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { DecisionContent, type Decision } from '../../../shared/domain.js';
import { checkFields } from '../../../shared/field-errors.js';
import { setLeaveGuard } from '../app/router.js';
import { contentOf } from '../../../shared/decision-content.js';
import { api, ApiError } from '../api.js';
import { invalidate, messageOf, queryClient, queryKey } from '../data/query.js';

/** A decision the server returned becomes what every screen's cache holds for it; lists and renderings ask again. */
export function remember(next: Decision): void {
  queryClient.setQueryData(queryKey('getDecision', { id: next.id }), next);
  void invalidate('listDecisions', 'renderDecision', 'listRevisions', 'diffRevisions');
}

export type SaveState = 'saved' | 'dirty' | 'saving' | 'invalid' | 'conflict' | 'error';

export function useAutosave(initial: Decision, delayMs = 600) {
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<DecisionContent>(() => contentOf(initial));
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const latest = useRef({ draft, saved, dirty: false, saving: false, stopped: false, invalid: false });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<Promise<void> | null>(null);

  // A save that ends dirty schedules the next one: tick reaches the latest flush through a ref.
  const flushRef = useRef<() => Promise<void>>(async () => {});
  const tick = useCallback(() => {
    timer.current = null;
    void flushRef.current();
  }, []);

  const flush = useCallback(async () => {
    const s = latest.current;
    if (!s.dirty || s.saving || s.stopped) return;
    const stored = DecisionContent.parse(contentOf(s.saved));
    const check = checkFields(s.draft, stored);
    s.invalid = Object.keys(check.errors).length > 0;
    setFieldErrors(check.errors);
    // Only invalid fields differ from what is stored: nothing to send; the typed text stays in the draft.
    if (s.invalid && JSON.stringify(check.savable) === JSON.stringify(stored)) {
      setState('invalid');
      return;
    }
    s.saving = true;
    let done = () => {};
    inflight.current = new Promise<void>((resolve) => (done = resolve));
    const sentDraft = s.draft;
    s.dirty = s.invalid;
    setState('saving');
    try {
      const next = await api.updateDecision({ id: s.saved.id, baseRevision: s.saved.revision, content: check.savable });
      s.saved = next;
      setSaved(next);
      remember(next);
      setError(null);
      if (s.draft !== sentDraft) s.dirty = true;
      setState(s.invalid ? 'invalid' : s.dirty ? 'dirty' : 'saved');
    } catch (e) {
      s.dirty = true;
      if (e instanceof ApiError && e.code === 'conflict') {
        s.stopped = true;
        setState('conflict');
      } else setState('error');
      // Said in words; the typed text stays in the draft and the save is tried again a moment later.
      setError(
        e instanceof ApiError && e.code === 'conflict'
          ? messageOf(e)
          : `Not saved: ${messageOf(e).replace(/^Not saved:\s*/, '')} Your edits stay on this page and are saved as soon as saving works again.`,
      );
    } finally {
      s.saving = false;
      done();
      if (s.dirty && !s.stopped && !s.invalid && timer.current === null) timer.current = setTimeout(tick, delayMs);
    }
  }, [delayMs, tick]);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

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
    s.invalid = false;
    setFieldErrors({});
    setSaved(next);
    remember(next);
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
    // Moving to another screen saves what can be saved (on unmount, below); ask first only when
    // something typed cannot be saved: an invalid field, a conflict or a failed save.
    const unguard = setLeaveGuard(() => {
      const s = latest.current;
      if (!s.dirty) return null;
      if (s.invalid)
        return 'A field you edited cannot be saved as it is (it is marked on the page). Leave and lose that edit?';
      if (s.stopped || (!s.saving && timer.current === null))
        return 'Your last edits are not saved. Leave and lose them?';
      return null;
    });
    return () => {
      unguard();
      window.removeEventListener('beforeunload', warn);
      if (timer.current) clearTimeout(timer.current);
      void flush();
    };
  }, [flush]);

  return { saved, draft, state, error, fieldErrors, update, replace, flush, settle };
}
