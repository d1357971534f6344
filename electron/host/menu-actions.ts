/**
 * How a menu choice reaches the page without a second bridge: the page keeps one
 * `waitForMenuAction` call open (an ordinary API method over invoke, so its sender is checked
 * like every other), and choosing a menu item answers it. A reloaded page leaves its old call
 * behind, so an action answers every waiting call; the stale one's answer goes nowhere. An action
 * chosen while no call waits is kept (a few at most) for the next one.
 */
import type { ActionId } from '../../shared/shortcuts.js';

const KEPT = 10;

export interface MenuActionQueue {
  push(action: ActionId): void;
  next(): Promise<ActionId>;
  /** Calls waiting now (for tests and diagnostics). */
  waiting(): number;
}

export function createMenuActionQueue(): MenuActionQueue {
  const queued: ActionId[] = [];
  let waiters: ((action: ActionId) => void)[] = [];
  return {
    push(action) {
      if (waiters.length) {
        const answer = waiters;
        waiters = [];
        for (const w of answer) w(action);
      } else if (queued.length < KEPT) queued.push(action);
    },
    next() {
      const first = queued.shift();
      if (first) return Promise.resolve(first);
      return new Promise((resolve) => waiters.push(resolve));
    },
    waiting: () => waiters.length,
  };
}
