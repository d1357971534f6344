import { describe, expect, it } from 'vitest';
import { readHeader } from '../../electron/core/export/header.js';

describe('reading an existing ADR for the index and the folder dialect', () => {
  it('adr-tools: numbered title, date line, status word, relation lines', () => {
    const h = readHeader(
      '# 2. Use make\r\n\r\nDate: 2024-01-09\r\n\r\n## Status\r\n\r\nSuperceded by [3. Use ninja](0003-use-ninja.md)\r\n\r\nAmends [1. Record](0001-record.md)\r\n\r\n## Context\r\n\r\nSee [the manual](manual.md).\r\n',
    );
    expect(h).toEqual({
      dialect: 'nygard',
      listMarker: '*',
      title: 'Use make',
      status: 'superseded',
      date: '2024-01-09',
      links: [
        { type: 'superseded-by', file: '0003-use-ninja.md' },
        { type: 'amends', file: '0001-record.md' },
      ],
    });
  });

  it('MADR 4: front matter status kept whole, headings inside code fences ignored', () => {
    const h = readHeader(
      '---\nparent: Decisions\nstatus: on hold\ndate: 2024-05-06\n---\n# Real title\n\n```markdown\n# Not a title\n## Status\n```\n',
    );
    expect(h).toMatchObject({ dialect: 'madr', title: 'Real title', status: 'on hold', date: '2024-05-06' });
  });

  it('MADR 2 / log4brains: metadata bullets and a Links section', () => {
    const h = readHeader(
      '# Pick a broker\n\n- Status: superseded by [20240301-kafka](20240301-kafka.md)\n- Date: 2024-02-10\n\n## Links\n\n- Relates to [20240105-x](20240105-x.md)\n',
    );
    expect(h).toMatchObject({ dialect: 'madr-list', listMarker: '-', status: 'superseded', date: '2024-02-10' });
    expect(h.links).toEqual([
      { type: 'superseded-by', file: '20240301-kafka.md' },
      { type: 'relates-to', file: '20240105-x.md' },
    ]);
  });

  it('a file that is no ADR has no dialect', () => {
    expect(readHeader('just some notes\n')).toMatchObject({ dialect: null, title: null, status: null });
  });
});
