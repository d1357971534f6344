import { describe, expect, it } from 'vitest';
import { adrFileName, FALLBACK_SLUG, MAX_SLUG, slugify } from '../../shared/adr/slug.js';
import { isPlainFileName } from '../../electron/core/export/write.js';
import { detectNaming, parseAdrName } from '../../shared/adr/naming.js';
import { fileNumber } from '../../shared/adr/refs.js';

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

describe('new drafts follow the folder’s naming pattern', () => {
  // Listings as real ADR folders hold them: a README, a template and the ADRs themselves.
  const folders: { folder: string; names: string[]; expected: string }[] = [
    {
      folder: 'adr-tools (NNNN-title.md)',
      names: ['README.md', '0001-record-architecture-decisions.md', '0002-use-markdown.md', '0011-use-go.md'],
      expected: '0012-pick-a-queue.md',
    },
    {
      folder: 'three digits (NNN-title.md)',
      names: ['000-use-markdown.md', '001-use-kotlin.md', '007-drop-the-monolith.md', 'template.md'],
      expected: '008-pick-a-queue.md',
    },
    {
      folder: 'prefixed (adr-NNN-title.md)',
      names: ['adr-001-logging.md', 'adr-002-metrics.md', 'adr-010-tracing.md'],
      expected: 'adr-011-pick-a-queue.md',
    },
    {
      folder: 'upper-case prefix (ADR-NNNN-title.md)',
      names: ['ADR-0001-record-decisions.md', 'ADR-0004-use-kafka.md'],
      expected: 'ADR-0005-pick-a-queue.md',
    },
    {
      folder: 'glued prefix, ADR Manager extension (ADRNNN-title.html.md)',
      names: ['ADR001-use-madr.html.md', 'ADR002-use-vue.html.md', 'ADR003-caching.html.md'],
      expected: 'ADR004-pick-a-queue.html.md',
    },
    {
      folder: 'log4brains dates (YYYYMMDD-title.md)',
      names: ['20200925-use-log4brains.md', '20201016-use-markdown.md', 'index.md'],
      expected: '20260301-pick-a-queue.md',
    },
    {
      folder: 'Title-Case slugs',
      names: ['0001-Record-Architecture-Decisions.md', '0002-Use-Postgres.md'],
      expected: '0003-Pick-A-Queue.md',
    },
    {
      folder: 'UPPER-CASE slugs with underscores',
      names: ['001_USE_POSTGRES.md', '002_USE_KAFKA.md'],
      expected: '003_PICK_A_QUEUE.md',
    },
    {
      folder: 'an empty folder',
      names: ['README.md'],
      expected: '0001-pick-a-queue.md',
    },
  ];
  it.each(folders)('$folder → $expected', ({ names, expected }) => {
    const found = detectNaming(names);
    const highest = Math.max(0, ...names.map((n) => (found.kind === 'number' ? (fileNumber(n) ?? 0) : 0)));
    const naming =
      found.kind === 'date' ? { kind: 'date' as const, style: found.style } : { ...found, kind: 'number' as const };
    expect(adrFileName(naming, highest + 1, '2026-03-01', 'Pick a queue')).toBe(expected);
  });

  it('reads the parts of a name, and nothing from names that are not ADRs', () => {
    expect(parseAdrName('ADR-0007-Use-Go.html.md')).toEqual({
      prefix: 'ADR-',
      digits: '0007',
      separator: '-',
      slug: 'Use-Go',
      ext: '.html.md',
    });
    for (const name of ['README.md', 'template.md', 'adr-template.md', 'notes.txt'])
      expect(parseAdrName(name)).toBeNull();
  });
});
