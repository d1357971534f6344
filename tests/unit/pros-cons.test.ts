import { describe, expect, it } from 'vitest';
import { readProsCons, writeProsCons } from '../../shared/adr/pros-cons.js';
import { adrFixtures, decisionFrom } from '../helpers/adr.js';

describe('readProsCons', () => {
  it('reads the list after a description, with each effect', () => {
    const d = readProsCons(
      'A hosted service.\n\n* Good, because it has a dashboard.\n* Neutral, because it bills monthly.\n* Bad, because it is another vendor.',
    );
    expect(d.intro).toBe('A hosted service.');
    expect(d.tail).toBe('');
    expect(d.items).toEqual([
      { effect: 'good', text: 'it has a dashboard.' },
      { effect: 'neutral', text: 'it bills monthly.' },
      { effect: 'bad', text: 'it is another vendor.' },
    ]);
  });

  it('keeps the bullet and the "Good:" form, and joins continuation lines', () => {
    const d = readProsCons('- good: fast\n  on reads\n- Bad: slow writes');
    expect(d.style).toEqual({ marker: '-', because: false });
    expect(d.items).toEqual([
      { effect: 'good', text: 'fast\non reads' },
      { effect: 'bad', text: 'slow writes' },
    ]);
    expect(writeProsCons(d)).toBe('- Good: fast\n  on reads\n- Bad: slow writes');
  });

  it('ignores lists inside code fences and bullets that are not pros or cons', () => {
    const text = '```\n* Good, because in a fence\n```\n\n* a plain bullet';
    const d = readProsCons(text);
    expect(d.items).toEqual([]);
    expect(d.intro).toBe(text);
    expect(writeProsCons(d)).toBe(text);
  });

  it('keeps text after the list', () => {
    const d = readProsCons('* Good, because it is ours.\n\nSee the admin page.');
    expect(d.items).toHaveLength(1);
    expect(d.tail).toBe('See the admin page.');
    expect(writeProsCons({ ...d, items: [...d.items, { effect: 'bad', text: 'we build it' }] })).toBe(
      '* Good, because it is ours.\n* Bad, because we build it\n\nSee the admin page.',
    );
  });

  it('writes a new list under a plain description, and nothing for an empty one', () => {
    const d = readProsCons('Just a description.');
    expect(writeProsCons({ ...d, items: [{ effect: 'good', text: 'simple' }] })).toBe(
      'Just a description.\n\n* Good, because simple',
    );
    expect(writeProsCons(readProsCons(''))).toBe('');
  });
});

describe('every option of every imported fixture reads and writes back to the same text', () => {
  const options = adrFixtures().flatMap((rel) =>
    decisionFrom(rel).options.map((o) => ({ rel, name: o.name, description: o.description })),
  );
  it('finds pros and cons in the fixtures', () => {
    expect(options.filter((o) => readProsCons(o.description).items.length > 0).length).toBeGreaterThan(3);
  });
  it.each(options.map((o) => [`${o.rel}: ${o.name}`, o.description] as const))('%s', (_, description) => {
    expect(writeProsCons(readProsCons(description))).toBe(description);
  });
});

describe('pros and cons that cite claims', () => {
  const known = (label: string) => ['node-io', 'node-cpu', 'own-claim-1x2y'].includes(label);

  it('reads the trailing references it knows as citations, and writes them back where they were', () => {
    const text = 'A runtime.\n\n* Good, because it waits well.[^node-io][^node-cpu]\n* Bad, because one thread.';
    const d = readProsCons(text, known);
    expect(d.items).toEqual([
      { effect: 'good', text: 'it waits well.', cites: ['node-io', 'node-cpu'] },
      { effect: 'bad', text: 'one thread.' },
    ]);
    expect(writeProsCons(d)).toBe(text);
  });

  it("keeps a file's own footnotes as part of the text, and reads none as citations without being told", () => {
    const text = '* Good, because it is fast[^1][^node-io]\n* Neutral, because see[^node-io] above';
    expect(readProsCons(text, known).items).toEqual([
      { effect: 'good', text: 'it is fast[^1]', cites: ['node-io'] },
      { effect: 'neutral', text: 'see[^node-io] above' },
    ]);
    expect(readProsCons(text).items[0]).toEqual({ effect: 'good', text: 'it is fast[^1][^node-io]' });
    expect(writeProsCons(readProsCons(text, known))).toBe(text);
  });

  it('writes a citation after the last line of an item that runs over several lines', () => {
    const d = readProsCons('* Good, because it is\n  quite fast', known);
    d.items[0]!.cites = ['node-cpu'];
    expect(writeProsCons(d)).toBe('* Good, because it is\n  quite fast[^node-cpu]');
    expect(readProsCons(writeProsCons(d), known).items[0]).toEqual({
      effect: 'good',
      text: 'it is\nquite fast',
      cites: ['node-cpu'],
    });
  });
});
