/**
 * Plain links of an ADR's Links section (a web page, a ticket) are held as a list: read beside
 * the relations, written back in their own bullets when edited (and only those lines), written in
 * a Links section by a fresh render of either dialect, and read back from it; addresses are only
 * http(s), mailto or relative paths.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentFromFile, readExtra } from '../../shared/adr/content.js';
import { parseAdr } from '../../shared/adr/parse.js';
import { renderAdr } from '../../shared/adr/render.js';
import { renderImported } from '../../shared/adr/roundtrip.js';
import { Decision, linkTargetProblem, WebLink } from '../../shared/domain.js';
import { decision } from '../helpers/decisions.js';
import { diffContent } from '../../shared/revision-diff.js';
import { summarizeChanges } from '../../shared/revision-summary.js';

const FILE = '0004-use-a-cdn.md';
/** An imported MADR file whose Links section mixes a relation, web links, a note and a mail address. */
const RAW = fs.readFileSync(path.join(import.meta.dirname, '../fixtures/web-links', FILE), 'utf8');

function imported(raw = RAW) {
  const parsed = parseAdr(raw, FILE);
  if (!parsed.ok) throw new Error(parsed.reason);
  const content = contentFromFile(parsed.adr, raw, { file: FILE, extra: readExtra({}, FILE) });
  return { d: decision('cdn', 4, content), origin: content.origin, adr: parsed.adr };
}

describe('plain links in a Links section', () => {
  it('are read as a list beside the relations; other bullets stay text', () => {
    const { d, adr } = imported();
    expect(d.links).toEqual([
      { title: 'Vendor comparison', url: 'https://wiki.example.org/cdn-vendors' },
      { title: 'Load test report', url: 'reports/load-test.pdf' },
      { title: '', url: 'mailto:web-team@example.org' },
    ]);
    expect(adr.relations.map((r) => [r.type, r.ref.file])).toEqual([['refines', '0002-cache-pages.md']]);
  });

  it('are written back byte for byte when unedited, and only the edited lines change otherwise', () => {
    const { d, origin } = imported();
    expect(renderImported({ ...d, origin })).toBe(RAW);
    const edited: Decision = {
      ...d,
      links: [
        { title: 'CDN vendors compared', url: 'https://wiki.example.org/cdn-vendors' },
        { title: '', url: 'mailto:web-team@example.org' },
        { title: 'Ticket WEB-88', url: 'https://tracker.example.org/WEB-88' },
      ],
    };
    expect(renderImported({ ...edited, origin })).toBe(
      RAW.replace('[Vendor comparison]', '[CDN vendors compared]')
        .replace('* [Load test report](reports/load-test.pdf)\n', '')
        .replace(
          '* <mailto:web-team@example.org>\n',
          '* <mailto:web-team@example.org>\n* [Ticket WEB-88](https://tracker.example.org/WEB-88)\n',
        ),
    );
  });

  it('removing every link leaves the relation and the text, and a file without a Links section gets one', () => {
    const { d, origin } = imported();
    expect(renderImported({ ...d, links: [], origin })).toBe(
      RAW.replace(/\* \[Vendor[^\n]*\n/, '')
        .replace(/\* \[Load[^\n]*\n/, '')
        .replace(/\* <mailto[^\n]*\n/, ''),
    );
    const plain = RAW.slice(0, RAW.indexOf('## Links'));
    const bare = imported(plain);
    const added = renderImported({
      ...bare.d,
      links: [{ title: 'Runbook', url: 'docs/runbook.pdf' }],
      origin: bare.origin,
    });
    expect(added).toBe(`${plain}## Links\n\n* [Runbook](docs/runbook.pdf)\n`);
    expect(imported(added!).d.links).toEqual([{ title: 'Runbook', url: 'docs/runbook.pdf' }]);
  });

  it.each(['madr', 'nygard'] as const)(
    '%s: a fresh render lists them under Links, and they read back the same',
    (format) => {
      const links = [
        { title: 'Vendor [EU] comparison', url: 'https://wiki.example.org/cdn_(vendors)' },
        { title: '', url: 'https://status.example.org' },
        { title: 'Load test', url: '../reports/load-test.pdf#p2' },
        { title: '', url: 'docs/run_book.pdf' },
      ];
      const d = decision('cdn', 4, { title: 'Use a CDN', links });
      const text = renderAdr(d, format, { number: 4, numberWidth: 4, links: [], analysis: null });
      expect(text).toContain(
        '## Links\n\n* [Vendor \\[EU\\] comparison](https://wiki.example.org/cdn_(vendors))\n* <https://status.example.org>\n* [Load test](../reports/load-test.pdf#p2)\n* [docs/run_book.pdf](docs/run_book.pdf)\n',
      );
      const back = parseAdr(text, FILE);
      expect(back.ok && back.adr.values.links).toEqual(links);
    },
  );

  it('a decision without links renders no Links section', () => {
    const d = decision('cdn', 4, { title: 'Use a CDN' });
    expect(renderAdr(d, 'madr', { number: 4, numberWidth: 4, links: [], analysis: null })).not.toContain('## Links');
  });
});

describe('a link address', () => {
  it.each([
    'https://example.org/a?b=1#c',
    'http://intranet/x',
    'mailto:team@example.org',
    'docs/runbook.pdf',
    '../x/',
    '#notes',
  ])('takes %s', (url) => expect(linkTargetProblem(url)).toBeNull());
  it.each([
    ['javascript:alert(1)', 'must start with http://, https:// or mailto:'],
    ['data:text/html,hi', 'must start with http://, https:// or mailto:'],
    ['file:///etc/passwd', 'must start with http://, https:// or mailto:'],
    ['https://', 'needs a host'],
    ['//evil.example.org', 'must start with http://'],
    ['https://x.org/a b', 'cannot hold spaces'],
    ['https://x.org/a)b', 'parenthesis without its pair'],
    ['0002-cache-pages.md', 'add it as a relation instead'],
    ['', 'empty'],
  ])('refuses %s, saying what to do', (url, words) => {
    expect(linkTargetProblem(url)).toContain(words);
    expect(WebLink.safeParse({ title: 'x', url }).success).toBe(false);
  });
});

describe('a revision that changes links', () => {
  it('says so in the history and in the diff', () => {
    const before = decision('cdn', 4, { title: 'Use a CDN', links: [{ title: 'Old', url: 'https://a.example.org' }] });
    const after = decision('cdn', 4, { title: 'Use a CDN', links: [{ title: 'New', url: 'https://b.example.org' }] });
    expect(summarizeChanges(before, after)).toBe('links changed');
    expect(diffContent(before, after).map((c) => [c.label, c.before, c.after])).toEqual([
      ['Link removed', 'Old <https://a.example.org>', null],
      ['Link added', null, 'New <https://b.example.org>'],
    ]);
  });
});
