/**
 * One Cairn per user: a second launch hands over to the running app, which brings its window
 * forward (restoring it if minimised, showing it if hidden, making one if none is open, as on
 * macOS after the last window closed). Two processes writing one store would be safe (WAL,
 * revisions) but confusing; one window is what people expect of a desktop app.
 */

export type SecondInstanceStep = 'create' | 'restore' | 'show' | 'focus';

export interface WindowLike {
  minimized: boolean;
  visible: boolean;
}

/** What to do with the existing window when the user starts Cairn again. */
export function secondInstanceSteps(window: WindowLike | null): SecondInstanceStep[] {
  if (!window) return ['create'];
  const steps: SecondInstanceStep[] = [];
  if (window.minimized) steps.push('restore');
  if (!window.visible) steps.push('show');
  steps.push('focus');
  return steps;
}
