import { describe, expect, it } from 'vitest';
import { summaryReader } from '../../electron/core/decisions/summaries.js';

/** A list row as SQLite's SUMMARY_ROW writes it: fourteen scalars, then the tags and decision-makers. */
function row(id: string, title: string, tags: string[] = []): string {
  return JSON.stringify([
    id,
    1,
    title,
    'accepted',
    '2024-01-02',
    null,
    null,
    3,
    'u',
    null,
    null,
    'repo',
    'p.md',
    'git',
    tags,
    ['Ada'],
  ]);
}

describe('the list rows read into summaries', () => {
  it('puts every cell in its field', () => {
    const [s] = summaryReader()([row('x', 'Title "quoted"', ['t'])]);
    expect(s).toEqual({
      id: 'x',
      number: 1,
      title: 'Title "quoted"',
      status: 'accepted',
      date: '2024-01-02',
      dateSource: 'git',
      tags: ['t'],
      decisionMakers: ['Ada'],
      pack: null,
      chosenOption: null,
      reviewBy: null,
      revision: 3,
      updatedAt: 'u',
      trashedAt: null,
      repository: 'repo',
      path: 'p.md',
    });
  });

  it('gives the summary made before for a text read before, a new one for a changed text, all frozen', () => {
    const read = summaryReader();
    const first = read([row('a', 'A'), row('b', 'B')]);
    const again = read([row('b', 'B'), row('a', 'A')]);
    expect(again[0]).toBe(first[1]);
    expect(again[1]).toBe(first[0]);
    const changed = read([row('a', 'A, renamed')]);
    expect(changed[0]).not.toBe(first[0]);
    expect(changed[0]!.title).toBe('A, renamed');
    for (const s of [...first, ...changed]) {
      expect(Object.isFrozen(s)).toBe(true);
      expect(Object.isFrozen(s.tags)).toBe(true);
      expect(Object.isFrozen(s.decisionMakers)).toBe(true);
    }
  });

  it('lets the rows go as it reads them', () => {
    const rows: (string | null)[] = [row('a', 'A'), row('b', 'B')];
    summaryReader()(rows);
    expect(rows).toEqual([null, null]);
  });

  it('keeps at most two generations: a text not read while one filled is made afresh', () => {
    const read = summaryReader(2);
    const [a] = read([row('a', 'A')]);
    read([row('b', 'B'), row('c', 'C')]); // fills the first generation (a, b); c opens the second
    expect(read([row('a', 'A')])[0]).toBe(a); // still in the older generation, and kept again
    read([row('d', 'D'), row('e', 'E'), row('f', 'F'), row('g', 'G')]); // two more generations fill
    expect(read([row('a', 'A')])[0]).not.toBe(a);
    expect(read([row('a', 'A')])[0]).toEqual(a);
  });
});
