import { describe, expect, it } from 'vitest';
import type { PackView } from '../../shared/api/knowledge.js';
import { DecisionContent } from '../../shared/domain.js';
import {
  addDriver,
  addOption,
  addOwnClaim,
  applyPackTo,
  freeId,
  packNoteChanges,
  removeDriver,
  removeOption,
  setScore,
  setVerdict,
  slug,
  takePackNotes,
} from '../../shared/evaluation.js';

const claimView = (id: string, more: Partial<PackView['claims'][number]> = {}): PackView['claims'][number] => ({
  id,
  source: 's1',
  criterion: 'speed',
  option: 'fast',
  effect: 'good',
  condition: null,
  summary: `summary ${id}`,
  section: 'Intro',
  anchor: 'an anchor',
  importance: 2,
  own: false,
  hidden: false,
  flagged: false,
  flagNote: '',
  outdated: null,
  outdatedOwn: false,
  contradictions: [],
  verification: {
    state: 'unchecked',
    foundSection: null,
    start: null,
    end: null,
    textVersion: null,
    reason: '',
    previous: null,
  },
  ...more,
});

const pack: PackView = {
  id: 'tiny',
  version: 1,
  title: 'Tiny pack',
  question: 'Which?',
  shipped: false,
  options: [
    { id: 'fast', name: 'Fast', description: '' },
    { id: 'slow', name: 'Slow', description: '' },
  ],
  criteria: [{ id: 'speed', name: 'Speed', description: '', question: 'How fast?' }],
  sources: [
    {
      id: 's1',
      title: 'A source',
      publisher: 'P',
      author: null,
      date: '2024-01-01',
      kind: 'docs',
      url: null,
      file: null,
      own: false,
      text: null,
    },
  ],
  claims: [claimView('c1'), claimView('c2', { hidden: true }), claimView('mine-1', { option: 'slow', effect: 'bad' })],
  contradictions: [],
  outdated: [],
};

const blank = () => DecisionContent.parse({ title: 'T', date: '2026-01-01' });

describe('applying a pack to a decision', () => {
  it('leaves out claims hidden in the Library and keeps one already weighed', () => {
    const applied = applyPackTo(blank(), pack);
    expect(applied.evaluation.claims.map((c) => c.id)).toEqual(['c1', 'mine-1']);
    const weighed = {
      ...applied,
      evaluation: {
        ...applied.evaluation,
        claims: [...applied.evaluation.claims, { ...applied.evaluation.claims[0]!, id: 'c2' }],
      },
    };
    expect(applyPackTo(weighed, pack).evaluation.claims.map((c) => c.id)).toEqual(['c1', 'c2', 'mine-1']);
  });

  it('never overwrites an own claim whose id a pack claim happens to share', () => {
    let d = applyPackTo(blank(), { ...pack, claims: [claimView('c1')] });
    d = addOwnClaim(d, { driver: 'speed', option: 'slow', effect: 'good', summary: 'Mine.' });
    expect(d.evaluation.claims.map((c) => c.id)).toEqual(['c1', 'mine-1']);
    const again = applyPackTo(d, pack);
    expect(again.evaluation.claims.find((c) => c.id === 'mine-1')).toMatchObject({ own: true, summary: 'Mine.' });
  });

  it('gives pack options and criteria free ids beside ones the user typed', () => {
    let d = addOption(blank(), 'Fast');
    d = addDriver(d, 'Speed');
    const applied = applyPackTo(d, pack);
    expect(applied.options.map((o) => [o.id, o.option])).toEqual([
      ['fast', null],
      ['fast-2', 'fast'],
      ['slow', 'slow'],
    ]);
    expect(applied.drivers.map((x) => [x.id, x.criterion])).toEqual([
      ['speed', null],
      ['speed-2', 'speed'],
    ]);
    expect(applied.evaluation.claims[0]).toMatchObject({
      driver: 'speed-2',
      option: 'fast-2',
      source: { title: 'A source', date: '2024-01-01' },
    });
  });
});

describe('notes the pack gained after the decision took its claims', () => {
  it('are said per claim and taken only when asked, keeping verdicts; taken, nothing is left to say', () => {
    const taken = setVerdict(applyPackTo(blank(), pack), 'c1', 'accepted');
    expect(packNoteChanges(taken, pack)).toEqual([]);
    const later: PackView = {
      ...pack,
      claims: [
        claimView('c1', {
          outdated: 'Replaced by version 2.',
          outdatedOwn: true,
          contradictions: [{ claim: 'mine-1', note: 'They measured different loads.', own: true }],
        }),
        claimView('c2', { hidden: true }),
        claimView('mine-1', {
          option: 'slow',
          effect: 'bad',
          contradictions: [{ claim: 'c1', note: 'They measured different loads.', own: true }],
        }),
      ],
    };
    const changes = packNoteChanges(taken, later);
    expect(changes.map((c) => c.claim)).toEqual(['c1', 'mine-1']);
    expect(changes[0]).toMatchObject({
      was: { outdated: null, contradictions: [] },
      now: {
        outdated: 'Replaced by version 2.',
        contradictions: [{ claim: 'mine-1', note: 'They measured different loads.' }],
      },
    });
    // The decision keeps what it took until the notes are taken.
    expect(taken.evaluation.claims.find((c) => c.id === 'c1')!.outdated).toBeNull();
    const updated = takePackNotes(taken, later);
    const c1 = updated.evaluation.claims.find((c) => c.id === 'c1')!;
    expect(c1).toMatchObject({ outdated: 'Replaced by version 2.', verdict: 'accepted' });
    expect(c1.contradictions).toEqual([{ claim: 'mine-1', note: 'They measured different loads.' }]);
    expect(packNoteChanges(updated, later)).toEqual([]);
    // A note removed in the Library is a change too; another pack's view says nothing.
    expect(packNoteChanges(updated, pack).map((c) => c.claim)).toEqual(['c1', 'mine-1']);
    expect(packNoteChanges(updated, { ...later, id: 'other' })).toEqual([]);
  });
});

describe('editing the evaluation', () => {
  it('removing an option or a driver removes its claims and scores, and the choice of it', () => {
    let d = applyPackTo(blank(), pack);
    d = setScore({ ...d, chosenOption: 'fast' }, 'fast', 'speed', 4, 'measured');
    const without = removeOption(d, 'fast');
    expect(without.chosenOption).toBeNull();
    expect(without.evaluation.claims.every((c) => c.option !== 'fast')).toBe(true);
    expect(without.evaluation.scores).toEqual([]);
    expect(removeDriver(d, 'speed').evaluation.claims).toEqual([]);
  });

  it('keeps a score’s note when only the value changes, and drops the score to go back to the pre-fill', () => {
    let d = setScore(blank(), 'a', 'x', 2, 'why');
    d = setScore(d, 'a', 'x', 4);
    expect(d.evaluation.scores).toEqual([{ option: 'a', driver: 'x', value: 4, note: 'why', min: null, max: null }]);
    expect(setScore(d, 'a', 'x', null).evaluation.scores).toEqual([]);
  });

  it('makes short readable ids', () => {
    expect(slug('Message Queue (v2)')).toBe('message-queue-v2');
    expect(slug('数据库')).toBe('item');
    expect(freeId('go', new Set(['go', 'go-2']))).toBe('go-3');
  });
});
