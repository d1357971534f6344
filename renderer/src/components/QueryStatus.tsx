/**
 * What a screen shows while its data loads or when loading failed: one look everywhere, and every
 * failure says what went wrong with a way to try again.
 */
import { messageOf } from '../data/query.js';

export function QueryStatus(props: { isPending: boolean; error: unknown; onRetry?: () => void; what?: string }) {
  if (props.error) {
    return (
      <div role="alert" className="error">
        <p>
          Could not load {props.what ?? 'this'}: {messageOf(props.error)}
        </p>
        {props.onRetry && (
          <button type="button" onClick={props.onRetry}>
            Try again
          </button>
        )}
      </div>
    );
  }
  if (props.isPending)
    return (
      <p className="muted" role="status">
        Loading…
      </p>
    );
  return null;
}
