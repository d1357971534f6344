/** Loads one decision through the data layer, showing progress or the error with a way back, then renders it. */
import type { Decision } from '../../../shared/domain.js';
import { QueryStatus } from '../components/QueryStatus.js';
import { useApiQuery } from '../data/query.js';
import { href } from '../app/router.js';

export function DecisionLoader({ id, children }: { id: string; children: (decision: Decision) => React.ReactNode }) {
  // Asked afresh each time a screen opens (another window or the CLI may have saved since); the
  // screen starts from that answer and a later refetch does not replace what it shows.
  const decision = useApiQuery('getDecision', { id }, { refetchOnMount: 'always' });
  if (decision.data && decision.isFetchedAfterMount) return <>{children(decision.data)}</>;
  if (decision.error && !decision.isFetching)
    return (
      <>
        <QueryStatus
          isPending={false}
          error={decision.error}
          onRetry={() => void decision.refetch()}
          what="the decision"
        />
        <p>
          <a href={href('decisions')}>Back to the list</a>
        </p>
      </>
    );
  return <QueryStatus isPending error={null} what="the decision" />;
}
