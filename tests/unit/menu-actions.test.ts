import { expect, it } from 'vitest';
import { createMenuActionQueue } from '../../electron/host/menu-actions.js';

it('a menu choice answers every waiting call, and waits for the next call when none is open', async () => {
  const q = createMenuActionQueue();
  const stale = q.next();
  const current = q.next();
  expect(q.waiting()).toBe(2);
  q.push('newDecision');
  expect(await stale).toBe('newDecision');
  expect(await current).toBe('newDecision');
  expect(q.waiting()).toBe(0);

  q.push('showHelp');
  q.push('goLibrary');
  expect(await q.next()).toBe('showHelp');
  expect(await q.next()).toBe('goLibrary');
});

it('keeps only a few choices made while nothing listens', async () => {
  const q = createMenuActionQueue();
  for (let i = 0; i < 25; i++) q.push('search');
  let n = 0;
  for (;;) {
    const next = await Promise.race([q.next(), Promise.resolve(null)]);
    if (next === null) break;
    n++;
  }
  expect(n).toBe(10);
});
