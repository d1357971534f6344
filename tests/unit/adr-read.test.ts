import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adrMarkdownFor, formatOf } from '../../shared/adr/read.js';
import { renderAdr } from '../../shared/adr/render.js';
import { Decision, type DecisionContentInput, type Origin } from '../../shared/domain.js';
import { renderMarkdown } from '../../shared/safe-markdown.js';
import { matrixForExport } from '../../shared/scoring.js';

const FIXTURES = path.join(import.meta.dirname, '../fixtures');

function decision(
  content: Partial<DecisionContentInput> & { id?: string; number?: number | null; origin?: Origin },
): Decision & { origin: Origin | null } {
  const { origin = null, ...rest } = content;
  return {
    ...Decision.parse({
      id: 'd1',
      number: null,
      revision: 1,
      createdAt: 'x',
      updatedAt: 'x',
      trashedAt: null,
      title: 'T',
      date: '2026-01-01',
      ...rest,
    }),
    origin,
  };
}

describe('adrMarkdownFor (what the read view, the review and the preview show)', () => {
  it('is the export renderer’s text for a decision that was never imported', () => {
    const d = {
      ...Decision.parse(JSON.parse(fs.readFileSync(path.join(FIXTURES, 'export/decision-evidence.json'), 'utf8'))),
      relations: [],
    };
    const expected = renderAdr(d, 'madr', {
      number: d.number,
      numberWidth: 4,
      links: [],
      analysis: matrixForExport(d),
      madrMetadata: 'front-matter',
      resolve: () => null,
    });
    expect(adrMarkdownFor(d)).toBe(expected);
    expect(adrMarkdownFor(d, { format: 'nygard' })).toContain('## Decision');
  });

  // That an unedited imported file reads as its own bytes is tried on real imports in tests/e2e/read.spec.ts.
  it('writes a decision in the dialect its file came in, else MADR', () => {
    const raw = fs.readFileSync(path.join(FIXTURES, 'read/nygard/0002-use-postgresql.md'), 'utf8');
    const d = decision({
      title: 'Use PostgreSQL',
      origin: { file: '0002-use-postgresql.md', dialect: 'nygard', raw, extra: {} },
    });
    expect(formatOf(d)).toBe('nygard');
    expect(formatOf(decision({ origin: { file: 'x.md', dialect: 'madr2', raw: '# x\n', extra: {} } }))).toBe('madr');
    expect(formatOf(decision({}))).toBe('madr');
  });

  it('prints link lines for related decisions, from either side of the relation', () => {
    const a = decision({ id: 'a', title: 'New', relations: [{ type: 'supersedes', target: 'b' }] });
    const text = adrMarkdownFor(a, {
      related: [
        { id: 'b', number: 3, title: 'Old', file: '0003-old.md', relations: [] },
        { id: 'c', number: 4, title: 'Other', file: null, relations: [{ type: 'relates-to', target: 'a' }] },
      ],
    });
    expect(text).toContain('Old');
    expect(text).toContain('0003-old.md');
    expect(text).toContain('Other');
  });
});

describe('renderMarkdown headingOffset', () => {
  it('pushes headings below the page title and keeps their own level as a class', () => {
    const html = renderMarkdown('# Title\n\n## Section\n\n###### Deep', { headingOffset: 1 });
    expect(html).toContain('<h2 class="md-h1">Title</h2>');
    expect(html).toContain('<h3 class="md-h2">Section</h3>');
    expect(html).toContain('<h6 class="md-h6">Deep</h6>');
    expect(renderMarkdown('# Title')).toBe('<h1>Title</h1>\n');
  });
});
