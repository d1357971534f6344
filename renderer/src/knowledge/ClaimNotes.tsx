/**
 * The user's own notes on a claim of a pack they can edit: "Contradicts…" (the other claim found
 * by its summary) and "Mark outdated…", each with a note; both removable. A shipped pack is
 * read-only, so its cards offer neither. Every control is reachable by keyboard; Escape closes a form.
 */
import { useEffect, useRef, useState } from 'react';
import { MAX_NOTE_CHARS, type ClaimView, type PackView } from '../../../shared/api/knowledge.js';
import { RadioGroup, TextArea, TextField } from '../components/Fields.js';
import { messageOf, useApiMutation } from '../data/query.js';
import { countOf, formatCount } from '../number-format.js';
import { PACK_READS } from './SourceReader.js';

/** How many matching claims the "Contradicts…" form lists at once. */
const SHOWN = 8;

/** A claim as one line: option · criterion: summary. */
export function claimLine(pack: PackView, c: ClaimView): string {
  const option = pack.options.find((o) => o.id === c.option)?.name ?? c.option;
  const criterion = pack.criteria.find((x) => x.id === c.criterion)?.name ?? c.criterion;
  return `${option} · ${criterion}: ${c.summary}`;
}

/** Claims whose summary holds every word typed; with nothing typed, those under the same criterion first. */
function candidates(pack: PackView, claim: ClaimView, query: string): ClaimView[] {
  const taken = new Set([claim.id, ...claim.contradictions.map((c) => c.claim)]);
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const open = pack.claims.filter((c) => !taken.has(c.id));
  if (!words.length)
    return [
      ...open.filter((c) => c.criterion === claim.criterion),
      ...open.filter((c) => c.criterion !== claim.criterion),
    ];
  return open.filter((c) => {
    const text = c.summary.toLocaleLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** Focuses the first field of a form when it opens. */
function useFocusFirst() {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, []);
  return ref;
}

function ContradictsForm({ claim, pack, onClose }: { claim: ClaimView; pack: PackView; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [other, setOther] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const save = useApiMutation('addContradiction', { invalidates: PACK_READS, onSuccess: onClose });
  const ref = useFocusFirst();
  const found = candidates(pack, claim, query);
  const shown = found.slice(0, SHOWN);
  const picked = other ? pack.claims.find((c) => c.id === other) : undefined;
  // The picked claim stays in the list while the search changes, so the choice is always visible.
  const listed = picked && !shown.some((c) => c.id === picked.id) ? [picked, ...shown] : shown;
  const noteError = tried && !note.trim() ? 'Say why the two claims disagree.' : undefined;
  return (
    <form
      ref={ref}
      className="claim-note-form"
      aria-label={`Note a claim that contradicts ${claim.id}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!other || !note.trim()) return;
        save.mutate({ pack: pack.id, claims: [claim.id, other], note: note.trim() });
      }}
    >
      <TextField
        label="Find the other claim by its summary"
        type="search"
        value={query}
        onChange={setQuery}
        hint="Type words from its summary; claims under the same criterion come first."
      />
      <RadioGroup
        legend="Contradicting claim"
        intro={
          <p className="muted small" aria-live="polite">
            {found.length === 0
              ? `No claim’s summary holds “${query.trim()}”.`
              : found.length > SHOWN
                ? `${countOf(found.length, 'claim')} match; the first ${SHOWN} are listed, type more to narrow them.`
                : `${countOf(found.length, 'claim')} ${found.length === 1 ? 'matches' : 'match'}.`}
          </p>
        }
        choiceClassName="claim-choice"
        value={other}
        onChange={setOther}
        choices={listed.map((c) => ({ value: c.id, label: claimLine(pack, c) }))}
        error={tried && !other ? 'Choose the claim that disagrees with this one.' : undefined}
      />
      <TextArea
        label="Why they disagree"
        rows={2}
        value={note}
        onChange={setNote}
        error={noteError}
        hint={`Shown beside both claims and on the decision’s evidence step; at most ${formatCount(MAX_NOTE_CHARS)} characters.`}
      />
      <SaveOrCancel save={save} label="Save contradiction" onCancel={onClose} />
    </form>
  );
}

function OutdatedForm({ claim, pack, onClose }: { claim: ClaimView; pack: PackView; onClose: () => void }) {
  const [note, setNote] = useState(claim.outdatedOwn ? (claim.outdated ?? '') : '');
  const [tried, setTried] = useState(false);
  const save = useApiMutation('markOutdated', { invalidates: PACK_READS, onSuccess: onClose });
  const ref = useFocusFirst();
  const noteError = tried && !note.trim() ? 'Say why the claim is outdated, and what replaced it.' : undefined;
  return (
    <form
      ref={ref}
      className="claim-note-form"
      aria-label={`Mark claim ${claim.id} outdated`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!note.trim()) return;
        save.mutate({ pack: pack.id, claim: claim.id, note: note.trim() });
      }}
    >
      <TextArea
        label="Why it is outdated, and what replaced it"
        rows={2}
        value={note}
        onChange={setNote}
        error={noteError}
        hint={`An outdated claim counts half in pre-filled scores; at most ${formatCount(MAX_NOTE_CHARS)} characters.`}
      />
      <SaveOrCancel save={save} label="Mark outdated" onCancel={onClose} />
    </form>
  );
}

/** A note form's end: why the save failed, if it did, then Save and Cancel. */
function SaveOrCancel({
  save,
  label,
  onCancel,
}: {
  save: { error: unknown; isPending: boolean };
  label: string;
  onCancel: () => void;
}) {
  return (
    <>
      {save.error ? (
        <p role="alert" className="error">
          Not saved: {messageOf(save.error)}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : label}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}

/** "Contradicts…" and "Mark outdated…" on a claim card, opening their forms in place. */
export function ClaimNoteActions({ claim, pack }: { claim: ClaimView; pack: PackView }) {
  const [open, setOpen] = useState<'contradicts' | 'outdated' | null>(null);
  const contradictsButton = useRef<HTMLButtonElement>(null);
  const outdatedButton = useRef<HTMLButtonElement>(null);
  const close = () => {
    // Back to the button that opened the form, so the keyboard user continues where they were.
    const button = open === 'contradicts' ? contradictsButton.current : outdatedButton.current;
    setOpen(null);
    requestAnimationFrame(() => button?.focus());
  };
  const fromPack = claim.outdated !== null && !claim.outdatedOwn;
  return (
    <>
      <button
        ref={contradictsButton}
        type="button"
        className="link"
        aria-expanded={open === 'contradicts'}
        onClick={() => setOpen(open === 'contradicts' ? null : 'contradicts')}
      >
        Contradicts…
      </button>
      {!fromPack && (
        <button
          ref={outdatedButton}
          type="button"
          className="link"
          aria-expanded={open === 'outdated'}
          onClick={() => setOpen(open === 'outdated' ? null : 'outdated')}
        >
          {claim.outdatedOwn ? 'Change outdated note…' : 'Mark outdated…'}
        </button>
      )}
      {open === 'contradicts' && <ContradictsForm claim={claim} pack={pack} onClose={close} />}
      {open === 'outdated' && <OutdatedForm claim={claim} pack={pack} onClose={close} />}
    </>
  );
}

/** Removes one of the user's own notes; says so when it cannot. */
export function RemoveNote({
  pack,
  claim,
  other,
  label,
}: {
  pack: PackView;
  claim: string;
  /** The other claim of a contradiction; none for an outdated note. */
  other?: string;
  label: string;
}) {
  const contradiction = useApiMutation('removeContradiction', { invalidates: PACK_READS });
  const outdated = useApiMutation('removeOutdated', { invalidates: PACK_READS });
  const busy = contradiction.isPending || outdated.isPending;
  const error = contradiction.error ?? outdated.error;
  return (
    <>
      {' '}
      <button
        type="button"
        className="link"
        aria-label={label}
        disabled={busy}
        onClick={() =>
          other
            ? contradiction.mutate({ pack: pack.id, claims: [claim, other] })
            : outdated.mutate({ pack: pack.id, claim })
        }
      >
        Remove
      </button>
      {error && (
        <span role="alert" className="error">
          {' '}
          Not removed: {messageOf(error)}
        </span>
      )}
    </>
  );
}
