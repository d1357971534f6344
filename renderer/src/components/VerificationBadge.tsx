/**
 * Where a claim's quote stands against its source's stored text, on every claim card. Policy:
 * only `verified` looks calm; every other state says what it means in words, never by colour
 * alone, so a made-up quote cannot pass for a checked one.
 */
import type { VerificationState } from '../../../shared/vocabulary.js';
import './VerificationBadge.css';

const LABEL: Record<VerificationState | 'none', string> = {
  verified: 'quote verified',
  moved: 'quote under another section',
  ambiguous: 'quote occurs more than once',
  missing: 'quote not found in the source',
  unchecked: 'quote not checked (no source text)',
  none: 'quote not checked',
};

export function VerificationBadge({ state, reason }: { state: VerificationState | null; reason?: string }) {
  const key = state ?? 'none';
  return (
    <span className={`badge-verification verification-${key}`} title={reason || undefined} data-verification={key}>
      <span aria-hidden="true">{state === 'verified' ? '✓' : state === 'missing' ? '✗' : '?'}</span> {LABEL[key]}
    </span>
  );
}
