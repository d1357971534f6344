/**
 * Catches what a screen throws while rendering, so one broken screen shows a message with a way
 * out instead of a blank window; the rest of the app (navigation, other screens) keeps working.
 * Keyed by route in the shell, so moving to another screen starts it afresh.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** What the user was looking at, for the message ("the timeline"). */
  where?: string;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The console is the developer's record; the user gets the message below.
    console.error('Screen failed to render', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="screen-error" role="alert" aria-labelledby="screen-error-title">
        <h1 id="screen-error-title">This screen could not be shown</h1>
        <p>
          Something went wrong while showing {this.props.where ?? 'this screen'}:{' '}
          <q>{error.message || String(error)}</q>. Your decisions are safe in the store; nothing was changed.
        </p>
        <p>
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>{' '}
          <a href="#/decisions">Go to the decisions</a>
        </p>
      </section>
    );
  }
}
