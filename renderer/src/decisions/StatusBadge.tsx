import type { Status } from '../../../shared/domain.js';

export function StatusBadge({ status }: { status: Status }) {
  return <span className={`badge status-${status}`}>{status}</span>;
}
