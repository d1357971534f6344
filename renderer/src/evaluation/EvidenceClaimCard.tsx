import type { EvidenceClaim, SourceRef } from '../../../shared/domain.js';
import { claimStanding, type ConditionAnswers } from '../../../shared/scoring.js';
import { VerificationBadge } from '../components/VerificationBadge.js';
import { EFFECT_LABEL, EFFECT_MARK, IMPORTANCE_LABEL } from './step-props.js';

/** "Title — Publisher, 2025-06-10", or "undated" when the source gives no date. */
export function describeSource(source: SourceRef | null): string {
  if (!source) return 'No source given';
  const by = [source.publisher, source.author].filter(Boolean).join(', ');
  return `${source.title}${by ? ` — ${by}` : ''}, ${source.date ?? 'undated'}`;
}

function Effect({ claim }: { claim: EvidenceClaim }) {
  return (
    <span className={`claim-effect effect-${claim.effect}`}>
      <span aria-hidden="true">{EFFECT_MARK[claim.effect]}</span> {EFFECT_LABEL[claim.effect]}
    </span>
  );
}

function Citation({ claim }: { claim: EvidenceClaim }) {
  return (
    <p className="claim-cite">
      <cite>{describeSource(claim.source)}</cite>
      {claim.section && <> · § {claim.section}</>}
      {claim.anchor && <> · “{claim.anchor}”</>}
      {claim.anchor && (
        <>
          {' '}
          <VerificationBadge state={claim.verification} />
        </>
      )}
    </p>
  );
}

/** One claim as the Evidence step shows it, with its verdict control when it can be weighed. */
export function EvidenceClaimCard(props: {
  claim: EvidenceClaim;
  conditions: ConditionAnswers;
  onVerdict?: (v: EvidenceClaim['verdict']) => void;
  onRemove?: () => void;
}) {
  const { claim, conditions } = props;
  const standing = claimStanding(claim, conditions);
  return (
    <li className={`claim claim-${claim.effect} standing-${standing}`}>
      <div className="claim-head">
        <Effect claim={claim} />
        <span className="claim-importance" title="How much weight the source gives it">
          {IMPORTANCE_LABEL[claim.importance]}
        </span>
        {claim.own && <span className="tag">your claim</span>}
        {standing === 'rejected' && <span className="tag tag-rejected">rejected</span>}
        {standing === 'unreviewed' && <span className="tag tag-unreviewed">not reviewed</span>}
      </div>
      <p className="claim-summary">{claim.summary}</p>
      <Citation claim={claim} />
      {(claim.condition || claim.outdated || claim.contradictions.length > 0) && (
        <ul className="plain-list claim-marks">
          {claim.condition && (
            <li className={standing === 'set-aside' ? 'mark-aside' : undefined}>
              {standing === 'set-aside' ? (
                <>
                  <strong>Set aside:</strong> holds only for “{claim.condition}”, which you said does not apply.
                </>
              ) : (
                <>
                  Only for “{claim.condition}”
                  {conditions[claim.condition] === true ? ' (applies)' : ' (not answered yet)'}
                </>
              )}
            </li>
          )}
          {claim.outdated && (
            <li className="mark-outdated">
              <strong>Outdated</strong> (counts half): {claim.outdated}
            </li>
          )}
          {claim.contradictions.length > 0 && (
            <li className="mark-contradicted">Contradicted by another claim: see the comparison above.</li>
          )}
        </ul>
      )}
      {standing !== 'set-aside' && props.onVerdict && (
        <div className="claim-actions">
          {/* Two explicit choices: a claim nobody chose stays unreviewed and counts nowhere. Pressing the chosen one again takes it back. */}
          <button
            type="button"
            className="verdict verdict-accept"
            aria-pressed={claim.verdict === 'accepted'}
            aria-label={`Accept: ${claim.summary}`}
            onClick={() => props.onVerdict!(claim.verdict === 'accepted' ? 'unreviewed' : 'accepted')}
          >
            Accept
          </button>
          <button
            type="button"
            className="verdict verdict-reject"
            aria-pressed={claim.verdict === 'rejected'}
            aria-label={`Reject: ${claim.summary}`}
            onClick={() => props.onVerdict!(claim.verdict === 'rejected' ? 'unreviewed' : 'rejected')}
          >
            Reject
          </button>
          {props.onRemove && (
            <button
              type="button"
              className="link"
              onClick={props.onRemove}
              aria-label={`Remove your claim: ${claim.summary}`}
            >
              Remove
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/** A claim in brief, for the side-by-side view of contradictions. */
export function ClaimSnippet({
  claim,
  optionName,
  conditions,
}: {
  claim: EvidenceClaim;
  optionName: string;
  conditions: ConditionAnswers;
}) {
  const standing = claimStanding(claim, conditions);
  return (
    <div className={`claim claim-${claim.effect} standing-${standing}`}>
      <div className="claim-head">
        <Effect claim={claim} /> <span>for {optionName}</span>
        <span className="tag">{standing === 'counted' ? 'accepted' : standing.replace('-', ' ')}</span>
        {claim.outdated && <span className="tag tag-outdated">outdated</span>}
      </div>
      <p className="claim-summary">{claim.summary}</p>
      <Citation claim={claim} />
    </div>
  );
}
