/**
 * The knowledge library: per criterion, what each source claims for and against each option,
 * with contradictions side by side and outdated claims marked; a page per source; search; and
 * the user's own sources and claims, hidden and flagged claims.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ClaimView, PackView, SourceView } from '../../../shared/api/knowledge.js';
import type { Effect } from '../../../shared/domain.js';
import { EFFECTS, SOURCE_KINDS } from '../../../shared/vocabulary.js';
import { ClaimFields, EFFECT_LABEL } from './ClaimFields.js';
import { Select, TextArea, TextField } from '../components/Fields.js';
import { Highlighted } from '../components/Highlighted.js';
import { QueryStatus } from '../components/QueryStatus.js';
import { VerificationBadge } from '../components/VerificationBadge.js';
import { messageOf, useApiMutation, useApiQuery } from '../data/query.js';
import { countOf } from '../number-format.js';
import { ClaimNoteActions, RemoveNote } from './ClaimNotes.js';
import { NewPack } from './NewPack.js';
import { ExportPackFile, ImportPackFile } from './PackFiles.js';
import { AddSourceText, PACK_READS, SourceReader } from './SourceReader.js';
import { Suggestions } from './Suggestions.js';
import { href } from '../app/router.js';
import './Library.css';

export function Library({ route }: { route: string[] }) {
  const [, packId, view, ref, focus] = route;
  if (!packId) return <PackList />;
  // `_new` can never be a pack id (ids start with a letter or digit).
  if (packId === '_new') return <NewPack />;
  return <PackScreen key={packId} packId={packId} view={view ?? 'criteria'} refId={ref} focus={focus} />;
}

function PackList() {
  const packs = useApiQuery('listPacks', {});
  return (
    <section aria-labelledby="library-title">
      <header className="page-header">
        <h1 id="library-title">Knowledge library</h1>
        <a href={href('library', '_new')} className="button-link">
          New pack…
        </a>
      </header>
      <p className="muted">
        Each pack gathers what source documents claim about the options for one kind of decision, with citations.
      </p>
      <QueryStatus
        isPending={packs.isPending}
        error={packs.error}
        onRetry={() => void packs.refetch()}
        what="the packs"
      />
      {packs.data && packs.data.length === 0 && (
        <p className="empty">No knowledge packs yet. Create one with New pack…, or import a pack file below.</p>
      )}
      <ul className="pack-list">
        {packs.data?.map((p) => (
          <li key={p.id} className="panel">
            <h2>
              <a href={href('library', p.id)}>{p.title}</a>
            </h2>
            {p.question && <p>{p.question}</p>}
            <p className="muted">
              {countOf(p.options, 'option')} · {countOf(p.criteria, 'criterion', 'criteria')} ·{' '}
              {countOf(p.sources, 'source')} · {countOf(p.claims, 'claim')}
              {p.shipped ? ' · shipped with Cairn' : ''}
            </p>
          </li>
        ))}
      </ul>
      <ImportPackFile />
    </section>
  );
}

function PackScreen({
  packId,
  view,
  refId,
  focus,
}: {
  packId: string;
  view: string;
  refId: string | undefined;
  focus?: string;
}) {
  const query = useApiQuery('getPack', { id: packId });
  const pack = query.data;
  if (!pack) {
    return (
      <>
        <QueryStatus
          isPending={query.isPending}
          error={query.error}
          onRetry={() => void query.refetch()}
          what="this pack"
        />
        {query.error && <a href={href('library')}>Back to the library</a>}
      </>
    );
  }
  const tabs = [
    ['criteria', 'By criterion'],
    ['sources', 'Sources'],
    ['contradictions', `Contradictions (${pack.contradictions.length})`],
    ['search', 'Search'],
    ['add', 'Add your own'],
    ['suggestions', 'Suggestions'],
    ['share', 'Export'],
  ] as const;
  const current = view === 'criterion' ? 'criteria' : view === 'source' ? 'sources' : view;
  return (
    <section aria-labelledby="pack-title" className="library">
      <header className="page-header">
        <div>
          <a href={href('library')} className="back">
            ← Library
          </a>
          <h1 id="pack-title">{pack.title}</h1>
          <p className="muted">
            {pack.question} · {pack.options.map((o) => o.name).join(' vs ')} · {pack.claims.length} claims from{' '}
            {pack.sources.length} sources
          </p>
        </div>
      </header>
      {pack.shipped && (
        <p className="muted read-only-note">
          Shipped with Cairn: this pack’s claims, contradictions and outdated notes are read-only. You can hide or flag
          claims and add your own sources and claims; to note contradictions or outdated claims, create a pack of your
          own.
        </p>
      )}
      <nav aria-label="Library views" className="tabs">
        {tabs.map(([id, label]) => (
          <a key={id} href={href('library', pack.id, id)} aria-current={current === id ? 'page' : undefined}>
            {label}
          </a>
        ))}
      </nav>
      {current === 'criteria' && <CriteriaView pack={pack} selected={view === 'criterion' ? refId : undefined} />}
      {current === 'sources' &&
        (view === 'source' && refId ? (
          <SourcePage pack={pack} sourceId={refId} focus={focus} />
        ) : (
          <SourceList pack={pack} />
        ))}
      {current === 'contradictions' && <Contradictions pack={pack} />}
      {current === 'search' && <PackSearch pack={pack} />}
      {current === 'add' && <AddOwn pack={pack} />}
      {current === 'suggestions' && <Suggestions pack={pack} sourceId={refId} />}
      {current === 'share' && <ExportPackFile packId={pack.id} />}
    </section>
  );
}

function sourceLabel(s: SourceView | undefined): string {
  if (!s) return 'unknown source';
  const who = s.publisher ?? s.author;
  return [s.title, who, s.date ?? 'undated'].filter(Boolean).join(' · ');
}

const EFFECT_MARK: Record<Effect, string> = { good: '+', neutral: '±', bad: '−' };

function LibraryClaimCard({
  claim,
  pack,
  showContext = false,
}: {
  claim: ClaimView;
  pack: PackView;
  showContext?: boolean;
}) {
  const source = pack.sources.find((s) => s.id === claim.source);
  const marking = useApiMutation('markClaim', { invalidates: ['getPack'] });
  const busy = marking.isPending;
  const mark = (change: { hidden?: boolean; flagged?: boolean }) =>
    marking.mutate({ pack: pack.id, claim: claim.id, ...change });
  const criterion = pack.criteria.find((c) => c.id === claim.criterion);
  const option = pack.options.find((o) => o.id === claim.option);
  return (
    <article
      className={`claim effect-border-${claim.effect}${claim.hidden ? ' claim-hidden' : ''}`}
      id={`claim-${claim.id}`}
      aria-label={`${EFFECT_LABEL[claim.effect]} claim ${claim.id}`}
    >
      <p className="claim-summary">
        <span className={`effect-tag effect-${claim.effect}`} aria-hidden="true">
          {EFFECT_MARK[claim.effect]}
        </span>{' '}
        {showContext && (
          <strong>
            {option?.name} · {criterion?.name}:{' '}
          </strong>
        )}
        {claim.summary}
      </p>
      <p className="claim-meta">
        <a href={href('library', pack.id, 'source', claim.source)}>{sourceLabel(source)}</a>
        {claim.section && <> · § {claim.section}</>}
        {claim.anchor && <> · “{claim.anchor}”</>}
        {claim.verification.start !== null && (
          <>
            {' '}
            · <a href={href('library', pack.id, 'source', claim.source, claim.id)}>open in the source</a>
          </>
        )}
      </p>
      <p className="claim-badges">
        {claim.condition && <span className="badge-condition">only if: {claim.condition}</span>}
        {claim.importance === 3 && <span className="badge-soft">central</span>}
        {claim.own && <span className="badge-soft">your claim</span>}
        {claim.flagged && <span className="badge-flag">flagged{claim.flagNote ? `: ${claim.flagNote}` : ''}</span>}
        {claim.hidden && <span className="badge-soft">hidden</span>}
        {claim.anchor && <VerificationBadge state={claim.verification.state} reason={claim.verification.reason} />}
      </p>
      {claim.anchor && claim.verification.state !== 'verified' && claim.verification.state !== 'unchecked' && (
        <p className="claim-verification-reason">{claim.verification.reason}</p>
      )}
      {claim.outdated && (
        <p className="claim-outdated">
          <strong>Outdated:</strong> {claim.outdated}
          {claim.outdatedOwn && !pack.shipped && (
            <RemoveNote pack={pack} claim={claim.id} label={`Remove the outdated note on claim ${claim.id}`} />
          )}
        </p>
      )}
      {claim.contradictions.map((c) => {
        const other = pack.claims.find((x) => x.id === c.claim);
        const otherSource = pack.sources.find((s) => s.id === other?.source);
        return (
          <p className="claim-contradiction" key={c.claim}>
            <strong>Contradicted by</strong>{' '}
            <a href={href('library', pack.id, 'criterion', other?.criterion ?? claim.criterion)}>
              {otherSource?.publisher ?? otherSource?.author ?? otherSource?.title ?? c.claim}
            </a>
            {c.own && other && <> (“{other.summary}”)</>}: {c.note}
            {c.own && !pack.shipped && (
              <RemoveNote
                pack={pack}
                claim={claim.id}
                other={c.claim}
                label={`Remove the contradiction between claims ${claim.id} and ${c.claim}`}
              />
            )}
          </p>
        );
      })}
      {marking.error && (
        <p role="alert" className="error">
          Could not change the claim: {messageOf(marking.error)}
        </p>
      )}
      <div className="claim-actions">
        <button type="button" className="link" disabled={busy} onClick={() => mark({ hidden: !claim.hidden })}>
          {claim.hidden ? 'Unhide' : 'Hide'}
        </button>
        <button type="button" className="link" disabled={busy} onClick={() => mark({ flagged: !claim.flagged })}>
          {claim.flagged ? 'Unflag' : 'Flag'}
        </button>
        {!pack.shipped && <ClaimNoteActions claim={claim} pack={pack} />}
      </div>
    </article>
  );
}

function CriteriaView({ pack, selected }: { pack: PackView; selected: string | undefined }) {
  const criterion = pack.criteria.find((c) => c.id === selected) ?? pack.criteria[0];
  if (!criterion) return <p className="empty">This pack has no criteria.</p>;
  const visible = pack.claims.filter((c) => !c.hidden);
  const hidden = pack.claims.filter((c) => c.hidden && c.criterion === criterion.id);
  return (
    <div className="criteria-layout">
      <nav aria-label="Criteria" className="criteria-nav">
        <ul>
          {pack.criteria.map((c) => {
            const n = visible.filter((x) => x.criterion === c.id).length;
            return (
              <li key={c.id}>
                <a
                  href={href('library', pack.id, 'criterion', c.id)}
                  aria-current={c.id === criterion.id ? 'page' : undefined}
                >
                  {c.name} <span className="muted">({n})</span>
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="criterion-pane">
        <h2>{criterion.name}</h2>
        <p>{criterion.description}</p>
        {criterion.question && <p className="guiding-question">Ask yourself: {criterion.question}</p>}
        <div className="option-columns">
          {pack.options.map((o) => {
            const claims = visible.filter((c) => c.criterion === criterion.id && c.option === o.id);
            return (
              <section key={o.id} aria-labelledby={`opt-${o.id}`} className="option-column">
                <h3 id={`opt-${o.id}`}>{o.name}</h3>
                {claims.length === 0 && <p className="muted">No claims about {o.name} here.</p>}
                {EFFECTS.map((effect) => {
                  const group = claims.filter((c) => c.effect === effect);
                  if (!group.length) return null;
                  return (
                    <div key={effect}>
                      <h4 className={`effect-${effect}`}>
                        {EFFECT_LABEL[effect]} ({group.length})
                      </h4>
                      {group.map((c) => (
                        <LibraryClaimCard key={c.id} claim={c} pack={pack} />
                      ))}
                    </div>
                  );
                })}
              </section>
            );
          })}
        </div>
        {hidden.length > 0 && (
          <details className="hidden-claims">
            <summary>Hidden claims ({hidden.length})</summary>
            {hidden.map((c) => (
              <LibraryClaimCard key={c.id} claim={c} pack={pack} showContext />
            ))}
          </details>
        )}
      </div>
    </div>
  );
}

function SourceList({ pack }: { pack: PackView }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Source</th>
          <th scope="col">Publisher / author</th>
          <th scope="col">Date</th>
          <th scope="col">Kind</th>
          <th scope="col" className="num">
            Claims
          </th>
        </tr>
      </thead>
      <tbody>
        {pack.sources.map((s) => (
          <tr key={s.id}>
            <td>
              <a href={href('library', pack.id, 'source', s.id)}>{s.title}</a>
              {s.own && <span className="badge-soft"> yours</span>}
            </td>
            <td>{[s.publisher, s.author].filter(Boolean).join(' / ') || <span className="muted">not named</span>}</td>
            <td>{s.date ?? <span className="muted">undated</span>}</td>
            <td>{s.kind}</td>
            <td className="num">{pack.claims.filter((c) => c.source === s.id).length}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SourcePage({ pack, sourceId, focus }: { pack: PackView; sourceId: string; focus?: string }) {
  const source = pack.sources.find((s) => s.id === sourceId);
  if (!source)
    return (
      <p role="alert" className="error">
        This pack has no source “{sourceId}”.
      </p>
    );
  const claims = pack.claims.filter((c) => c.source === source.id);
  return (
    <div>
      <a href={href('library', pack.id, 'sources')} className="back">
        ← All sources
      </a>
      <h2>{source.title}</h2>
      <dl className="source-facts">
        <dt>Publisher</dt>
        <dd>{source.publisher ?? 'not named'}</dd>
        <dt>Author</dt>
        <dd>{source.author ?? 'not named'}</dd>
        <dt>Date</dt>
        <dd>{source.date ?? 'undated'}</dd>
        <dt>Kind</dt>
        <dd>{source.kind}</dd>
        {source.file && (
          <>
            <dt>File</dt>
            <dd>{source.file}</dd>
          </>
        )}
      </dl>
      {source.text && (
        <p>
          <a href={href('library', pack.id, 'suggestions', source.id)}>Suggested claims from this source</a>
        </p>
      )}
      <h3>Text</h3>
      <SourceReader pack={pack} source={source} focus={focus} />
      <h3>{claims.length} claims</h3>
      {claims.map((c) => (
        <LibraryClaimCard key={c.id} claim={c} pack={pack} showContext />
      ))}
    </div>
  );
}

function Contradictions({ pack }: { pack: PackView }) {
  const byId = useMemo(() => new Map(pack.claims.map((c) => [c.id, c])), [pack]);
  if (!pack.contradictions.length)
    return <p className="empty">The sources in this pack do not contradict each other.</p>;
  return (
    <ol className="contradiction-list">
      {pack.contradictions.map((group, i) => (
        <li key={i} className="panel">
          <p>{group.note}</p>
          <div className="side-by-side">
            {group.claims.map((id) => {
              const c = byId.get(id);
              if (!c)
                return (
                  <p key={id} className="muted">
                    Unknown claim {id}
                  </p>
                );
              const opt = pack.options.find((o) => o.id === c.option)?.name;
              const crit = pack.criteria.find((x) => x.id === c.criterion)?.name;
              return (
                <div key={id} className={`claim effect-border-${c.effect}`}>
                  <p className="claim-summary">
                    <span className={`effect-tag effect-${c.effect}`}>{EFFECT_LABEL[c.effect]}</span>{' '}
                    <strong>
                      {opt} · {crit}:
                    </strong>{' '}
                    {c.summary}
                  </p>
                  <p className="claim-meta">{sourceLabel(pack.sources.find((s) => s.id === c.source))}</p>
                </div>
              );
            })}
          </div>
        </li>
      ))}
    </ol>
  );
}

function PackSearch({ pack }: { pack: PackView }) {
  const [query, setQuery] = useState('');
  // The query asked, a moment after the last keystroke (the timer's callback sets it, not the effect).
  const [asked, setAsked] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setAsked(query.trim()), 150);
    return () => clearTimeout(t);
  }, [query]);
  const search = useApiQuery(
    'search',
    { query: asked, pack: pack.id, kinds: ['claim', 'source'], limit: 50 },
    { enabled: asked !== '' },
  );
  const hits = query.trim() && asked ? search.data?.hits : undefined;
  const byId = new Map(pack.claims.map((c) => [c.id, c]));
  return (
    <div role="search">
      <TextField
        label="Search this pack’s claims and sources"
        type="search"
        value={query}
        onChange={setQuery}
        placeholder="e.g. event loop, GIL, hiring"
      />
      {asked !== '' && <QueryStatus isPending={search.isPending} error={search.error} what="the results" />}
      {hits && (
        <p className="muted" aria-live="polite">
          {countOf(hits.length, 'result')}
        </p>
      )}
      <ol className="search-results">
        {hits?.map((h) => {
          const claim = h.kind === 'claim' ? byId.get(h.id) : undefined;
          const target = claim
            ? href('library', pack.id, 'criterion', claim.criterion)
            : href('library', pack.id, 'source', h.id);
          return (
            <li key={`${h.kind}-${h.id}`}>
              <a href={target}>{h.title}</a> <span className="muted">({h.kind})</span>
              <p>
                <Highlighted text={h.snippet} />
              </p>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function AddOwn({ pack }: { pack: PackView }) {
  const [message, setMessage] = useState<string | null>(null);
  const [source, setSource] = useState({
    title: '',
    publisher: '',
    author: '',
    date: '',
    kind: 'other' as (typeof SOURCE_KINDS)[number],
    url: '',
  });
  const [claim, setClaim] = useState({
    source: pack.sources[0]?.id ?? '',
    criterion: pack.criteria[0]?.id ?? '',
    option: pack.options[0]?.id ?? '',
    effect: 'good' as Effect,
    importance: 2,
    condition: '',
    summary: '',
    section: '',
    anchor: '',
  });
  const nullable = (v: string) => (v.trim() ? v.trim() : null);
  const sourceAdd = useApiMutation('addSource', {
    invalidates: PACK_READS,
    onSuccess: (s) => {
      setMessage(`Added source “${s.title}”.`);
      setSource({ title: '', publisher: '', author: '', date: '', kind: 'other', url: '' });
      setClaim((c) => ({ ...c, source: s.id }));
    },
  });
  const claimAdd = useApiMutation('addClaim', {
    invalidates: PACK_READS,
    onSuccess: (c) => {
      setMessage(`Added claim ${c.id} (${c.verification.state}).`);
      setClaim((x) => ({ ...x, summary: '', section: '', anchor: '', condition: '' }));
    },
  });
  const error = sourceAdd.error ?? claimAdd.error;

  function addSource(e: React.FormEvent) {
    e.preventDefault();
    setMessage(null);
    claimAdd.reset();
    sourceAdd.mutate({
      pack: pack.id,
      source: {
        title: source.title.trim(),
        publisher: nullable(source.publisher),
        author: nullable(source.author),
        date: nullable(source.date),
        kind: source.kind,
        url: nullable(source.url),
      },
    });
  }
  function addClaim(e: React.FormEvent) {
    e.preventDefault();
    setMessage(null);
    sourceAdd.reset();
    claimAdd.mutate({
      pack: pack.id,
      claim: { ...claim, condition: nullable(claim.condition), summary: claim.summary.trim() },
    });
  }
  return (
    <div className="add-own">
      {message && (
        <p role="status" className="panel">
          {message}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {messageOf(error)}
        </p>
      )}
      <AddSourceText
        pack={pack}
        onAdded={(id, note) => {
          setMessage(note);
          setClaim((c) => ({ ...c, source: id }));
        }}
      />
      <form onSubmit={addSource} className="panel form-grid" aria-labelledby="add-source-title">
        <h2 id="add-source-title">Add a source</h2>
        <TextField label="Title" required value={source.title} onChange={(title) => setSource({ ...source, title })} />
        <TextField
          label="Publisher"
          value={source.publisher}
          onChange={(publisher) => setSource({ ...source, publisher })}
        />
        <TextField label="Author" value={source.author} onChange={(author) => setSource({ ...source, author })} />
        <TextField label="Date" type="date" value={source.date} onChange={(date) => setSource({ ...source, date })} />
        <Select
          label="Kind"
          value={source.kind}
          choices={SOURCE_KINDS.map((k) => ({ value: k, label: k }))}
          onChange={(kind) => setSource({ ...source, kind })}
        />
        <TextField label="Link" type="url" value={source.url} onChange={(url) => setSource({ ...source, url })} />
        <button type="submit" className="primary" disabled={!source.title.trim()}>
          Add source
        </button>
      </form>
      <form onSubmit={addClaim} className="panel form-grid" aria-labelledby="add-claim-title">
        <h2 id="add-claim-title">Add a claim</h2>
        <Select
          label="Source"
          value={claim.source}
          choices={pack.sources.map((src) => ({ value: src.id, label: src.title }))}
          onChange={(src) => setClaim({ ...claim, source: src })}
        />
        <ClaimFields pack={pack} form={claim} setForm={setClaim} />
        <TextArea
          label="Claim, in your own words"
          required
          rows={2}
          value={claim.summary}
          onChange={(summary) => setClaim({ ...claim, summary })}
        />
        <TextField
          label="Section in the source"
          value={claim.section}
          onChange={(section) => setClaim({ ...claim, section })}
        />
        <TextField
          label="Short quote (at most 12 words)"
          value={claim.anchor}
          onChange={(anchor) => setClaim({ ...claim, anchor })}
        />
        <button type="submit" className="primary" disabled={!claim.summary.trim() || !claim.source}>
          Add claim
        </button>
      </form>
    </div>
  );
}
