import { describe, expect, it } from 'vitest';
import { ledgerFileName, ledgerText, proseHashes, readLedger, PROSE_FIELDS } from '../../shared/adr/ledger.js';
import { incomingValues, mergeBase, mergeThreeWay } from '../../shared/adr/merge.js';
import { Decision, DecisionContent } from '../../shared/domain.js';
import type { Snapshot } from '../../shared/adr/content.js';

const content = DecisionContent.parse({
  title: 'Use Node.js',
  date: '2026-01-01',
  context: 'We need a runtime.',
  drivers: [{ id: 'd1', name: 'Speed', weight: 4 }],
  options: [{ id: 'o1', name: 'Node.js' }],
  chosenOption: 'o1',
  consequences: [{ effect: 'good', text: 'One language.', claims: ['c1'] }],
});
const decision = Decision.parse({
  ...content,
  id: 'dec-1',
  number: 7,
  revision: 3,
  createdAt: 'x',
  updatedAt: 'x',
  trashedAt: null,
});
const snap = (over: Partial<Snapshot> = {}): Snapshot => ({
  number: 7,
  title: content.title,
  status: content.status,
  statusText: '',
  date: content.date,
  dateSource: 'written',
  decisionMakers: [],
  consulted: [],
  informed: [],
  tags: [],
  reviewBy: null,
  reviewTriggers: [],
  context: content.context,
  drivers: [],
  options: [],
  chosenOption: null,
  rationale: '',
  consequences: [{ effect: 'good', text: 'One language.' }],
  confirmation: '',
  moreInformation: '',
  relations: [],
  ...over,
});

describe('ledger text', () => {
  const text = ledgerText(decision, { file: '0007-use-node-js.md', sha256: 'a'.repeat(64) }, proseHashes(snap()));

  it('is named beside its ADR, never as Markdown', () => {
    expect(ledgerFileName('0007-use-node-js.md')).toBe('0007-use-node-js.ledger.json');
  });

  it('gives the same bytes whatever order the store kept keys in', () => {
    const shuffled = Object.fromEntries(Object.entries(decision).reverse()) as Decision;
    expect(ledgerText(shuffled, { file: '0007-use-node-js.md', sha256: 'a'.repeat(64) }, proseHashes(snap()))).toBe(
      text,
    );
  });

  it('reads back what it wrote', () => {
    const r = readLedger(text, '0007-use-node-js.md');
    expect(r.ok && r.ledger.decision).toEqual(content);
  });
});

describe('three-way merge', () => {
  const ledger = (() => {
    const r = readLedger(ledgerText(decision, { file: 'x.md', sha256: 'a'.repeat(64) }, proseHashes(snap())), 'x.md');
    if (!r.ok) throw new Error(r.reason);
    return r.ledger;
  })();

  it('takes a prose field edited in the file, and keeps the ledger exact for the rest', () => {
    const { values, editedInFile } = incomingValues(ledger, snap({ context: 'We need a runtime. And fast.' }));
    expect(editedInFile).toEqual(['context']);
    expect(values.context).toBe('We need a runtime. And fast.');
    expect(values.drivers).toEqual(content.drivers);
    expect(values.consequences).toEqual(content.consequences);
  });

  it('keeps a consequence’s claims when its text is unchanged, and none for a new text', () => {
    const { values } = incomingValues(
      ledger,
      snap({
        consequences: [
          { effect: 'good', text: 'One language.' },
          { effect: 'bad', text: 'New risk.' },
        ],
      }),
    );
    expect(values.consequences).toEqual([
      { effect: 'good', text: 'One language.', claims: ['c1'] },
      { effect: 'bad', text: 'New risk.', claims: [] },
    ]);
  });

  it('takes what only the folder changed, keeps what only Cairn changed, and reports what both changed', () => {
    const base = mergeBase(content);
    const local = { ...content, title: 'Use Node.js 22', context: 'Local context.' };
    const incoming = { ...mergeBase(content), context: 'File context.', status: 'accepted', statusText: '' };
    const m = mergeThreeWay(local, base, incoming);
    expect(m.values.title).toBe('Use Node.js 22');
    expect(m.values.status).toBe('accepted');
    expect(m.values.context).toBe('Local context.');
    expect(m.conflicts).toEqual([{ field: 'context', local: 'Local context.', incoming: 'File context.' }]);
    const taken = mergeThreeWay(local, base, incoming, new Set(['context']));
    expect(taken.values.context).toBe('File context.');
    expect(taken.conflicts).toEqual([]);
  });

  it('without an ancestor the folder wins, as a plain re-import always did', () => {
    const m = mergeThreeWay({ ...content, context: 'Local.' }, null, { ...mergeBase(content), context: 'File.' });
    expect(m.values.context).toBe('File.');
    expect(m.conflicts).toEqual([]);
  });

  it('merges every prose field the ADR shows', () => {
    expect(PROSE_FIELDS).toEqual(
      expect.arrayContaining(['title', 'status', 'date', 'context', 'rationale', 'consequences', 'moreInformation']),
    );
  });
});
