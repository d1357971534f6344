/** Loads one decision, showing progress or the error with a way back, then renders it. */
import { useEffect, useState } from 'react';
import type { Decision } from '../../../shared/domain.js';
import { api } from '../api.js';
import { href } from '../app/router.js';

export function DecisionLoader({ id, children }: { id: string; children: (decision: Decision) => React.ReactNode }) {
  const [decision, setDecision] = useState<Decision | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.getDecision({ id }).then(setDecision, (e: Error) => setError(e.message));
  }, [id]);
  if (error)
    return (
      <p role="alert" className="error">
        {error} <a href={href('decisions')}>Back to the list</a>
      </p>
    );
  if (!decision) return <p className="muted">Loading…</p>;
  return <>{children(decision)}</>;
}
