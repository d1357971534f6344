import fs from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { previewAdr, renderAdr } from '../../shared/adr/render.js';
import type { AdrFormat, AdrLink, RenderOptions } from '../../shared/adr/types.js';
import { Decision, type DecisionContentInput } from '../../shared/domain.js';
import { matrixForExport } from '../../shared/scoring.js';

/**
 * Golden files: the exact bytes of an exported ADR. After an intended change to the writers, run
 * `UPDATE_GOLDEN=1 npx vitest run tests/unit/adr-render.test.ts` and review the diff.
 */
const FIXTURES = path.join(import.meta.dirname, '../fixtures/export');

function load(name: string): Decision {
  return Decision.parse(JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')));
}

function decision(content: Partial<DecisionContentInput>): Decision {
  return Decision.parse({
    id: 'd1',
    number: null,
    revision: 1,
    createdAt: 'x',
    updatedAt: 'x',
    trashedAt: null,
    title: 'T',
    date: '2026-01-01',
    ...content,
  });
}

const evidence = load('decision-evidence.json');
const plain = load('decision-plain.json');
const evidenceLinks: AdrLink[] = [
  { type: 'supersedes', number: 2, title: 'Use PHP for the gateway', file: '0002-use-php-for-the-gateway.md' },
  { type: 'relates-to', number: 5, title: 'Queue [outbox] pattern', file: '0005-queue-outbox-pattern.md' },
];
const superseded: Decision = { ...plain, status: 'superseded' };
const supersededLinks: AdrLink[] = [
  { type: 'superseded-by', number: 9, title: 'Keep decisions in the wiki', file: '0009-keep-decisions-in-the-wiki.md' },
];

function options(
  d: Decision,
  number: number | null,
  links: AdrLink[] = [],
  extra: Partial<RenderOptions> = {},
): RenderOptions {
  return { number, numberWidth: 4, links, analysis: matrixForExport(d), ...extra };
}

const GOLDEN: [string, Decision, AdrFormat, RenderOptions][] = [
  ['evidence.madr.md', evidence, 'madr', options(evidence, 7, evidenceLinks)],
  ['evidence.nygard.md', evidence, 'nygard', options(evidence, 7, evidenceLinks)],
  ['plain.madr.md', plain, 'madr', options(plain, 12)],
  ['plain.nygard.md', plain, 'nygard', options(plain, 12)],
  ['superseded.madr.md', superseded, 'madr', options(superseded, 3, supersededLinks)],
  ['superseded.nygard.md', superseded, 'nygard', options(superseded, 3, supersededLinks)],
  [
    'superseded.log4brains.md',
    superseded,
    'madr',
    options(superseded, 3, supersededLinks, { madrMetadata: 'list', listMarker: '-' }),
  ],
];

const md = new MarkdownIt({ html: true }).use(footnote);

describe('golden files', () => {
  it.each(GOLDEN)('%s', (file, d, format, opts) => {
    const text = renderAdr(d, format, opts);
    const golden = path.join(FIXTURES, 'golden', file);
    if (process.env.UPDATE_GOLDEN) {
      fs.mkdirSync(path.dirname(golden), { recursive: true });
      fs.writeFileSync(golden, text);
    }
    expect(text).toBe(fs.readFileSync(golden, 'utf8'));
  });
});

describe('the same decision gives the same bytes', () => {
  it.each(GOLDEN)('%s: LF only, one final newline, independent of claim order', (_file, d, format, opts) => {
    const text = renderAdr(d, format, opts);
    expect(text).not.toContain('\r');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    const shuffled: Decision = {
      ...d,
      evaluation: {
        ...d.evaluation,
        claims: [...d.evaluation.claims].reverse(),
        scores: [...d.evaluation.scores].reverse(),
      },
    };
    expect(renderAdr(shuffled, format, { ...opts, analysis: matrixForExport(shuffled) })).toBe(text);
  });
});

describe('MADR 4', () => {
  const text = renderAdr(evidence, 'madr', options(evidence, 7, evidenceLinks));

  it('has front matter a YAML parser reads, with the MADR keys', () => {
    const yaml = /^---\n([\s\S]*?)\n---\n/.exec(text)![1]!;
    expect(parseYaml(yaml)).toEqual({
      status: 'accepted',
      date: '2026-03-14',
      'decision-makers': ['Ada Lovelace', 'Grace Hopper'],
      consulted: ['Platform team'],
      informed: ['Support, Tier 2'],
      tags: ['backend', 'runtime'],
    });
  });

  it('keeps title, status and date where line-based readers (Backstage) look for them', () => {
    // Without a front-matter plugin the block reads as a heading whose lines are "key: value".
    const tokens = new MarkdownIt().parse(text, {});
    const h2 = tokens.findIndex((t) => t.type === 'heading_open' && t.tag === 'h2');
    const metadata = tokens[h2 + 1]!.content.split('\n');
    expect(metadata).toContain('status: accepted');
    expect(metadata).toContain('date: 2026-03-14');
    const h1 = tokens.findIndex((t) => t.type === 'heading_open' && t.tag === 'h1');
    expect(tokens[h1 + 1]!.content).toBe('Use Node.js for the notification gateway');
  });

  it('puts the sections in MADR order with the literal forms', () => {
    const headings = text.split('\n').filter((l) => /^##? /.test(l));
    expect(headings).toEqual([
      '# Use Node.js for the notification gateway',
      '## Context and Problem Statement',
      '## Decision Drivers',
      '## Considered Options',
      '## Decision Outcome',
      '## Pros and Cons of the Options',
      '## More Information',
    ]);
    expect(text).toContain('Chosen option: "Node.js", because it serves many idle connections');
    for (const form of ['* Good, because ', '* Neutral, because ', '* Bad, because ']) expect(text).toContain(form);
  });

  it('cites every pro and con, and the outcome, with footnotes that render and name their source', () => {
    const html = md.render(text);
    const refs = text.match(/\[\^[^\]]+\](?!:)/g)!;
    const defs = text.match(/^\[\^[^\]]+\]:/gm)!;
    expect(new Set(refs).size).toBe(defs.length);
    expect(html).not.toContain('[^');
    expect(html.match(/class="footnote-ref"/g)!.length).toBe(refs.length);
    const pros = text.slice(text.indexOf('## Pros and Cons'), text.indexOf('## More Information'));
    const bullets = pros.split('\n').filter((l) => /^\* (Good|Neutral|Bad), because/.test(l));
    // One line per option and weighted criterion, not one per claim.
    expect(bullets).toHaveLength(6);
    for (const line of bullets.filter((l) => !l.includes('set by hand.'))) expect(line).toMatch(/\[\^[a-z0-9-]+\][,.]/);
    expect(text).toMatch(/^Chosen option: .*\[\^c-io-1\]\[\^c-hire-1\]$/m);
    expect(text).toContain(
      '[^c-io-1]: [*Field notes on event loops*](https://example.org/notes/event-loops), R. Ortega, Example Labs, 2025-06-02, section "Concurrency model": "one thread serves every connection".',
    );
  });

  it('says when a cited claim is outdated or contradicted', () => {
    const c3 = text.split('\n').find((l) => l.startsWith('[^c-io-3]:'))!;
    expect(c3).toContain('**Outdated:** Written before asyncio frameworks became mainstream.');
    expect(c3).toContain('**Contradicted** by *Runtime survey 2024*, section "Python today"');
    expect(text).toContain('fewer libraries are written for it (contradicted)[^c-io-2][^c-io-3]');
  });

  it('leaves out rejected claims and claims set aside by a condition answered no', () => {
    expect(text).not.toContain('easy to hire');
    expect(text).not.toContain('Multiprocessing');
    expect(text).toContain('(condition: when the team knows TypeScript)');
  });

  it('leaves out a driver weighted 0 (not relevant) and the claims under it', () => {
    const d: Decision = {
      ...evidence,
      drivers: evidence.drivers.map((x) => (x.id === 'd-hire' ? { ...x, weight: 0 } : x)),
    };
    const out = renderAdr(d, 'madr', options(d, 7));
    expect(out).not.toContain('* Hiring');
    expect(out).not.toContain('(Hiring');
    expect(out).not.toContain('data_engineers');
    expect(out).toContain('* CPU-bound work');
  });

  it('puts the weighted matrix and the sensitivity statement under More Information, rendered as a table', () => {
    const more = text.slice(text.indexOf('## More Information'));
    expect(more).toContain('| I/O concurrency | 5 | 5 ✎ | 3 ✎ |');
    expect(more).toContain('| Hiring | 3 | 4 ✎ | 4 |');
    expect(more).toContain('✎ set by hand: Node.js on I/O concurrency (no note)');
    expect(more).toContain('| **Weighted total** | | **41** | **35** |');
    expect(more).toContain('Sensitivity: Python wins if the weight of I/O concurrency drops from 5 to 1.');
    expect(md.render(more)).toContain('<table>');
  });

  it('never lets a source link run script, or a source name become HTML', () => {
    const html = md.render(text);
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('<Co>');
    expect(html).toContain('Vendor &lt;Co&gt;');
  });

  it('gives footnotes of unsafe claim ids a Markdown-safe label that stays the same', () => {
    const label = /\[\^(claim-7-draft-[a-z0-9]+)\]/.exec(text)![1]!;
    expect(renderAdr(evidence, 'madr', options(evidence, 7))).toContain(`[^${label}]:`);
  });

  it('exports a plain decision without evaluation cleanly', () => {
    const out = renderAdr(plain, 'madr', options(plain, null));
    expect(out).not.toContain('[^');
    expect(out).not.toContain('Weighted matrix');
    expect(out).not.toContain('Pros and Cons');
    expect(md.render(out)).toContain('<h1>Keep a decision log in the repository</h1>');
  });
});

describe('Nygard / adr-tools', () => {
  it('is read the way adr-tools and Structurizr read it: numbered title, date line, status first in its section', () => {
    const text = renderAdr(evidence, 'nygard', options(evidence, 7, evidenceLinks));
    const lines = text.split('\n');
    expect(lines[0]).toBe('# 7. Use Node.js for the notification gateway');
    expect(lines[2]).toBe('Date: 2026-03-14');
    expect(lines.slice(4, 10)).toEqual([
      '## Status',
      '',
      'Accepted',
      '',
      'Supercedes [2. Use PHP for the gateway](0002-use-php-for-the-gateway.md)',
      '',
    ]);
    const sections = lines.filter((l) => /^## /.test(l));
    expect(sections.slice(0, 4)).toEqual(['## Status', '## Context', '## Decision', '## Consequences']);
  });

  it('writes a superseded ADR as adr-tools leaves it: the "Superceded by" line is its status', () => {
    const text = renderAdr(superseded, 'nygard', options(superseded, 3, supersededLinks));
    expect(text).toContain(
      '## Status\n\nSuperceded by [9. Keep decisions in the wiki](0009-keep-decisions-in-the-wiki.md)\n\n## Context',
    );
  });

  it('writes the plain Superseded status when the superseding ADR is not known', () => {
    expect(renderAdr(superseded, 'nygard', options(superseded, 3))).toContain('## Status\n\nSuperseded\n\n## Context');
  });
});

describe('hostile text', () => {
  it('keeps titles, names and people literal', () => {
    const d = decision({
      title: '<script>alert(1)</script> [x](javascript:alert(1)) *bold* #',
      decisionMakers: ['Mallory: admin', 'yes', '- list'],
      options: [
        { id: 'a', name: '1. First | second' },
        { id: 'b', name: '> quoted' },
      ],
      chosenOption: 'a',
    });
    for (const format of ['madr', 'nygard'] as const) {
      const text = renderAdr(d, format, options(d, 4));
      const html = md.render(text);
      expect(html).not.toContain('<script>');
      expect(html).not.toMatch(/href="javascript/);
      expect(html).not.toContain('<em>bold</em>');
      expect(html).not.toContain('<blockquote>');
      expect(html).not.toContain('<ol');
    }
    const yaml = /^---\n([\s\S]*?)\n---\n/.exec(renderAdr(d, 'madr', options(d, 4)))![1]!;
    expect(parseYaml(yaml)['decision-makers']).toEqual(['Mallory: admin', 'yes', '- list']);
  });

  it('closes a code fence left open in a long field, so the next section is still a section', () => {
    const d = decision({ context: 'Example:\n\n```js\nconst x = 1;', drivers: [{ id: 'x', name: 'Speed' }] });
    const html = md.render(renderAdr(d, 'madr', options(d, 1)));
    expect(html).toContain('<h2>Decision Drivers</h2>');
  });

  it('writes every line ending as LF and drops control characters', () => {
    const d = decision({ title: 'Bell\u0007 and\u0000 null', context: 'one\r\ntwo\rthree' });
    const text = renderAdr(d, 'madr', options(d, 1));
    expect(text).toContain('# Bell and null');
    expect(text).toContain('one\ntwo\nthree');
    expect([...text].filter((c) => c === '\r' || c === '\u0000' || c === '\u0007')).toEqual([]);
  });
});

describe('one text for every screen', () => {
  it('previewAdr prints what the export writes, with the matrix computed from the decision', () => {
    const d: Decision = { ...evidence, number: 7 };
    expect(previewAdr(d, 'madr', { links: evidenceLinks })).toBe(renderAdr(d, 'madr', options(d, 7, evidenceLinks)));
  });
});
