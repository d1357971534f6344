/**
 * Suggested claims for one source: Cairn's ranked passages, each with its quote, section, option,
 * criterion, guessed effect and score. *Accept…* opens a small form (the summary in the user's
 * words; option, criterion and effect editable) that saves a claim verified against the text;
 * *Dismiss* sets the suggestion aside for this source for good. Everything is reachable with the
 * keyboard, and focus moves to the next suggestion after one is handled.
 */
import { useEffect, useRef, useState } from 'react';
import type { PackView, SourceView } from '../../../shared/api/knowledge.js';
import type { Suggestion } from '../../../shared/api/sources.js';
import { TextArea } from '../components/Fields.js';
import { QueryStatus } from '../components/QueryStatus.js';
import { href } from '../app/router.js';
import { messageOf, useApiMutation, useApiQuery } from '../data/query.js';
import { countOf, readerLocales } from '../number-format.js';
import { PACK_READS } from './SourceReader.js';
import { ClaimFields, EFFECT_LABEL } from './ClaimFields.js';

const LIMIT = 20;
const scoreFormat = new Intl.NumberFormat(readerLocales(), { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const keyOf = (s: Suggestion) => `${s.start}|${s.option}|${s.criterion}`;

export function Suggestions({ pack, sourceId }: { pack: PackView; sourceId: string | undefined }) {
  const withText = pack.sources.filter((s) => s.text);
  const source = withText.find((s) => s.id === sourceId) ?? withText[0];
  if (!source) {
    return (
      <p className="empty">
        No source of this pack has its text yet. <a href={href('library', pack.id, 'add')}>Add a document</a> and Cairn
        will suggest claims from it.
      </p>
    );
  }
  return (
    <div className="suggestions">
      <nav aria-label="Sources to suggest from" className="suggestion-sources">
        <ul>
          {withText.map((s) => (
            <li key={s.id}>
              <a
                href={href('library', pack.id, 'suggestions', s.id)}
                aria-current={s.id === source.id ? 'page' : undefined}
              >
                {s.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <SuggestionList key={source.id} pack={pack} source={source} />
    </div>
  );
}

function SuggestionList({ pack, source }: { pack: PackView; source: SourceView }) {
  const query = useApiQuery('suggestClaims', {
    pack: pack.id,
    source: source.id,
    limit: LIMIT,
    includeDismissed: false,
  });
  const [open, setOpen] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const dismiss = useApiMutation('dismissSuggestion', { invalidates: ['suggestClaims'] });

  // After a suggestion leaves the list, focus lands on the one that took its place (or the
  // heading), once the list without it is on screen.
  const pendingFocus = useRef<number | null>(null);
  const focusAt = (index: number) => {
    pendingFocus.current = index;
  };
  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null || !query.data) return;
    pendingFocus.current = null;
    const items = listRef.current?.querySelectorAll<HTMLElement>('.suggestion > h3');
    const target = items?.length
      ? items[Math.min(index, items.length - 1)]
      : document.getElementById('suggestions-title');
    target?.focus();
  }, [query.data]);

  const names = (s: Suggestion) => ({
    option: pack.options.find((o) => o.id === s.option)?.name ?? s.option,
    criterion: pack.criteria.find((c) => c.id === s.criterion)?.name ?? s.criterion,
  });

  return (
    <section aria-labelledby="suggestions-title" className="suggestion-pane">
      <h2 id="suggestions-title" tabIndex={-1}>
        Suggested claims from “{source.title}”
      </h2>
      <p className="muted">
        Passages that seem to say something about an option under a criterion, best first. Accept one to make it a claim
        in your words, or dismiss it so it is not offered again for this source.
      </p>
      {note && (
        <p role="status" className="panel">
          {note}
        </p>
      )}
      {dismiss.error && (
        <p role="alert" className="error">
          Could not dismiss the suggestion: {messageOf(dismiss.error)}
        </p>
      )}
      <QueryStatus
        isPending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        what="the suggestions"
      />
      {query.data && query.data.length === 0 && (
        <p className="empty">No suggestions left for this source: each was made a claim or dismissed.</p>
      )}
      {query.data && query.data.length > 0 && (
        <p className="muted">
          {countOf(query.data.length, 'suggestion')} shown (at most {LIMIT}).
        </p>
      )}
      <ol className="suggestion-list" ref={listRef}>
        {query.data?.map((s, i) => {
          const key = keyOf(s);
          const n = names(s);
          return (
            <li key={key} className={`suggestion claim effect-border-${s.effect}`} aria-labelledby={`sugg-${i}`}>
              <h3 id={`sugg-${i}`} tabIndex={-1}>
                {n.option} · {n.criterion}
              </h3>
              <p className="suggestion-anchor">
                <mark>“{s.anchor}”</mark>
              </p>
              <p className="suggestion-sentence">{s.sentence}</p>
              <dl className="suggestion-facts">
                <dt>Section</dt>
                <dd>{s.section || <span className="muted">before the first heading</span>}</dd>
                <dt>Guessed effect</dt>
                <dd className={`effect-${s.effect}`}>{EFFECT_LABEL[s.effect]}</dd>
                <dt>Score</dt>
                <dd>{scoreFormat.format(s.score)}</dd>
              </dl>
              {open === key ? (
                <AcceptForm
                  pack={pack}
                  source={source}
                  suggestion={s}
                  onCancel={() => setOpen(null)}
                  onSaved={(message) => {
                    setOpen(null);
                    setNote(message);
                    focusAt(i);
                  }}
                />
              ) : (
                <div className="claim-actions">
                  <button type="button" className="primary" onClick={() => setOpen(key)}>
                    Accept…
                  </button>
                  <button
                    type="button"
                    disabled={dismiss.isPending}
                    aria-label={`Dismiss suggestion ${i + 1}: ${n.option} · ${n.criterion}`}
                    onClick={() =>
                      dismiss.mutate(
                        { pack: pack.id, source: source.id, start: s.start, option: s.option, criterion: s.criterion },
                        {
                          onSuccess: () => {
                            setNote(`Dismissed: “${s.anchor}” for ${n.option} · ${n.criterion}.`);
                            focusAt(i);
                          },
                        },
                      )
                    }
                  >
                    Dismiss
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function AcceptForm({
  pack,
  source,
  suggestion,
  onCancel,
  onSaved,
}: {
  pack: PackView;
  source: SourceView;
  suggestion: Suggestion;
  onCancel: () => void;
  onSaved: (message: string) => void;
}) {
  const [form, setForm] = useState({
    option: suggestion.option,
    criterion: suggestion.criterion,
    effect: suggestion.effect,
    importance: 2,
    condition: '',
    summary: '',
  });
  const [tried, setTried] = useState(false);
  const dismiss = useApiMutation('dismissSuggestion', { invalidates: ['suggestClaims'] });
  const add = useApiMutation('addClaim', { invalidates: PACK_READS });
  const summaryError = tried && !form.summary.trim() ? 'Write what the passage claims, in your own words.' : undefined;

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!form.summary.trim()) return;
    add.mutate(
      {
        pack: pack.id,
        claim: {
          source: source.id,
          option: form.option,
          criterion: form.criterion,
          effect: form.effect,
          importance: form.importance,
          condition: form.condition.trim() || null,
          summary: form.summary.trim(),
          anchor: suggestion.anchor,
          section: suggestion.section,
        },
      },
      {
        onSuccess: (claim) => {
          // Changed to another option or criterion, the original suggestion would come back: set it aside.
          if (form.option !== suggestion.option || form.criterion !== suggestion.criterion) {
            dismiss.mutate({
              pack: pack.id,
              source: source.id,
              start: suggestion.start,
              option: suggestion.option,
              criterion: suggestion.criterion,
            });
          }
          onSaved(`Added claim ${claim.id} (${claim.verification.state}): ${claim.summary}`);
        },
      },
    );
  };

  return (
    <form className="form-grid accept-suggestion" onSubmit={save} noValidate aria-label="Accept the suggestion">
      <ClaimFields pack={pack} form={form} setForm={setForm} />
      <TextArea
        label="Claim, in your own words"
        rows={2}
        autoFocus
        value={form.summary}
        onChange={(summary) => setForm({ ...form, summary })}
        error={summaryError}
      />
      {add.error && (
        <p role="alert" className="error">
          The claim was not saved: {messageOf(add.error)}
        </p>
      )}
      <div>
        <button type="submit" className="primary" disabled={add.isPending}>
          Save claim
        </button>{' '}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
