import { describe, expect, it } from 'vitest';
import { detectFormat, domToText, isoDay, plainTextSections } from '../../electron/core/sources/extract.js';

describe('reading documents', () => {
  it('finds the headings of plain text: # lines and short lines standing alone, not sentences, list items or image names', () => {
    const text = [
      'Title of the note',
      '',
      'A first paragraph that runs on for a while.',
      '',
      '## Costs',
      '',
      'Short line ending in a period.',
      '',
      'Hire-Python-Developers',
      '',
      'When to choose it?',
      '',
      'Body text.',
    ].join('\n');
    expect(
      plainTextSections(text).map((s) => [s.heading, s.level, text.slice(s.start, s.start + s.heading.length)]),
    ).toEqual([
      ['Title of the note', 1, 'Title of the note'],
      ['Costs', 2, 'Costs'],
      ['When to choose it?', 1, 'When to choose it?'],
    ]);
  });

  it('tells formats by their bytes before their names, and refuses the ones it cannot read', () => {
    expect(detectFormat('x.txt', Buffer.from('%PDF-1.4 …'))).toBe('pdf');
    expect(detectFormat('page', Buffer.from('<!doctype html><html>'))).toBe('html');
    expect(detectFormat('notes.md', Buffer.from('# hi'))).toBe('markdown');
    expect(() => detectFormat('a.zip', Buffer.from('PK\u0003\u0004'))).toThrow(/zip archive, not a Word document/);
    expect(() => detectFormat('old.doc', Buffer.from('x'))).toThrow(/cannot read .doc files/);
  });

  it('reads dates the way documents write them, and nothing that is not a date', () => {
    expect(isoDay('2025-04-09T10:00:00Z')).toBe('2025-04-09');
    expect(isoDay('D:20230506120000Z')).toBe('2023-05-06');
    expect(isoDay('2024-13-01')).toBeNull();
    expect(isoDay('last spring')).toBeNull();
  });

  it('turns a DOM into paragraphs with heading offsets', () => {
    const text = (t: string) => ({ nodeType: 3, nodeName: '#text', textContent: t, childNodes: [] });
    const el = (name: string, ...kids: object[]) => ({
      nodeType: 1,
      nodeName: name,
      textContent: kids.map((k) => (k as { textContent: string }).textContent).join(''),
      childNodes: kids,
    });
    const body = el(
      'BODY',
      el('H2', text('Speed')),
      el('P', text('Fast '), el('EM', text('enough')), text('  for\n us.')),
      el('SCRIPT', text('var x')),
      el('P', text('Next.')),
    );
    const out = domToText(body as never);
    expect(out.text).toBe('Speed\n\nFast enough for us.\n\nNext.');
    expect(out.sections).toEqual([{ heading: 'Speed', level: 2, start: 0 }]);
  });
});
