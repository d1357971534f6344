/**
 * First run: an empty store opens here, on the four ways in: start a decision, import the ADRs
 * a team already has, browse the knowledge library, or make a finished sample in one click.
 * Also reachable later at #/welcome (linked from Help).
 */
import { useEffect, useState } from 'react';
import { useApiMutation, useApiQuery } from '../data/query.js';
import { request, runAction } from './actions.js';
import { FolderField } from '../components/FolderField.js';
import { IMPORT_REQUEST } from '../import/ImportDialog.js';
import { href, navigate } from './router.js';
import { DecisionList, prefetchDecisionList } from '../decisions/DecisionList.js';
import './Welcome.css';

/** The start page: the welcome screen while the store has no decisions, the decision list after. */
export function Home() {
  // Asked afresh each time the start page shows (nothing kept once it is left): a store that
  // just got its first decision opens on the list. If the question fails, the list says why.
  const first = useApiQuery('listDecisions', { limit: 1 }, { staleTime: 0, gcTime: 0 });
  // Most starts open on the list: its first rows are asked for alongside.
  useEffect(prefetchDecisionList, []);
  if (first.isPending) return <p className="muted">Loading…</p>;
  return first.data?.total === 0 ? <Welcome /> : <DecisionList />;
}

export function Welcome() {
  const [folder, setFolder] = useState('');
  const sample = useApiMutation('createSampleDecision', {
    invalidates: ['listDecisions', 'listDecisionFacets'],
    onSuccess: (d) => navigate('decisions', d.id),
  });
  // Still busy once made: the page is about to open the sample.
  const busy = sample.isPending || sample.isSuccess;
  const error = sample.error ? `The sample could not be made: ${sample.error.message}` : null;

  return (
    <section aria-labelledby="welcome-title" className="welcome">
      <header>
        <h1 id="welcome-title">Welcome to Cairn</h1>
        <p className="welcome-lead">
          Record architecture decisions with the evidence behind them: the drivers that matter, the options you weighed,
          what the sources say for and against each one, and why you chose. Everything stays on this computer; export
          Markdown ADRs into your repository.
        </p>
      </header>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <ul className="welcome-actions">
        <li className="panel">
          <h2 id="welcome-start">Start a decision</h2>
          <p>Name the question you face; Cairn keeps every revision as you fill in drivers, options and the outcome.</p>
          <button type="button" className="primary" onClick={() => runAction('newDecision')}>
            Start a decision
          </button>
        </li>
        <li className="panel">
          <h2 id="welcome-import">Import a repository</h2>
          <p>
            Bring in the ADRs your team already keeps in git (MADR, adr-tools or log4brains folders) and carry on from
            there.
          </p>
          <FolderField label="Repository folder" value={folder} onChange={setFolder} recentLimit={3} />
          <button
            type="button"
            onClick={() => {
              // The import dialog lives on the decision list; it opens there with this folder filled in.
              navigate('decisions');
              request(IMPORT_REQUEST, folder.trim());
            }}
          >
            Import a repository
          </button>
        </li>
        <li className="panel">
          <h2 id="welcome-library">Browse the knowledge library</h2>
          <p>
            See what source articles claim for and against each option, criterion by criterion, with citations and
            contradictions.
          </p>
          <a className="button-link" href={href('library')}>
            Browse the knowledge library
          </a>
        </li>
        <li className="panel">
          <h2 id="welcome-sample">Create a sample decision</h2>
          <p>
            One click makes a finished example from the backend-runtime pack: weighted drivers, cited claims, scores and
            an outcome.
          </p>
          <button type="button" onClick={() => sample.mutate({})} disabled={busy}>
            {busy ? 'Creating the sample…' : 'Create a sample decision'}
          </button>
        </li>
      </ul>
      <p className="muted">
        Press <kbd>?</kbd> or <kbd>F1</kbd> at any time for the keyboard shortcuts.
      </p>
    </section>
  );
}
