import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { linkKind, MARKDOWN_DISPLAY_LIMIT, renderMarkdown } from '../../shared/safe-markdown.js';
import { BENIGN_MARKDOWN, HOSTILE_MARKDOWN } from '../fixtures/hostile-markdown.js';
import { unsafeMarkup } from '../helpers/markup-safety.js';
import { recordFigures } from '../helpers/trust-figures.js';

const timings: { name: string; ms: number }[] = [];
let unsafe: { input: string; remoteImages: boolean; problems: string[] }[] = [];

afterAll(() => {
  recordFigures('markdown-node', {
    inputs: HOSTILE_MARKDOWN.length,
    checked: timings.length,
    unsafeInputs: [...new Set(unsafe.map((u) => u.input))],
    timings,
  });
});

describe('the Markdown renderer', () => {
  it('keeps every hostile input free of raw markup, handlers and foreign schemes', () => {
    expect(HOSTILE_MARKDOWN.length).toBeGreaterThanOrEqual(20);
    unsafe = [];
    for (const { name, source } of HOSTILE_MARKDOWN) {
      for (const allowRemoteImages of [false, true]) {
        const start = performance.now();
        const html = renderMarkdown(source, { docId: 'doc', allowRemoteImages });
        if (!allowRemoteImages) timings.push({ name, ms: Math.round((performance.now() - start) * 10) / 10 });
        const problems = unsafeMarkup(html, { allowImages: allowRemoteImages });
        if (problems.length) unsafe.push({ input: name, remoteImages: allowRemoteImages, problems });
      }
    }
    expect(unsafe).toEqual([]);
  });

  it('shows raw HTML as text rather than dropping it', () => {
    expect(renderMarkdown('<b>bold</b> <script>x()</script>')).toBe(
      '<p>&lt;b&gt;bold&lt;/b&gt; &lt;script&gt;x()&lt;/script&gt;</p>\n',
    );
  });

  it('keeps http, https, mailto, relative and in-page links and opens outside ones in a new window', () => {
    const html = renderMarkdown(BENIGN_MARKDOWN, { docId: 'd1' });
    expect(html).toContain(
      '<a href="https://www.postgresql.org/docs/" target="_blank" rel="noopener noreferrer">the docs</a>',
    );
    expect(html).toContain('<a href="0002-use-kafka.md">ADR 2</a>');
    expect(html).toContain('<a href="mailto:arch@example.com" target="_blank" rel="noopener noreferrer">mail us</a>');
    expect(html).toContain('<a href="#fn-d1-1">the notes</a>');
    expect(unsafeMarkup(html)).toEqual([]);
  });

  it('renders footnotes with ids prefixed per document', () => {
    const html = renderMarkdown('Fast[^1].\n\n[^1]: Vendor benchmark, section "Results".', { docId: 'adr-4' });
    expect(html).toContain('<sup class="footnote-ref"><a href="#fn-adr-4-1" id="fnref-adr-4-1">[1]</a></sup>');
    expect(html).toContain(
      '<li id="fn-adr-4-1" class="footnote-item"><p>Vendor benchmark, section “Results”.'.replace(
        '“Results”',
        '&quot;Results&quot;',
      ),
    );
    expect(renderMarkdown('x[^1]\n\n[^1]: y', { docId: '"><script>' })).toContain('id="fnref-script-1"');
  });

  it('replaces images by a labelled link unless remote images are allowed, and then loads only http(s)', () => {
    const source = '![Architecture diagram](https://example.com/diagram.png)';
    expect(renderMarkdown(source)).toBe(
      '<p><a class="md-image-blocked" href="https://example.com/diagram.png" target="_blank" rel="noopener noreferrer">Image not shown: Architecture diagram</a></p>\n',
    );
    expect(renderMarkdown(source, { allowRemoteImages: true })).toBe(
      '<p><img src="https://example.com/diagram.png" alt="Architecture diagram"></p>\n',
    );
    expect(renderMarkdown('![local](diagram.png)', { allowRemoteImages: true })).toContain(
      '<a class="md-image-blocked" href="diagram.png">Image not shown: local</a>',
    );
    expect(renderMarkdown('[![logo](https://example.com/l.png)](https://example.com)')).toContain(
      '<span class="md-image-blocked">Image not shown: logo</span>',
    );
  });

  it('shows very long text only up to the display limit, and says so', () => {
    const html = renderMarkdown('word '.repeat(MARKDOWN_DISPLAY_LIMIT / 2));
    expect(html.length).toBeLessThan(MARKDOWN_DISPLAY_LIMIT + 1000);
    expect(html).toMatch(
      /<p class="md-truncated">Only the first 300,000 of 750,000 characters are shown here; the full text is kept.<\/p>\n$/,
    );
    expect(renderMarkdown('short')).not.toContain('md-truncated');
  });

  it('aligns table columns with classes, since the CSP blocks inline style', () => {
    const html = renderMarkdown('| a | b | c |\n| :-- | :-: | --: |\n| 1 | 2 | 3 |');
    expect(html).toContain('<th class="md-align-left">a</th>');
    expect(html).toContain('<td class="md-align-center">2</td>');
    expect(html).toContain('<td class="md-align-right">3</td>');
    expect(html).not.toContain('style=');
  });

  it('classifies link targets the way a browser would resolve them', () => {
    expect(linkKind('https://example.com/a')).toBe('http');
    expect(linkKind('  HTTP://EXAMPLE.COM  ')).toBe('http');
    expect(linkKind('mailto:a@example.com')).toBe('mailto');
    expect(linkKind('0002-use-kafka.md')).toBe('relative');
    expect(linkKind('../adr/0002.md#status')).toBe('relative');
    expect(linkKind('#fn-1')).toBe('fragment');
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:x',
      'data:text/html,x',
      'file:///etc/passwd',
      'vbscript:x',
      'java\tscript:x',
      '//evil.example',
      '\\\\evil.example',
      '/\\evil.example',
      'https://',
      'https:evil.example',
      'http://@evil',
      'mailto:',
      '',
      '   ',
    ]) {
      expect(linkKind(bad), bad).toBeNull();
    }
  });
});
