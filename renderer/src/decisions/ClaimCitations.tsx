/**
 * The claims one pro or con cites, and the picker that changes them. Policy: the picker offers the
 * claims about this option, accepted ones first (only those are cited in the ADR; the others say
 * so), each with its summary, criterion, source and where its quote stands, so nothing unverified
 * looks verified. Keyboard: the button opens the list and puts focus on its first claim, Space
 * ticks a claim, Escape or Done closes it and returns to the button.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { footnoteLabel } from '../../../shared/adr/citations.js';
import type { Driver, EvidenceClaim } from '../../../shared/domain.js';
import { VerificationBadge } from '../components/VerificationBadge.js';
import { Checkbox } from '../components/Fields.js';

const VERDICT_ORDER = { accepted: 0, unreviewed: 1, rejected: 2 } as const;
const NOT_CITED: Record<EvidenceClaim['verdict'], string> = {
  accepted: '',
  unreviewed: 'not reviewed yet: the ADR cites it once you accept it',
  rejected: 'rejected: the ADR does not cite it',
};

function ClaimText({ claim, drivers }: { claim: EvidenceClaim; drivers: readonly Driver[] }) {
  const criterion = drivers.find((d) => d.id === claim.driver)?.name;
  const source = claim.source?.title ?? (claim.own ? 'own claim' : 'no source');
  return (
    <>
      <span className="claim-cite-summary">{claim.summary}</span>{' '}
      <small className="muted">
        {[criterion, source].filter(Boolean).join(' · ')}
        {NOT_CITED[claim.verdict] && ` · ${NOT_CITED[claim.verdict]}`}
      </small>{' '}
      <VerificationBadge state={claim.verification} />
    </>
  );
}

export function ClaimCitations({
  point,
  cites,
  byLabel,
  claims,
  drivers,
  onChange,
}: {
  /** "2 of Node.js": which point, in the words its other controls use. */
  point: string;
  /** Footnote labels of the claims the point cites. */
  cites: readonly string[];
  byLabel: ReadonlyMap<string, EvidenceClaim>;
  /** The claims about this option. */
  claims: readonly EvidenceClaim[];
  drivers: readonly Driver[];
  onChange: (cites: string[]) => void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const picker = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (open) picker.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, [open]);
  const order = new Map(drivers.map((d, i) => [d.id, i]));
  const choices = [...claims].sort(
    (a, b) =>
      VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] ||
      (order.get(a.driver) ?? 99) - (order.get(b.driver) ?? 99) ||
      b.importance - a.importance ||
      a.summary.localeCompare(b.summary),
  );
  const cited = new Set(cites);
  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  const toggle = (claim: EvidenceClaim) => {
    const label = footnoteLabel(claim.id);
    onChange(cited.has(label) ? cites.filter((l) => l !== label) : [...cites, label]);
  };

  return (
    <div className="claim-cites">
      {cites.length > 0 && (
        <ul className="claim-cite-list" aria-label={`Claims point ${point} cites`}>
          {cites.map((label) => {
            const claim = byLabel.get(label)!;
            return (
              <li key={label}>
                <ClaimText claim={claim} drivers={drivers} />{' '}
                <button
                  type="button"
                  aria-label={`Stop citing “${claim.summary}” in point ${point}`}
                  onClick={() => onChange(cites.filter((l) => l !== label))}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {claims.length > 0 && (
        <button
          type="button"
          ref={opener}
          className="claim-cite-open"
          aria-expanded={open}
          aria-controls={open ? id : undefined}
          onClick={() => (open ? close() : setOpen(true))}
        >
          {cites.length ? 'Cite other claims' : 'Cite claims'}
          <span className="visually-hidden"> in point {point}</span>
        </button>
      )}
      {open && (
        <fieldset
          id={id}
          ref={picker}
          className="claim-picker"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close();
            }
          }}
        >
          <legend>Claims to cite in point {point}</legend>
          {choices.map((claim) => (
            <Checkbox
              key={claim.id}
              className="claim-choice"
              label={<ClaimText claim={claim} drivers={drivers} />}
              checked={cited.has(footnoteLabel(claim.id))}
              onChange={() => toggle(claim)}
            />
          ))}
          <button type="button" onClick={close}>
            Done<span className="visually-hidden"> citing claims in point {point}</span>
          </button>
        </fieldset>
      )}
    </div>
  );
}
