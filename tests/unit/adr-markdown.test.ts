import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  block,
  cell,
  folderPath,
  inline,
  relativePath,
  safeUrl,
  yamlList,
  yamlScalar,
} from '../../shared/adr/markdown.js';
import { footnoteLabel } from '../../shared/adr/citations.js';
import { mermaidText, renderIndex } from '../../shared/adr/index-file.js';

const md = new MarkdownIt({ html: true });
const renderInline = (s: string) => md.renderInline(s);

describe('literal text', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['[click](javascript:alert(1))', '[click](javascript:alert(1))'],
    ['*not bold* and `not code`', '*not bold* and `not code`'],
    ['snake_case stays', 'snake_case stays'],
    ['_not italic_', '_not italic_'],
    ['costs $5 and ~~x~~', 'costs $5 and ~~x~~'],
    ['&copy; stays text', '&amp;copy; stays text'],
    ['footnote [^x] stays text', 'footnote [^x] stays text'],
  ])('%j renders as itself', (text, html) => {
    expect(renderInline(inline(text))).toBe(html);
  });

  it('keeps a line start from opening a block', () => {
    for (const text of ['# heading', '> quote', '- item', '+ item', '1. item', '2) item', '=== ']) {
      const html = md.render(`* ${inline(text)}`);
      expect(html).toMatch(/^<ul>\n<li>[^<]*<\/li>\n<\/ul>\n$/);
    }
  });

  it('keeps a heading whole, closing hashes included', () => {
    expect(md.render(`# ${inline('Use C# and F #', false)}`)).toBe('<h1>Use C# and F #</h1>\n');
  });

  it('escapes pipes in table cells', () => {
    const html = md.render(`| a | b |\n| --- | --- |\n| ${cell('x | y')} | z |`);
    expect(html).toContain('<td>x | y</td>');
  });
});

describe('long fields', () => {
  it('closes an open fence and an open comment', () => {
    expect(block('text\n```\ncode')).toBe('text\n```\ncode\n```');
    expect(block('text\n~~~~ js\ncode\n~~~')).toBe('text\n~~~~ js\ncode\n~~~\n~~~~');
    expect(block('a <!-- hidden')).toBe('a <!-- hidden -->');
    expect(block('```\nclosed\n```')).toBe('```\nclosed\n```');
  });

  it('trims blank lines around the text and trailing spaces except a hard break', () => {
    expect(block('\n\n  one  \ntwo   \n\n')).toBe('  one  \ntwo');
  });
});

describe('YAML scalars', () => {
  it.each([
    'Ada Lovelace',
    'yes',
    'No',
    'null',
    '2026-01-01',
    '123',
    'a: b',
    'x #y',
    '"quoted"',
    "it's",
    '- dash',
    '[a]',
    'line\u2028break',
    'tab\there',
    ' padded ',
  ])('%j reads back as the same string', (value) => {
    const parsed = parseYaml(`k: ${yamlScalar(value)}\nl: ${yamlList([value, 'x'])}`) as { k: string; l: string[] };
    // One-line fields: only surrounding blanks are dropped.
    expect(parsed.k).toBe(value.trim());
    expect(parsed.l[0]).toBe(value.trim());
  });

  it('writes simple values bare so line readers see them', () => {
    expect(yamlScalar('accepted')).toBe('accepted');
    expect(yamlScalar('superseded by ADR-0007')).toBe('superseded by ADR-0007');
  });
});

describe('links and labels', () => {
  it('links only http(s) sources, with nothing that leaves the parentheses', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,x')).toBeNull();
    expect(safeUrl('https://e.org/a (b)')).toBe('https://e.org/a%20%28b%29');
  });

  it('makes footnote labels from claim ids, stable and safe', () => {
    expect(footnoteLabel('s0-01')).toBe('s0-01');
    const odd = footnoteLabel('Claim #7 [draft]');
    expect(odd).toMatch(/^claim-7-draft-[a-z0-9]+$/);
    expect(footnoteLabel('Claim #7 [draft]')).toBe(odd);
    expect(footnoteLabel('Claim #7 [Draft]')).not.toBe(odd);
    expect(footnoteLabel('🚀')).toMatch(/^claim-[a-z0-9]+$/);
  });
});

describe('the index', () => {
  it('lists every ADR by number and draws relations in Mermaid with safe labels', () => {
    const text = renderIndex(
      [
        {
          file: '0002-b.md',
          number: 2,
          title: 'Use "quotes" <b> & #hash; here',
          status: 'accepted',
          date: '2026-01-02',
        },
        { file: '0001-a.md', number: 1, title: 'A | pipe', status: 'superseded', date: null },
        { file: '0003-c.md', number: 3, title: 'Lonely', status: '', date: '2026-01-03' },
      ],
      [
        { from: '0002-b.md', to: '0001-a.md', type: 'supersedes' },
        { from: '0002-b.md', to: '0001-a.md', type: 'supersedes' },
        { from: '0002-b.md', to: 'missing.md', type: 'amends' },
      ],
    );
    expect(text).toContain('| 1 | [A \\| pipe](0001-a.md) | superseded | – |\n| 2 |');
    expect(text).toContain('| 3 | [Lonely](0003-c.md) | – | 2026-01-03 |');
    expect(text).toContain('  adr2["2. Use #quot;quotes#quot; #lt;b#gt; #amp; #35;hash#59; here"]');
    expect(text.match(/-->/g)).toHaveLength(1);
    expect(text).toContain('  adr2 -->|supersedes| adr1');
    expect(text).not.toContain('adr3[');
    expect(mermaidText('a\nb')).toBe('a b');
  });
});

describe('paths inside an ADR folder', () => {
  it('links a file to another relative to its own folder, and reads a link back as a folder path', () => {
    const cases: [string, string, string][] = [
      ['0001-a.md', '0002-b.md', '0002-b.md'],
      ['0001-a.md', 'sub/0002-b.md', 'sub/0002-b.md'],
      ['sub/0002-b.md', '0001-a.md', '../0001-a.md'],
      ['sub/deep/0003-c.md', '0001-a.md', '../../0001-a.md'],
      ['sub/deep/0003-c.md', 'sub/0002-b.md', '../0002-b.md'],
      ['sub/0002-b.md', 'sub/deep/0003-c.md', 'deep/0003-c.md'],
      ['a/0004-d.md', 'b/0005-e.md', '../b/0005-e.md'],
    ];
    for (const [from, to, href] of cases) {
      expect({ from, to, href: relativePath(from, to) }).toEqual({ from, to, href });
      expect({ from, href, back: folderPath(from, href) }).toEqual({ from, href, back: to });
    }
    expect(folderPath('sub/0002-b.md', './0003-c.md')).toBe('sub/0003-c.md');
    expect(folderPath('0001-a.md', '../outside.md')).toBeNull();
  });
});
