/**
 * The source reader: a source's stored text with its headings, every claim drawn from it marked
 * in place, and *Make a claim* from a selected passage. The selection becomes the anchor only
 * when it is at most 12 words and occurs exactly once (the same matcher the core verifies
 * with); otherwise the reader says so and how to widen or narrow it. The section is the heading
 * the passage sits under. A source without text offers to add its document.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ClaimView, PackView, SourceView } from '../../../shared/api/knowledge.js';
import type { Effect } from '../../../shared/domain.js';
import {
  anchorWords,
  headingsAt,
  matchAnchor,
  MAX_ANCHOR_WORDS,
  prepareText,
  type Section,
} from '../../../shared/verification.js';
import type { MethodName } from '../../../shared/api/index.js';
import { FileField, TextArea, TextField } from '../components/Fields.js';
import { QueryStatus } from '../components/QueryStatus.js';
import { ClaimFields } from './ClaimFields.js';
import { messageOf, useApiMutation, useApiQuery } from '../data/query.js';

/** What a change to a pack's sources or claims makes stale. */
export const PACK_READS: readonly MethodName[] = ['getPack', 'listPacks', 'getSourceText', 'suggestClaims', 'search'];

interface SourceText {
  text: string;
  sections: Section[];
  version: number;
  claims: { id: string; state: string; start: number | null; end: number | null }[];
}

async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Adds (or replaces with a new version) the document of a source. */
export function AddSourceText({
  pack,
  source,
  onAdded,
}: {
  pack: PackView;
  source?: SourceView;
  onAdded: (sourceId: string, note: string) => void;
}) {
  const [readError, setReadError] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const add = useApiMutation('addSourceDocument', {
    invalidates: PACK_READS,
    onSuccess: (r) => {
      const moved = r.changes.filter((c) => c.now !== 'verified');
      onAdded(
        r.source.id,
        `${r.created ? 'Stored' : 'Already stored:'} text version ${r.version} of “${r.source.title}”.${moved.length ? ` ${moved.length} claim${moved.length === 1 ? '' : 's'} no longer verify.` : ''}`,
      );
      setPasted('');
    },
  });
  const busy = add.isPending;
  const error = readError ?? (add.error ? messageOf(add.error) : null);
  const send = (document: { name: string; base64: string } | { name: string; text: string }) => {
    setReadError(null);
    add.mutate({ pack: pack.id, source: source?.id, document, fields: {} });
  };
  const sendFile = async (file: File) => {
    setReadError(null);
    try {
      send({ name: file.name, base64: await fileToBase64(file) });
    } catch (e) {
      setReadError(`Could not read ${file.name}: ${messageOf(e)}`);
    }
  };
  return (
    <div className="panel add-source-text">
      <FileField
        label={
          source
            ? source.text
              ? 'Replace with a new version of the document'
              : 'Add the document’s text'
            : 'Add a source from a document'
        }
        accept=".md,.markdown,.html,.htm,.pdf,.docx,.txt,text/plain,text/html,application/pdf"
        disabled={busy}
        onFile={(file) => void sendFile(file)}
      />
      <TextArea label="…or paste its text" rows={3} value={pasted} onChange={setPasted} />
      <button
        type="button"
        disabled={busy || !pasted.trim()}
        onClick={() => send({ name: 'pasted text.txt', text: pasted })}
      >
        Store pasted text
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The words of a selection as an anchor: trimmed to the first 12 words when longer. */
function anchorOf(selection: string): { anchor: string; trimmed: boolean } {
  const words = selection.trim().split(/\s+/).filter(Boolean);
  return { anchor: words.slice(0, MAX_ANCHOR_WORDS).join(' '), trimmed: words.length > MAX_ANCHOR_WORDS };
}

export function SourceReader({ pack, source, focus }: { pack: PackView; source: SourceView; focus?: string }) {
  const query = useApiQuery(
    'getSourceText',
    { pack: pack.id, source: source.id },
    { enabled: source.text !== null, version: source.text?.version },
  );
  const doc: SourceText | undefined = source.text ? query.data : undefined;
  const [selection, setSelection] = useState('');
  const [draft, setDraft] = useState<{ anchor: string; section: string; problem: string | null; n: number } | null>(
    null,
  );
  const [note, setNote] = useState<string | null>(null);
  const prepared = useMemo(() => (doc ? prepareText(doc) : null), [doc]);
  useEffect(() => {
    if (doc && focus) document.getElementById(`mark-${focus}`)?.scrollIntoView({ block: 'center' });
  }, [doc, focus]);

  if (!source.text) return <AddSourceText pack={pack} source={source} onAdded={(_, n) => setNote(n)} />;
  if (!doc || !prepared)
    return (
      <QueryStatus
        isPending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        what="the text"
      />
    );

  const claimsById = new Map(pack.claims.map((c) => [c.id, c]));
  const marks = doc.claims.filter((c) => c.start !== null && c.end !== null).sort((a, b) => a.start! - b.start!);

  const check = () => {
    const { anchor, trimmed } = anchorOf(selection);
    const n = (draft?.n ?? 0) + 1;
    if (!anchor) return setDraft({ anchor: '', section: '', problem: 'Select a passage of the text first.', n });
    const m = matchAnchor(prepared, anchor, '');
    let problem: string | null = null;
    if (m.count === 0)
      problem = 'The selection was not found as one passage (it may cross a heading); select within one paragraph.';
    else if (m.count > 1)
      problem = `These words occur ${m.count} times in the text; widen the selection with a word or two around it until it names one place.`;
    else if (trimmed)
      problem = `The selection was longer than ${MAX_ANCHOR_WORDS} words; the quote keeps its first ${MAX_ANCHOR_WORDS}. Narrow it to the words that matter if you like.`;
    const section = m.start !== null ? (headingsAt(doc.sections, m.start)[0]?.heading ?? '') : '';
    setDraft({ anchor, section, problem, n });
  };

  return (
    <div className="source-reader">
      {note && (
        <p role="status" className="panel">
          {note}
        </p>
      )}
      <div className="reader-toolbar">
        <span className="muted">
          Text version {doc.version} · {source.text.format} · {doc.sections.length} headings · {marks.length} claims
          marked
        </span>
        <button type="button" className="primary" onClick={check} disabled={!selection.trim()}>
          Make a claim from the selection
        </button>
      </div>
      {draft && (
        <ClaimFromSelection
          key={draft.n}
          pack={pack}
          source={source}
          draft={draft}
          onCancel={() => setDraft(null)}
          onSaved={(c) => (setDraft(null), setNote(`Added claim ${c.id}: ${c.verification.state}.`))}
        />
      )}
      <article
        className="reader-text"
        aria-label={`Text of ${source.title}`}
        onMouseUp={() => setSelection(window.getSelection()?.toString() ?? '')}
        onKeyUp={() => setSelection(window.getSelection()?.toString() ?? '')}
      >
        <TextWithMarks text={doc.text} sections={doc.sections} marks={marks} claimsById={claimsById} />
      </article>
      <AddSourceText pack={pack} source={source} onAdded={(_, n) => setNote(n)} />
    </div>
  );
}

function TextWithMarks({
  text,
  sections,
  marks,
  claimsById,
}: {
  text: string;
  sections: Section[];
  marks: SourceText['claims'];
  claimsById: Map<string, ClaimView>;
}) {
  // Paragraphs with their offsets; a paragraph that starts at a heading is drawn as one.
  const blocks: { start: number; end: number }[] = [];
  const re = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) blocks.push({ start: m.index, end: m.index + m[0].length });
  const headingAt = new Map(sections.map((s) => [s.start, s]));
  return (
    <>
      {blocks.map((b) => {
        const heading = headingAt.get(b.start);
        if (heading && b.end - b.start <= heading.heading.length + 2) {
          const Tag = `h${Math.min(6, heading.level + 2)}` as 'h3';
          return <Tag key={b.start}>{text.slice(b.start, b.end)}</Tag>;
        }
        const inside = marks.filter((m) => m.start! < b.end && m.end! > b.start);
        const parts: React.ReactNode[] = [];
        let at = b.start;
        for (const m of inside) {
          const from = Math.max(m.start!, at);
          const to = Math.min(m.end!, b.end);
          if (from > at) parts.push(text.slice(at, from));
          if (to > from) {
            const claim = claimsById.get(m.id);
            parts.push(
              <mark
                key={m.id}
                id={`mark-${m.id}`}
                className={`claim-mark effect-${claim?.effect ?? 'neutral'}`}
                title={claim ? `${claim.summary} (${m.state})` : m.id}
              >
                {text.slice(from, to)}
              </mark>,
            );
          }
          at = Math.max(at, to);
        }
        if (at < b.end) parts.push(text.slice(at, b.end));
        return <p key={b.start}>{parts}</p>;
      })}
    </>
  );
}

function ClaimFromSelection({
  pack,
  source,
  draft,
  onCancel,
  onSaved,
}: {
  pack: PackView;
  source: SourceView;
  draft: { anchor: string; section: string; problem: string | null };
  onCancel: () => void;
  onSaved: (c: ClaimView) => void;
}) {
  const [form, setForm] = useState({
    anchor: draft.anchor,
    section: draft.section,
    option: pack.options[0]?.id ?? '',
    criterion: pack.criteria[0]?.id ?? '',
    effect: 'good' as Effect,
    condition: '',
    importance: 2,
    summary: '',
  });
  const add = useApiMutation('addClaim', { invalidates: PACK_READS, onSuccess: onSaved });
  const error = add.error ? messageOf(add.error) : null;
  const words = anchorWords(form.anchor);
  const save = (e: React.FormEvent) => {
    e.preventDefault();
    add.mutate({
      pack: pack.id,
      claim: { ...form, source: source.id, condition: form.condition.trim() || null, summary: form.summary.trim() },
    });
  };
  return (
    <form className="panel form-grid claim-from-selection" onSubmit={save} aria-labelledby="make-claim-title">
      <h3 id="make-claim-title">Make a claim</h3>
      {draft.problem && (
        <p role="alert" className="error">
          {draft.problem}
        </p>
      )}
      <TextField
        label={`Quote (${words} of at most ${MAX_ANCHOR_WORDS} words)`}
        value={form.anchor}
        onChange={(anchor) => setForm({ ...form, anchor })}
      />
      <TextField label="Section" value={form.section} onChange={(section) => setForm({ ...form, section })} />
      <ClaimFields pack={pack} form={form} setForm={setForm} />
      <TextArea
        label="Claim, in your own words"
        rows={2}
        required
        value={form.summary}
        onChange={(summary) => setForm({ ...form, summary })}
      />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div>
        <button type="submit" className="primary" disabled={!form.summary.trim() || words > MAX_ANCHOR_WORDS}>
          Save claim
        </button>{' '}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
