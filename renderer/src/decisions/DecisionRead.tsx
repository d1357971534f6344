/**
 * The read view: what opening a decision shows. It renders the ADR exactly as export writes it
 * (`adrMarkdownFor`) through the safe Markdown renderer, so reading a decision in Cairn and
 * reading its file in the repository show the same words. *Edit* opens the editor.
 */
import { useState } from 'react';
import { fileNumber } from '../../../shared/adr/refs.js';
import type { Decision } from '../../../shared/domain.js';
import { api } from '../api.js';
import { QueryStatus } from '../components/QueryStatus.js';
import { fetchApi, messageOf, useApiMutation, useApiQuery, useApiTask } from '../data/query.js';
import { EvidenceChangedNotice } from '../components/EvidenceChanged.js';
import { describeDue, reviewState } from '../../../shared/review.js';
import { DecisionLoader } from './DecisionLoader.js';
import { ExportDialog } from '../export/ExportDialog.js';
import { AdrView } from '../components/AdrView.js';
import { StatusBadge } from './StatusBadge.js';
import { useActionHandler } from '../app/actions.js';
import { href, navigate } from '../app/router.js';
import './DecisionRead.css';

/** Today as YYYY-MM-DD, in the user's time zone. */
const today = () => new Date().toLocaleDateString('sv-SE');

export function DecisionRead({ id }: { id: string }) {
  return <DecisionLoader id={id}>{(decision) => <Reader initial={decision} />}</DecisionLoader>;
}

/** What the link lines need about the decisions this one is related to, either way. */
/** Opens the decision a relative link in an ADR points at (`0002-use-kafka.md`), matched by file name, then number. */
async function openLinkedFile(target: string, from: Decision): Promise<string | null> {
  const name = target.split(/[?#]/)[0]!.split('/').pop() ?? '';
  const { items } = await api.listDecisions({ sort: 'number', limit: 100_000 });
  const number = fileNumber(name);
  const sameFile = await Promise.all(
    items
      .filter((d) => d.id !== from.id && (number === null || d.number === number))
      .slice(0, 20)
      .map((d) => api.getDecision({ id: d.id })),
  );
  const files = await Promise.all(
    sameFile.map((d) => api.renderDecision({ id: d.id }).then((x) => ({ d, file: x.origin?.file ?? null }))),
  );
  const hit =
    files.find((x) => x.file?.split('/').pop() === name)?.d ??
    (number !== null ? sameFile.find((d) => d.number === number) : undefined);
  return hit?.id ?? null;
}

function Reader({ initial }: { initial: Decision }) {
  const [decision, setDecision] = useState(initial);
  const [exporting, setExporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const rendered = useApiQuery('renderDecision', { id: decision.id }, { version: decision.revision });
  useActionHandler('export', () => setExporting(true));

  const origin = rendered.data?.origin ?? null;
  const format =
    origin && rendered.data?.format === 'nygard'
      ? 'Nygard (adr-tools)'
      : origin
        ? `${origin.dialect.toUpperCase()} file`
        : 'MADR 4';
  const fromFile = origin ? `Imported from ${origin.file}; ` : '';

  const follow = useApiTask((target: string) => openLinkedFile(target, decision), {
    onSuccess: (found, target) => {
      if (found) navigate('decisions', found);
      else setNotice(`No decision in Cairn comes from ${target}. Import the folder it is in to open it here.`);
    },
  });
  const trash = useApiMutation('trashDecision', { invalidates: ['listDecisions', 'listRevisions'] });
  const untrash = useApiMutation('restoreDecision', { invalidates: ['listDecisions', 'listRevisions'] });
  // After an export (which may number the draft), the decision as stored now.
  const reload = useApiTask(() => fetchApi('getDecision', { id: decision.id }), { onSuccess: setDecision });

  function followLink(target: string) {
    setNotice(null);
    follow.mutate(target);
  }

  function toggleTrash() {
    setNotice(null);
    const [action, other] = decision.trashedAt ? [untrash, trash] : [trash, untrash];
    other.reset();
    action.mutate({ id: decision.id }, { onSuccess: setDecision });
  }

  const failure = trash.error
    ? `The decision was not moved to the trash: ${messageOf(trash.error)}`
    : untrash.error
      ? `The decision was not taken out of the trash: ${messageOf(untrash.error)}`
      : follow.error
        ? `The linked decision could not be looked up: ${messageOf(follow.error)} Follow the link again to retry.`
        : reload.error
          ? `The decision as stored now could not be loaded: ${messageOf(reload.error)} Reload the page to try again.`
          : null;

  return (
    <article className="reader" aria-labelledby="reader-title">
      <header className="page-header">
        <div>
          <a href={href('decisions')} className="back">
            ← Decisions
          </a>
          <h1 id="reader-title">
            {decision.number !== null ? `ADR ${decision.number}: ` : 'Draft: '}
            {decision.title}
          </h1>
          <p className="muted">
            <StatusBadge status={decision.status} /> revision {decision.revision} · {fromFile}shown as export writes it
            ({format}){decision.trashedAt && <strong> · in the trash</strong>}
          </p>
          <EvidenceChangedNotice decision={decision.id} />
          {decision.reviewBy &&
            reviewState(decision.reviewBy, decision.status, today()) !== 'scheduled' &&
            reviewState(decision.reviewBy, decision.status, today()) !== 'none' && (
              <p className="review-due">
                Review by {decision.reviewBy} ({describeDue(decision.reviewBy, today())});{' '}
                <a href={href('decisions', decision.id, 'edit')}>record the review</a> beside its fields.
              </p>
            )}
        </div>
        <div className="header-actions">
          <a className="button-link primary-link" href={href('decisions', decision.id, 'edit')}>
            Edit
          </a>
          <a className="button-link" href={href('decisions', decision.id, 'wizard')}>
            {decision.evaluation.step > 0 ? 'Continue guided decision' : 'Guided decision'}
          </a>
          <button type="button" onClick={() => setExporting(true)}>
            Export…
          </button>
          <button type="button" onClick={toggleTrash} disabled={trash.isPending || untrash.isPending}>
            {decision.trashedAt ? 'Restore from trash' : 'Move to trash'}
          </button>
          <a href={href('history', decision.id)}>History</a>
          <a href={href('graph', decision.id)}>Relation graph</a>
        </div>
      </header>
      {notice && (
        <p role="alert" className="warning">
          {notice}
        </p>
      )}
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
      {exporting && (
        <ExportDialog
          ids={[decision.id]}
          what="this decision"
          onClose={() => {
            setExporting(false);
            reload.mutate();
          }}
        />
      )}
      {rendered.data ? (
        <AdrView markdown={rendered.data.markdown} label="The ADR" headingOffset={1} onRelativeLink={followLink} />
      ) : (
        <QueryStatus
          isPending={rendered.isPending}
          error={rendered.error}
          onRetry={() => void rendered.refetch()}
          what="the ADR"
        />
      )}
    </article>
  );
}
