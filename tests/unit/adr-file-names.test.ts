import { describe, expect, it } from 'vitest';
import { adrFileName, FALLBACK_SLUG, MAX_SLUG, slugify } from '../../shared/adr/slug.js';
import { isPlainFileName } from '../../electron/core/export/write.js';

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
const number = { kind: 'number', width: 4 } as const;

describe('ADR file names whatever the title', () => {
  const cases: [string, string][] = [
    ['../../etc/passwd', '0007-etc-passwd.md'],
    ['CON', '0007-con.md'],
    ['nul.txt', '0007-nul-txt.md'],
    ['🚀 Launch 🚀', '0007-launch.md'],
    ['🚀🎉', `0007-${FALLBACK_SLUG}.md`],
    ['قرار استخدام قاعدة البيانات', `0007-${FALLBACK_SLUG}.md`],
    ['a/b\\c', '0007-a-b-c.md'],
    ['', `0007-${FALLBACK_SLUG}.md`],
    ['?!…—.,;:', `0007-${FALLBACK_SLUG}.md`],
    ['Something About Node.JS', '0007-something-about-node-js.md'],
    ['Café Überraschung à la carte', '0007-cafe-uberraschung-a-la-carte.md'],
    ['  -Bar-  ', '0007-bar.md'],
    ['\u202Egnp.exe', '0007-gnp-exe.md'],
  ];
  it.each(cases)('%j → %s', (title, expected) => {
    expect(adrFileName(number, 7, '2026-03-01', title)).toBe(expected);
  });

  it('keeps a 300-character title to a short name, cut at a word', () => {
    const title = 'Use a very long title '.repeat(14).slice(0, 300);
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG);
    expect(slug).toMatch(/^use-a-very-long-title(-[a-z]+)*$/);
  });

  it('gives names that are one safe segment on every platform', () => {
    const titles = [...cases.map(([t]) => t), 'x'.repeat(300), 'Ünïcödé ñame', 'tab\there', 'AUX', 'lpt1'];
    for (const title of titles) {
      const name = adrFileName(number, 12, '2026-03-01', title);
      expect(name).toMatch(/^\d{4}-[a-z0-9]+(-[a-z0-9]+)*\.md$/);
      expect(name.length).toBeLessThanOrEqual(4 + 1 + MAX_SLUG + 3);
      expect(RESERVED.test(name)).toBe(false);
      expect(isPlainFileName(name)).toBe(true);
    }
  });

  it('follows the folder: wider numbers, or dates as log4brains names files', () => {
    expect(adrFileName({ kind: 'number', width: 3 }, 7, '2026-03-01', 'Pick a queue')).toBe('007-pick-a-queue.md');
    expect(adrFileName({ kind: 'date' }, 7, '2026-03-01', 'Pick a queue')).toBe('20260301-pick-a-queue.md');
  });
});

describe('plain file names', () => {
  it.each(['../x.md', 'a/b.md', 'a\\b.md', '..', '.', '', 'x.md.', 'con:x', 'a\u0000b'])('refuses %j', (name) => {
    expect(isPlainFileName(name)).toBe(false);
  });
  it.each(['0001-x.md', 'README.md', '0001-x.md.cairn', '.hidden'])('accepts %j', (name) => {
    expect(isPlainFileName(name)).toBe(true);
  });
});
